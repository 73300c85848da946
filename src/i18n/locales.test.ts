import { expect } from 'chai';
import { catalogFor, registerLocale } from './locales.js';
import { de } from './de.js';
import { en } from './en.js';
import { parseValue } from '../model/values.js';
import { definition } from '../internal/test/definitions.js';

describe('message catalogs', () => {
  it('resolve a tag, then its language, then English', () => {
    expect(catalogFor('de-AT')).to.equal(de);
    expect(catalogFor('DE_ch')).to.equal(de);
    expect(catalogFor('pt-BR')).to.equal(en);
    expect(catalogFor(undefined)).to.equal(en);
  });

  it('word every German message differently from English', () => {
    const sample = { label: 'L', expected: 'number', max: 1, length: 2, characters: ['!'], values: ['x'], axis: 'lat', min: 0, example: 'E', name: 'n', type: 'number', index: 0, value: 'v', reason: 'r', role: 'r', level: 'l', property: 'p', operator: 'o', count: 2 };
    for (const section of ['valueErrors', 'definitionErrors', 'audienceErrors'] as const) {
      for (const [code, word] of Object.entries(en[section])) {
        const german = (de[section] as Record<string, (p: object) => string>)[code]!(sample);
        expect(german, code).to.be.a('string').and.not.equal((word as (p: object) => string)(sample));
      }
    }
  });

  it('word every German interface text differently from English', () => {
    const sameInBoth = new Set(['typeNames.text', 'customer.channelNumber', 'definitionForm.name', 'definitionForm.optionLabel', 'definitionList.accessShort']);
    for (const section of ['field', 'propertyEditor', 'locationPicker', 'typeNames', 'customer', 'panel', 'profile', 'definitionForm', 'definitionList', 'audienceBuilder'] as const) {
      for (const [key, english] of Object.entries(en[section])) {
        if (sameInBoth.has(`${section}.${key}`)) continue;
        const german = (de[section] as Record<string, unknown>)[key];
        const say = (word: unknown) =>
          typeof word === 'function' ? (word as (...x: (string | number)[]) => string)(2, 'b', 'c') : typeof word === 'object' ? JSON.stringify(word) : word;
        expect(say(german), `${section}.${key}`).to.be.a('string').and.not.equal(say(english));
      }
    }
  });

  it('let a host override one message and keep the rest', () => {
    registerLocale('de-CH', { valueErrors: { required: ({ label }) => `${label} muss ausgefüllt werden.` } });
    const required = definition('text', { label: 'Name', required: true });
    const result = parseValue(required, '', 'de-CH');
    expect(result.ok ? null : result.error.message).to.equal('Name muss ausgefüllt werden.');
    const date = parseValue(definition('date', { label: 'Datum' }), '31.02.2024', 'de-CH');
    expect(date.ok ? null : date.error.message).to.equal(de.valueErrors['date.invalid']({ label: 'Datum' }));
  });
});
