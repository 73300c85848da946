import { expect } from 'chai';
import { de } from '../i18n/de.js';
import { en } from '../i18n/en.js';
import type { Customer } from '../model/index.js';
import { changedText, timeAgo } from './customer-view.js';

const now = Date.parse('2026-11-27T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const before = (ms: number) => new Date(now - ms).toISOString();

describe('timeAgo', () => {
  const table = [
    [0, 'just now', 'gerade eben'],
    [59_000, 'just now', 'gerade eben'],
    [MINUTE, '1 minute ago', 'vor 1 Minute'],
    [2 * MINUTE + 30_000, '2 minutes ago', 'vor 2 Minuten'],
    [59 * MINUTE, '59 minutes ago', 'vor 59 Minuten'],
    [3 * HOUR, '3 hours ago', 'vor 3 Stunden'],
    [25 * HOUR, 'yesterday', 'gestern'],
    [2 * DAY, '2 days ago', 'vorgestern'],
    [10 * DAY, '10 days ago', 'vor 10 Tagen'],
    [45 * DAY, 'last month', 'letzten Monat'],
    [200 * DAY, '6 months ago', 'vor 6 Monaten'],
    [400 * DAY, 'last year', 'letztes Jahr'],
    [3 * 366 * DAY, '3 years ago', 'vor 3 Jahren'],
  ] as const;

  for (const [elapsed, english, german] of table) {
    it(`after ${elapsed / 1000} s says “${english}” and “${german}”`, () => {
      expect(timeAgo(before(elapsed), en, now)).to.equal(english);
      expect(timeAgo(before(elapsed), de, now)).to.equal(german);
    });
  }

  it('says “just now” for an instant from a clock ahead of ours, and nothing for no instant', () => {
    expect(timeAgo(before(-5 * MINUTE), en, now)).to.equal('just now');
    expect(timeAgo('yesterday', en, now)).to.equal('');
  });

  it('speaks the language of the catalog, whatever its tag', () => {
    expect(timeAgo(before(2 * MINUTE), { ...en, locale: 'fr' }, now)).to.match(/^il y a 2\sminutes$/);
    expect(timeAgo(before(2 * MINUTE), { ...en, locale: 'xx-invalid' }, now)).to.equal('2 minutes ago');
    expect(timeAgo(before(2 * MINUTE), { ...en, locale: '' }, now)).to.equal('2 minutes ago');
  });
});

describe('changedText', () => {
  const customer: Customer = {
    id: 'ana',
    number: '+4915123456789',
    name: 'Ana',
    properties: { age: '35', notes: 'x' },
    revision: 2,
    changed: { age: { revision: 2, by: 'Ben', at: before(2 * MINUTE) }, notes: { revision: 1, at: before(DAY + HOUR) } },
  };

  it('says who changed a field and how long ago, in the catalog’s language', () => {
    expect(changedText(customer, 'age', en, now)).to.equal('Changed by Ben, 2 minutes ago');
    expect(changedText(customer, 'age', de, now)).to.equal('Geändert von Ben, vor 2 Minuten');
    expect(changedText(customer, 'notes', en, now)).to.equal('Changed yesterday');
    expect(changedText(customer, 'notes', de, now)).to.equal('Geändert gestern');
    expect(changedText(customer, 'name', en, now)).to.equal('');
  });
});
