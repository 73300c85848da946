import type { PropertyDefinition } from '../src/model/index.js';

/** The extra field at N = 500: one single choice with 5,000 options, first (in view). */
export const BIG_CHOICE: PropertyDefinition = {
  name: 'big',
  label: 'Big choice',
  type: 'single-choice',
  order: -1,
  showToAgent: true,
  showToCustomer: false,
  access: { '*': 'edit' },
  options: Array.from({ length: 5000 }, (_, i) => ({ value: `b${i}`, label: `Choice ${i}` })),
};
