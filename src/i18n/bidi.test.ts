import { expect } from 'chai';
import { isolate, textDirection } from './bidi.js';
import { catalogFor, registerLocale } from './locales.js';
import { describeError } from './describe.js';

const FSI = '\u2068';
const PDI = '\u2069';

describe('bidirectional text', () => {
  it('knows which languages are written right to left', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'ur-PK', 'ps', 'az-Arab'])
      expect(textDirection(tag), tag).to.equal('rtl');
    for (const tag of ['en', 'de-AT', 'fr', 'ja', 'th-TH', 'az-Latn', 'tr', '', 'not a tag'])
      expect(textDirection(tag), tag).to.equal('ltr');
  });

  it('isolates a value where either side is right to left, and leaves left-to-right values alone', () => {
    expect(isolate('31/12/2026', 'ltr')).to.equal('31/12/2026');
    expect(isolate('31/12/2026', 'rtl')).to.equal(`${FSI}31/12/2026${PDI}`);
    expect(isolate('اللون المفضل', 'ltr')).to.equal(`${FSI}اللون المفضل${PDI}`);
    expect(isolate('٣١/١٢/٢٠٢٤', 'ltr'), 'Arabic-Indic digits').to.equal(`${FSI}٣١/١٢/٢٠٢٤${PDI}`);
    expect(isolate(isolate('x', 'rtl'), 'rtl'), 'not twice').to.equal(`${FSI}x${PDI}`);
    expect(isolate('', 'rtl')).to.equal('');
  });

  it('English sentences isolate an Arabic label or example and keep Latin ones as they were', () => {
    expect(describeError({ code: 'required' }, { locale: 'en', label: 'Age' })).to.equal('Age is required.');
    expect(describeError({ code: 'required' }, { locale: 'en', label: 'العمر' })).to.equal(
      `${FSI}العمر${PDI} is required.`,
    );
    expect(catalogFor('en').propertyEditor.dateHint('31/12/2026')).to.equal('For example 31/12/2026.');
    expect(catalogFor('ar-EG').propertyEditor.dateHint('٣١‏/١٢‏/٢٠٢٤')).to.equal(
      `For example ${FSI}٣١‏/١٢‏/٢٠٢٤${PDI}.`,
    );
  });

  it('a right-to-left catalog isolates every value it is given, and still finds what it looks up', () => {
    registerLocale('he', {
      field: { required: 'חובה' },
      propertyEditor: { dateHint: (example: string) => `לדוגמה ${example}.` },
    });
    const he = catalogFor('he');
    expect(he.locale).to.equal('he');
    expect(he.propertyEditor.dateHint('31.12.2026')).to.equal(`לדוגמה ${FSI}31.12.2026${PDI}.`);
    // The sentence of a reserved name compares the name itself: it is not isolated. The sentence is
    // English (the host's catalog does not translate it): a left-to-right island in the Hebrew text.
    expect(describeError({ code: 'definition.name.reserved', params: { name: 'name' } }, { locale: 'he' })).to.equal(
      '\u2066“name” is the name of a default property.\u2069',
    );
  });
});
