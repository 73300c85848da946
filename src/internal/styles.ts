import { css } from 'lit';

/**
 * The design tokens every element reads, each with a fallback chain so a host themes all of them
 * at once (`--cp-color-accent`) or one part only (`--cp-input-border-color`).
 */
export const tokens = css`
  :host {
    display: block;
    --_font: var(--cp-font-family, inherit);
    --_text: var(--cp-color-text, CanvasText);
    --_muted: var(--cp-color-text-muted, color-mix(in srgb, CanvasText 65%, Canvas));
    --_surface: var(--cp-color-surface, Canvas);
    --_border: var(--cp-input-border-color, var(--cp-color-border, #8a8a8a));
    --_accent: var(--cp-color-accent, #1a5fd0);
    --_error: var(--cp-color-error, #b3261e);
    --_success: var(--cp-color-success, #1e7b34);
    --_radius: var(--cp-radius, 0.375rem);
    --_gap: var(--cp-spacing, 0.5rem);
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--cp-color-accent, #8ab4f8);
      --_error: var(--cp-color-error, #f2b8b5);
      --_success: var(--cp-color-success, #8fd19e);
    }
  }
`;

/** Native inputs dressed alike in every element. */
export const inputStyles = css`
  input,
  textarea,
  select,
  button {
    font: inherit;
    color: inherit;
  }
  button {
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--cp-button-background, transparent);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  /* The one main action of a form or page. */
  button.primary {
    font-weight: 600;
    color: var(--cp-button-text-color, Canvas);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input,
  textarea,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    background: var(--cp-input-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  button:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--cp-focus-ring-color, var(--_accent));
    outline-offset: 2px;
  }
  :host(:state(user-invalid)) input,
  :host(:state(user-invalid)) textarea,
  :host(:state(user-invalid)) select {
    border-color: var(--_error);
  }
  [part~='error'] {
    color: var(--_error);
    margin: 0.25rem 0 0;
    font-size: 0.875em;
  }
  [part~='help-text'] {
    color: var(--_muted);
    margin: 0.25rem 0 0;
    font-size: 0.875em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
