import { css } from 'lit';

export const styles = css`
  :host {
    max-width: 40rem;
  }
  form {
    display: grid;
    gap: calc(var(--_gap) * 2);
    min-width: 0;
  }
  [part~='group'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  [part~='group-heading'] {
    padding: 0;
    margin-block-end: var(--_gap);
    font-weight: 600;
    font-size: 1.0625rem;
  }
  /* Fields off screen skip style and layout until they come near (a long form opens and checks fast). */
  form > property-editor,
  [part~='group'] > property-editor {
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5rem;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  [part~='intro'] {
    margin: 0;
    color: var(--_muted);
  }
  [part~='message'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
  }
  [part~='message'].success {
    color: var(--_success);
  }
  [part~='message'].problem {
    color: var(--_error);
  }
  [part~='message']:empty {
    display: none;
  }
  [part~='save-button'] {
    justify-self: start;
    min-height: 2.75rem;
    padding: 0.5rem 1.5rem;
  }
  [part~='save-button']:disabled {
    cursor: progress;
  }
  @media (max-width: 30rem) {
    [part~='save-button'] {
      justify-self: stretch;
    }
  }
  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
`;
