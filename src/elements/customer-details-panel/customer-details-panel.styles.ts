import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  [part~='title'] {
    margin: 0;
    font-size: 1rem;
  }
  [part~='header'] {
    display: grid;
    gap: 0.25rem;
  }
  [part~='number'] {
    margin: 0;
    color: var(--_muted);
    user-select: text;
  }
  [part~='fields'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5rem;
  }
  /* A row before it gets its editor (see EAGER_ROWS): shaped like the editor it becomes. */
  .pending {
    display: grid;
    gap: 0.25rem;
  }
  .pending-label {
    font-weight: var(--cp-label-font-weight, 600);
  }
  .pending-value {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .pending-value.editable {
    box-sizing: border-box;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    background: var(--cp-input-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='status'],
  [part~='meta'] {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='status'].saved {
    color: var(--_success);
  }
  [part~='status'].failed {
    color: var(--_error);
  }
  [part~='status'] svg {
    width: 1em;
    height: 1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
  }
  .spin {
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation: none;
    }
  }
  [part~='conflict'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
  }
  [part~='conflict'] p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='status'] button {
    padding: 0 0.5rem;
  }
  [part~='empty'],
  [part~='message'] {
    margin: 0;
    color: var(--_muted);
  }
  [part~='error'] {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  [part~='history'] {
    display: grid;
    gap: 0.375rem;
    justify-items: start;
    font-size: 0.875em;
  }
  /* WCAG 2.5.8: a target of at least 24 by 24 CSS pixels. */
  [part~='history'] button {
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0.125rem 0.5rem;
  }
  .history-body {
    display: grid;
    gap: 0.375rem;
    justify-items: start;
  }
  .history-body[hidden] {
    display: none;
  }
  [part~='history-entries'] {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='history-entry'] {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='history-message'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    color: var(--_muted);
  }
  [part~='history-message'].failed {
    color: var(--_error);
  }
`;
