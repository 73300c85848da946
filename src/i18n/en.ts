import type { Catalog } from './catalog.js';
import { languageName } from './language-name.js';

/** A count in English digits (also for the parts of the catalog loaded later). */
export const count = (n: number) => n.toLocaleString('en');
/** A language named in English, with its tag: `German (de)`. */
const language = (tag: string) => `${languageName('en', tag)} (${tag})`;

/** A reason that is a whole sentence already keeps its own full stop. */
export const ended = (reason: string) => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

/**
 * English. The words of the elements most pages have are here; those of the value errors (with
 * `<property-editor>`), the profile form, the admin elements and the location picker come with
 * them (`en-editor.ts`, `en-profile.ts`, `en-admin.ts`, `en-location.ts`, which add themselves
 * here when loaded), so a page pays only for the words it shows. `customer-properties/i18n`
 * exports it whole.
 */
const core: Omit<
  Catalog,
  | 'valueErrors'
  | 'profile'
  | 'definitionForm'
  | 'definitionList'
  | 'audienceBuilder'
  | 'audienceList'
  | 'audienceMembers'
  | 'customerImport'
  | 'locationPicker'
> = {
  locale: 'en',
  typeNames: {
    number: 'Number',
    text: 'Text',
    word: 'Word',
    'single-choice': 'Single choice',
    'multiple-choice': 'Multiple choice',
    location: 'Location',
    date: 'Date',
    time: 'Time',
  },
  definitionErrors: {
    'definition.name.format': () =>
      'The name must start with a letter and have only letters, digits and underscores, no spaces, at most 64 characters.',
    'definition.name.reserved': ({ name }) =>
      name.toLowerCase() === 'name' || name.toLowerCase() === 'number'
        ? `“${name}” is the name of a default property.`
        : `“${name}” is a reserved name; choose another.`,
    'definition.name.taken': ({ name }) => `A property named “${name}” already exists.`,
    'definition.label.length': ({ max }) => `The label must have 1 to ${count(max)} characters.`,
    'definition.type.unknown': ({ type }) => `“${type}” is not a property type.`,
    'definition.type.locked': ({ count: n }) =>
      `The type cannot change: ${count(n)} ${n === 1 ? 'customer has' : 'customers have'} a value for this property.`,
    'definition.builtin': ({ name }) => `“${name}” is a default property and cannot be changed.`,
    'definition.order.names': () => 'The new order must list every custom property once.',
    'definition.options.count': ({ min, max }) => `A choice property needs ${count(min)} to ${count(max)} options.`,
    'definition.options.type': () => 'Only single and multiple choice properties have options.',
    'definition.option.value': ({ index, max }) =>
      `Option ${index + 1}: the value must have 1 to ${count(max)} characters.`,
    'definition.option.label': ({ index, max }) =>
      `Option ${index + 1}: the label must have 1 to ${count(max)} characters.`,
    'definition.option.duplicate': ({ index, value }) =>
      `Option ${index + 1}: the value “${value}” is already used by another option.`,
    'definition.option.duplicate-label': ({ index, label }) =>
      `Option ${index + 1}: “${label}” is already in the list.`,
    'definition.maxLength': ({ max }) =>
      `The maximum length is for text properties only: a whole number of characters from 1 to ${max}.`,
    'definition.pattern.invalid': ({ reason }) =>
      `The pattern is not a valid regular expression in RE2 syntax (lookarounds and backreferences are not supported): ${reason}`,
    'definition.pattern.unavailable': () =>
      'The pattern cannot be checked yet: the pattern engine has not loaded. Try again in a moment.',
    'definition.pattern.delimiters': ({ pattern }) =>
      `Write the pattern without the slashes around it, as ${pattern}; flags after the closing slash are not supported.`,
    'definition.pattern.type': () => 'Only text and word properties can have a pattern.',
    'definition.access.level': ({ role }) => `Access for “${role}” must be view or edit.`,
    'definition.description.length': ({ max }) => `The description can be at most ${count(max)} characters long.`,
    'definition.group.length': ({ max }) => `A group is named with 1 to ${count(max)} characters.`,
    'definition.order': () => 'The position in the list must be a number.',
    'definition.translations.count': ({ max }) => `A property can have words in at most ${count(max)} languages.`,
    'definition.translations.shape': () =>
      'Translations are words by language tag, such as { "de": { "label": "Lieblingsfarbe" } }.',
    'definition.translations.tag': ({ tag, canonical }) =>
      canonical
        ? `Write the language “${tag}” as ${canonical}.`
        : `“${tag}” is not a language tag (such as de or pt-BR).`,
    'definition.translations.field': ({ tag, field }) =>
      field
        ? `${language(tag)}: “${field}” cannot be translated (label, description, patternHint, group and options can).`
        : `${language(tag)}: the translation must be a set of words.`,
    'definition.translations.label': ({ tag, max }) =>
      `${language(tag)}: the label must have 1 to ${count(max)} characters.`,
    'definition.translations.description': ({ tag, max }) =>
      `${language(tag)}: the description can be at most ${count(max)} characters long.`,
    'definition.translations.group': ({ tag, max }) =>
      `${language(tag)}: a group is named with 1 to ${count(max)} characters.`,
    'definition.translations.option': ({ tag, value }) => `${language(tag)}: “${value}” is not one of the options.`,
    'definition.translations.option-label': ({ tag, value, max }) =>
      `${language(tag)}: the label of option “${value}” must have 1 to ${count(max)} characters.`,
    'definition.translations.option-duplicate': ({ tag, label }) =>
      `${language(tag)}: “${label}” is already the label of another option.`,
  },
  audienceErrors: {
    'audience.match': () => 'A group must match “all” or “any” of its conditions.',
    'audience.depth': ({ max }) => `Groups can be nested at most ${max} levels deep.`,
    'audience.size': ({ max }) => `An audience can have at most ${count(max)} conditions and groups in all.`,
    'audience.property': ({ property }) => `There is no property named “${property}”.`,
    'audience.operator': ({ label, operator, type }) =>
      `“${operator}” does not apply to ${label}, a ${en.typeNames[type].toLowerCase()} property.`,
    'audience.value': ({ label }) => `The condition on ${label} needs a value.`,
    'audience.range': ({ label }) => `The condition on ${label}: the first value must not be greater than the second.`,
    'audience.days': ({ label }) =>
      `The condition on ${label}: the number of days must be a whole number of at least 1.`,
    'audience.name.required': () => 'Give the audience a name.',
    'audience.name.length': ({ max, length }) =>
      `The name may have at most ${count(max)} characters; it has ${count(length)}.`,
    'audience.name.taken': ({ name }) => `There is already an audience named “${name}”. Choose another name.`,
  },
  field: {
    required: 'required',
    notSet: 'Not set',
    unnamed: 'This field',
  },
  propertyEditor: {
    choose: 'Choose…',
    none: 'None',
    showOptions: 'Show options',
    searchOptions: 'Search the options',
    noMatches: 'No option matches.',
    optionCount: (n) => `${count(n)} ${n === 1 ? 'option' : 'options'}`,
    removeChoice: (label) => `Remove ${label}`,
    chosen: (n) => `${count(n)} chosen`,
    noLongerOffered: (value) => `${value} (no longer offered)`,
    noLongerOfferedHint: 'This value is no longer one of the options. It is kept until you change it.',
    chooseDate: 'Choose a date from a calendar',
    chooseTime: 'Choose a time',
    dateHint: (example) => `For example ${example}.`,
    timeHint: (example) => `Hours and minutes, for example ${example}.`,
    pickerUnavailable: 'The location field could not be loaded. Check the connection and reload the page.',
  },
  customer: {
    loading: 'Loading the customer…',
    loadFailed: (reason) => `The customer could not be loaded: ${reason}`,
    notFound: 'This customer does not exist (any more).',
    retry: 'Try again',
    channelNumber: (channel, number) => `${channel}: ${number}`,
    channels: {
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      sms: 'SMS',
      viber: 'Viber',
      messenger: 'Messenger',
      instagram: 'Instagram',
      email: 'Email',
      rcs: 'RCS',
      voice: 'Phone',
    },
    changedBy: (author, ago) => `Changed by ${author}, ${ago}`,
    changedAgo: (ago) => `Changed ${ago}`,
    justNow: 'just now',
    storeErrors: {
      conflict: 'someone else changed it meanwhile',
      'not-found': 'the customer or the property no longer exists',
      invalid: 'the value was refused',
      forbidden: 'you are not allowed to change this',
      unauthenticated: 'you are not signed in, or your link has expired',
      unavailable: 'the server could not be reached',
    },
    storeCodes: {
      'store.timeout': 'the server did not answer in time',
      'store.reply': 'the server sent an answer that cannot be used',
    },
  },
  panel: {
    title: 'Customer details',
    noCustomer: 'No customer selected.',
    noStore: 'The customer cannot be shown: this page gives the panel no store to load them from.',
    empty: 'No custom properties yet.',
    saving: 'Saving…',
    saved: 'Saved',
    failed: (reason) => `Not saved: ${reason}`,
    announceSaving: (label) => `Saving ${label}…`,
    announceSaved: (label) => `${label} saved.`,
    announceFailed: (label, text) => `${label} was not saved. ${text}`,
    announceInvalid: (label, reason) => `${label} is not saved: ${reason}`,
    emptyFolded: (n) => (n === 1 ? 'One empty property' : `${count(n)} empty properties`),
    mapLabel: (label) => `${label} on a map`,
    conflict: (author, value, ago) => `${author} changed this ${ago} to “${value}”. Keep yours or use theirs?`,
    conflictAnonymous: (value) => `Someone else changed this meanwhile to “${value}”. Keep yours or use theirs?`,
    keepMine: 'Keep mine',
    useTheirs: 'Use theirs',
    invalidNotSaved: 'Not saved until the value is valid.',
    editorFailed: 'This field cannot be edited: its editor could not be loaded. Check the connection and try again.',
    announceEditorFailed: (label) =>
      `${label} cannot be edited: its editor could not be loaded. Check the connection and try again.`,
    history: {
      show: 'History',
      showLabel: (label) => `History of ${label}`,
      loading: 'Loading the history…',
      empty: 'No changes yet.',
      failed: (reason) => `The history could not be loaded: ${reason}`,
      more: 'Show more',
      changed: (author, from, to, ago) => `${author} changed it from ${from} to ${to}, ${ago}`,
      changedByCustomer: (from, to, ago) => `The customer changed it from ${from} to ${to}, ${ago}`,
      changedAnonymous: (from, to, ago) => `Changed from ${from} to ${to}, ${ago}`,
    },
  },
};

/** Until its parts are loaded, the sections they hold are missing: each element that shows them imports its part. */
export const en = core as Catalog;
