/*
 * Customers in from CSV: `importCustomersCsv` reads a file a chunk at a time through papaparse and
 * writes each valid row through the store, never holding the file or the customers whole.
 */
import {
  BUILT_IN_DEFINITIONS,
  loadLocaleForms,
  localizeDefinitions,
  needsLocaleForms,
  parseValue,
  preparePatterns,
  validateCustomerNumber,
  validateValue,
  type Customer,
  type PropertyDefinition,
  type PropertyValue,
  type ValueError,
} from '../model/index.js';
import { CSV_DEFAULT_COLUMNS, FORMULA_START } from './csv-export.js';
import type { PropertyStore } from './property-store.js';
import { StoreError, abortReason } from './store-error.js';

type DefaultColumn = (typeof CSV_DEFAULT_COLUMNS)[number];

const NAME_DEFINITION = BUILT_IN_DEFINITIONS.find((def) => def.name === 'name')!;

// ——— import ———

/** One refused row: its number in the file (the header is row 1), the column, the code and its words. */
export interface ImportRejection {
  row: number;
  column?: string;
  code: string;
  message: string;
}

export interface ImportCsvReport {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Rows written (or, on a dry run, that would be), new customers included. */
  written: number;
  /** New customers among them. */
  created: number;
  rejected: ImportRejection[];
  /** Header cells that name no property and no default column, and were not mapped to one: not imported. */
  unknownColumns: string[];
}

export interface ImportProgress {
  /** Data rows done. */
  rows: number;
  /** How much of the source was read, 0–1; absent for a stream of unknown length. */
  fraction?: number;
}

export interface ImportCsvOptions {
  /**
   * Column header → technical name (`id`, `channel`, `number`, `name` or a custom property), or
   * `null` to leave the column out. Columns not named here are matched by `suggestCsvMapping`.
   */
  mapping?: Record<string, string | null>;
  /**
   * How a row finds its customer: by the `id` column (default when there is one), or by `channel`
   * and `number` (default otherwise). A customer not found is created (`upsertCustomer`).
   */
  match?: 'id' | 'channel-number';
  /** The file's locale: how its numbers, dates and times are read when not in stored form; default `en`. */
  locale?: string;
  /** The language of the rejections' `message`; default `locale`. */
  messageLocale?: string;
  /** Check every row, write nothing. */
  dryRun?: boolean;
  onProgress?(progress: ImportProgress): void;
  /** Stops after the current row: rejects with the signal's `AbortError`; rows written stay written. */
  signal?: AbortSignal;
}

/**
 * The technical name of what each header names, `undefined` for none: default columns, technical
 * names, labels in `locale` (translations, falling back as `localizeDefinition` does), default
 * labels, then a label of any language a definition is translated into (any case).
 */
export function suggestCsvMapping(
  headers: readonly string[],
  definitions: readonly PropertyDefinition[],
  locale?: string,
): (string | undefined)[] {
  const custom = definitions.filter((def) => !def.builtIn);
  const fold = (text: string) => text.trim().normalize('NFC').toLowerCase();
  const byKey = new Map<string, string>();
  const add = (text: unknown, name: string) => {
    if (typeof text !== 'string' || text.trim() === '') return;
    const key = fold(text);
    if (!byKey.has(key)) byKey.set(key, name);
  };
  // Most certain first: a key an earlier kind of match took is kept.
  for (const def of custom) add(def.name, def.name);
  // The labels translated into the file's language come before the default labels.
  localizeDefinitions(custom, locale).forEach((def, i) => {
    if (def !== custom[i]) add(def.label, def.name);
  });
  for (const def of custom) add(def.label, def.name);
  for (const def of custom) {
    if (def.translations && typeof def.translations === 'object')
      for (const translation of Object.values(def.translations)) add(translation?.label, def.name);
  }
  return headers.map((header) => {
    const key = fold(header);
    if ((CSV_DEFAULT_COLUMNS as readonly string[]).includes(key)) return key;
    return byKey.get(key);
  });
}

/** Takes off the `'` that `exportCustomersCsv` (or OWASP-minded software) put before a formula-like cell. */
function restore(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A cell as a value: the stored form exactly when it is one, else read as typed in `locale` with
 * `def` localized to it (`Blau` for the option `blue`), else with the default option labels.
 */
function readCell(
  def: PropertyDefinition,
  localized: PropertyDefinition,
  cell: string,
  locale: string,
): { value: PropertyValue } | { error: ValueError } {
  let candidate: unknown = cell;
  if ((def.type === 'multiple-choice' && cell.startsWith('[')) || (def.type === 'location' && cell.startsWith('{'))) {
    try {
      candidate = JSON.parse(cell);
    } catch {
      candidate = cell;
    }
  }
  if (validateValue(def, candidate as PropertyValue) === null) return { value: candidate as PropertyValue };
  let parsed = parseValue(localized, candidate as PropertyValue, locale);
  if (!parsed.ok && localized !== def) {
    const plain = parseValue(def, candidate as PropertyValue, locale);
    if (plain.ok) parsed = plain;
  }
  if (!parsed.ok) return { error: parsed.error };
  return parsed.value === null ? { error: { code: 'required', params: {} } } : { value: parsed.value };
}

type Source = string | Blob | ReadableStream<string>;

/** The source as text chunks, with how much of it was read (0–1) when its size is known. */
async function* chunksOf(source: Source, signal?: AbortSignal): AsyncGenerator<{ text: string; fraction?: number }> {
  if (typeof source === 'string') {
    const size = 1 << 16;
    for (let at = 0; at < source.length; at += size) {
      yield { text: source.slice(at, at + size), fraction: Math.min(1, (at + size) / source.length) };
    }
    return;
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const reader = source.stream().getReader();
    const decoder = new TextDecoder('utf-8');
    let read = 0;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const { done, value } = await reader.read();
        if (done) break;
        read += value.byteLength;
        yield { text: decoder.decode(value, { stream: true }), fraction: source.size ? read / source.size : 1 };
      }
      const rest = decoder.decode();
      if (rest) yield { text: rest, fraction: 1 };
    } finally {
      reader.releaseLock();
    }
    return;
  }
  const reader = (source as ReadableStream<string>).getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      yield { text: value };
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The records of the source, parsed by papaparse a run of whole records at a time (a record ends at
 * a line break outside quotes), so a file of any size is never held whole.
 */
async function* recordsOf(
  source: Source,
  signal?: AbortSignal,
): AsyncGenerator<{ cells: string[]; unclosed?: boolean; fraction?: number }> {
  let buffer = '';
  let scanned = 0;
  let inQuotes = false;
  let boundary = -1;
  let first = true;
  let newline: '\r\n' | '\n' = '\n';
  // papaparse (~7 KB gzip) is loaded with the first import, not with every page that has a store.
  const { default: Papa } = await import('papaparse');
  const parse = (text: string) => Papa.parse<string[]>(text, { newline, skipEmptyLines: true }).data;
  for await (const { text, fraction } of chunksOf(source, signal)) {
    buffer += first ? text.replace(/^\uFEFF/, '') : text;
    if (first && buffer.length) {
      newline = /\r\n/.test(buffer.slice(0, buffer.indexOf('\n') + 1)) ? '\r\n' : '\n';
      first = false;
    }
    for (let i = scanned; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) boundary = i;
    }
    scanned = buffer.length;
    if (boundary < 0) continue;
    const complete = buffer.slice(0, boundary + 1);
    buffer = buffer.slice(boundary + 1);
    scanned = buffer.length;
    boundary = -1;
    const records = parse(complete);
    for (let i = 0; i < records.length; i++) {
      yield { cells: records[i]!, ...(i === records.length - 1 && fraction !== undefined ? { fraction } : {}) };
    }
  }
  if (buffer.trim() === '') return;
  // What is left has no line break after it, or an open quote that never closed.
  const records = parse(buffer);
  for (let i = 0; i < records.length; i++) {
    yield { cells: records[i]!, ...(inQuotes && i === records.length - 1 ? { unclosed: true } : {}), fraction: 1 };
  }
}

/**
 * Reads customers from CSV and writes them to the store, a row at a time. The first row names the
 * columns: `id`, `channel`, `number`, `name`, and properties by technical name or label, in the
 * file's `locale` or any language a definition is translated into (or as `mapping` says); unknown
 * columns are reported and left out. Every cell is read with the model: a value in stored form as
 * it is, anything else as typed in the file's `locale` (`3,5`, `31.12.2024`, `9:05 PM`, option
 * labels in that language or the default ones); values are stored in stored form (option values).
 * Rejections name a property by its label in `messageLocale`. An empty cell changes nothing. A row with any bad
 * cell is refused whole and listed with its row number (the header is row 1), column, code and
 * words; the other rows are written: `updateCustomer` (merged field by field) for a customer the
 * store has, `upsertCustomer` then `updateCustomer` for one it does not. A dry run checks every
 * row and writes nothing.
 *
 * Matching by `channel-number` first reads the id, channel and number of every customer once (a
 * map of short strings, not the customers). Rejects with a `StoreError` when the store fails
 * (`invalid`, code `csv.empty`, for a file without a header), with the signal's `AbortError` when
 * cancelled.
 */
export async function importCustomersCsv(
  store: PropertyStore,
  source: Source,
  { mapping = {}, match, locale = 'en', messageLocale, dryRun = false, onProgress, signal }: ImportCsvOptions = {},
): Promise<ImportCsvReport> {
  // The words of the rejections, loaded with the first import: a page using only the stores' other parts loads no catalog.
  // `en-audiences.ts` holds the import's words and brings the value errors (`en-editor.ts`).
  const [{ describeError }] = await Promise.all([
    import('../i18n/describe-core.js'),
    import('../i18n/en-audiences.js'),
  ]);
  // A locale this runtime's ICU lacks or writes differently is read as the other runtimes write it.
  if (needsLocaleForms(locale)) await loadLocaleForms();
  const definitions = await store.listDefinitions({ ...(signal ? { signal } : {}) });
  await preparePatterns(definitions);
  const custom = definitions.filter((def) => !def.builtIn);
  const words = messageLocale ?? locale;
  const byName = new Map(custom.map((def) => [def.name, def]));
  const readAs = new Map(localizeDefinitions(custom, locale).map((def) => [def.name, def]));
  const labelOf = new Map(localizeDefinitions(custom, words).map((def) => [def.name, def.label]));
  const report: ImportCsvReport = { rows: 0, written: 0, created: 0, rejected: [], unknownColumns: [] };
  const reject = (
    row: number,
    column: string | undefined,
    error: { code: string; params?: object },
    label?: string,
  ) => {
    report.rejected.push({
      row,
      ...(column === undefined ? {} : { column }),
      code: error.code,
      message: describeError(error, { locale: words, label: label ?? column }),
    });
  };

  let headers: string[] | undefined;
  let targets: (string | undefined)[] = [];
  let index: Map<string, string> | undefined;
  let rowNumber = 1;

  for await (const { cells, unclosed, fraction } of recordsOf(source, signal)) {
    if (signal?.aborted) throw abortReason(signal);
    if (!headers) {
      headers = cells.map((cell) => restore(cell).trim());
      const suggested = suggestCsvMapping(headers, definitions, locale);
      targets = headers.map((header, i) =>
        Object.hasOwn(mapping, header) ? (mapping[header] ?? undefined) : suggested[i],
      );
      report.unknownColumns = headers.filter((_, i) => targets[i] === undefined && suggested[i] === undefined);
      match ??= targets.includes('id') ? 'id' : 'channel-number';
      continue;
    }
    rowNumber++;
    report.rows++;
    await importRow(cells, rowNumber, unclosed ?? false);
    if (report.rows % 200 === 0 || fraction !== undefined) {
      onProgress?.({ rows: report.rows, ...(fraction === undefined ? {} : { fraction }) });
    }
  }
  if (!headers) throw new StoreError('invalid', 'The file has no header row.', { code: 'csv.empty' });
  onProgress?.({ rows: report.rows, fraction: 1 });
  return report;

  async function importRow(cells: string[], row: number, unclosed: boolean): Promise<void> {
    if (unclosed) return reject(row, undefined, csvError('csv.quotes'));
    if (cells.length !== headers!.length) return reject(row, undefined, csvError('csv.columns'));
    const defaults: Partial<Record<DefaultColumn, string>> = {};
    const changes: Record<string, PropertyValue> = {};
    const columnOf = new Map<string, string>();
    const problems: [string, ValueError, string][] = [];
    targets.forEach((target, i) => {
      if (target === undefined) return;
      const column = headers![i]!;
      const cell = restore(cells[i]!);
      columnOf.set(target, column);
      if ((CSV_DEFAULT_COLUMNS as readonly string[]).includes(target)) {
        defaults[target as DefaultColumn] = cell.trim() === '' ? '' : target === 'name' ? cell : cell.trim();
        return;
      }
      if (cell.trim() === '') return;
      const def = byName.get(target);
      if (!def) return problems.push([column, { code: 'property.unknown', params: { name: target } }, column]);
      const read = readCell(def, readAs.get(target) ?? def, cell, locale);
      if ('error' in read) problems.push([column, read.error, labelOf.get(target) ?? def.label]);
      else changes[target] = read.value;
    });
    if (defaults.name) {
      const error = validateValue(NAME_DEFINITION, defaults.name);
      if (error) problems.push([columnOf.get('name')!, error, columnOf.get('name')!]);
    }
    if (problems.length) {
      for (const [column, error, label] of problems) reject(row, column, error, label);
      return;
    }

    let current: Customer | undefined;
    let id: string | undefined;
    if (match === 'id') {
      id = defaults.id;
      if (!id) return reject(row, columnOf.get('id'), csvError('csv.id'));
      current = await store.getCustomer(id).catch((error: unknown) => {
        if (error instanceof StoreError && error.kind === 'not-found') return undefined;
        throw error;
      });
    } else {
      if (!defaults.number) return reject(row, columnOf.get('number'), csvError('csv.number'));
      index ??= await customerIndex(store, signal);
      id = index.get(indexKey(defaults.channel, defaults.number));
      if (id !== undefined) current = await store.getCustomer(id);
    }

    if (current) {
      if (defaults.number && defaults.number !== current.number) {
        return reject(row, columnOf.get('number'), { code: 'property.readonly', params: {} });
      }
      const write: Record<string, PropertyValue> = { ...changes };
      if (defaults.name && defaults.name !== current.name) write.name = defaults.name;
      if (!dryRun && Object.keys(write).length) {
        try {
          await store.updateCustomer(current.id, write, { revision: current.revision });
        } catch (error) {
          return refused(row, error, columnOf);
        }
      }
      report.written++;
      return;
    }

    // A customer the store does not have yet.
    const number = defaults.number ?? '';
    const channel = defaults.channel || undefined;
    const numberError = validateCustomerNumber(number, channel);
    if (numberError) return reject(row, columnOf.get('number') ?? 'number', numberError);
    if (!store.upsertCustomer) {
      return reject(row, columnOf.get('id'), new StoreError('not-found', undefined, { code: 'customer.unknown' }));
    }
    if (!dryRun) {
      try {
        const created = await store.upsertCustomer({
          ...(id === undefined ? {} : { id }),
          ...(channel === undefined ? {} : { channel }),
          number,
          name: defaults.name ?? '',
        });
        if (index && match === 'channel-number') index.set(indexKey(channel, number), created.id);
        if (Object.keys(changes).length)
          await store.updateCustomer(created.id, changes, { revision: created.revision });
      } catch (error) {
        return refused(row, error, columnOf);
      }
    }
    report.created++;
    report.written++;
  }

  /** A write the store refused: one rejection per field it names, else one for the row. */
  function refused(row: number, error: unknown, columnOf: Map<string, string>): void {
    if (!(error instanceof StoreError) || error.kind === 'unavailable' || error.kind === 'unauthenticated') throw error;
    const fields = Object.entries(error.errors);
    if (error.kind === 'invalid' && fields.length) {
      for (const [field, valueError] of fields) {
        const column = columnOf.get(field) ?? field;
        reject(row, column, valueError, labelOf.get(field) ?? column);
      }
    } else if (error.kind === 'conflict') reject(row, undefined, csvError('csv.conflict'));
    else reject(row, undefined, error);
  }
}

function csvError(code: string) {
  return { kind: 'invalid', code, params: {} };
}

const indexKey = (channel: string | undefined, number: string) => `${channel ?? ''}\u0000${number}`;

/** Channel and number → id of every customer, read a page at a time. */
async function customerIndex(store: PropertyStore, signal?: AbortSignal): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  let cursor: string | undefined;
  do {
    if (signal?.aborted) throw abortReason(signal);
    const page = await store.findCustomers(
      { match: 'all', conditions: [] },
      { limit: 1_000, ...(cursor === undefined ? {} : { cursor }) },
    );
    for (const customer of page.customers) {
      const key = indexKey(customer.channel, customer.number);
      if (!index.has(key)) index.set(key, customer.id);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return index;
}
