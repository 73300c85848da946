/*
 * How a property's values are spread among customers, for the builder's "Distribution": counts
 * per option (exact, one count per option), a histogram for numbers, dates and times (from the
 * values of the first customers that have one), and set / not set for the other types. Drawn as a
 * table whose every row has its bar, a small SVG hidden from screen readers: they read the value
 * and the count, and so can anyone who wants the figures.
 */
import { html, svg } from 'lit';
import type { Catalog } from '../../i18n/catalog.js';
import { compareDecimals, formatValue, type AudienceQuery, type PropertyDefinition } from '../../model/index.js';
import type { PropertyStore } from '../../storage/property-store.js';

/** Options counted one by one; the rest are not shown (a note says how many). */
const MAX_OPTIONS = 24;
/** Values read for a histogram: two pages. */
const SAMPLE = 2_000;
const BINS = 8;

export interface Distribution {
  /** One bar each: its words and how many customers. */
  bars: { label: string; count: number }[];
  /** Customers with a value, of all customers. */
  set: number;
  total: number;
  /** A histogram from the first `sampled` customers with a value (by id), when not all were read. */
  sampled?: number;
  /** Options not counted (past `MAX_OPTIONS`). */
  omitted?: number;
}

const one = (property: string, operator: string, value?: unknown): AudienceQuery => ({
  match: 'all',
  conditions: [{ property, operator, ...(value === undefined ? {} : { value }) } as never],
});

/** Counts and bars of `def`'s values in the store; only reads (`findCustomers`). */
export async function loadDistribution(
  store: PropertyStore,
  def: PropertyDefinition,
  locale: string,
  words: { set: string; notSet: string },
): Promise<Distribution> {
  const notSet = words.notSet;
  const count = async (query: AudienceQuery) => (await store.findCustomers(query, { limit: 1 })).total;
  const [set, total] = await Promise.all([count(one(def.name, 'is-set')), count({ match: 'all', conditions: [] })]);
  if (def.type === 'single-choice' || def.type === 'multiple-choice') {
    const options = (def.options ?? []).slice(0, MAX_OPTIONS);
    const operator = def.type === 'single-choice' ? 'in' : 'has-any';
    const counts = await Promise.all(options.map((option) => count(one(def.name, operator, [option.value]))));
    const bars = options.map((option, i) => ({
      label: formatValue({ ...def, type: 'single-choice' }, option.value, locale),
      count: counts[i]!,
    }));
    const omitted = (def.options?.length ?? 0) - options.length;
    return { bars: [...bars, { label: notSet, count: total - set }], set, total, ...(omitted ? { omitted } : {}) };
  }
  if (def.type === 'number' || def.type === 'date' || def.type === 'time') {
    const values: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.findCustomers(one(def.name, 'is-set'), {
        limit: 1_000,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const customer of page.customers) {
        const value = customer.properties[def.name];
        if (typeof value === 'string') values.push(value);
      }
      cursor = page.cursor;
    } while (cursor !== undefined && values.length < SAMPLE);
    const bars = histogram(def, values, locale);
    return { bars, set, total, ...(values.length < set ? { sampled: values.length } : {}) };
  }
  return {
    bars: [
      { label: words.set, count: set },
      { label: notSet, count: total - set },
    ],
    set,
    total,
  };
}

/** Up to `BINS` equal ranges between the smallest and largest value (days for dates, minutes for times). */
function histogram(def: PropertyDefinition, values: string[], locale: string) {
  if (!values.length) return [];
  const toNumber = (value: string) =>
    def.type === 'number'
      ? Number(value)
      : def.type === 'date'
        ? Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / 86_400_000
        : +value.slice(0, 2) * 60 + +value.slice(3, 5);
  const fromNumber = (n: number): string => {
    if (def.type === 'number') return String(Number(n.toPrecision(6)));
    if (def.type === 'date') return new Date(Math.round(n) * 86_400_000).toISOString().slice(0, 10);
    const minutes = Math.round(n);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  };
  const sorted = [...values].sort(def.type === 'number' ? compareDecimals : undefined);
  const min = toNumber(sorted[0]!);
  const max = toNumber(sorted.at(-1)!);
  const show = (n: number) => formatValue(def, fromNumber(n), locale);
  if (min === max) return [{ label: show(min), count: values.length }];
  const step = (max - min) / BINS;
  const counts = new Array<number>(BINS).fill(0);
  for (const value of values) counts[Math.min(BINS - 1, Math.floor((toNumber(value) - min) / step))]!++;
  return counts.map((count, i) => ({ label: `${show(min + i * step)} – ${show(min + (i + 1) * step)}`, count }));
}

/** The table with a bar in each row; `id` makes the ids unique in the builder. */
export function renderDistribution(
  data: Distribution,
  def: PropertyDefinition,
  messages: Catalog['audienceMembers'],
  locale: string,
  id: string,
) {
  const most = Math.max(1, ...data.bars.map((bar) => bar.count));
  const width = 160;
  const number = (n: number) => n.toLocaleString(locale);
  const notes = [
    messages.chartSummary(def.label, data.set, data.total),
    data.sampled !== undefined ? messages.chartSample(data.sampled) : '',
    data.omitted ? messages.chartOmitted(data.omitted) : '',
  ].filter(Boolean);
  return html`<figure part="chart" class="chart" aria-labelledby="chart-title-${id}">
    <figcaption id="chart-title-${id}">${messages.chartTitle(def.label)}</figcaption>
    <p>${notes.join(' ')}</p>
    <table class="chart-table">
      <thead><tr><th scope="col">${messages.chartValue}</th><th scope="col">${messages.chartCount}</th><td></td></tr></thead>
      <tbody>${data.bars.map(
        (bar) => html`<tr>
          <th scope="row">${bar.label}</th>
          <td class="count">${number(bar.count)}</td>
          <td><svg aria-hidden="true" focusable="false" width=${width} height="12" viewBox="0 0 ${width} 12">${svg`<rect class="bar" x="0" y="1" height="10" width=${bar.count ? Math.max(2, (bar.count / most) * width) : 0}></rect>`}</svg></td>
        </tr>`,
      )}</tbody>
    </table>
  </figure>`;
}
