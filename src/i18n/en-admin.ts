/** The English words of the admin elements: the definition form and list, and the definition errors they show (see `en.ts`). */
import type { Catalog } from './catalog.js';
import { count, ended } from './en.js';
import { languageName } from './language-name.js';
import { addEnglish } from './locales.js';
// The definition form tries a sample value against a pattern, and words what it finds.
import './en-editor.js';

/** A language named in English, with its tag: `German (de)`. */
const language = (tag: string) => `${languageName('en', tag)} (${tag})`;

addEnglish({
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
  definitionForm: {
    createTitle: 'New customer property',
    editTitle: (label) => `Edit “${label}”`,
    label: 'Label',
    labelHint: 'What agents and customers see, in any language.',
    name: 'Name',
    nameHint: 'The technical name: letters, digits and underscores, no spaces. It cannot change later.',
    nameLocked: 'The name cannot change: values are stored under it.',
    type: 'Type',
    typeDescriptions: {
      number: 'A series of digits that can include a decimal separator.',
      text: 'Any text, line breaks included.',
      word: 'A series of letters and digits, no spaces allowed.',
      'single-choice': 'One option from a set you define.',
      'multiple-choice': 'Like single choice, but more than one option can be selected.',
      location: 'A place, picked on Google Maps.',
      date: 'A date only, no time.',
      time: 'Hours and minutes, no seconds.',
    },
    typeExamples: {
      number: '3.1415926 or 65535',
      text: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France',
      word: 'ClassOf2023',
      'single-choice': 'one favorite color of red, blue, green…',
      'multiple-choice': 'the hobbies cycling and jazz',
      location: 'the Eiffel Tower on the map',
      date: '12/31/2023',
      time: '9:05 PM',
    },
    example: (text) => `For example: ${text}`,
    typeLocked: (n) =>
      `${count(n)} ${n === 1 ? 'customer has' : 'customers have'} a value for this property, so its type cannot change.`,
    damageTitle: 'Save a change that makes stored values invalid?',
    damageRemovedOptions: (n, options) =>
      `${count(n)} ${n === 1 ? 'customer holds' : 'customers hold'} an option you removed (${options}). Those values will no longer be valid.`,
    damagePattern: (n) =>
      `${count(n)} ${n === 1 ? 'customer holds a value' : 'customers hold values'} that ${n === 1 ? 'does' : 'do'} not match the new pattern.`,
    damagePatternUpTo: (n) =>
      `Up to ${count(n)} ${n === 1 ? 'customer' : 'customers'} may hold values that no longer match the new pattern.`,
    damageUnknown: (reason) =>
      `It could not be checked whether customers hold values this change makes invalid: ${reason}`,
    damageRequired: (n) =>
      `${count(n)} ${n === 1 ? 'customer has' : 'customers have'} no value for it. Once it is required, it shows as missing for ${n === 1 ? 'that customer' : 'them'} until someone fills it in.`,
    othersFailed: (reason) =>
      `The other properties could not be loaded: ${ended(reason)} Until they are, the name is checked against theirs only when you save.`,
    damageConfirm: 'Save anyway',
    damageBack: 'Go back',
    options: 'Options',
    optionLabel: (position) => `Option ${position}`,
    optionValue: (value) => `stored as ${value}`,
    addOption: 'Add options',
    addOptionHint: 'One option per line; paste a list to add many at once.',
    moveUp: (label) => `Move ${label} up`,
    moveDown: (label) => `Move ${label} down`,
    removeOption: (label) => `Remove ${label}`,
    optionMoved: (label, position, n) => `${label} moved to position ${position} of ${n}.`,
    optionsAdded: (n) => `${count(n)} ${n === 1 ? 'option' : 'options'} added.`,
    visibility: 'Visibility',
    showToCustomer: 'Show to the customer (on their profile page, where they can edit it)',
    showToAgent: 'Show to agents (in the customer details of the workspace)',
    access: 'Access control',
    everyone: 'Everyone',
    roleNames: { agent: 'Agents', supervisor: 'Supervisors', admin: 'Admins' },
    levels: { none: 'None', view: 'View', edit: 'Edit' },
    whoSees: (who) => `${who} can see it.`,
    whoEdits: (who) => `${who} can edit it.`,
    nobodySees: 'No user can see it.',
    nobodyEdits: 'No user can edit it.',
    everyoneWord: 'Everyone',
    accessOff: 'It is not shown to agents, so no user sees it: these levels apply once “Show to agents” is on.',
    everyoneEditsAlready: 'Everyone can edit it, so there is nothing more to give a role.',
    everyoneViewsAlready: 'Everyone can see it, so a role can only be allowed to edit it too.',
    customersEdit: 'The customer can see and edit it on their profile page.',
    description: 'Description',
    group: 'Group (optional)',
    groupHint: 'Agents see the property under this heading, with the others of the group.',
    required: 'Required',
    requiredHint: 'A required property cannot be cleared.',
    pattern: 'Pattern',
    patternHint: 'Optional: a regular expression the whole value must match, e.g. ^[A-Z]{2}\\d{6}$',
    patternHintLabel: 'Message when the value does not match',
    translations: 'Translations',
    translationsHint: 'What viewers of each language see. An empty field shows them the words above.',
    translationLanguage: (name, tag) => `${name} (${tag})`,
    translatedOption: (label) => `Option “${label}”`,
    trySample: 'Try a value',
    sampleMatches: 'This value matches.',
    create: 'Create',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    fixErrors: (n) => `${n === 1 ? 'One field needs' : `${count(n)} fields need`} attention before saving.`,
    saveFailed: (reason) => `Not saved: ${ended(reason)} Everything you entered is still here.`,
  },
  definitionList: {
    title: 'Customer properties',
    add: 'Add a property',
    loading: 'Loading the properties…',
    loadFailed: (reason) => `The properties could not be loaded: ${reason}`,
    empty: 'No custom properties yet. Add the first with “Add a property”.',
    emptyReadOnly: 'No custom properties yet.',
    columns: {
      label: 'Label',
      name: 'Name',
      type: 'Type',
      customer: 'Customer',
      agent: 'Agent',
      access: 'Access',
      actions: 'Actions',
    },
    yes: 'Shown',
    no: 'Hidden',
    builtIn: 'Default property, cannot be changed',
    edit: (label) => `Edit ${label}`,
    remove: (label) => `Delete ${label}`,
    moveUp: (label) => `Move ${label} up`,
    moveDown: (label) => `Move ${label} down`,
    dragHandle: (label) => `Drag to move ${label}; or focus the row and press Alt with the up or down arrow`,
    reorderHint: 'To reorder, drag a row, or focus it and press Alt+Up or Alt+Down.',
    moved: (label, position, n) => `${label} moved to position ${position} of ${n}.`,
    accessShort: (parts) => parts,
    confirmTitle: (label) => `Delete “${label}”?`,
    confirmValues: (n) =>
      `${count(n)} ${n === 1 ? 'customer has' : 'customers have'} a value for it; the value${n === 1 ? '' : 's'} will be deleted too.`,
    confirmNoValues: 'No customer has a value for it.',
    confirmUnknown: 'Any values customers have for it will be deleted too.',
    confirmDelete: 'Delete',
    deleted: (label) => `${label} deleted.`,
    saved: (label) => `${label} saved.`,
    actionFailed: (reason) => `That did not work: ${ended(reason)} Try again.`,
    close: 'Close',
  },
} satisfies Partial<Catalog>);
