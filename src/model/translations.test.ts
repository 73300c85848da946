import { expect } from 'chai';
import { validateDefinition } from './definitions.js';
import { labelLanguage, localizeDefinition, localizeDefinitions, translationChain } from './translations.js';
import { definition, favoriteColor } from '../internal/test/definitions.js';
import type { PropertyDefinition } from './types.js';
import { describeError } from '../i18n/describe.js';
import '../i18n/de.js';

const codes = (errors: { code: string }[]) => errors.map((error) => error.code);

const color: PropertyDefinition = {
  ...favoriteColor,
  description: 'The one they like best',
  group: 'Taste',
  translations: {
    de: {
      label: 'Lieblingsfarbe',
      description: 'Die, die sie am liebsten mögen',
      group: 'Geschmack',
      options: { red: 'Rot', blue: 'Blau' },
    },
    'de-AT': { label: 'Lieblingsfarb’', options: { red: 'Rót' } },
    'zh-Hant': { label: '最喜歡的顏色' },
  },
};

describe('translationChain', () => {
  it('drops one subtag at a time, after writing the tag in its canonical form', () => {
    expect(translationChain('de-AT')).to.deep.equal(['de-AT', 'de']);
    expect(translationChain('zh-hant-tw')).to.deep.equal(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(translationChain('de-u-co-phonebk')).to.deep.equal(['de-u-co-phonebk', 'de-u-co', 'de']);
    expect(translationChain('not a tag')).to.deep.equal([]);
    // A region that implies the script: Taiwan writes Traditional Chinese.
    expect(translationChain('zh-TW')).to.deep.equal(['zh-TW', 'zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(translationChain('zh')).to.deep.equal(['zh']);
    expect(translationChain('')).to.deep.equal([]);
  });
});

describe('localizeDefinition', () => {
  it('gives a zh-TW viewer the zh-Hant words, and says which language the label is in', () => {
    expect(localizeDefinition(color, 'zh-TW').label).to.equal('最喜歡的顏色');
    expect(labelLanguage(localizeDefinition(color, 'zh-TW'))).to.equal('zh-Hant');
    expect(labelLanguage(localizeDefinition(color, 'de-AT'))).to.equal('de-AT');
    expect(labelLanguage(localizeDefinition(color, 'fr'))).to.equal(undefined);
  });

  it('gives a German viewer the German words, and the default for what has none', () => {
    const de = localizeDefinition(color, 'de');
    expect(de.label).to.equal('Lieblingsfarbe');
    expect(de.description).to.equal('Die, die sie am liebsten mögen');
    expect(de.group).to.equal('Geschmack');
    expect(de.options!.slice(0, 3).map((option) => option.label)).to.deep.equal(['Rot', 'Blau', 'Green']);
    expect(de.options!.map((option) => option.value)).to.deep.equal(color.options!.map((option) => option.value));
    expect(de).not.to.have.property('translations');
    expect(color.label, 'the original is untouched').to.equal('Favorite color');
  });

  it('falls back field by field: de-AT → de → default', () => {
    const at = localizeDefinition(color, 'de-AT');
    expect(at.label).to.equal('Lieblingsfarb’');
    expect(at.description).to.equal('Die, die sie am liebsten mögen');
    expect(at.options!.slice(0, 3).map((option) => option.label)).to.deep.equal(['Rót', 'Blau', 'Green']);
    expect(localizeDefinition(color, 'de-CH').label).to.equal('Lieblingsfarbe');
    expect(localizeDefinition(color, 'zh-Hant-TW').label).to.equal('最喜歡的顏色');
    expect(localizeDefinition(color, 'zh-Hant-TW').description).to.equal('The one they like best');
  });

  it('returns the same object when nothing applies, and the same copy on every call', () => {
    expect(localizeDefinition(color, 'fr')).to.equal(color);
    expect(localizeDefinition(color, 'zh')).to.equal(color);
    expect(localizeDefinition(color, 'no tag!')).to.equal(color);
    expect(localizeDefinition(favoriteColor, 'de')).to.equal(favoriteColor);
    expect(localizeDefinition(color, 'de')).to.equal(localizeDefinition(color, 'de'));
    const de = localizeDefinition(color, 'de');
    expect(localizeDefinition(de, 'de'), 'a localized copy stays as it is').to.equal(de);
    const defs = [color, favoriteColor];
    expect(localizeDefinitions(defs, 'de')).to.equal(localizeDefinitions(defs, 'de'));
    expect(localizeDefinitions(defs, 'de')[1]).to.equal(favoriteColor);
    expect(localizeDefinitions(defs, 'fr')).to.equal(defs);
  });

  it('keeps the option objects a translation does not change, and ignores empty words', () => {
    const de = localizeDefinition({ ...color, translations: { de: { label: '  ', options: { red: '' } } } }, 'de');
    expect(de.label).to.equal('Favorite color');
    expect(de.options![0]!.label).to.equal('Red');
  });
});

describe('validateDefinition: translations', () => {
  it('accepts translations within the limits of the default words', () => {
    expect(validateDefinition(color, [])).to.deep.equal([]);
    const many = Object.fromEntries(['de', 'fr', 'it'].map((tag) => [tag, { label: 'x'.repeat(100) }]));
    expect(validateDefinition(definition('text', { translations: many }), [])).to.deep.equal([]);
  });

  it('refuses a key that is not a canonical language tag, naming the canonical form', () => {
    const errors = validateDefinition(definition('text', { translations: { 'de-at': { label: 'A' }, 'x y': {} } }), []);
    expect(errors).to.deep.equal([
      {
        code: 'definition.translations.tag',
        params: { tag: 'de-at', canonical: 'de-AT' },
        field: 'translations.de-at',
      },
      { code: 'definition.translations.tag', params: { tag: 'x y' }, field: 'translations.x y' },
    ]);
    expect(describeError(errors[0], { locale: 'en' })).to.equal('Write the language “de-at” as de-AT.');
    expect(describeError(errors[1], { locale: 'de' })).to.equal('„x y“ ist kein Sprach-Tag (wie de oder pt-BR).');
  });

  it('holds each language to the limits of the default words, naming the language', () => {
    const errors = validateDefinition(
      definition('text', {
        translations: {
          de: { label: ' ', description: 'd'.repeat(1001), group: 'g'.repeat(101) },
          fr: { label: 'l'.repeat(101), shout: 'x' } as never,
        },
      }),
      [],
    );
    expect(errors.map((error) => [error.code, error.field])).to.deep.equal([
      ['definition.translations.label', 'translations.de.label'],
      ['definition.translations.description', 'translations.de.description'],
      ['definition.translations.group', 'translations.de.group'],
      ['definition.translations.field', 'translations.fr.shout'],
      ['definition.translations.label', 'translations.fr.label'],
    ]);
    expect(describeError(errors[0], { locale: 'en' })).to.equal(
      'German (de): the label must have 1 to 100 characters.',
    );
    expect(describeError(errors[0], { locale: 'de' })).to.equal(
      'Deutsch (de): Die Bezeichnung muss 1 bis 100 Zeichen lang sein.',
    );
  });

  it('refuses option labels for values that are not options, empty ones, and two the same', () => {
    const errors = validateDefinition(
      {
        ...favoriteColor,
        translations: { de: { options: { purple: 'Lila', red: ' ', blue: 'Grün', green: 'Grün', cyan: 'blue' } } },
      },
      [],
    );
    expect(errors).to.deep.equal([
      {
        code: 'definition.translations.option',
        params: { tag: 'de', value: 'purple' },
        field: 'translations.de.options.purple',
      },
      {
        code: 'definition.translations.option-label',
        params: { tag: 'de', value: 'red', max: 200 },
        field: 'translations.de.options.red',
      },
      {
        code: 'definition.translations.option-duplicate',
        params: { tag: 'de', value: 'green', label: 'Grün' },
        field: 'translations.de.options.green',
      },
    ]);
    expect(describeError(errors[0], { locale: 'de' })).to.equal('Deutsch (de): „purple“ ist keine der Optionen.');
    expect(describeError(errors[2], { locale: 'en' })).to.equal(
      'German (de): “Grün” is already the label of another option.',
    );
    expect(
      codes(validateDefinition(definition('text', { translations: { de: { options: { a: 'A' } } } }), [])),
    ).to.deep.equal(['definition.translations.option']);
  });

  it('finds two options a reader cannot tell apart in either order of the options', () => {
    const options = [
      { value: 'a', label: 'Red' },
      { value: 'b', label: 'Rot' },
    ];
    for (const order of [options, [...options].reverse()]) {
      const errors = validateDefinition(
        definition('single-choice', { options: order, translations: { de: { options: { a: 'Rot' } } } }),
        [],
      );
      expect(errors, JSON.stringify(order)).to.deep.equal([
        {
          code: 'definition.translations.option-duplicate',
          params: { tag: 'de', value: 'a', label: 'Rot' },
          field: 'translations.de.options.a',
        },
      ]);
    }
  });

  it('options that are not a list are refused, translated or not, not thrown on', () => {
    expect(
      codes(
        validateDefinition(definition('text', { options: {} as never, translations: { de: { options: {} } } }), []),
      ),
    ).to.include('definition.options.type');
    expect(codes(validateDefinition(definition('single-choice', { options: 5 as never }), []))).to.include(
      'definition.options.count',
    );
  });

  it('refuses more than 50 languages, and translations that are not an object', () => {
    const tags = Array.from({ length: 51 }, (_, i) => `x-l${i}`);
    const errors = validateDefinition(
      definition('text', { translations: Object.fromEntries(tags.map((tag) => [tag, {}])) }),
      [],
    );
    expect(codes(errors)).to.deep.equal(['definition.translations.count']);
    expect(codes(validateDefinition(definition('text', { translations: [] as never }), []))).to.deep.equal([
      'definition.translations.shape',
    ]);
    const none = validateDefinition(definition('text', { translations: null as never }), []);
    expect(codes(none)).to.deep.equal(['definition.translations.shape']);
    expect(describeError(none[0], { locale: 'en' })).to.match(/^Translations are words by language tag/);
    expect(codes(validateDefinition(definition('text', { translations: { de: 'Farbe' } as never }), []))).to.deep.equal(
      ['definition.translations.field'],
    );
  });
});
