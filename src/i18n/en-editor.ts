/**
 * The English words of value errors ("Age must be a number…"), which the elements that check
 * values show: `<property-editor>`, the location picker, the admin, import and audience elements
 * (see `en.ts`). The agent panel shows them only from an editor, so they load with it.
 */
import type { Catalog } from './catalog.js';
import { calendarName, invisibleCharacterName } from './characters.js';
import { count, en } from './en.js';
import { addEnglish } from './locales.js';

const list = (items: readonly string[]) =>
  new Intl.ListFormat('en', { type: 'conjunction' }).format(items.map((item) => `“${item}”`));
// A character nobody can see is named (`U+200B ZERO WIDTH SPACE`), never shown in quotes.
const nameCharacter = (character: string) =>
  invisibleCharacterName(character) ?? (/\s/u.test(character) ? 'space' : character);

addEnglish({
  valueErrors: {
    required: ({ label }) => `${label} is required.`,
    'property.unknown': ({ name }) => `There is no property named “${name}”.`,
    'property.name': ({ name }) => `“${name}” cannot be the name of a property.`,
    'property.readonly': ({ label }) => `${label} cannot be changed.`,
    'value.type': ({ label, expected }) =>
      `${label} holds a value that is not a valid ${en.typeNames[expected as keyof Catalog['typeNames']] ?? expected}.`,
    'value.canonical': ({ label, canonical }) => `${label} must be written as ${canonical}, its canonical form.`,
    'number.format': ({ label }) =>
      `${label} must be a number, such as 3.1415926 or 65535: digits, an optional minus sign and at most one decimal separator.`,
    'number.separators': ({ label }) =>
      `${label} may have only one decimal separator (. or ,) and no thousands separators.`,
    'number.ambiguous': ({ label, grouped, decimal }) =>
      `${label} could be read as ${grouped} or as ${decimal}: type ${grouped} without the thousands separator, or ${decimal} for the decimal.`,
    'text.length': ({ label, max, length }) =>
      `${label} can be at most ${count(max)} characters long; it has ${count(length)}.`,
    'word.characters': ({ label, characters }) =>
      `${label} can contain only letters and digits, with no spaces or punctuation. Remove ${list(characters.map(nameCharacter))}.`,
    'word.length': ({ label, max, length }) =>
      `${label} can be at most ${count(max)} characters long; it has ${count(length)}.`,
    'pattern.mismatch': ({ label, hint }) => hint || `${label} does not have the expected form.`,
    'pattern.invalid': ({ label }) =>
      `${label} cannot be checked: its pattern is not a valid regular expression. Ask an administrator to fix the property.`,
    'pattern.unavailable': ({ label }) =>
      `${label} cannot be checked yet: its pattern has not loaded. Try again in a moment; what you typed is kept.`,
    'choice.unknown': ({ label, values }) =>
      `${list(values)} ${values.length === 1 ? 'is' : 'are'} not among the options of ${label}; choose another.`,
    'choice.duplicate': ({ label, values }) => `${label} lists ${list(values)} more than once.`,
    'choice.order': ({ label }) => `${label} must list its choices in the order of the options.`,
    'location.format': ({ label }) => `${label} needs a latitude and a longitude.`,
    'location.range': ({ label, axis, min, max }) =>
      `The ${axis === 'lat' ? 'latitude' : 'longitude'} of ${label} must be between ${min} and ${max}.`,
    'location.address': ({ label, max }) => `The address of ${label} can be at most ${count(max)} characters long.`,
    'location.placeId': ({ label, max }) =>
      `The place id of ${label} can be at most ${count(max)} characters long; choose the place on the map again.`,
    'date.format': ({ label, example, calendar }) =>
      calendar
        ? `${label} must be a date in the ${calendarName('en', calendar)}, such as ${example}.`
        : `${label} must be a date such as ${example}.`,
    'date.invalid': ({ label }) => `${label} is not a day in the calendar; check the day and month.`,
    'time.format': ({ label, example }) =>
      `${label} must be a time in hours and minutes, such as ${example}, without seconds.`,
    'time.range': ({ label }) => `${label} must be a time from 00:00 to 23:59.`,
    'channel.phone': ({ label }) =>
      `${label} must be a phone number in international form: + and 8 to 15 digits, such as +4915123456789.`,
    'channel.id': ({ label }) => `${label} must be the channel's numeric id: digits only.`,
  },
} satisfies Partial<Catalog>);
