// The History panel's code (field-history-view.ts) is loaded on demand, when a History panel is
// first opened or its button hovered or focused (see field-history-loader.ts). Here its module
// cannot be loaded until a test lets it: first a lost connection, then a slow one.
import { expect, fixture, html } from '@open-wc/testing';
import { historyView, setHistoryImportForTests } from '../../internal/field-history-loader.js';
import { body, entries, text, toggle } from '../../internal/test/history-panel.js';
import { waitUntil } from '../../internal/test/wait.js';
import '../../i18n/de.js';
import { seed } from '../../testing/seed.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

/** Ana's age was changed twice by Bo; the panel in the given language. */
async function panel(locale: string) {
  const store = new MemoryStore(seed());
  let { revision } = await store.updateCustomer('ana', { age: '38' }, { revision: 1, author: 'Bo' });
  ({ revision } = await store.updateCustomer('ana', { age: '39' }, { revision, author: 'Bo' }));
  const el = await fixture<CustomerDetailsPanel>(
    html`<customer-details-panel customer-id="ana" locale=${locale} .store=${store}
      .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`,
  );
  await waitUntil(() => toggle(el), 'the panel loaded, with its History buttons');
  return el;
}

describe('<customer-details-panel> loads its History panel on demand', () => {
  it('a failed load says so in the opened panel (here in German) with Try again, which fills it once the connection is back', async () => {
    let attempts = 0;
    setHistoryImportForTests(async () => {
      attempts++;
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const el = await panel('de');
    expect(historyView(), 'the panel does not bring the History module with it').to.equal(undefined);
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-expanded'), 'the panel opens at once').to.equal('true');
    expect(toggle(el).getAttribute('aria-controls')).to.equal('history-age');
    const alert = () => body(el)?.querySelector('[role="alert"]');
    await waitUntil(() => alert(), 'the failure is shown');
    expect(text(alert())).to.equal(
      'Der Verlauf kann nicht angezeigt werden: Sein Teil des Panels konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut. Erneut versuchen',
    );
    expect(body(el)!.querySelector('[role="status"]'), 'not left busy').to.equal(null);

    // Try again while still offline: it fails again, and says so again.
    const before = attempts;
    alert()!.querySelector('button')!.click();
    await waitUntil(() => attempts > before, 'tried again');
    await waitUntil(() => alert(), 'and says so again');

    // The connection is back.
    setHistoryImportForTests(() => import('../../internal/field-history-view.js'));
    alert()!.querySelector('button')!.click();
    await waitUntil(
      () => entries(el).length === 2,
      () => `the changes are listed: ${text(body(el))}`,
    );
    expect(entries(el)[0]).to.match(/^Bo hat es .* von 38 in 39 geändert$/);
    expect(alert(), 'the failure is gone').to.equal(null);
  });
});
