// The History panel's code (field-history-view.ts) is loaded on demand (see
// field-history-loader.ts). Here its module arrives when the test lets it: a slow connection.
import { expect, fixture, html } from '@open-wc/testing';
import { historyView, setHistoryImportForTests } from '../../internal/field-history-loader.js';
import { body, entries, text, toggle } from '../../internal/test/history-panel.js';
import { waitUntil } from '../../internal/test/wait.js';
import { seed } from '../../testing/seed.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { HistoryPage } from '../../storage/property-store.js';
import type { CustomerDetailsPanel } from './customer-details-panel.js';
import './customer-details-panel.js';

describe('<customer-details-panel> History panel on a slow connection', () => {
  it('is preloaded when its button gets the focus; opened before it arrives, it is busy, then lists the changes', async () => {
    let asked = 0;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    setHistoryImportForTests(async () => {
      asked++;
      await arrived;
      return import('../../internal/field-history-view.js');
    });
    const store = new MemoryStore(seed());
    let { revision } = await store.updateCustomer('ana', { age: '38' }, { revision: 1, author: 'Bo' });
    ({ revision } = await store.updateCustomer('ana', { age: '39' }, { revision, author: 'Bo' }));
    const el = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel customer-id="ana" locale="en" .store=${store}
        .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`,
    );
    await waitUntil(() => toggle(el), 'the panel loaded, with its History buttons');
    expect(asked, 'nothing loads the History module before it is wanted').to.equal(0);

    toggle(el).focus();
    await waitUntil(() => asked === 1, 'the focus on History starts the load');
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-expanded'), 'the panel opens at once').to.equal('true');
    expect(text(body(el)!.querySelector('[role="status"]')), 'busy until its code is there').to.equal(
      'Loading the history…',
    );
    expect(historyView()).to.equal(undefined);

    release();
    await waitUntil(
      () => entries(el).length === 2,
      () => `the changes are listed: ${text(body(el))}`,
    );
    expect(entries(el)).to.deep.equal([
      'Bo changed it from 38 to 39, just now',
      'Bo changed it from 34 to 38, just now',
    ]);
    expect(asked, 'loaded once').to.equal(1);
    // Closed and opened again: no second load of the module.
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    toggle(el).click();
    await waitUntil(() => entries(el).length === 2, 'listed again');
    expect(asked).to.equal(1);
  });

  it('says so, with Try again, when a custom store throws instead of rejecting', async () => {
    setHistoryImportForTests(() => import('../../internal/field-history-view.js'));
    class ThrowingStore extends MemoryStore {
      override getHistory(): Promise<HistoryPage> {
        throw new Error('history table missing');
      }
    }
    const store = new ThrowingStore(seed());
    await store.updateCustomer('ana', { age: '38' }, { revision: 1, author: 'Bo' });
    const el = await fixture<CustomerDetailsPanel>(
      html`<customer-details-panel customer-id="ana" locale="en" .store=${store}
        .user=${{ id: 'u1', roles: ['agent'] }}></customer-details-panel>`,
    );
    await waitUntil(() => toggle(el), 'the panel loaded, with its History buttons');
    toggle(el).click();
    await waitUntil(
      () => body(el)?.querySelector('[role="alert"]'),
      () => `the failure is shown: ${text(body(el))}`,
    );
    expect(text(body(el)!.querySelector('[role="alert"]'))).to.contain('Try again');
    expect(body(el)!.querySelector('[role="status"]'), 'not left busy').to.equal(null);
  });
});
