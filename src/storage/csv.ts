/*
 * Customers in and out as CSV (RFC 4180, UTF-8): `exportCustomersCsv` streams an audience a page at
 * a time, `importCustomersCsv` reads a file a chunk at a time through papaparse and writes each
 * valid row through the store. Neither holds all customers in memory.
 */
import Papa from 'papaparse';
import { describeError } from '../i18n/describe.js';
import {
  BUILT_IN_DEFINITIONS,
  formatValue,
  parseValue,
  preparePatterns,
  validateCustomerNumber,
  validateValue,
  type AudienceQuery,
  type Customer,
  type PropertyDefinition,
  type PropertyValue,
  type ValueError,
} from '../model/index.js';
import type { PropertyStore } from './property-store.js';
import { StoreError, abortReason } from './store-error.js';

/** The default properties, in the order they lead every file. */
export const CSV_DEFAULT_COLUMNS = ['id', 'channel', 'number', 'name'] as const;
type DefaultColumn = (typeof CSV_DEFAULT_COLUMNS)[number];

const NAME_DEFINITION = BUILT_IN_DEFINITIONS.find((def) => def.name === 'name')!;
/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"), and a leading `'` (so the rule can be undone exactly). */
const FORMULA_START = /^[=+\-@\t\r']/;

// ——— export ———

export interface ExportCsvOptions {
  /** Custom properties to export, by technical name, in this order; default: every custom definition in order. */
  properties?: string[];
  /** The locale of formatted values (`formatted`); default `en`. */
  locale?: string;
  /**
   * Values as people read them in `locale` (`3,5`, `31.12.2024`, option labels, an address), under
   * the labels as headers: for reading, not for importing again. Default: stored values under
   * technical names, which `importCustomersCsv` reads back exactly.
   */
  formatted?: boolean;
  /** Customers asked of the store at a time (1–1,000, default 500). */
  pageSize?: number;
  /** After each page: customers written so far, and the audience's total. */
  onProgress?(done: number, total: number): void;
  /** Stops the export: the stream errors with the signal's `AbortError`. */
  signal?: AbortSignal;
}

/** A cell as RFC 4180 wants it: quoted when it holds a quote, comma or line break. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A text cell a spreadsheet would run as a formula gets a leading `'`, as OWASP advises; import takes it off. */
function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function storedCell(def: PropertyDefinition, value: PropertyValue): string {
  // Lists and places as JSON: a value with a comma or an address comes back exactly.
  if (typeof value !== 'string') return JSON.stringify(value);
  // A canonical number (`-12.5`) is no formula, and stays a number in a spreadsheet.
  return def.type === 'number' ? value : neutralise(value);
}

/**
 * The customers of `query` as CSV text, streamed a page at a time: UTF-8 with a byte order mark
 * (so spreadsheet apps read the encoding), CRLF line ends, the columns `id`, `channel`, `number`,
 * `name` and then the properties. Empty cells are unset values. A text cell that starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or `'` is written with a leading `'` (OWASP's advice
 * against formula injection); `importCustomersCsv` takes it off again.
 *
 * The stream errors with a `StoreError` when the store fails (`invalid` for an unknown property,
 * `property.unknown`), or with the signal's `AbortError`. Pipe it to a file
 * (`stream.pipeThrough(new TextEncoderStream())`) or read it chunk by chunk.
 */
export function exportCustomersCsv(
  store: PropertyStore,
  query: AudienceQuery,
  { properties, locale = 'en', formatted = false, pageSize = 500, onProgress, signal }: ExportCsvOptions = {},
): ReadableStream<string> {
  let columns: PropertyDefinition[] | undefined;
  let cursor: string | undefined;
  let done = 0;
  let finished = false;
  const limit = Math.min(Math.max(Math.trunc(pageSize) || 500, 1), 1_000);
  const row = (cells: string[]) => `${cells.map(quote).join(',')}\r\n`;

  return new ReadableStream<string>(
    {
      async pull(controller) {
        try {
          if (signal?.aborted) throw abortReason(signal);
          if (!columns) {
            const definitions = (await store.listDefinitions({ ...(signal ? { signal } : {}) })).filter(
              (def) => !def.builtIn,
            );
            const byName = new Map(definitions.map((def) => [def.name, def]));
            columns = (properties ?? definitions.map((def) => def.name)).map((name) => {
              const def = byName.get(name);
              if (!def)
                throw new StoreError('invalid', `There is no property named “${name}”.`, {
                  code: 'property.unknown',
                  params: { name },
                });
              return def;
            });
            const headers = formatted
              ? [...CSV_DEFAULT_COLUMNS, ...columns.map((def) => def.label)]
              : [...CSV_DEFAULT_COLUMNS, ...columns.map((def) => def.name)];
            controller.enqueue(`\uFEFF${row(headers.map(neutralise))}`);
            return;
          }
          if (finished) return controller.close();
          const page = await store.findCustomers(query, { limit, ...(cursor === undefined ? {} : { cursor }) });
          if (signal?.aborted) throw abortReason(signal);
          let text = '';
          for (const customer of page.customers) {
            const cells = [customer.id, customer.channel ?? '', customer.number ?? '', customer.name ?? ''].map(
              neutralise,
            );
            for (const def of columns) {
              const value = customer.properties[def.name];
              cells.push(
                value === undefined
                  ? ''
                  : formatted
                    ? neutralise(formatValue(def, value, locale))
                    : storedCell(def, value),
              );
            }
            text += row(cells);
          }
          done += page.customers.length;
          onProgress?.(done, page.total);
          cursor = page.cursor;
          finished = cursor === undefined;
          if (text) controller.enqueue(text);
          if (finished) controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    },
    // One chunk (a page) at a time: the consumer's pace sets the store's.
    { highWaterMark: 1 },
  );
}

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

/** The technical name of what each header names, `undefined` for none: default columns, technical names, then labels (any case). */
export function suggestCsvMapping(
  headers: readonly string[],
  definitions: readonly PropertyDefinition[],
): (string | undefined)[] {
  const custom = definitions.filter((def) => !def.builtIn);
  const fold = (text: string) => text.trim().normalize('NFC').toLowerCase();
  return headers.map((header) => {
    const key = fold(header);
    if ((CSV_DEFAULT_COLUMNS as readonly string[]).includes(key)) return key;
    const found = custom.find((def) => fold(def.name) === key) ?? custom.find((def) => fold(def.label) === key);
    return found?.name;
  });
}

/** Takes off the `'` that `exportCustomersCsv` (or OWASP-minded software) put before a formula-like cell. */
function restore(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A cell as a value: the stored form exactly when it is one, else read as typed in `locale`. */
function readCell(
  def: PropertyDefinition,
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
  const parsed = parseValue(def, candidate as PropertyValue, locale);
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
 * columns: `id`, `channel`, `number`, `name`, and properties by technical name or label (or as
 * `mapping` says); unknown columns are reported and left out. Every cell is read with the model:
 * a value in stored form as it is, anything else as typed in the file's `locale` (`3,5`,
 * `31.12.2024`, `9:05 PM`, option labels). An empty cell changes nothing. A row with any bad
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
  const definitions = await store.listDefinitions({ ...(signal ? { signal } : {}) });
  await preparePatterns(definitions);
  const byName = new Map(definitions.filter((def) => !def.builtIn).map((def) => [def.name, def]));
  const words = messageLocale ?? locale;
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
      const suggested = suggestCsvMapping(headers, definitions);
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
      const read = readCell(def, cell, locale);
      if ('error' in read) problems.push([column, read.error, def.label]);
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
        reject(row, column, valueError, byName.get(field)?.label ?? column);
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
