import { css } from 'lit';

// A long compact list is drawn in chunks of rows (CHUNK_ROWS in the element), `.chunked > .chunk`:
// a chunk off screen is skipped by layout as a whole (its size, 50 rows of about 30 px, is
// estimated until it is drawn, then remembered), so a change in one row lays out its chunk, not
// every row of the list; the rows inside a chunk are not skipped one by one. The list of chunks is
// a block, not a grid: a grid of thousands of items is sized again as a whole at every change.

export const styles = css`
  /* Given a height by the host, the panel scrolls within itself. */
  :host {
    overflow: auto;
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  :host([layout='compact']) [part~='base'] {
    gap: var(--_gap);
    /* Room for focus rings at the edges: the host scrolls, and would clip them. */
    padding: 4px;
  }
  /* ——— compact layout: label and value on a line, the editor in place while edited ——— */
  .compact[part~='fields'] {
    gap: 0.125rem;
  }
  .compact > [part~='field'] {
    gap: 0;
    contain-intrinsic-size: auto 2rem;
  }
  .chunked[part~='fields'] {
    display: block;
  }
  .chunked > .chunk {
    content-visibility: auto;
    contain-intrinsic-size: auto 1500px;
  }
  .chunked > .chunk + .chunk {
    margin-block-start: 0.125rem;
  }
  .chunk-rows {
    display: grid;
    gap: 0.125rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chunk-rows > [part~='field'] {
    gap: 0;
    content-visibility: visible;
  }
  .row {
    display: grid;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(5rem, 2fr) minmax(0, 3fr) auto auto;
    align-items: center;
    column-gap: 0.25rem;
    min-block-size: 28px;
  }
  .line.editing {
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    padding-block: 0.25rem;
  }
  .read-label {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .read-value {
    box-sizing: border-box;
    min-block-size: 28px;
    min-inline-size: 0;
    width: 100%;
    padding: 0.125rem 0.375rem;
    text-align: start;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    overflow-wrap: anywhere;
  }
  button.read-value:hover {
    border-color: var(--_border);
  }
  .read-value .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  .not-set {
    color: var(--_muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .chip {
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.875em;
    line-height: 1.5;
  }
  .icon-button,
  .map-link {
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    inline-size: 28px;
    block-size: 28px;
    padding: 0;
    color: var(--_muted);
    border-color: transparent;
  }
  .icon-button:hover,
  .map-link:hover {
    color: var(--_text);
  }
  .map-link {
    border-radius: var(--_radius);
  }
  .map-link:focus-visible {
    outline: 2px solid var(--cp-focus-ring-color, var(--_accent));
    outline-offset: 2px;
  }
  /* One quiet line: who changed it, while the row has the focus. */
  .row [part~='meta'].quiet {
    display: none;
    padding-inline-start: calc(40% + 0.375rem);
  }
  .row:focus-within [part~='meta'].quiet {
    display: flex;
  }
  .row [part~='status'] {
    padding-inline-start: 0.375rem;
  }
  .row [part~='history'].history-body {
    padding: 0.25rem 0 0.5rem 0.375rem;
  }
  [part~='group'] > summary {
    display: flex;
    align-items: center;
    min-block-size: 28px;
    font-weight: 600;
    font-size: 0.875em;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .group-name {
    margin: 0;
    font: inherit;
  }
  [part~='group'] > summary:focus-visible {
    outline: 2px solid var(--cp-focus-ring-color, var(--_accent));
    outline-offset: 2px;
  }
  [part~='folded'] > summary {
    display: flex;
    align-items: center;
    min-block-size: 28px;
    color: var(--_muted);
    cursor: pointer;
    border-radius: var(--_radius);
  }
  [part~='folded'] > summary:focus-visible {
    outline: 2px solid var(--cp-focus-ring-color, var(--_accent));
    outline-offset: 2px;
  }
  /* The loading placeholder: rows of a label and a value. */
  [part~='skeleton'] {
    display: grid;
    gap: 0.75rem;
  }
  .skeleton-row {
    display: grid;
    grid-template-columns: 2fr 3fr;
    gap: 0.5rem;
  }
  .skeleton-row span {
    block-size: 0.875rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, CanvasText 12%, transparent);
    animation: pulse 1.5s ease-in-out infinite;
  }
  .skeleton-row span:last-child {
    inline-size: 70%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row span {
      animation: none;
    }
  }
  /* Forced colours drop backgrounds: the bars are drawn in the system's grey text colour. */
  @media (forced-colors: active) {
    .skeleton-row span {
      forced-color-adjust: none;
      background: GrayText;
    }
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
