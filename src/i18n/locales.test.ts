import { expect } from 'chai';
import { catalogFor, registerLocale } from './locales.js';
import { describeError } from './describe.js';
import { de } from './de.js';
// The whole of English, as `customer-properties/i18n` exports it: the parts elements load with them too.
import { en } from './index.js';
import { parseValue } from '../model/values.js';
import { definition } from '../internal/test/definitions.js';

describe('message catalogs', () => {
  it('resolve a tag, then its language, then English', () => {
    expect(catalogFor('de-AT').locale).to.equal(de.locale);
    expect(catalogFor('de-AT').field.required).to.equal(de.field.required);
    expect(catalogFor('DE_ch').locale).to.equal('de');
    expect(catalogFor('pt-BR').locale).to.equal(en.locale);
    expect(catalogFor(undefined).field.required).to.equal(en.field.required);
    expect(catalogFor('de-AT'), 'resolved once per tag').to.equal(catalogFor('de-AT'));
  });

  it('word every German message differently from English', () => {
    const sample = {
      label: 'L',
      expected: 'number',
      max: 1,
      length: 2,
      characters: ['!'],
      values: ['x'],
      axis: 'lat',
      min: 0,
      example: 'E',
      name: 'n',
      type: 'number',
      index: 0,
      value: 'v',
      reason: 'r',
      role: 'r',
      level: 'l',
      property: 'p',
      operator: 'o',
      count: 2,
    };
    for (const section of ['valueErrors', 'definitionErrors', 'audienceErrors'] as const) {
      for (const [code, word] of Object.entries(en[section])) {
        const german = (de[section] as Record<string, (p: object) => string>)[code]!(sample);
        expect(german, code)
          .to.be.a('string')
          .and.not.equal((word as (p: object) => string)(sample));
      }
    }
  });

  it('word every German interface text differently from English', () => {
    const sameInBoth = new Set([
      'typeNames.text',
      'customer.channelNumber',
      'definitionForm.name',
      'definitionForm.optionLabel',
      // The language's name is already in the viewer's language: `Deutsch (de)`, `German (de)`.
      'definitionForm.translationLanguage',
      'definitionList.accessShort',
    ]);
    for (const section of [
      'field',
      'propertyEditor',
      'locationPicker',
      'typeNames',
      'customer',
      'panel',
      'profile',
      'definitionForm',
      'definitionList',
      'audienceBuilder',
    ] as const) {
      for (const [key, english] of Object.entries(en[section])) {
        if (sameInBoth.has(`${section}.${key}`)) continue;
        const german = (de[section] as Record<string, unknown>)[key];
        const say = (word: unknown) =>
          typeof word === 'function'
            ? (word as (...x: (string | number)[]) => string)(2, 'b', 'c')
            : typeof word === 'object'
              ? JSON.stringify(word)
              : word;
        expect(say(german), `${section}.${key}`).to.be.a('string').and.not.equal(say(english));
      }
    }
  });

  it('let a host override one message and keep the rest', () => {
    registerLocale('de-CH', { valueErrors: { required: ({ label }) => `${label} muss ausgefüllt werden.` } });
    const required = definition('text', { label: 'Name', required: true });
    const result = parseValue(required, '', 'de-CH');
    expect(result.ok ? null : describeError(result.error, { locale: 'de-CH', label: 'Name' })).to.equal(
      'Name muss ausgefüllt werden.',
    );
    const date = parseValue(definition('date', { label: 'Datum' }), '31.02.2024', 'de-CH');
    expect(date.ok ? null : describeError(date.error, { locale: 'de-CH', label: 'Datum' })).to.equal(
      de.valueErrors['date.invalid']({ label: 'Datum' }),
    );
  });
});

describe('English in parts', () => {
  it('has every section and word German has, once its parts are in', () => {
    for (const [section, words] of Object.entries(de)) {
      if (typeof words !== 'object') continue;
      const english = (en as unknown as Record<string, object | undefined>)[section];
      expect(english, section).to.be.an('object');
      expect(Object.keys(english!).sort(), section).to.deep.equal(Object.keys(words).sort());
    }
  });

  it('completes a language registered with a few words from English, section by section', () => {
    registerLocale('fr', { panel: { title: 'Fiche client' } });
    const fr = catalogFor('fr-CA');
    expect(fr.panel.title).to.equal('Fiche client');
    expect(fr.panel.empty).to.equal(en.panel.empty);
    expect(fr.definitionForm.createTitle).to.equal(en.definitionForm.createTitle);
  });
});

describe('describeError', () => {
  it('words a value error with the field’s label, in the viewer’s language', async () => {
    await import('./de.js');
    const error = { code: 'number.format', params: {} } as const;
    expect(describeError(error, { label: 'Age' })).to.equal(en.valueErrors['number.format']({ label: 'Age' }));
    expect(describeError(error, { locale: 'de-AT', label: 'Alter' })).to.equal(
      de.valueErrors['number.format']({ label: 'Alter' }),
    );
    expect(describeError({ code: 'required', params: {} })).to.equal('This field is required.');
  });

  it('words definition and audience errors, and an audience error’s value error with the condition’s label', () => {
    expect(
      describeError({ code: 'definition.name.taken', params: { name: 'vip' }, field: 'name' }, { locale: 'de' }),
    ).to.equal('Eine Eigenschaft namens „vip“ gibt es bereits.');
    const valueError = { code: 'choice.unknown', params: { values: ['purple'] } } as const;
    const audienceError = { code: 'audience.value', params: { label: 'Color' }, path: [0], valueError } as const;
    expect(describeError(audienceError)).to.equal(
      en.valueErrors['choice.unknown']({ label: 'Color', values: ['purple'] }),
    );
  });

  it('words a StoreError or an API error body by its kind, or by its one value error', () => {
    expect(describeError({ kind: 'conflict' }, { locale: 'de' })).to.equal('jemand anderes hat es inzwischen geändert');
    const invalid = {
      kind: 'invalid',
      code: 'text.length',
      errors: { notes: { code: 'text.length', params: { max: 10, length: 12 } } },
    };
    expect(describeError(invalid, { label: 'Notes' })).to.equal(
      en.valueErrors['text.length']({ label: 'Notes', max: 10, length: 12 }),
    );
  });

  it('never shows a thrown text in no known language, nor a key of Object.prototype', () => {
    expect(describeError(new TypeError('Failed to fetch'))).to.equal('the server could not be reached');
    expect(describeError(new Error('ECONNRESET'), { locale: 'de' })).to.equal('der Server war nicht erreichbar');
    expect(describeError({ code: 'constructor', params: {} })).to.equal('the server could not be reached');
    expect(describeError({ kind: 'toString' })).to.equal('the server could not be reached');
    expect(describeError(null)).to.equal('the server could not be reached');
  });
});

describe('describeError with parameters that do not fit', () => {
  it('answers with the generic sentence rather than throw', () => {
    expect(describeError({ code: 'text.length', params: {} }, { label: 'Notes' })).to.be.a('string');
    expect(describeError({ kind: 'invalid', errors: { notes: { code: 'word.characters', params: {} } } })).to.equal(
      'the server could not be reached',
    );
  });
});
