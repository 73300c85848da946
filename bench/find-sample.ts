// The customers and definitions of the audience benches (bench/find.ts, bench/idb-seed.ts).
import type { Customer, PropertyDefinition } from '../src/model/index.js';

export const base = { showToAgent: true, showToCustomer: false, access: { '*': 'edit' as const } };
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'];
export const definitions: PropertyDefinition[] = [
  {
    ...base,
    order: 0,
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'single-choice',
    options: colors.map((value) => ({ value, label: value })),
  },
  { ...base, order: 1, name: 'last_visit', label: 'Last visit', type: 'date' },
  { ...base, order: 2, name: 'spent', label: 'Spent', type: 'number' },
];
export const NOW = new Date('2026-11-27T12:00:00Z');

export function customers(n: number): Customer[] {
  const list: Customer[] = [];
  for (let i = 0; i < n; i++) {
    const visit = new Date(NOW.getTime() - (i % 365) * 86_400_000).toISOString().slice(0, 10);
    list.push({
      id: `c${String(i).padStart(6, '0')}`,
      number: String(100000 + i),
      name: `Customer ${i}`,
      channel: 'telegram',
      revision: 1,
      properties: {
        favorite_color: colors[i % colors.length]!,
        last_visit: visit,
        spent: `${i % 1000}.${i % 100}`.replace(/\.0$/, '').replace(/(\.\d)0$/, '$1'),
      },
    });
  }
  return list;
}
