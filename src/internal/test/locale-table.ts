// The locale table the model is checked against in every runtime it runs in (Node's ICU and the
// browser's differ: Node writes a Korean time `PM 9:05`, Chromium `오후 9:05`). Each runtime
// formats the samples; each parses what both wrote (scripts/locales.runtimes.test.mjs).
import { formatValue, parseValue } from '../../model/values.js';
import { addLocaleForms } from '../../model/value-types/calendar.js';
import { LOCALE_FORMS } from '../../model/value-types/locale-forms.js';
import type { PropertyDefinition, PropertyType, PropertyValue } from '../../model/types.js';

// As the elements do for a locale that needs them (`loadLocaleForms`).
addLocaleForms(LOCALE_FORMS);

/** Languages of every script and region the table covers. */
export const LOCALES = [
  'en',
  'en-US',
  'en-GB',
  'en-IN',
  'de',
  'de-CH',
  'fr',
  'fr-CA',
  'es',
  'es-MX',
  'it',
  'pt-BR',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'hu',
  'ro',
  'bg',
  'ru',
  'uk',
  'el',
  'tr',
  'he',
  'ar',
  'ar-EG',
  'ar-SA',
  'fa',
  'ur',
  'hi',
  'bn',
  'mr',
  'ta',
  'te',
  'th-TH',
  'vi',
  'id',
  'ms',
  'zh-CN',
  'zh-TW',
  'ja',
  'ko',
  'my',
  'km',
  'am',
  'sw',
  'ka',
  'hy',
  'kk',
];

const SAMPLES: Partial<Record<PropertyType, PropertyValue[]>> = {
  number: ['-1234.5', '0.001', '42', '1000000'],
  date: ['2024-12-31', '1999-01-05', '2024-02-29'],
  time: ['21:05', '09:30', '00:00', '12:00', '12:45'],
  location: [
    { lat: 48.8584, lng: 2.2945 },
    { lat: -33.8568, lng: 151.2153 },
  ],
};

const definition = (type: PropertyType): PropertyDefinition => ({
  name: 'sample',
  label: 'Sample',
  type,
  showToAgent: true,
  showToCustomer: true,
  access: { '*': 'edit' },
  order: 0,
});

export interface Written {
  type: PropertyType;
  locale: string;
  value: PropertyValue;
  text: string;
}

/** Every sample formatted in every locale by this runtime. */
export function written(): Written[] {
  const rows: Written[] = [];
  for (const [type, values] of Object.entries(SAMPLES) as [PropertyType, PropertyValue[]][]) {
    for (const locale of LOCALES) {
      for (const value of values)
        rows.push({ type, locale, value, text: formatValue(definition(type), value, locale) });
    }
  }
  return rows;
}

/** What this runtime reads each text back as, in its locale: `null` when it reads the value written. */
export function misread(rows: Written[]): (string | null)[] {
  return rows.map((row) => {
    const parsed = parseValue(definition(row.type), row.text, row.locale);
    if (!parsed.ok) return `refused (${parsed.error.code})`;
    return JSON.stringify(parsed.value) === JSON.stringify(row.value)
      ? null
      : `read as ${JSON.stringify(parsed.value)}`;
  });
}
