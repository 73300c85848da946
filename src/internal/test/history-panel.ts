// Reading a panel's History panel of `age` in tests, as a user sees it.
import type { CustomerDetailsPanel } from '../../elements/customer-details-panel/customer-details-panel.js';

/** An element's text with its white space folded, as a screen reader reads it. */
export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The History button of the `age` row. */
export const toggle = (el: CustomerDetailsPanel): HTMLButtonElement =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[data-property="age"] [part~="history-button"]')!;

/** The History panel of the `age` row, once it exists. */
export const body = (el: CustomerDetailsPanel): Element | null => el.shadowRoot!.querySelector('#history-age');

/** The entries the History panel of `age` lists, as text. */
export const entries = (el: CustomerDetailsPanel): string[] =>
  [...el.shadowRoot!.querySelectorAll('#history-age [part~="history-entry"]')].map((li) => text(li));
