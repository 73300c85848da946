import type { html as litHtml, nothing as litNothing } from 'lit';
import type { Catalog } from '../i18n/catalog.js';
import type { PropertyDefinition, PropertyValue } from '../model/types.js';
import type { HistoryEntry } from '../storage/property-store.js';
import { FieldHistory } from './field-history.js';

/*
 * The History panel of `<customer-details-panel>`: its data loading (`FieldHistory`) and its
 * rendering. Loaded on demand by `field-history-loader.ts` when a History panel is first opened (or
 * its button hovered or focused): a panel that is only read never loads it. It imports no module
 * the page has (not Lit, not the panel's helpers: `html`, values and times come from the host).
 * esbuild splits code by module: a module imported by this chunk and the page would leave the
 * page's shared chunk for one of its own, which the page loads up front too, and two files
 * compress worse than one (with Lit and `@lit/task` imported here the panel page measured 33.2 KB
 * gzip, 32.6 without).
 */

export { FieldHistory };

/** What the History panel needs from its host element to render. */
export interface HistoryViewHost {
  /** Lit's `html` and `nothing`, the host's: this module imports no Lit module (see above). */
  html: typeof litHtml;
  nothing: typeof litNothing;
  catalog: Catalog;
  /** A value of the field as the viewer reads it ("Not set" for none). */
  valueText(def: PropertyDefinition, value: PropertyValue | undefined): string;
  /** When, as "2 minutes ago"; `at` is an ISO 8601 timestamp. */
  ago(at: string): string;
  /** A failure in words, naming the field. */
  describe(error: unknown, label: string): string;
  /** "Show more": the host loads the next page and moves the focus. */
  showMore(def: PropertyDefinition, history: FieldHistory): void;
}

/** An open History panel's content: the busy state, the failure with Try again, "No changes yet", or the changes. */
export function renderHistoryBody(host: HistoryViewHost, def: PropertyDefinition, history: FieldHistory) {
  const { html, nothing } = host;
  const words = host.catalog.panel.history;
  const loading = html`<p part="history-message" role="status">${words.loading}</p>`;
  const failed = () =>
    html`<div part="history-message" class="failed" role="alert">
      <span>${words.failed(host.describe(history.error, def.label))}</span>
      <button type="button" @click=${() => history.retry()}>${host.catalog.customer.retry}</button>
    </div>`;
  if (history.status === 'loading') return loading;
  if (history.status === 'error') return failed();
  if (history.entries.length === 0) {
    return history.pending ? loading : html`<p part="history-message">${words.empty}</p>`;
  }
  return html`<ol part="history-entries">
      ${history.entries.map((entry) => html`<li part="history-entry" tabindex="-1">${historyText(host, def, entry)}</li>`)}
    </ol>
    ${
      history.pending
        ? loading
        : history.error !== undefined
          ? failed()
          : history.cursor !== undefined
            ? html`<button type="button" class="history-more" @click=${() => host.showMore(def, history)}>${words.more}</button>`
            : nothing
    }`;
}

/** "Ana changed it from 38 to 39, 2 minutes ago", in the viewer's words and formats. */
function historyText(host: HistoryViewHost, def: PropertyDefinition, entry: HistoryEntry): string {
  const words = host.catalog.panel.history;
  const from = host.valueText(def, entry.from);
  const to = host.valueText(def, entry.to);
  const ago = host.ago(entry.at);
  if (entry.by === undefined || entry.by === '') return words.changedAnonymous(from, to, ago);
  if (entry.by.startsWith('customer:')) return words.changedByCustomer(from, to, ago);
  return words.changed(entry.by, from, to, ago);
}
