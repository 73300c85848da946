import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='item'] {
    display: flex;
    align-items: center;
    gap: 0.5rem 1rem;
    flex-wrap: wrap;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  [part~='count'] {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .actions,
  .buttons {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  button {
    min-height: 2.25rem;
    min-width: 2.25rem;
  }
  button.danger {
    color: var(--_error);
    border-color: var(--_error);
  }
  .rename {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
    flex: 1 1 20rem;
  }
  .rename input {
    width: auto;
    flex: 1 1 10rem;
  }
  .error {
    color: var(--_error);
    margin: 0;
    flex-basis: 100%;
  }
  [part~='editor'] {
    display: grid;
    gap: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  [part~='editor'] h3 {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  dialog {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(30rem, 90vw);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.125rem;
  }
  [part~='message'] {
    margin: 0;
  }
`;
