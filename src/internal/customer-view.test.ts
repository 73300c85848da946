import { expect } from 'chai';
import { de } from '../i18n/de.js';
import { agentProperty } from './test/definitions.js';
import { en } from '../i18n/en.js';
import { BUILT_IN_DEFINITIONS, propertyAccess, type Customer } from '../model/index.js';
import {
  accessTo,
  changedText,
  channelName,
  nameField,
  principalFor,
  timeAgo,
  visibleFields,
} from './customer-view.js';
import { customerIdOfToken } from './profile-link.js';

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
    changed: {
      age: { revision: 2, by: 'Ben', at: before(2 * MINUTE) },
      notes: { revision: 1, at: before(DAY + HOUR) },
    },
  };

  it('says who changed a field and how long ago, in the catalog’s language', () => {
    expect(changedText(customer, 'age', en, now)).to.equal('Changed by Ben, 2 minutes ago');
    expect(changedText(customer, 'age', de, now)).to.equal('Geändert von Ben, vor 2 Minuten');
    expect(changedText(customer, 'notes', en, now)).to.equal('Changed yesterday');
    expect(changedText(customer, 'notes', de, now)).to.equal('Geändert gestern');
    expect(changedText(customer, 'name', en, now)).to.equal('');
  });
});

describe('visibleFields, nameField and accessTo: propertyAccess, one rule', () => {
  const prop = agentProperty;
  const definitions = [
    ...BUILT_IN_DEFINITIONS,
    prop('open', { '*': 'edit' }),
    prop('read', { '*': 'view', supervisor: 'edit' }),
    prop('secret', { supervisor: 'view' }),
    prop('profile_only', { '*': 'edit' }, { showToAgent: false, showToCustomer: true }),
  ];
  const principals = [
    principalFor('agent', { id: 'u1', roles: ['agent'] }, 'ana'),
    principalFor('agent', { id: 'u2', roles: ['supervisor'] }, 'ana'),
    principalFor('agent', undefined, 'ana'),
    principalFor('customer', { id: 'u1', roles: ['admin'] }, 'ana'),
  ];

  it('principalFor: the customer for viewer="customer" (whatever user is signed in), else the user', () => {
    expect(principals[3]).to.deep.equal({ kind: 'customer', customerId: 'ana' });
    expect(principals[2]).to.deep.equal({ kind: 'user', id: '', roles: [] });
  });

  for (const principal of principals) {
    it(`agrees with propertyAccess for ${JSON.stringify(principal)}`, () => {
      const custom = definitions.filter((def) => !def.builtIn);
      expect(visibleFields(definitions, principal)).to.deep.equal(
        custom
          .filter((def) => propertyAccess(principal, def) !== 'none')
          .map((def) => ({ def, level: propertyAccess(principal, def) })),
      );
      expect(nameField(definitions, principal)?.level).to.equal(propertyAccess(principal, BUILT_IN_DEFINITIONS[1]!));
      for (const def of definitions)
        expect(accessTo(definitions, principal, def.name), def.name).to.equal(propertyAccess(principal, def));
      expect(accessTo(definitions, principal, 'no_such_property')).to.equal('none');
    });
  }
});

describe('customerIdOfToken', () => {
  // As the server writes it: UTF-8 bytes of the JSON, in base64url.
  const payload = (claims: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');

  it('reads the customer id of a profile token without verifying it', () => {
    expect(customerIdOfToken(`cp1.${payload({ c: 'ana', e: 1 })}.anything`)).to.equal('ana');
    expect(customerIdOfToken(`cp1.${payload({ c: 'Zoë 好', e: 1 })}.x`)).to.equal('Zoë 好');
  });

  it('gives nothing for what is not a profile token', () => {
    for (const token of [
      '',
      'cp1',
      'cp2.e30.x',
      `cp1.${payload({ e: 1 })}.x`,
      `cp1.${payload({ c: '' })}.x`,
      'cp1.!!.x',
      'cp1.bm90IGpzb24.x',
      `cp1.${payload({ c: 'a' })}`,
    ]) {
      expect(customerIdOfToken(token), token).to.equal(undefined);
    }
  });
});

describe('channelName', () => {
  it('names a known channel in the locale, and shows any other as stored, even one named like Object’s own', () => {
    expect(channelName(en, 'WhatsApp')).to.equal(en.customer.channels.whatsapp);
    expect(channelName(en, 'constructor')).to.equal('constructor');
    expect(channelName(de, 'toString')).to.equal('toString');
    expect(channelName(de, '__proto__')).to.equal('__proto__');
  });
});
