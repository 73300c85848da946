import { expect } from 'chai';
import { formatValue, parseValue } from './values.js';
import { loadLocaleForms } from './value-types/calendar.js';
import { foldDigits } from './locale-facts.js';
import { definition } from '../internal/test/definitions.js';
import type { PropertyDefinition, ValueInput } from './types.js';
import { describeError } from '../i18n/describe.js';
import '../i18n/de.js';

// Issue 19: every script's digits, the locale's own decimal sign and calendar, no silent misreading.

function parsed(def: PropertyDefinition, input: ValueInput, locale: string) {
  const result = parseValue(def, input, locale);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse in ${locale}: ${result.error.code}`);
  return result.value;
}

function rejected(def: PropertyDefinition, input: ValueInput, locale: string) {
  const result = parseValue(def, input, locale);
  if (result.ok)
    throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.value)}`);
  return { ...result.error, message: describeError(result.error, { locale, label: def.label }) };
}

const number = definition('number', { label: 'Size' });
const date = definition('date', { label: 'Birthday' });
const time = definition('time', { label: 'Opening time' });
const place = definition('location', { label: 'Place' });
const word = definition('word', { label: 'Tag' });

describe('digits of every script', () => {
  const numbers = [
    ['fa', '۱۲۳۴٫۵', '1234.5'],
    ['fa', '۱۲۳۴.۵', '1234.5'],
    ['ar-EG', '٤٢٫٥', '42.5'],
    ['ar-EG', '\u061c-٤٢٫٥', '-42.5'],
    ['fa', '\u200e\u2212۴۲٫۵', '-42.5'],
    ['ja', '１２３．５', '123.5'],
    ['hi', '१२३', '123'],
    ['bn', '৪২.৫', '42.5'],
    ['en', '٣١', '31'],
  ] as const;
  for (const [locale, typed, stored] of numbers) {
    it(`number in ${locale}: ${typed} is ${stored}`, () => {
      expect(parsed(number, typed, locale)).to.equal(stored);
    });
  }

  it('shows a number in the digits, decimal sign and minus sign Intl uses in the locale, never a mix', () => {
    for (const locale of ['fa', 'ar-EG', 'bn', 'mr', 'de', 'en', 'sv']) {
      const intl = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 });
      for (const value of ['42.5', '-42.5', '0.0001', '1234567']) {
        expect(formatValue(number, value, locale), `${value} in ${locale}`).to.equal(intl.format(Number(value)));
      }
    }
    expect(formatValue(number, '42.5', 'fa')).to.equal('۴۲٫۵');
    expect(formatValue(number, '42.5', 'ar-EG')).to.equal('٤٢٫٥');
    // Still exact beyond a float: digit for digit.
    expect(formatValue(number, '12345678901234567890.5', 'fa')).to.equal('۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰٫۵');
  });

  it('reads back every number it shows, in the locale’s own digits', () => {
    for (const locale of ['fa', 'ar-EG', 'bn', 'mr', 'sv']) {
      for (const value of ['42.5', '-42.5', '0.0001', '-12345678901234567890.5']) {
        expect(parsed(number, formatValue(number, value, locale), locale), `${value} in ${locale}`).to.equal(value);
      }
    }
  });

  it('reads dates and times typed in Arabic-Indic, Persian and full-width digits', () => {
    expect(parsed(date, '٣١/١٢/٢٠٢٤', 'ar-EG')).to.equal('2024-12-31');
    expect(parsed(date, '٣١\u200f/١٢\u200f/٢٠٢٤', 'ar-EG')).to.equal('2024-12-31');
    expect(parsed(date, '２０２４/１２/３１', 'ja')).to.equal('2024-12-31');
    expect(parsed(time, '۲۱:۰۵', 'fa')).to.equal('21:05');
    expect(parsed(time, '٢١:٠٥', 'ar-EG')).to.equal('21:05');
    expect(parsed(time, '２１:０５', 'ja')).to.equal('21:05');
  });

  it('shows dates and times in the locale’s digits, as Intl does', () => {
    const utc = { timeZone: 'UTC' } as const;
    expect(formatValue(date, '2024-12-31', 'ar-EG')).to.equal(
      new Intl.DateTimeFormat('ar-EG', { ...utc, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        Date.UTC(2024, 11, 31),
      ),
    );
    expect(formatValue(time, '21:05', 'fa')).to.equal('۲۱:۰۵');
    expect(formatValue(time, '21:05', 'ar-EG'))
      .to.match(/^[٠-٩:\s\p{L}\u200f]+$/u)
      .and.not.match(/[0-9]/);
    for (const locale of ['ar-EG', 'fa', 'bn', 'mr']) {
      expect(parsed(time, formatValue(time, '21:05', locale), locale), locale).to.equal('21:05');
      expect(parsed(date, formatValue(date, '2024-02-29', locale), locale), locale).to.equal('2024-02-29');
    }
  });

  it('reads coordinates in Persian digits with the Arabic decimal sign, and shows them so', () => {
    expect(parsed(place, '۴۸٫۸۵۸۴, ۲٫۲۹۴۵', 'fa')).to.deep.equal({ lat: 48.8584, lng: 2.2945 });
    expect(parsed(place, { lat: '٤٨٫٨٥٨٤', lng: '٢٫٢٩٤٥' }, 'ar-EG')).to.deep.equal({ lat: 48.8584, lng: 2.2945 });
    const shown = formatValue(place, { lat: 48.8584, lng: -2.2945 }, 'fa');
    expect(shown).to.not.match(/[0-9]/);
    expect(parsed(place, shown, 'fa')).to.deep.equal({ lat: 48.8584, lng: -2.2945 });
  });
});

describe('a number that could be read two ways is asked about, not guessed', () => {
  const table = [
    ['en-US', '1,500', '1500', '1.5'],
    ['en', '-1,500', '-1500', '-1.5'],
    ['de', '1.500', '1500', '1,5'],
    ['de', '12.345', '12345', '12,345'],
    ['ja', '100,000', '100000', '100'],
    ['en', '1234,567', '1234567', '1234.567'], // one separator and three digits, whatever comes before
  ] as const;
  for (const [locale, typed, grouped, decimal] of table) {
    it(`${typed} in ${locale}: ${grouped} or ${decimal}?`, () => {
      const error = rejected(number, typed, locale);
      expect(error.code).to.equal('number.ambiguous');
      expect(error.params).to.deep.equal({ grouped, decimal });
      expect(error.message).to.contain('Size').and.contain(grouped).and.contain(decimal);
    });
  }

  it('words the question in English and German', () => {
    expect(rejected(number, '1,500', 'en').message).to.equal(
      'Size could be read as 1500 or as 1.5: type 1500 without the thousands separator, or 1.5 for the decimal.',
    );
    expect(rejected(number, '1.500', 'de').message).to.equal(
      'Size kann als 1500 oder als 1,5 gelesen werden: Geben Sie 1500 ohne Tausendertrennzeichen ein oder 1,5 für die Dezimalzahl.',
    );
  });

  it('reads as before what only one reading fits', () => {
    const table = [
      ['en', '1.500', '1.5'], // the point is no grouping separator in English
      ['de', '1,500', '1.5'], // nor the comma in German
      ['en', '1,5', '1.5'],
      ['en', '1,5000', '1.5'],
      ['en', '0,500', '0.5'], // a group never follows a lone zero
      ['fr', '1,500', '1.5'], // French groups with a narrow no-break space
      ['fr', '1.500', '1.5'],
      ['en', '1500', '1500'],
    ] as const;
    for (const [locale, typed, stored] of table) {
      expect(parsed(number, typed, locale), `${typed} in ${locale}`).to.equal(stored);
    }
    expect(rejected(number, '1,234.5', 'en').code).to.equal('number.separators');
    expect(rejected(number, '۱۲٬۳۴۵', 'fa').code).to.equal('number.separators');
  });
});

describe('words of every script', () => {
  it('takes the zero-width non-joiner and joiner between letters', () => {
    expect(parsed(word, 'کتاب‌ها', 'fa')).to.equal('کتاب\u200cها');
    expect(parsed(word, 'क्\u200dष', 'hi')).to.equal('क्\u200dष');
  });

  it('refuses a joiner that is not between letters, naming it', () => {
    for (const typed of ['\u200cکتاب', 'کتاب\u200c', 'a\u200c1']) {
      const error = rejected(word, typed, 'en');
      expect(error.code, typed).to.equal('word.characters');
      expect(error.message).to.contain('U+200C ZERO WIDTH NON-JOINER');
    }
  });

  it('names an invisible character in English and German, and shows a visible one', () => {
    expect(rejected(word, 'Class\u200b2023', 'en').message).to.equal(
      'Tag can contain only letters and digits, with no spaces or punctuation. Remove “U+200B ZERO WIDTH SPACE”.',
    );
    expect(rejected(word, 'Klasse\u00a02023!', 'de').message)
      .to.contain('„U+00A0 NO-BREAK SPACE“')
      .and.contain('„!“');
    expect(rejected(word, 'a\u2066b', 'en').message).to.contain('U+2066 LEFT-TO-RIGHT ISOLATE');
    expect(rejected(word, 'a\u0007b', 'en').message).to.contain('“U+0007”');
    expect(rejected(word, 'a b', 'en').message).to.contain('“space”');
  });
});

describe('dates in the locale’s own calendar', () => {
  // 2024-12-31 in each calendar, as Intl writes it in the locale.
  const table = [
    ['th-TH', 'buddhist', '31/12/2567', '1/3/2567', '2024-03-01'],
    ['fa', 'persian', '۱۴۰۳/۱۰/۱۱', '1403/1/1', '2024-03-20'],
    ['ar-SA-u-ca-islamic-umalqura', 'islamic-umalqura', '٣٠\u200f/٠٦\u200f/١٤٤٦ هـ', '1/9/1445', '2024-03-11'],
  ] as const;

  for (const [locale, calendar, shown, typed, stored] of table) {
    it(`${locale} (${calendar}): shows ${shown} and reads it back; ${typed} is ${stored}`, () => {
      expect(new Intl.DateTimeFormat(locale).resolvedOptions().calendar).to.equal(calendar);
      expect(formatValue(date, '2024-12-31', locale)).to.equal(shown);
      expect(parsed(date, shown, locale)).to.equal('2024-12-31');
      expect(parsed(date, typed, locale)).to.equal(stored);
    });
  }

  it('never stores a Buddhist-era year as a Gregorian one (543 years off)', () => {
    expect(parsed(date, '31/12/2567', 'th-TH')).to.equal('2024-12-31');
    expect(parsed(date, '31/12/2567', 'en-GB')).to.equal('2567-12-31');
    expect(parsed(date, '1403/10/11', 'fa')).to.equal('2024-12-31');
  });

  it('refuses a day the calendar does not have, and asks for the calendar’s form', () => {
    // Esfand 1402 has 29 days; 1403 is a leap year with 30.
    expect(rejected(date, '1402/12/30', 'fa').code).to.equal('date.invalid');
    expect(parsed(date, '1403/12/30', 'fa')).to.equal('2025-03-20');
    expect(rejected(date, '31/13/2567', 'th-TH').code).to.equal('date.invalid');
    const error = rejected(date, 'tomorrow', 'th-TH');
    expect(error.code).to.equal('date.format');
    expect(error.params).to.deep.equal({ example: '31/12/2569', calendar: 'buddhist' });
    expect(error.message).to.equal('Birthday must be a date in the Buddhist Calendar, such as 31/12/2569.');
    expect(rejected(date, '31/12/67', 'th-TH').code).to.equal('date.format');
    const german = parseValue(date, 'bald', 'fa');
    expect(german.ok).to.equal(false);
    if (!german.ok) {
      expect(describeError(german.error, { locale: 'de', label: 'Geburtstag' })).to.equal(
        // The Persian example, written right to left, is isolated in the German sentence (UAX #9).
        'Geburtstag muss ein Datum sein (Persischer Kalender), z. B. \u2068۱۴۰۵/۱۰/۱۰\u2069.',
      );
    }
  });

  it('asks for the calendar’s form rather than guess which calendar an ISO date is in', () => {
    for (const [locale, typed] of [
      ['fa', '2024-12-31'],
      ['fa', '1403-10-11'],
      ['th-TH', '2567-12-31'],
      ['th-TH', '2024-12-31'],
    ] as const) {
      const error = rejected(date, typed, locale);
      expect(error.code, `${typed} in ${locale}`).to.equal('date.format');
      expect(error.params).to.have.property('calendar').that.is.a('string');
    }
  });

  it('round-trips every day across a few years of each calendar', () => {
    for (const [locale] of table) {
      for (let day = Date.UTC(2023, 0, 1); day <= Date.UTC(2026, 0, 1); day += 37 * 86_400_000) {
        const iso = new Date(day).toISOString().slice(0, 10);
        expect(parsed(date, formatValue(date, iso, locale), locale), `${iso} in ${locale}`).to.equal(iso);
      }
    }
  });
});

describe('the forms another runtime writes (loadLocaleForms)', () => {
  before(() => loadLocaleForms());

  it('reads a Korean time as Chromium writes it and as Node writes it', () => {
    expect(parsed(time, '오후 9:05', 'ko')).to.equal('21:05');
    expect(parsed(time, 'PM 9:05', 'ko')).to.equal('21:05');
    expect(parsed(time, '오전 12:00', 'ko')).to.equal('00:00');
  });

  it('writes a language its runtime lacks as the full ICU does, and reads it back in either digits', () => {
    // Chromium has no Burmese or Khmer data and would answer in US English (12/31/2024).
    expect(foldDigits(formatValue(date, '2024-12-31', 'km'))).to.equal('31/12/2024');
    expect(foldDigits(formatValue(date, '2024-12-31', 'my'))).to.equal('31/12/2024');
    expect(parsed(date, '၃၁/၁၂/၂၀၂၄', 'my')).to.equal('2024-12-31');
    expect(parsed(date, '05/01/1999', 'km')).to.equal('1999-01-05');
    expect(parsed(date, '31.12.2024', 'ka')).to.equal('2024-12-31');
  });

  it('reads both forms of a language the runtimes write differently (kk)', () => {
    expect(parsed(date, '31.12.2024', 'kk')).to.equal('2024-12-31');
    expect(parsed(date, '2024-12-31', 'kk')).to.equal('2024-12-31');
  });
});

describe('what a review of issue 19 found would be stored wrongly', () => {
  it('a Gregorian year typed where the calendar is another is asked about, not moved an era', () => {
    for (const [text, locale, calendar] of [
      ['31/12/2024', 'th-TH', 'buddhist'],
      ['15/06/2024', 'th-TH', 'buddhist'],
      ['2024/10/11', 'fa', 'persian'],
      ['15/06/2024', 'ar-SA-u-ca-islamic-umalqura', 'islamic-umalqura'],
      ['31/12/2024', 'ar-SA-u-ca-islamic-umalqura', 'islamic-umalqura'],
    ] as const) {
      const error = rejected(date, text, locale);
      expect([error.code, (error.params as { calendar?: string }).calendar], `${text} in ${locale}`).to.deep.equal([
        'date.format',
        calendar,
      ]);
    }
    // The calendar's own years of this era still read.
    expect(parsed(date, '31/12/2567', 'th-TH')).to.equal('2024-12-31');
    expect(parsed(date, '1403/10/11', 'fa')).to.equal('2024-12-31');
  });

  it('an ASCII comma and three digits, where the decimal sign is another (fa, ar-EG), or a long number in en-US, is asked about', () => {
    for (const [text, locale] of [
      ['1,500', 'fa'],
      ['۱,۵۰۰', 'fa'],
      ['1,500', 'ar-EG'],
      ['1234,500', 'en-US'],
    ] as const) {
      expect(rejected(number, text, locale).code, `${text} in ${locale}`).to.equal('number.ambiguous');
    }
    expect(parsed(number, '1.5', 'fa'), 'an ASCII point is the decimal sign there').to.equal('1.5');
    expect(parsed(number, '۱٫۵۰۰', 'fa')).to.equal('1.5');
    expect(parsed(number, '1,5', 'fa')).to.equal('1.5');
  });

  it('reads the full-width separators of a Japanese input method, zh-TW’s periods of the day, and the Arabic comma between coordinates', () => {
    expect(parsed(time, '２１：０５', 'ja')).to.equal('21:05');
    expect(parsed(date, '２０２４／１２／３１', 'ja')).to.equal('2024-12-31');
    expect(parsed(time, '晚上9:05', 'zh-TW')).to.equal('21:05');
    expect(parsed(time, '凌晨12:30', 'zh-TW')).to.equal('00:30');
    expect(parsed(time, '中午12:30', 'zh-TW')).to.equal('12:30');
    expect(parsed(definition('location'), '٤٨٫٨٥٨٤، ٢٫٢٩٤٥', 'ar-EG')).to.deep.equal({ lat: 48.8584, lng: 2.2945 });
  });

  it('keeps a joiner only after a letter of a script that needs it', () => {
    expect(rejected(definition('word'), 'x\u200cy', 'en').code).to.equal('word.characters');
    expect(parsed(definition('word'), 'کتاب\u200cها', 'fa')).to.equal('کتاب\u200cها');
    expect(parsed(definition('word'), 'क्\u200dष', 'hi')).to.equal('क्\u200dष');
  });
});
