import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../internal/test/wait.js';
import { withGermanWords } from '../../internal/test/definitions.js';
import { SEED_CUSTOMERS, SEED_DEFINITIONS } from '../../testing/seed.js';
import type { ImportCsvReport } from '../../storage/csv-import.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { CustomerImport } from './customer-import.js';
import './customer-import.js';
import '../../i18n/de.js';

const FILE = [
  'id,channel,number,Name,Age,Favorite color,Shoe',
  'ana,whatsapp,+4915123456789,Ana,35,blue,38',
  'ben,telegram,123456789,Ben,old,,44',
  'new1,telegram,1001,Nia,22,green,39',
  'new2,whatsapp,0151,Neo,30,,40',
  'new3,telegram,1003,Noa,,red,41',
  'new4,telegram,1004,Nor,41,purple,42',
].join('\r\n');

const makeStore = () => new MemoryStore({ definitions: SEED_DEFINITIONS, customers: structuredClone(SEED_CUSTOMERS) });

async function importer(store: MemoryStore, locale = 'en') {
  const el = await fixture<CustomerImport>(html`<customer-import locale=${locale} .store=${store}></customer-import>`);
  await el.updateComplete;
  return el;
}

async function choose(el: CustomerImport, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#file')!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'customers.csv', { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="preview"][aria-busy="false"]'), 'previewed');
}

const button = (el: CustomerImport, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === text)!;
const status = (el: CustomerImport) => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim();
const mapped = (el: CustomerImport) =>
  [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="mapping"] select')].map((s) => [
    s.dataset.column,
    s.selectedOptions[0]!.text,
  ]);
const previewRows = (el: CustomerImport) =>
  [...el.shadowRoot!.querySelectorAll('[part~="preview"] tbody tr')].map((tr) => [
    tr.querySelector('th')!.textContent.trim(),
    tr.querySelector('td:last-child')!.textContent.trim(),
  ]);

/** axe with the WCAG 2.2 AA rules (target-size needs 'wcag22aa'). */
async function wcag22Violations(el: Element): Promise<string[]> {
  await expect(el).to.be.accessible();
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const { violations } = await axe.run(
    { include: [el] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<customer-import>', () => {
  it('maps columns by name and label, previews the first rows with their problems, checks, then imports', async () => {
    const store = makeStore();
    const el = await importer(store);
    const reports: { report: ImportCsvReport; dryRun: boolean }[] = [];
    el.addEventListener('customers-imported', (e) => reports.push(e.detail));
    await choose(el, FILE);
    expect(mapped(el)).to.deep.equal([
      ['id', 'id'],
      ['channel', 'channel'],
      ['number', 'number'],
      ['Name', 'name'],
      ['Age', 'Age'],
      ['Favorite color', 'Favorite color'],
      ['Shoe', 'Do not import'],
    ]);
    expect(el.shadowRoot!.querySelector('[part~="preview"] caption')!.textContent).to.equal('The first 5 rows');
    expect(previewRows(el)).to.deep.equal([
      ['2', 'None'],
      [
        '3',
        'Age: Age must be a number, such as 3.1415926 or 65535: digits, an optional minus sign and at most one decimal separator.',
      ],
      ['4', 'None'],
      ['5', previewRows(el)[3]![1]],
      ['6', 'None'],
    ]);
    expect(previewRows(el)[3]![1]).to.match(/^number: /);
    expect(await wcag22Violations(el)).to.deep.equal([]);

    button(el, 'Check the whole file').click();
    await waitUntil(() => status(el).startsWith('Checked'), 'checked');
    expect(status(el)).to.equal(
      'Checked 6 rows, nothing written: 3 would be written (2 new customers), 3 would be refused.',
    );
    expect((await store.findCustomers({ match: 'all', conditions: [] })).total).to.equal(3);
    expect((await store.getCustomer('ana')).properties.age).to.equal('34');

    button(el, 'Import').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el).startsWith('6 rows read'), 'imported');
    expect(status(el)).to.equal('6 rows read: 3 written (2 new customers), 3 refused.');
    const report = el.shadowRoot!.querySelector('[part~="report"]')!;
    expect(report.querySelector('p')!.textContent).to.equal('Not imported: “Shoe” (no such property).');
    expect([...report.querySelectorAll('li')].map((li) => li.textContent.split(':')[0])).to.deep.equal([
      'Row 3, Age',
      'Row 5, number',
      'Row 7, Favorite color',
    ]);
    expect((await store.getCustomer('ana')).properties.age).to.equal('35');
    expect((await store.getCustomer('new1')).properties).to.deep.equal({ age: '22', favorite_color: 'green' });
    expect(reports.map((r) => [r.dryRun, r.report.written])).to.deep.equal([
      [true, 3],
      [false, 3],
    ]);
    expect(await wcag22Violations(el)).to.deep.equal([]);
  });

  it('imports a column the user maps by keyboard, and reads numbers as the chosen language writes them', async () => {
    const store = makeStore();
    const el = await importer(store);
    await choose(el, 'id,Shoe,Age\r\nana,Size 38,"35,5"\r\n');
    const shoe = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-column="Shoe"]')!;
    shoe.focus();
    await sendKeys({ type: 'Notes' });
    await waitUntil(() => shoe.selectedOptions[0]!.text === 'Notes', 'mapped to Notes');
    const locale = el.shadowRoot!.querySelector<HTMLSelectElement>('#locale')!;
    locale.focus();
    await sendKeys({ type: 'German' });
    await waitUntil(() => locale.value === 'de', 'German picked');
    button(el, 'Import').click();
    await waitUntil(() => status(el).startsWith('1 rows read'), 'imported');
    expect((await store.getCustomer('ana')).properties).to.include({ notes: 'Size 38', age: '35.5' });
  });

  it('reads a German file for a German viewer: German headers and option labels, problems in German', async () => {
    const store = new MemoryStore({
      definitions: withGermanWords(SEED_DEFINITIONS),
      customers: structuredClone(SEED_CUSTOMERS),
    });
    const el = await importer(store, 'de');
    await choose(el, 'id,Alter,Lieblingsfarbe\r\nana,"35,5",Blau\r\nben,20,Lila\r\n');
    expect(mapped(el)).to.deep.equal([
      ['id', 'id'],
      ['Alter', 'Alter'],
      ['Lieblingsfarbe', 'Lieblingsfarbe'],
    ]);
    expect(previewRows(el)[1]).to.deep.equal([
      '3',
      'Lieblingsfarbe: „Lila“ gehört nicht zu den Optionen von Lieblingsfarbe; bitte wählen Sie eine andere.',
    ]);
    button(el, 'Importieren').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="report"]'), 'imported');
    expect((await store.getCustomer('ana')).properties).to.include({ age: '35.5', favorite_color: 'blue' });
    expect((await store.getCustomer('ben')).properties).to.include({ age: '19', favorite_color: 'blue' });
  });

  it('Cancel stops an import under way: what was written stays, and it says so', async () => {
    const store = makeStore();
    const el = await importer(store);
    const rows = Array.from({ length: 400 }, (_, i) => `x${i},telegram,${5000 + i},X ${i},1`);
    await choose(el, ['id,channel,number,name,age', ...rows].join('\r\n'));
    const update = store.upsertCustomer.bind(store);
    store.upsertCustomer = async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return update(c);
    };
    button(el, 'Import').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="progress"]'), 'a progress bar');
    await waitUntil(() => /^[1-9]/.test(status(el)), 'some rows done');
    button(el, 'Cancel').click();
    await waitUntil(() => status(el).startsWith('Cancelled'), 'cancelled');
    expect(status(el)).to.match(/^Cancelled after \d+ rows; what was written stays\.$/);
    const total = (await store.findCustomers({ match: 'all', conditions: [] })).total;
    expect(total).to.be.above(3).and.below(403);
  });

  it('speaks German', async () => {
    const el = await importer(makeStore(), 'de');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Kunden importieren');
    button(el, 'Importieren').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'asks for a file');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Wählen Sie zuerst eine CSV-Datei.');
  });
});
