import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  [part~='label'] {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: var(--cp-label-font-weight, 600);
  }
  .required {
    color: var(--_error);
    margin-inline-start: 0.125rem;
  }
  ::slotted([slot='map']) {
    display: block;
    width: 100%;
    height: var(--cp-map-height, 16rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='notice'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .coordinates {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
  }
  .coordinates label,
  .address {
    display: grid;
    gap: 0.125rem;
  }
  .address {
    grid-column: 1 / -1;
  }
  [part~='locate-button'],
  [part~='retry-button'] {
    justify-self: start;
    padding: 0.375rem 0.75rem;
  }
  [part~='value'] {
    user-select: text;
  }
  [part~='link'] {
    color: var(--_accent);
  }
  .readonly {
    display: grid;
    gap: 0.25rem;
  }
`;
