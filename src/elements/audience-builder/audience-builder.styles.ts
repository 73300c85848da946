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
  .icon {
    display: inline-grid;
    place-items: center;
    inline-size: 28px;
    block-size: 28px;
    padding: 0;
  }
  .icon svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
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
