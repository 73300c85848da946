import { css } from 'lit';

/**
 * The design tokens every element reads, each with a fallback chain so a host themes all of them
 * at once (`--cp-color-accent`) or one part only (`--cp-input-border-color`).
 *
 * Two palettes, chosen by the `color-scheme` the element inherits (`light-dark()`), not by the OS
 * alone: a host puts `color-scheme: dark` (or `light dark`, to follow the OS) on an ancestor, or
 * sets the `--cp-*` tokens. Every pair is at least 4.5:1 (text) and 3:1 (borders, focus) in both.
 * In forced colours the system colours take over (see `inputStyles`).
 */
export const tokens = css`
  :host {
    display: block;
    --_font: var(--cp-font-family, inherit);
    --_text: var(--cp-color-text, CanvasText);
    --_muted: var(--cp-color-text-muted, color-mix(in srgb, CanvasText 68%, Canvas));
    --_surface: var(--cp-color-surface, Canvas);
    --_border: var(--cp-input-border-color, var(--cp-color-border, light-dark(#767676, #8f8f8f)));
    --_accent: var(--cp-color-accent, light-dark(#1a5fd0, #8ab4f8));
    --_on-accent: var(--cp-button-text-color, light-dark(#ffffff, #0b1a33));
    --_error: var(--cp-color-error, light-dark(#b3261e, #f2b8b5));
    --_success: var(--cp-color-success, light-dark(#1e7b34, #8fd19e));
    --_radius: var(--cp-radius, 0.375rem);
    --_gap: var(--cp-spacing, 0.5rem);
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
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
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: default;
  }
  /* The one main action of a form or page. */
  button.primary {
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  /* WCAG 2.5.8: every target at least 24 by 24 CSS pixels. */
  button {
    min-block-size: 24px;
    min-inline-size: 24px;
  }
  input[type='checkbox'],
  input[type='radio'] {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    min-height: 0;
    margin: 0;
    padding: 0;
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
  /* Forced colours: system colours only, so nothing is drawn in a colour the user's theme removed. */
  @media (forced-colors: active) {
    button,
    button.primary,
    button.danger {
      color: ButtonText;
      background: ButtonFace;
      border-color: ButtonText;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
    input:focus-visible,
    textarea:focus-visible,
    select:focus-visible,
    button:focus-visible,
    [tabindex]:focus-visible {
      outline-color: Highlight;
    }
    [part~='error'] {
      color: CanvasText;
    }
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

/**
 * Inline SVG icons (`aria-hidden`, on buttons that have a text name): drawn in the text's colour,
 * so they follow the theme and forced colours. `.icon` is a 28 px square button holding one.
 */
export const iconStyles = css`
  .icon {
    display: inline-grid;
    place-items: center;
    inline-size: 28px;
    block-size: 28px;
    padding: 0;
  }
  .icon svg,
  .icon-button svg,
  .map-link svg,
  .locked svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
