import { css } from 'lit';
import { ROW_HEIGHT } from '../../internal/listbox-controller.js';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: 0.25rem;
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  [part~='label'] {
    font-weight: var(--cp-label-font-weight, 600);
    padding: 0;
  }
  .required {
    color: var(--_error);
    margin-inline-start: 0.125rem;
  }
  textarea {
    field-sizing: content;
    min-height: 4.5rem;
    max-height: 20rem;
    resize: vertical;
  }
  .with-button {
    position: relative;
    display: flex;
    gap: 0.25rem;
  }
  .with-button > input:first-child {
    flex: 1;
  }
  .icon-button {
    flex: none;
    width: 2.25rem;
    min-height: 2.25rem;
    display: grid;
    place-items: center;
    padding: 0;
  }
  .native-picker {
    position: absolute;
    inset-inline-end: 0;
    bottom: 0;
    width: 1px;
    height: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    opacity: 0;
    pointer-events: none;
  }
  .checks {
    display: grid;
    gap: 0.25rem;
  }
  /* WCAG 2.5.8: 24 by 24 CSS pixels. */
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 24px;
  }
  .check input {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    min-height: 0;
    margin: 0;
  }
  .combobox {
    position: relative;
  }
  [part~='listbox'] {
    box-sizing: border-box;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /*
   * In the top layer (popover), under the combobox by CSS anchor positioning, above it when there
   * is no room below; without anchor positioning the listbox controller places it.
   */
  .with-button {
    anchor-name: --cp-combobox;
  }
  .popup {
    position: fixed;
    position-anchor: --cp-combobox;
    inset: auto;
    top: anchor(bottom);
    left: anchor(left);
    width: anchor-size(width);
    position-try-fallbacks: flip-block;
    /* Hidden while its field is scrolled out of view (a panel that scrolls within itself). */
    position-visibility: anchors-visible;
    margin: 2px 0;
    padding: 0;
    color: var(--_text);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  .rows {
    position: relative;
  }
  [role='option'] {
    position: absolute;
    inset-inline: 0;
    box-sizing: border-box;
    height: max(${ROW_HEIGHT}px, 2rem);
    line-height: max(${ROW_HEIGHT}px, 2rem);
    padding: 0 0.5rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    font-weight: 600;
  }
  /* The tick is decoration: aria-selected says it (the empty alternative keeps it out of the name). */
  [role='option'][aria-selected='true']::before {
    content: '✓ ' / '';
  }
  [role='option'].active {
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    outline: 1px solid var(--_accent);
    outline-offset: -1px;
  }
  .empty {
    padding: 0.375rem 0.5rem;
    color: var(--_muted);
  }
  [part~='chips'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='chip'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.25rem 0.125rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  [part~='chip'] button {
    display: inline-grid;
    place-items: center;
    min-inline-size: 24px;
    min-block-size: 24px;
    border: 0;
    background: transparent;
    cursor: pointer;
    padding: 0;
    border-radius: 999px;
  }
  [part~='value'] {
    user-select: text;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .legacy {
    color: var(--_muted);
    font-style: italic;
  }
`;
