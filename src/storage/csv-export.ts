/*
 * Customers out as CSV (RFC 4180, UTF-8): `exportCustomersCsv` streams an audience a page at a
 * time, never holding it whole. Its twin, `importCustomersCsv`, is in csv-import.ts: this module
 * needs no parser, so the builder's Export CSV does not load one.
 */
import {
  formatValue,
  loadLocaleForms,
  localizeDefinition,
  needsLocaleForms,
  type AudienceQuery,
  type PropertyDefinition,
  type PropertyValue,
} from '../model/index.js';
import type { PropertyStore } from './property-store.js';
import { StoreError, abortReason } from './store-error.js';

/** The default properties, in the order they lead every file. */
export const CSV_DEFAULT_COLUMNS = ['id', 'channel', 'number', 'name'] as const;

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"), and a leading `'` (so the rule can be undone exactly). */
export const FORMULA_START = /^[=+\-@\t\r']/;

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
            // A locale this runtime's ICU lacks or writes differently is written as the other runtimes write it.
            if (formatted && needsLocaleForms(locale)) await loadLocaleForms();
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
              // Formatted: headers and option labels in the viewer's language, as the elements show them.
              return formatted ? localizeDefinition(def, locale) : def;
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
