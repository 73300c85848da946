// The demo's own words, in English and German: the page around the elements (navigation, settings,
// chat, the pages' headings and notes) and the definitions of the playground's editors. The
// elements' words come from the library's catalogs (src/i18n), the seed's labels from its
// definitions' `translations` (seed.ts); none of these belong there.
//
// `de` has the type of `en`: a word missing in German fails the type-check. `{name}` in a sentence
// marks where the page puts an element of its own (a link, a code sample), so each language can
// place it where its word order wants it.

export const en = {
  title: 'customer-properties demo',
  nav: {
    label: 'Pages',
    workspace: 'Workspace',
    admin: 'Customer properties',
    audiences: 'Audiences',
    playground: 'Playground',
    api: 'API',
  },
  settings: {
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    brand: 'Brand colour',
    role: 'Signed in as',
    agent: 'Agent',
    supervisor: 'Supervisor',
    admin: 'Admin',
    mapsKey: 'Google Maps key…',
    reset: 'Reset demo data',
  },
  dataSource: {
    live: 'Live: the data is on customer-properties/server, which decides what each role may see and change, and streams every change to every open page: open this page in a second browser (or a private window) and edit a field. The role switch is this demo’s login; a real host uses its own.',
    static: 'Static build: the data stays in this browser (IndexedDB), and no server enforces the access rules.',
  },
  workspace: {
    label: 'Agent workspace',
    conversations: 'Conversations',
    chat: 'Chat',
    details: 'Customer details',
    composer: 'Write as the customer',
    composerPlaceholder: 'Try: profile',
    send: 'Send',
  },
  chat: {
    order: 'Hi, is my order on its way?',
    size: 'Do you have this bike in size M?',
    address: 'Can I change my delivery address?',
    thanks: 'Thanks for the quick help!',
    greeting: 'Hello! Let me check that for you.',
    staticReply: 'Here is your profile page (static demo: an unsigned link):',
  },
  profile: {
    label: 'The customer’s profile page',
    back: '← Back to the workspace',
  },
  admin: {
    label: 'Customer properties',
    importNote:
      'Try {file}: 200 customers, five rows with a mistake, and a column no property has. To export customers as CSV, open an audience on the {audiences} page and choose {export}.',
  },
  audiences: { label: 'Audiences' },
  api: {
    label: 'API',
    heading: 'API of the elements',
    intro: 'From {manifest}: pick an element; {demo} shows a live instance on this page’s store.',
    demo: 'Demo',
  },
  playground: {
    label: 'Playground',
    heading: 'The value model',
    intro:
      'Every element and every store reads, checks and shows values through one pure module, {module}. Try it: pick a type and a locale, and type a value.',
    type: 'Type',
    locale: 'Locale',
    localeEn: 'English (en)',
    localeDe: 'German (de)',
    localeEnGb: 'English, UK (en-GB)',
    localeFr: 'French (fr: its number, date and time forms; English words)',
    required: 'Required',
    input: 'Input',
    result: 'Result',
    stored: 'Stored value',
    shown: 'Shown as',
    error: 'Error',
    examples: 'Examples',
    favorite: 'Favorite',
    editors: '{tag}: the eight types',
    readonly: 'Read-only',
    disabled: 'Disabled',
    submit: 'Submit',
    reset: 'Reset',
    /** What the editors' form says when a value changes: `change` is the DOM event's name. */
    changed: (detail: string) => `change event: ${detail}`,
    location:
      'Without a Google Maps key the picker takes typed coordinates and says why there is no map. Give a key with “{maps}” at the top to see the map, place search and reverse geocoding.',
    meetingPoint: 'Meeting point',
    headOffice: 'Head office',
    submittedPlace: (value: string) => `Submitted place = ${value}`,
  },
  /** The definitions of the playground's editors. */
  editors: {
    pi: 'Pi',
    piDescription: 'Digits with one decimal separator, e.g. 3.1415926 or 65535.',
    address: 'Address',
    class: 'Class',
    favoriteColor: 'Favorite color',
    product: 'Product (5,000 options)',
    productOption: (n: number) => `Product ${n}`,
    colors: 'Colors',
    interests: 'Interests',
    office: 'Office',
    birthday: 'Birthday',
    callback: 'Call back at',
    orderId: 'Order id',
    orderIdHint: 'Two capital letters and six digits, like AB123456.',
  },
  colors: {
    red: 'Red',
    blue: 'Blue',
    green: 'Green',
    cyan: 'Cyan',
    magenta: 'Magenta',
    yellow: 'Yellow',
    grey: 'Grey',
    white: 'White',
    black: 'Black',
  },
  interests: {
    cycling: 'Cycling',
    hiking: 'Hiking',
    cooking: 'Cooking',
    chess: 'Chess',
    jazz: 'Jazz',
    opera: 'Opera',
    football: 'Football',
    tennis: 'Tennis',
    sailing: 'Sailing',
    photography: 'Photography',
    gardening: 'Gardening',
    painting: 'Painting',
    yoga: 'Yoga',
    running: 'Running',
    climbing: 'Climbing',
    skiing: 'Skiing',
    surfing: 'Surfing',
    knitting: 'Knitting',
    pottery: 'Pottery',
    baking: 'Baking',
    travel: 'Travel',
  },
  maps: {
    title: 'Google Maps',
    intro: 'Without a key the location fields take typed coordinates. A key stays in this browser’s {storage}.',
    key: 'API key',
    mapId: 'Map id (optional)',
    save: 'Save and reload',
    cancel: 'Cancel',
  },
};

/** The demo's words in one language: the shape of `en`. */
export type DemoWords = typeof en;

export const de: DemoWords = {
  title: 'customer-properties-Demo',
  nav: {
    label: 'Seiten',
    workspace: 'Arbeitsplatz',
    admin: 'Kundeneigenschaften',
    audiences: 'Zielgruppen',
    playground: 'Spielwiese',
    api: 'API',
  },
  settings: {
    language: 'Sprache',
    theme: 'Design',
    light: 'Hell',
    dark: 'Dunkel',
    brand: 'Markenfarbe',
    role: 'Angemeldet als',
    agent: 'Agent',
    supervisor: 'Supervisor',
    admin: 'Admin',
    mapsKey: 'Google-Maps-Schlüssel…',
    reset: 'Demodaten zurücksetzen',
  },
  dataSource: {
    live: 'Live: Die Daten liegen auf customer-properties/server. Der Server entscheidet, was jede Rolle sehen und ändern darf, und sendet jede Änderung an jede offene Seite: Öffnen Sie diese Seite in einem zweiten Browser (oder einem privaten Fenster) und bearbeiten Sie ein Feld. Die Rollenauswahl ist die Anmeldung dieser Demo; ein echter Host nutzt seine eigene.',
    static:
      'Statischer Build: Die Daten bleiben in diesem Browser (IndexedDB), und kein Server setzt die Zugriffsregeln durch.',
  },
  workspace: {
    label: 'Arbeitsplatz des Agenten',
    conversations: 'Unterhaltungen',
    chat: 'Chat',
    details: 'Kundendetails',
    composer: 'Als Kunde schreiben',
    composerPlaceholder: 'Probieren Sie: profile',
    send: 'Senden',
  },
  chat: {
    order: 'Hallo, ist meine Bestellung unterwegs?',
    size: 'Haben Sie dieses Rad in Größe M?',
    address: 'Kann ich meine Lieferadresse ändern?',
    thanks: 'Danke für die schnelle Hilfe!',
    greeting: 'Hallo! Ich sehe gleich für Sie nach.',
    staticReply: 'Hier ist Ihre Profilseite (statische Demo: ein unsignierter Link):',
  },
  profile: {
    label: 'Die Profilseite des Kunden',
    back: '← Zurück zum Arbeitsplatz',
  },
  admin: {
    label: 'Kundeneigenschaften',
    importNote:
      'Probieren Sie {file}: 200 Kunden, fünf Zeilen mit einem Fehler und eine Spalte, zu der es keine Eigenschaft gibt. Um Kunden als CSV zu exportieren, öffnen Sie auf der Seite {audiences} eine Zielgruppe und wählen Sie {export}.',
  },
  audiences: { label: 'Zielgruppen' },
  api: {
    label: 'API',
    heading: 'API der Elemente',
    intro: 'Aus {manifest}: Wählen Sie ein Element; {demo} zeigt eine lebendige Instanz auf dem Store dieser Seite.',
    demo: 'Demo',
  },
  playground: {
    label: 'Spielwiese',
    heading: 'Das Wertemodell',
    intro:
      'Jedes Element und jeder Store liest, prüft und zeigt Werte über ein einziges reines Modul, {module}. Probieren Sie es aus: Wählen Sie einen Typ und ein Gebietsschema und geben Sie einen Wert ein.',
    type: 'Typ',
    locale: 'Gebietsschema',
    localeEn: 'Englisch (en)',
    localeDe: 'Deutsch (de)',
    localeEnGb: 'Englisch, UK (en-GB)',
    localeFr: 'Französisch (fr: seine Zahlen-, Datums- und Zeitformen; englische Wörter)',
    required: 'Pflichtfeld',
    input: 'Eingabe',
    result: 'Ergebnis',
    stored: 'Gespeicherter Wert',
    shown: 'Angezeigt als',
    error: 'Fehler',
    examples: 'Beispiele',
    favorite: 'Favorit',
    editors: '{tag}: die acht Typen',
    readonly: 'Schreibgeschützt',
    disabled: 'Deaktiviert',
    submit: 'Absenden',
    reset: 'Zurücksetzen',
    changed: (detail) => `Ereignis change: ${detail}`,
    location:
      'Ohne Google-Maps-Schlüssel nimmt die Auswahl eingetippte Koordinaten an und sagt, warum es keine Karte gibt. Geben Sie oben mit „{maps}“ einen Schlüssel ein, um die Karte, die Ortssuche und die Adresse zu einem Punkt zu sehen.',
    meetingPoint: 'Treffpunkt',
    headOffice: 'Hauptsitz',
    submittedPlace: (value) => `Gesendeter Ort = ${value}`,
  },
  editors: {
    pi: 'Pi',
    piDescription: 'Ziffern mit einem Dezimaltrennzeichen, z. B. 3,1415926 oder 65535.',
    address: 'Adresse',
    class: 'Klasse',
    favoriteColor: 'Lieblingsfarbe',
    product: 'Produkt (5.000 Optionen)',
    productOption: (n) => `Produkt ${n}`,
    colors: 'Farben',
    interests: 'Interessen',
    office: 'Büro',
    birthday: 'Geburtstag',
    callback: 'Rückruf um',
    orderId: 'Bestellnummer',
    orderIdHint: 'Zwei Großbuchstaben und sechs Ziffern, etwa AB123456.',
  },
  colors: {
    red: 'Rot',
    blue: 'Blau',
    green: 'Grün',
    cyan: 'Cyan',
    magenta: 'Magenta',
    yellow: 'Gelb',
    grey: 'Grau',
    white: 'Weiß',
    black: 'Schwarz',
  },
  interests: {
    cycling: 'Radfahren',
    hiking: 'Wandern',
    cooking: 'Kochen',
    chess: 'Schach',
    jazz: 'Jazz',
    opera: 'Oper',
    football: 'Fußball',
    tennis: 'Tennis',
    sailing: 'Segeln',
    photography: 'Fotografie',
    gardening: 'Gärtnern',
    painting: 'Malen',
    yoga: 'Yoga',
    running: 'Laufen',
    climbing: 'Klettern',
    skiing: 'Skifahren',
    surfing: 'Surfen',
    knitting: 'Stricken',
    pottery: 'Töpfern',
    baking: 'Backen',
    travel: 'Reisen',
  },
  maps: {
    title: 'Google Maps',
    intro:
      'Ohne Schlüssel nehmen die Ortsfelder eingetippte Koordinaten an. Ein Schlüssel bleibt im {storage} dieses Browsers.',
    key: 'API-Schlüssel',
    mapId: 'Karten-ID (optional)',
    save: 'Speichern und neu laden',
    cancel: 'Abbrechen',
  },
};

const WORDS: Record<string, DemoWords> = { en, de };

/** The demo's words for a locale (`de-AT` → `de`), English when it has none. */
export function wordsFor(locale: string): DemoWords {
  return WORDS[locale] ?? WORDS[locale.split('-')[0] ?? ''] ?? en;
}

/** A word by its path in the table (`nav.workspace`); the path itself when there is none. */
export function wordAt(words: DemoWords, path: string): string {
  let node: unknown = words;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'string' ? node : path;
}
