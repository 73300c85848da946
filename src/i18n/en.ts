import type { Catalog } from './catalog.js';

/** A count in English digits (also for the parts of the catalog loaded later). */
export const count = (n: number) => n.toLocaleString('en');

/** A reason that is a whole sentence already keeps its own full stop. */
export const ended = (reason: string) => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

/**
 * English. The words of the elements most pages have are here; those of the value errors (with
 * `<property-editor>`), the profile form, the admin elements (with the definition errors), the
 * audience elements (with the audience errors) and the location picker come with them (`en-editor.ts`, `en-profile.ts`, `en-admin.ts`, `en-location.ts`, which add themselves
 * here when loaded), so a page pays only for the words it shows. `customer-properties/i18n`
 * exports it whole.
 */
const core: Omit<
  Catalog,
  | 'valueErrors'
  | 'definitionErrors'
  | 'audienceErrors'
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
      viewFailed:
        'The history cannot be shown: its part of the panel could not be loaded. Check the connection and try again.',
      more: 'Show more',
      changed: (author, from, to, ago) => `${author} changed it from ${from} to ${to}, ${ago}`,
      changedByCustomer: (from, to, ago) => `The customer changed it from ${from} to ${to}, ${ago}`,
      changedAnonymous: (from, to, ago) => `Changed from ${from} to ${to}, ${ago}`,
    },
  },
};

/** Until its parts are loaded, the sections they hold are missing: each element that shows them imports its part. */
export const en = core as Catalog;
