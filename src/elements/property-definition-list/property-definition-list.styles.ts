import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    flex-wrap: wrap;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  [part~='add-button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    vertical-align: middle;
  }
  th {
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  tr[draggable='true'] {
    cursor: grab;
  }
  tr.dragging {
    opacity: 0.5;
  }
  tr:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  td code {
    font-size: 0.9em;
  }
  .locked {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    gap: 0.25rem;
    flex-wrap: wrap;
  }
  [part~='hint'],
  [part~='message'] {
    margin: 0;
    color: var(--_muted);
  }
  [part~='error'] {
    color: var(--_error);
    margin: 0;
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  dialog {
    box-sizing: border-box;
    width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
    padding: 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .confirm {
    display: grid;
    gap: 1rem;
  }
  .confirm h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  .confirm p {
    margin: 0;
  }
  .confirm .buttons {
    display: flex;
    gap: 0.5rem;
  }
  .danger {
    color: Canvas;
    background: var(--_error);
    border-color: var(--_error);
  }
  .locked svg {
    vertical-align: -0.2em;
  }
`;
