import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: calc(var(--_gap) * 2);
    min-width: 0;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label.field > span,
  legend {
    font-weight: var(--cp-label-font-weight, 600);
    padding: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: grid;
    gap: 0.5rem;
  }
  .types {
    display: grid;
    gap: 0.25rem;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  .type {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: start;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .type:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .type input,
  .check input,
  .levels input {
    width: auto;
    min-height: 0;
    margin: 0.2rem 0 0;
  }
  .type .name {
    font-weight: 600;
  }
  .type .about,
  .type .example {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: start;
  }
  [part~='options'] ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .option {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }
  .option.dragging {
    opacity: 0.5;
  }
  .option .grip {
    cursor: grab;
    color: var(--_muted);
    user-select: none;
  }
  .option .value,
  .option [part~='error'] {
    grid-column: 2 / -1;
    margin: 0;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .option [part~='error'] {
    color: var(--_error);
  }
  .row-buttons {
    display: flex;
    gap: 0.125rem;
  }
  .add {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.5rem;
    align-items: end;
  }
  .access {
    display: grid;
    gap: 0.25rem;
  }
  .levels {
    display: grid;
    /* Fits 320 px (WCAG 1.4.10): the role column gives way and wraps. */
    grid-template-columns: minmax(4.5rem, auto) repeat(3, auto);
    gap: 0.25rem 0.625rem;
    align-items: center;
    justify-content: start;
  }
  .levels legend {
    font-weight: 400;
    float: left;
    overflow-wrap: anywhere;
  }
  .levels fieldset {
    display: contents;
  }
  .levels label {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  [part~='summary'] {
    margin: 0;
    color: var(--_muted);
  }
  .sample-result {
    margin: 0;
    font-size: 0.875em;
  }
  .sample-result.ok {
    color: var(--_success);
  }
  [part~='message'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    color: var(--_error);
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  code {
    font-size: 0.9em;
  }
  .confirm-dialog {
    max-inline-size: min(32rem, 100% - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
