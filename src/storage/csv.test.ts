import { expect } from 'chai';
import '../i18n/de.js';
import { SEED_CUSTOMERS, SEED_DEFINITIONS } from '../testing/seed.js';
import { withGermanWords } from '../internal/test/definitions.js';
import type { Customer, PropertyDefinition } from '../model/index.js';
import { exportCustomersCsv } from './csv-export.js';
import { importCustomersCsv, suggestCsvMapping } from './csv-import.js';
import { MemoryStore } from './memory-store.js';
import { isAbortError } from './store-error.js';

const everyone = { match: 'all' as const, conditions: [] };

/** Customers whose values try every trap a CSV file has: quotes, commas, line breaks, formulas, exact digits. */
function trickyCustomers(): Customer[] {
  return [
    ...structuredClone(SEED_CUSTOMERS),
    {
      id: 'dee',
      channel: 'whatsapp',
      number: '+4915000000001',
      name: '=HYPERLINK("http://evil.example","Click")',
      revision: 1,
      properties: {
        age: '-12345678901234567890.5',
        notes: '-5 apples, "fresh"\r\nline two\n@mention\t',
        class: 'Ünïcödé2024',
        favorite_color: 'green',
        channels: ['telegram'],
        home: { lat: -33.8568, lng: 151.2153, address: 'Bennelong Point, Sydney NSW 2000, "Opera"' },
        birthday: '2000-02-29',
        callback: '23:59',
      },
    },
    {
      id: 'eve',
      channel: 'sms',
      number: '+447700900123',
      name: "'quoted",
      revision: 1,
      properties: { notes: "'=already neutral", age: '0.5' },
    },
  ];
}

async function text(stream: ReadableStream<string>): Promise<string> {
  let all = '';
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) all += next.value;
  return all;
}

/** A customer as an import leaves it: what a file carries (no revision, no `changed`). */
const carried = ({ id, channel, number, name, properties }: Customer) => ({ id, channel, number, name, properties });

describe('exportCustomersCsv and importCustomersCsv', () => {
  it('round-trips every type exactly: export, then import into an empty store, gives the same customers', async () => {
    const source = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: trickyCustomers() });
    const progress: [number, number][] = [];
    const csv = await text(
      exportCustomersCsv(source, everyone, { pageSize: 2, onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(
      csv.startsWith('\uFEFFid,channel,number,name,age,notes,class,favorite_color,channels,home,birthday,callback\r\n'),
    ).to.equal(true);
    expect(progress).to.deep.equal([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    // Neutralised as OWASP advises; a canonical negative number is left a number.
    expect(csv).to.include(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).to.include(`-12345678901234567890.5,"'-5 apples, ""fresh""\r\nline two\n@mention\t"`);
    expect(csv).to.include(`,'+4915000000001,`);

    const target = new MemoryStore({ definitions: SEED_DEFINITIONS });
    const report = await importCustomersCsv(target, csv);
    expect(report).to.deep.equal({ rows: 5, written: 5, created: 5, rejected: [], unknownColumns: [] });
    const found = await target.findCustomers(everyone);
    expect(found.customers.map(carried)).to.deep.equal(trickyCustomers().map(carried));
  });

  it('reads a file of bad rows: each refused with row, column and words; a dry run writes nothing', async () => {
    const store = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: structuredClone(SEED_CUSTOMERS) });
    const file = [
      'id;channel;number;name;Age;Favorite color;Birthday;Shoe size',
      'ana;whatsapp;+4915123456789;Ana;"35,5";blue;28.02.1990;42',
      'ben;telegram;123456789;Ben;old;blue;;',
      'cem;telegram;987654321;Cem;40;purple;29.02.2023;',
      'new1;whatsapp;0151;Neu;;;;',
      'new2;telegram;4711;Neu Zwei;7;red;01.01.2001;',
      ';telegram;4712;Ohne Id;;;;',
      'ben;telegram;123456789;Ben;1;2;3',
    ]
      .join('\n')
      .replaceAll(';', ',');
    const before = (await store.findCustomers(everyone)).customers;

    const dry = await importCustomersCsv(store, file, { locale: 'de', messageLocale: 'en', dryRun: true });
    expect(dry).to.deep.include({ rows: 7, written: 2, created: 1, unknownColumns: ['Shoe size'] });
    expect(dry.rejected).to.deep.equal([
      { row: 3, column: 'Age', code: 'number.format', message: dry.rejected[0]!.message },
      { row: 4, column: 'Favorite color', code: 'choice.unknown', message: dry.rejected[1]!.message },
      { row: 4, column: 'Birthday', code: 'date.invalid', message: dry.rejected[2]!.message },
      { row: 5, column: 'number', code: 'channel.phone', message: dry.rejected[3]!.message },
      { row: 7, column: 'id', code: 'csv.id', message: 'This row has no id.' },
      {
        row: 8,
        code: 'csv.columns',
        message: 'This row has more or fewer cells than the first row has columns.',
      },
    ]);
    expect(dry.rejected[0]!.message).to.match(/^Age must be a number/);
    expect(dry.rejected[2]!.message).to.match(/Birthday/);
    expect((await store.findCustomers(everyone)).customers).to.deep.equal(before);

    const real = await importCustomersCsv(store, file, { locale: 'de' });
    expect(real).to.deep.equal({ ...dry, rejected: real.rejected });
    expect(real.rejected.map((r) => [r.row, r.code])).to.deep.equal(dry.rejected.map((r) => [r.row, r.code]));
    const ana = await store.getCustomer('ana');
    expect(ana.properties).to.include({ age: '35.5', favorite_color: 'blue', birthday: '1990-02-28' });
    expect((await store.getCustomer('ben')).properties.age).to.equal('19');
    const created = await store.getCustomer('new2');
    expect(created).to.deep.include({ name: 'Neu Zwei', number: '4711', channel: 'telegram' });
    expect(created.properties).to.deep.equal({ age: '7', favorite_color: 'red', birthday: '2001-01-01' });
  });

  it('finds customers by channel and number when the file has no id, and creates the others', async () => {
    const store = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: structuredClone(SEED_CUSTOMERS) });
    const file = 'channel,number,name,notes\r\ntelegram,123456789,Ben,Found by number\r\ntelegram,555,Fay,New\r\n';
    const report = await importCustomersCsv(store, file);
    expect(report).to.deep.include({ rows: 2, written: 2, created: 1, rejected: [] });
    expect((await store.getCustomer('ben')).properties.notes).to.equal('Found by number');
    const fay = (
      await store.findCustomers({ match: 'all', conditions: [{ property: 'notes', operator: 'equals', value: 'New' }] })
    ).customers;
    expect(fay.map((c) => [c.name, c.number])).to.deep.equal([['Fay', '555']]);
  });

  it('reads a Blob and a stream of chunks cut anywhere, even inside a quoted line break', async () => {
    const source = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: trickyCustomers() });
    const csv = await text(exportCustomersCsv(source, everyone));
    const blob = new Blob([csv], { type: 'text/csv' });
    const fractions: number[] = [];
    const fromBlob = new MemoryStore({ definitions: SEED_DEFINITIONS });
    const report = await importCustomersCsv(fromBlob, blob, { onProgress: (p) => fractions.push(p.fraction!) });
    expect(report.written).to.equal(5);
    expect(fractions.at(-1)).to.equal(1);
    const cut = csv.indexOf('line two') - 1;
    const stream = new ReadableStream<string>({
      start(controller) {
        for (const piece of [csv.slice(0, 7), csv.slice(7, cut), csv.slice(cut, cut + 1), csv.slice(cut + 1)])
          controller.enqueue(piece);
        controller.close();
      },
    });
    const fromStream = new MemoryStore({ definitions: SEED_DEFINITIONS });
    expect((await importCustomersCsv(fromStream, stream)).rejected).to.deep.equal([]);
    expect((await fromStream.getCustomer('dee')).properties.notes).to.equal(trickyCustomers()[3]!.properties.notes);
  });

  it('stops an export and an import on abort, with an AbortError', async () => {
    const store = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: trickyCustomers() });
    const controller = new AbortController();
    const stream = exportCustomersCsv(store, everyone, {
      pageSize: 1,
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    });
    const failure = await text(stream).catch((error: unknown) => error);
    expect(isAbortError(failure)).to.equal(true);

    const csv = await text(exportCustomersCsv(store, everyone));
    const stop = new AbortController();
    stop.abort();
    const target = new MemoryStore({ definitions: SEED_DEFINITIONS });
    const refused = await importCustomersCsv(target, csv, { signal: stop.signal }).catch((error: unknown) => error);
    expect(isAbortError(refused)).to.equal(true);
    expect((await target.findCustomers(everyone)).total).to.equal(0);
  });

  it('exports values as people read them in a locale when asked, under the labels', async () => {
    const store = new MemoryStore({ definitions: SEED_DEFINITIONS, customers: trickyCustomers() });
    const csv = await text(
      exportCustomersCsv(store, everyone, { formatted: true, locale: 'de', properties: ['age', 'birthday'] }),
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).to.equal('id,channel,number,name,Age,Birthday');
    expect(lines[1]).to.equal("ana,whatsapp,'+4915123456789,Ana,34,28.02.1990");
    expect(lines[5]).to.equal("eve,sms,'+447700900123,''quoted,\"0,5\",");
  });

  it('exports formatted values under the labels and with the option labels of the viewer’s language', async () => {
    const store = new MemoryStore({ definitions: withGermanWords(SEED_DEFINITIONS), customers: SEED_CUSTOMERS });
    const columns = { formatted: true, properties: ['age', 'favorite_color'] };
    const german = (await text(exportCustomersCsv(store, everyone, { ...columns, locale: 'de-AT' })))
      .slice(1)
      .split('\r\n');
    expect(german[0]).to.equal('id,channel,number,name,Alter,Lieblingsfarbe');
    expect(german[1]).to.equal("ana,whatsapp,'+4915123456789,Ana,34,Rot");
    const french = (await text(exportCustomersCsv(store, everyone, { ...columns, locale: 'fr' })))
      .slice(1)
      .split('\r\n');
    expect(french[0]).to.equal('id,channel,number,name,Age,Favorite color');
    expect(french[1]).to.equal("ana,whatsapp,'+4915123456789,Ana,34,red");
    const stored = (
      await text(exportCustomersCsv(store, everyone, { properties: columns.properties, locale: 'de' }))
    ).slice(1);
    expect(stored.split('\r\n')[0], 'unformatted: technical names').to.equal(
      'id,channel,number,name,age,favorite_color',
    );
  });

  it('suggests the property of each column by default name, technical name or label, in any case', () => {
    expect(suggestCsvMapping(['ID', 'Name', 'favorite_color', 'call back at', 'Shoe'], SEED_DEFINITIONS)).to.deep.equal(
      ['id', 'name', 'favorite_color', 'callback', undefined],
    );
  });

  it('suggests a column by a translated label: the import’s language first, then any language', () => {
    const definitions = withGermanWords(SEED_DEFINITIONS);
    const headers = ['Lieblingsfarbe', 'ALTER', 'Vermerke', 'Notes', 'Farbe'];
    expect(suggestCsvMapping(headers, definitions)).to.deep.equal([
      'favorite_color',
      'age',
      'notes',
      'notes',
      undefined,
    ]);
    expect(suggestCsvMapping(headers, definitions, 'de-AT')).to.deep.equal(suggestCsvMapping(headers, definitions));
    // The label in the file's language wins over another property's default label.
    const clash: PropertyDefinition[] = [
      { ...definitions[0]!, name: 'present', label: 'Gift', translations: {} },
      { ...definitions[1]!, name: 'poison', label: 'Poison', translations: { de: { label: 'Gift' } } },
    ];
    expect(suggestCsvMapping(['Gift'], clash, 'de')).to.deep.equal(['poison']);
    expect(suggestCsvMapping(['Gift'], clash, 'en')).to.deep.equal(['present']);
  });

  it('reads a German file: German headers and option labels, stored as option values; German words name the field', async () => {
    const store = new MemoryStore({
      definitions: withGermanWords(SEED_DEFINITIONS),
      customers: structuredClone(SEED_CUSTOMERS),
    });
    const file = 'id,Alter,Lieblingsfarbe\r\nana,"35,5",Blau\r\nben,20,Red\r\ncem,21,Lila\r\n';
    const report = await importCustomersCsv(store, file, { locale: 'de' });
    expect(report).to.deep.include({ rows: 3, written: 2, created: 0, unknownColumns: [] });
    expect(report.rejected).to.deep.equal([
      {
        row: 4,
        column: 'Lieblingsfarbe',
        code: 'choice.unknown',
        message: '„Lila“ gehört nicht zu den Optionen von Lieblingsfarbe; bitte wählen Sie eine andere.',
      },
    ]);
    expect((await store.getCustomer('ana')).properties).to.include({ age: '35.5', favorite_color: 'blue' });
    // A default option label is still understood in a German file.
    expect((await store.getCustomer('ben')).properties).to.include({ age: '20', favorite_color: 'red' });
    expect((await store.getCustomer('cem')).properties).to.not.include({ age: '21' });
    // The same file with English words: the field named in English.
    const english = await importCustomersCsv(store, file, { locale: 'de', messageLocale: 'en', dryRun: true });
    expect(english.rejected.map((r) => r.message)).to.have.length(1);
    expect(english.rejected[0]!.message).to.include('Favorite color').and.not.include('Lieblingsfarbe');
  });

  it('writes and reads a Georgian file as Node writes it, though Chromium’s ICU has no Georgian', async () => {
    const visit = { ...SEED_DEFINITIONS.find((def) => def.name === 'birthday')!, name: 'visit', label: 'Visit' };
    const store = new MemoryStore({
      definitions: [visit],
      customers: [
        { id: 'c1', channel: 'sms', number: '1', name: 'A', revision: 1, properties: { visit: '1999-01-05' } },
        { id: 'c2', channel: 'sms', number: '2', name: 'B', revision: 1, properties: {} },
      ],
    });
    const csv = await text(exportCustomersCsv(store, everyone, { formatted: true, locale: 'ka' }));
    expect(csv.slice(1).split('\r\n')[1]).to.equal('c1,sms,1,A,05.01.1999');
    const report = await importCustomersCsv(store, 'id,visit\r\nc2,05.01.1999\r\n', { locale: 'ka' });
    expect(report).to.deep.include({ rows: 1, written: 1, rejected: [] });
    expect((await store.getCustomer('c2')).properties.visit).to.equal('1999-01-05');
  });
});
