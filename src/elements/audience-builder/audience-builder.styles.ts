import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  fieldset {
    margin: 0;
    min-width: 0;
    display: grid;
    gap: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  fieldset fieldset {
    border-style: dashed;
  }
  legend {
    padding: 0 0.25rem;
  }
  .match {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .match select {
    width: auto;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [part~='condition'] {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) minmax(8rem, 1fr) minmax(10rem, 2fr) auto;
    gap: 0.5rem;
    align-items: start;
  }
  @media (max-width: 40rem) {
    [part~='condition'] {
      grid-template-columns: 1fr;
    }
  }
  .operand {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  .operand property-editor::part(label) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .operand property-editor.labelled::part(label) {
    position: static;
    width: auto;
    height: auto;
    overflow: visible;
    clip: auto;
    white-space: normal;
    font-size: 0.875em;
    font-weight: 400;
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.25rem;
  }
  .condition-error {
    grid-column: 1 / -1;
    color: var(--_error);
    margin: 0;
    font-size: 0.875em;
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  [part~='count'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='preview'] {
    margin: 0;
    color: var(--_muted);
  }
`;

/* The members: every matching customer, a page at a time (issue 22). */
export const memberStyles = css`
  [part~='members'] {
    display: grid;
    gap: 0.5rem;
  }
  [part~='members'] > summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 1.5rem;
  }
  .columns {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border-style: dashed;
  }
  .columns label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 1.5rem;
  }
  .columns input {
    width: 1.25rem;
    min-height: 1.25rem;
    margin: 0;
  }
  .table-scroll {
    overflow-x: auto;
    margin-top: 0.5rem;
  }
  [part~='members-table'] {
    border-collapse: collapse;
    width: 100%;
  }
  [part~='members-table'] caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 0.25rem;
  }
  [part~='members-table'] th,
  [part~='members-table'] td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  [part~='members-table'] thead th {
    font-weight: 600;
  }
  [part~='members-table'] tbody th {
    font-weight: normal;
  }
`;

export const exportStyles = css`
  .export {
    display: grid;
    gap: 0.25rem;
  }
  .export p {
    margin: 0;
  }
  .export progress {
    width: 100%;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 1.5rem;
  }
  .check input {
    width: 1.25rem;
    min-height: 1.25rem;
    margin: 0;
  }
`;

export const chartStyles = css`
  .chart-row {
    grid-column: 1 / -1;
    display: grid;
    justify-items: start;
    gap: 0.25rem;
  }
  .chart {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .chart figcaption {
    font-weight: 600;
  }
  .chart p {
    margin: 0;
    color: var(--_muted);
  }
  .chart-table {
    border-collapse: collapse;
  }
  .chart-table th,
  .chart-table td {
    text-align: start;
    padding: 0.125rem 0.5rem 0.125rem 0;
    font-weight: normal;
  }
  .chart-table thead th {
    font-weight: 600;
  }
  .chart-table .count {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    fill: var(--_accent);
  }
`;
