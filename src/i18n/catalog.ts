import type { DefinitionErrorCode, DefinitionErrorParams, ValueErrorCode, ValueErrorParams } from '../model/errors.js';
import type { AudienceErrorCode, AudienceErrorParams } from '../model/audience.js';
import type { PropertyType } from '../model/types.js';

/** The kinds of failure a store or the server reports (`StoreError.kind`). */
export type FailureKind = 'conflict' | 'not-found' | 'invalid' | 'forbidden' | 'unauthenticated' | 'unavailable';

/**
 * Codes of failures found on this side of the store: a call that got no answer in time
 * (`store.timeout`), an answer that is not what the store promises (`store.reply`). Both of kind
 * `unavailable`.
 */
export type StoreFailureCode = 'store.timeout' | 'store.reply';

export type ValueErrorMessages = {
  [K in ValueErrorCode]: (params: ValueErrorParams[K] & { label: string }) => string;
};

export type DefinitionErrorMessages = {
  [K in DefinitionErrorCode]: (params: DefinitionErrorParams[K]) => string;
};

export type AudienceErrorMessages = {
  [K in AudienceErrorCode]: (params: AudienceErrorParams[K]) => string;
};

/**
 * Every word a user sees in one language. Messages are functions of typed parameters, so a
 * translation cannot forget a placeholder.
 */
export interface Catalog {
  /** The BCP 47 tag this catalog is written for. */
  locale: string;
  typeNames: Record<PropertyType, string>;
  valueErrors: ValueErrorMessages;
  definitionErrors: DefinitionErrorMessages;
  audienceErrors: AudienceErrorMessages;
  /** Words shared by every field. */
  field: {
    required: string;
    notSet: string;
    /** Names a field in a message when its label is not known. */
    unnamed: string;
  };
  propertyEditor: {
    choose: string;
    none: string;
    showOptions: string;
    searchOptions: string;
    noMatches: string;
    optionCount: (count: number) => string;
    removeChoice: (label: string) => string;
    chosen: (count: number) => string;
    noLongerOffered: (value: string) => string;
    noLongerOfferedHint: string;
    chooseDate: string;
    chooseTime: string;
    dateHint: (example: string) => string;
    timeHint: (example: string) => string;
    /** The location picker (loaded on demand) could not be loaded. */
    pickerUnavailable: string;
  };
  customer: {
    loading: string;
    loadFailed: (reason: string) => string;
    notFound: string;
    retry: string;
    channelNumber: (channel: string, number: string) => string;
    channels: Record<string, string>;
    changedBy: (author: string, ago: string) => string;
    changedAgo: (ago: string) => string;
    /** A change less than a minute ago, in the place of "2 minutes ago". */
    justNow: string;
    /** Why a store call failed, per `StoreError` kind; a failure of another kind reads as `unavailable`. */
    storeErrors: Record<FailureKind, string>;
    /** Why a store call failed, for the codes that say more than their kind (`StoreError.code`). */
    storeCodes: Record<StoreFailureCode, string>;
  };
  panel: {
    title: string;
    noCustomer: string;
    /** A customer id was given, but no store to load them from (no `store` property, no context). */
    noStore: string;
    empty: string;
    saving: string;
    saved: string;
    failed: (reason: string) => string;
    announceSaving: (label: string) => string;
    announceSaved: (label: string) => string;
    /** A failed save or a conflict, read out once: `text` is the reason or the conflict's question. */
    announceFailed: (label: string, text: string) => string;
    /** A value that is not valid was committed: `reason` is the editor's message. */
    announceInvalid: (label: string, reason: string) => string;
    /** The folded list of properties with no value. */
    emptyFolded: (count: number) => string;
    /** The accessible name of the (icon) link to a location on a map. */
    mapLabel: (label: string) => string;
    conflict: (author: string, value: string, ago: string) => string;
    conflictAnonymous: (value: string) => string;
    keepMine: string;
    useTheirs: string;
    invalidNotSaved: string;
    /** A row's editor could not be loaded (the page lost its connection): shown in the row, with Try again. */
    editorFailed: string;
    /** The same, read out once, naming the field. */
    announceEditorFailed: (label: string) => string;
    /** A field's change history, opened from its History button. */
    history: {
      /** The button's visible word. */
      show: string;
      /** The button's accessible name: starts with the visible word. */
      showLabel: (label: string) => string;
      loading: string;
      empty: string;
      failed: (reason: string) => string;
      /** The History panel's own code could not be loaded (the page lost its connection): shown with Try again. */
      viewFailed: string;
      more: string;
      /** One change: `from` and `to` are the values as text ("Not set" for none), `ago` as in `changedBy`. */
      changed: (author: string, from: string, to: string, ago: string) => string;
      /** A change the customer made themselves (`by` is `customer:<id>`). */
      changedByCustomer: (from: string, to: string, ago: string) => string;
      /** A change whose author is not known or not shown to this viewer. */
      changedAnonymous: (from: string, to: string, ago: string) => string;
    };
  };
  profile: {
    /** The reply to a customer who sent "profile": the sentence around the link to their page. */
    reply: (link: string) => string;
    /** The page was opened with a link that is altered, expired or meant for someone else. */
    linkInvalid: string;
    /** The page was given a profile token, but its store cannot send it (`withAuthorization` is missing). */
    noCredential: string;
    /** A customer (or a token) was given, but no store to load them from (no `store` property, no context). */
    noStore: string;
    title: string;
    intro: string;
    save: string;
    saving: string;
    saved: string;
    nothingChanged: string;
    invalid: (count: number) => string;
    failed: (reason: string) => string;
    conflict: (labels: string) => string;
    empty: string;
  };
  definitionForm: {
    createTitle: string;
    editTitle: (label: string) => string;
    label: string;
    labelHint: string;
    name: string;
    nameHint: string;
    nameLocked: string;
    type: string;
    typeDescriptions: Record<import('../model/types.js').PropertyType, string>;
    typeExamples: Record<import('../model/types.js').PropertyType, string>;
    example: (text: string) => string;
    typeLocked: (count: number) => string;
    /** The question before a change that makes stored values invalid. */
    damageTitle: string;
    /** `options`: the removed options customers hold, as a list. */
    damageRemovedOptions: (count: number, options: string) => string;
    /** Counted exactly: every holder's value was tried against the new pattern. */
    damagePattern: (count: number) => string;
    /** Not every value could be tried: how many hold a value at all. */
    damagePatternUpTo: (count: number) => string;
    /** The store could not count; `reason` in words. */
    damageUnknown: (reason: string) => string;
    /** `required` switched on: how many customers have no value, and will show it as missing. */
    damageRequired: (count: number) => string;
    /** The other definitions (for taken names) could not be loaded; `reason` in words. With Try again. */
    othersFailed: (reason: string) => string;
    damageConfirm: string;
    damageBack: string;
    options: string;
    optionLabel: (position: number) => string;
    optionValue: (value: string) => string;
    addOption: string;
    addOptionHint: string;
    moveUp: (label: string) => string;
    moveDown: (label: string) => string;
    removeOption: (label: string) => string;
    optionMoved: (label: string, position: number, count: number) => string;
    optionsAdded: (count: number) => string;
    visibility: string;
    showToCustomer: string;
    showToAgent: string;
    access: string;
    everyone: string;
    roleNames: Record<string, string>;
    levels: { none: string; view: string; edit: string };
    whoSees: (who: string) => string;
    whoEdits: (who: string) => string;
    nobodySees: string;
    nobodyEdits: string;
    everyoneWord: string;
    /** Why the levels are disabled: with "show to agents" off they change nothing. */
    accessOff: string;
    /** Why there are no role rows: everyone may edit, a role cannot be given more. */
    everyoneEditsAlready: string;
    /** Why a role row offers no "None": everyone may view, a role can only be given more. */
    everyoneViewsAlready: string;
    /** The summary's sentence for `showToCustomer`. */
    customersEdit: string;
    description: string;
    /** The optional group: its label and what it does. */
    group: string;
    groupHint: string;
    required: string;
    requiredHint: string;
    pattern: string;
    patternHint: string;
    patternHintLabel: string;
    /** The section with the words in the languages the host lists. */
    translations: string;
    translationsHint: string;
    /** One language's part: its name in the viewer's language and its tag. */
    translationLanguage: (name: string, tag: string) => string;
    /** The field for one option's label in a language, named by the default label. */
    translatedOption: (label: string) => string;
    trySample: string;
    sampleMatches: string;
    create: string;
    save: string;
    saving: string;
    cancel: string;
    fixErrors: (count: number) => string;
    saveFailed: (reason: string) => string;
  };
  definitionList: {
    title: string;
    add: string;
    loading: string;
    loadFailed: (reason: string) => string;
    empty: string;
    /** The list as a user without an admin role sees it: nothing to add. */
    emptyReadOnly: string;
    columns: {
      label: string;
      name: string;
      type: string;
      customer: string;
      agent: string;
      access: string;
      actions: string;
    };
    yes: string;
    no: string;
    builtIn: string;
    edit: (label: string) => string;
    remove: (label: string) => string;
    moveUp: (label: string) => string;
    moveDown: (label: string) => string;
    dragHandle: (label: string) => string;
    reorderHint: string;
    moved: (label: string, position: number, count: number) => string;
    accessShort: (parts: string) => string;
    confirmTitle: (label: string) => string;
    confirmValues: (count: number) => string;
    confirmNoValues: string;
    confirmUnknown: string;
    confirmDelete: string;
    deleted: (label: string) => string;
    saved: (label: string) => string;
    actionFailed: (reason: string) => string;
    close: string;
  };
  audienceBuilder: {
    title: string;
    matchAll: string;
    matchAny: string;
    groupLegend: string;
    nestedGroup: string;
    property: string;
    operator: string;
    value: string;
    from: string;
    to: string;
    days: string;
    km: string;
    listHint: string;
    chooseProperty: string;
    addCondition: string;
    addGroup: string;
    removeCondition: string;
    removeGroup: string;
    operators: Record<import('../model/types.js').AudienceOperator, string>;
    /** The definitions are being loaded: nothing can be counted yet. */
    loading: string;
    counting: string;
    count: (count: number) => string;
    countUnknown: string;
    countFailed: (reason: string) => string;
    /** A condition (given in `value`) names a property this user may not see. */
    hiddenProperty: (name: string) => string;
    /** The count is not asked for: a condition names a property this user may not see. */
    countHidden: string;
    preview: string;
    /** A group of "all" with no conditions: every customer matches it. */
    empty: string;
    /** A group of "any" with no conditions: no customer matches it. */
    emptyAny: string;
    /** In place of a group nested deeper than the builder shows. */
    tooDeep: (max: number) => string;
  };
  /** `<audience-list>`: saved audiences. */
  audienceList: {
    title: string;
    newAudience: string;
    loading: string;
    loadFailed: (reason: string) => string;
    /** The store has no `listAudiences`. */
    unsupported: string;
    empty: string;
    counting: string;
    count: (count: number) => string;
    countFailed: string;
    /** The visible words of the buttons of each audience; `open` … `delete` below name the audience for screen readers. */
    actions: { open: string; rename: string; duplicate: string; delete: string };
    open: (name: string) => string;
    rename: (name: string) => string;
    duplicate: (name: string) => string;
    delete: (name: string) => string;
    name: string;
    saveName: string;
    cancel: string;
    /** The name of a duplicate: `n` is 1 for the first copy. */
    copyName: (name: string, n: number) => string;
    editTitle: (name: string) => string;
    newTitle: string;
    save: string;
    close: string;
    saved: (name: string) => string;
    duplicated: (name: string) => string;
    deleted: (name: string) => string;
    confirmTitle: (name: string) => string;
    confirmText: string;
    confirmDelete: string;
    actionFailed: (reason: string) => string;
    queryInvalid: string;
  };
  /** `<audience-builder>`'s members, export, and the chart of values. */
  audienceMembers: {
    title: (total: number) => string;
    columns: string;
    nameColumn: string;
    numberColumn: string;
    /** The caption of the table of one page: first and last row, and the total. */
    caption: (from: number, to: number, total: number) => string;
    previous: string;
    next: string;
    loadFailed: (reason: string) => string;
    exportCsv: string;
    exporting: (done: number, total: number) => string;
    exported: (count: number) => string;
    exportCancelled: string;
    exportFailed: (reason: string) => string;
    formatted: string;
    cancel: string;
    chartTitle: (label: string) => string;
    chartSummary: (label: string, set: number, total: number) => string;
    chartValue: string;
    chartCount: string;
    chartNotSet: string;
    chartRange: (from: string, to: string) => string;
    showChart: (label: string) => string;
    /** The visible words of the button that shows a condition's distribution. */
    chartButton: string;
    chartSet: string;
    chartSample: (count: number) => string;
    chartOmitted: (count: number) => string;
    chartLoading: string;
    chartFailed: (reason: string) => string;
  };
  /** `<customer-import>`. */
  customerImport: {
    title: string;
    file: string;
    fileHint: string;
    locale: string;
    match: string;
    matchId: string;
    matchChannelNumber: string;
    mapping: string;
    column: string;
    property: string;
    ignore: string;
    preview: (rows: number) => string;
    row: string;
    problems: string;
    none: string;
    dryRun: string;
    importNow: string;
    cancel: string;
    reading: string;
    progress: (rows: number) => string;
    cancelled: (rows: number) => string;
    report: (rows: number, written: number, created: number, rejected: number) => string;
    dryReport: (rows: number, written: number, created: number, rejected: number) => string;
    unknownColumns: (columns: string[]) => string;
    rejectedTitle: string;
    rejectedRow: (row: number, column: string, message: string) => string;
    failed: (reason: string) => string;
    noFile: string;
    /** A row that is not what it should be (the CSV itself). */
    csvErrors: Record<'csv.columns' | 'csv.quotes' | 'csv.id' | 'csv.number' | 'csv.conflict' | 'csv.empty', string>;
  };
  locationPicker: {
    label: string;
    latitude: string;
    longitude: string;
    address: string;
    coordinatesHint: (example: string) => string;
    search: string;
    useMyLocation: string;
    locating: string;
    locationDenied: string;
    openInMaps: string;
    openInMapsLabel: (place: string) => string;
    map: string;
    mapLoading: string;
    noKey: string;
    loadFailed: string;
    loadTimeout: string;
    /** Loads the map again after it failed or took too long. */
    retryMap: string;
    pinMoved: (place: string) => string;
  };
}

/** What a host passes to add or override a language: any part of a catalog. */
export type CatalogOverrides = {
  [Section in Exclude<keyof Catalog, 'locale'>]?: Partial<Catalog[Section]>;
};
