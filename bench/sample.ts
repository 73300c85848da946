// The fields both the panel and the floors are measured with: N of them, cycling through the types.
import type { PropertyType, PropertyValue } from '../src/model/index.js';

// The eight types this benchmark was calibrated with: a type added later leaves it as it is.
export const TYPES = [
  'number',
  'text',
  'word',
  'single-choice',
  'multiple-choice',
  'location',
  'date',
  'time',
] as const satisfies readonly PropertyType[];
export type BenchType = (typeof TYPES)[number];
export const options = Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, label: `Option ${i}` }));
export const SAMPLE: Record<BenchType, PropertyValue> = {
  number: '3.1415926',
  text: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France',
  word: 'ClassOf2023',
  'single-choice': 'v3',
  'multiple-choice': ['v1', 'v4'],
  location: { lat: 48.8584, lng: 2.2945 },
  date: '2024-12-31',
  time: '21:05',
};
