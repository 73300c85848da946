/**
 * German, complete. Importing this module registers it: `import 'customer-properties/i18n/de'`.
 * @packageDocumentation
 */
import type { Catalog } from './catalog.js';
import { calendarName, invisibleCharacterName, languageName } from './characters.js';
import { registerCatalog } from './locales.js';

const list = (items: readonly string[]) =>
  new Intl.ListFormat('de', { type: 'conjunction' }).format(items.map((item) => `„${item}“`));
/** A language named in German, with its tag: `Deutsch (de)`. */
const language = (tag: string) => `${languageName('de', tag)} (${tag})`;
const count = (n: number) => n.toLocaleString('de');
// A character nobody can see is named (`U+200B ZERO WIDTH SPACE`), never shown in quotes.
const nameCharacter = (character: string) =>
  invisibleCharacterName(character) ?? (/\s/u.test(character) ? 'Leerzeichen' : character);

/** A reason that is a whole sentence already keeps its own full stop. */
const ended = (reason: string) => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

export const de: Catalog = {
  locale: 'de',
  typeNames: {
    number: 'Zahl',
    text: 'Text',
    word: 'Wort',
    'single-choice': 'Einfachauswahl',
    'multiple-choice': 'Mehrfachauswahl',
    location: 'Ort',
    date: 'Datum',
    time: 'Uhrzeit',
  },
  valueErrors: {
    required: ({ label }) => `${label} ist ein Pflichtfeld.`,
    'property.unknown': ({ name }) => `Es gibt keine Eigenschaft namens „${name}“.`,
    'property.name': ({ name }) => `„${name}“ kann nicht der Name einer Eigenschaft sein.`,
    'property.readonly': ({ label }) => `${label} kann nicht geändert werden.`,
    'value.type': ({ label, expected }) =>
      `${label} enthält keinen gültigen Wert vom Typ ${de.typeNames[expected as keyof Catalog['typeNames']] ?? expected}.`,
    'value.canonical': ({ label, canonical }) =>
      `${label} muss in der kanonischen Form ${canonical} geschrieben werden.`,
    'number.format': ({ label }) =>
      `${label} muss eine Zahl sein, z. B. 3,1415926 oder 65535: Ziffern, ein optionales Minuszeichen und höchstens ein Dezimaltrennzeichen.`,
    'number.separators': ({ label }) =>
      `${label} darf nur ein Dezimaltrennzeichen (, oder .) und keine Tausendertrennzeichen enthalten.`,
    'number.ambiguous': ({ label, grouped, decimal }) =>
      `${label} kann als ${grouped} oder als ${decimal} gelesen werden: Geben Sie ${grouped} ohne Tausendertrennzeichen ein oder ${decimal} für die Dezimalzahl.`,
    'text.length': ({ label, max, length }) =>
      `${label} darf höchstens ${count(max)} Zeichen lang sein; es sind ${count(length)}.`,
    'word.characters': ({ label, characters }) =>
      `${label} darf nur Buchstaben und Ziffern enthalten, keine Leer- oder Satzzeichen. Entfernen Sie ${list(characters.map(nameCharacter))}.`,
    'word.length': ({ label, max, length }) =>
      `${label} darf höchstens ${count(max)} Zeichen lang sein; es sind ${count(length)}.`,
    'pattern.mismatch': ({ label, hint }) => hint || `${label} hat nicht die erwartete Form.`,
    'pattern.invalid': ({ label }) =>
      `${label} kann nicht geprüft werden: Sein Muster ist kein gültiger regulärer Ausdruck. Bitte lassen Sie die Eigenschaft von einer Administratorin oder einem Administrator korrigieren.`,
    'pattern.unavailable': ({ label }) =>
      `${label} kann noch nicht geprüft werden: Sein Muster ist nicht geladen. Bitte versuchen Sie es gleich noch einmal; Ihre Eingabe bleibt erhalten.`,
    'choice.unknown': ({ label, values }) =>
      `${list(values)} ${values.length === 1 ? 'gehört' : 'gehören'} nicht zu den Optionen von ${label}; bitte wählen Sie eine andere.`,
    'choice.duplicate': ({ label, values }) => `${label} enthält ${list(values)} mehrfach.`,
    'choice.order': ({ label }) => `${label} muss die gewählten Optionen in der Reihenfolge der Definition auflisten.`,
    'location.format': ({ label }) => `${label} braucht einen Breiten- und einen Längengrad.`,
    'location.range': ({ label, axis, min, max }) =>
      `Der ${axis === 'lat' ? 'Breitengrad' : 'Längengrad'} von ${label} muss zwischen ${min} und ${max} liegen.`,
    'location.address': ({ label, max }) => `Die Adresse von ${label} darf höchstens ${count(max)} Zeichen lang sein.`,
    'location.placeId': ({ label, max }) =>
      `Die Orts-ID von ${label} darf höchstens ${count(max)} Zeichen lang sein; wählen Sie den Ort erneut auf der Karte.`,
    'date.format': ({ label, example, calendar }) =>
      calendar
        ? `${label} muss ein Datum sein (${calendarName('de', calendar)}), z. B. ${example}.`
        : `${label} muss ein Datum sein, z. B. ${example}.`,
    'date.invalid': ({ label }) => `${label} ist kein Tag im Kalender; bitte prüfen Sie Tag und Monat.`,
    'time.format': ({ label, example }) =>
      `${label} muss eine Uhrzeit in Stunden und Minuten sein, z. B. ${example}, ohne Sekunden.`,
    'time.range': ({ label }) => `${label} muss eine Uhrzeit von 00:00 bis 23:59 sein.`,
    'channel.phone': ({ label }) =>
      `${label} muss eine Telefonnummer im internationalen Format sein: + und 8 bis 15 Ziffern, z. B. +4915123456789.`,
    'channel.id': ({ label }) => `${label} muss die numerische ID des Kanals sein: nur Ziffern.`,
  },
  definitionErrors: {
    'definition.name.format': () =>
      'Der Name muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern und Unterstriche enthalten, keine Leerzeichen, höchstens 64 Zeichen.',
    'definition.name.reserved': ({ name }) =>
      name.toLowerCase() === 'name' || name.toLowerCase() === 'number'
        ? `„${name}“ ist der Name einer Standardeigenschaft.`
        : `„${name}“ ist ein reservierter Name; wählen Sie einen anderen.`,
    'definition.name.taken': ({ name }) => `Eine Eigenschaft namens „${name}“ gibt es bereits.`,
    'definition.label.length': ({ max }) => `Die Bezeichnung muss 1 bis ${count(max)} Zeichen lang sein.`,
    'definition.type.unknown': ({ type }) => `„${type}“ ist kein Eigenschaftstyp.`,
    'definition.type.locked': ({ count: n }) =>
      `Der Typ kann nicht geändert werden: ${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} einen Wert für diese Eigenschaft.`,
    'definition.builtin': ({ name }) => `„${name}“ ist eine Standardeigenschaft und kann nicht geändert werden.`,
    'definition.order.names': () => 'Die neue Reihenfolge muss jede eigene Eigenschaft genau einmal enthalten.',
    'definition.options.count': ({ min, max }) =>
      `Eine Auswahleigenschaft braucht ${count(min)} bis ${count(max)} Optionen.`,
    'definition.options.type': () => 'Nur Einfach- und Mehrfachauswahl haben Optionen.',
    'definition.option.value': ({ index, max }) =>
      `Option ${index + 1}: Der Wert muss 1 bis ${count(max)} Zeichen lang sein.`,
    'definition.option.label': ({ index, max }) =>
      `Option ${index + 1}: Die Bezeichnung muss 1 bis ${count(max)} Zeichen lang sein.`,
    'definition.option.duplicate': ({ index, value }) =>
      `Option ${index + 1}: Der Wert „${value}“ wird schon von einer anderen Option verwendet.`,
    'definition.option.duplicate-label': ({ index, label }) =>
      `Option ${index + 1}: „${label}“ steht schon in der Liste.`,
    'definition.maxLength': ({ max }) =>
      `Eine Höchstlänge gibt es nur für Texteigenschaften: eine ganze Zahl von Zeichen von 1 bis ${max}.`,
    'definition.pattern.invalid': ({ reason }) =>
      `Das Muster ist kein gültiger regulärer Ausdruck in RE2-Syntax (Lookarounds und Rückverweise werden nicht unterstützt): ${reason}`,
    'definition.pattern.unavailable': () =>
      'Das Muster kann noch nicht geprüft werden: Die Muster-Engine ist nicht geladen. Bitte versuchen Sie es gleich noch einmal.',
    'definition.pattern.delimiters': ({ pattern }) =>
      `Schreiben Sie das Muster ohne die Schrägstriche außen herum, also ${pattern}; Flags nach dem schließenden Schrägstrich werden nicht unterstützt.`,
    'definition.pattern.type': () => 'Nur Text- und Worteigenschaften können ein Muster haben.',
    'definition.access.level': ({ role }) => `Der Zugriff für „${role}“ muss „ansehen“ oder „bearbeiten“ sein.`,
    'definition.description.length': ({ max }) => `Die Beschreibung darf höchstens ${count(max)} Zeichen lang sein.`,
    'definition.group.length': ({ max }) => `Eine Gruppe hat einen Namen aus 1 bis ${count(max)} Zeichen.`,
    'definition.order': () => 'Die Position in der Liste muss eine Zahl sein.',
    'definition.translations.count': ({ max }) =>
      `Eine Eigenschaft kann Texte in höchstens ${count(max)} Sprachen haben.`,
    'definition.translations.shape': () =>
      'Übersetzungen sind Texte je Sprachkennung, etwa { "de": { "label": "Lieblingsfarbe" } }.',
    'definition.translations.tag': ({ tag, canonical }) =>
      canonical
        ? `Schreiben Sie die Sprache „${tag}“ als ${canonical}.`
        : `„${tag}“ ist kein Sprach-Tag (wie de oder pt-BR).`,
    'definition.translations.field': ({ tag, field }) =>
      field
        ? `${language(tag)}: „${field}“ kann nicht übersetzt werden (label, description, patternHint, group und options schon).`
        : `${language(tag)}: Die Übersetzung muss aus Texten bestehen.`,
    'definition.translations.label': ({ tag, max }) =>
      `${language(tag)}: Die Bezeichnung muss 1 bis ${count(max)} Zeichen lang sein.`,
    'definition.translations.description': ({ tag, max }) =>
      `${language(tag)}: Die Beschreibung darf höchstens ${count(max)} Zeichen lang sein.`,
    'definition.translations.group': ({ tag, max }) =>
      `${language(tag)}: Eine Gruppe hat einen Namen aus 1 bis ${count(max)} Zeichen.`,
    'definition.translations.option': ({ tag, value }) => `${language(tag)}: „${value}“ ist keine der Optionen.`,
    'definition.translations.option-label': ({ tag, value, max }) =>
      `${language(tag)}: Die Bezeichnung der Option „${value}“ muss 1 bis ${count(max)} Zeichen lang sein.`,
    'definition.translations.option-duplicate': ({ tag, label }) =>
      `${language(tag)}: „${label}“ ist schon die Bezeichnung einer anderen Option.`,
  },
  audienceErrors: {
    'audience.match': () => 'Eine Gruppe muss „alle“ oder „eine“ ihrer Bedingungen erfüllen.',
    'audience.depth': ({ max }) => `Gruppen lassen sich höchstens ${max} Ebenen tief verschachteln.`,
    'audience.size': ({ max }) =>
      `Eine Zielgruppe darf insgesamt höchstens ${count(max)} Bedingungen und Gruppen haben.`,
    'audience.property': ({ property }) => `Es gibt keine Eigenschaft namens „${property}“.`,
    'audience.operator': ({ label, operator, type }) =>
      `„${operator}“ passt nicht zu ${label} (Typ ${de.typeNames[type]}).`,
    'audience.value': ({ label }) => `Die Bedingung für ${label} braucht einen Wert.`,
    'audience.range': ({ label }) =>
      `Die Bedingung für ${label}: Der erste Wert darf nicht größer als der zweite sein.`,
    'audience.days': ({ label }) => `Die Bedingung für ${label}: Die Zahl der Tage muss eine ganze Zahl ab 1 sein.`,
    'audience.name.required': () => 'Geben Sie der Zielgruppe einen Namen.',
    'audience.name.length': ({ max, length }) =>
      `Der Name darf höchstens ${count(max)} Zeichen lang sein; er hat ${count(length)}.`,
    'audience.name.taken': ({ name }) =>
      `Es gibt schon eine Zielgruppe namens „${name}“. Wählen Sie einen anderen Namen.`,
  },
  field: {
    required: 'Pflichtfeld',
    notSet: 'Nicht festgelegt',
    unnamed: 'Dieses Feld',
  },
  propertyEditor: {
    choose: 'Auswählen …',
    none: 'Keine Angabe',
    showOptions: 'Optionen anzeigen',
    searchOptions: 'Optionen durchsuchen',
    noMatches: 'Keine Option passt.',
    optionCount: (n) => `${count(n)} ${n === 1 ? 'Option' : 'Optionen'}`,
    removeChoice: (label) => `${label} entfernen`,
    chosen: (n) => `${count(n)} ausgewählt`,
    noLongerOffered: (value) => `${value} (nicht mehr angeboten)`,
    noLongerOfferedHint: 'Dieser Wert gehört nicht mehr zu den Optionen. Er bleibt erhalten, bis Sie ihn ändern.',
    chooseDate: 'Datum im Kalender wählen',
    chooseTime: 'Uhrzeit wählen',
    dateHint: (example) => `Zum Beispiel ${example}.`,
    timeHint: (example) => `Stunden und Minuten, zum Beispiel ${example}.`,
    pickerUnavailable:
      'Das Ortsfeld konnte nicht geladen werden. Prüfen Sie die Verbindung und laden Sie die Seite neu.',
  },
  customer: {
    loading: 'Kunde wird geladen …',
    loadFailed: (reason) => `Der Kunde konnte nicht geladen werden: ${reason}`,
    notFound: 'Diesen Kunden gibt es nicht (mehr).',
    retry: 'Erneut versuchen',
    channelNumber: (channel, number) => `${channel}: ${number}`,
    channels: {
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      sms: 'SMS',
      viber: 'Viber',
      messenger: 'Messenger',
      instagram: 'Instagram',
      email: 'E-Mail',
      rcs: 'RCS',
      voice: 'Telefon',
    },
    changedBy: (author, ago) => `Geändert von ${author}, ${ago}`,
    changedAgo: (ago) => `Geändert ${ago}`,
    justNow: 'gerade eben',
    storeErrors: {
      conflict: 'jemand anderes hat es inzwischen geändert',
      'not-found': 'den Kunden oder die Eigenschaft gibt es nicht mehr',
      invalid: 'der Wert wurde abgelehnt',
      forbidden: 'Sie dürfen dies nicht ändern',
      unauthenticated: 'Sie sind nicht angemeldet, oder Ihr Link ist abgelaufen',
      unavailable: 'der Server war nicht erreichbar',
    },
    storeCodes: {
      'store.timeout': 'der Server hat nicht rechtzeitig geantwortet',
      'store.reply': 'der Server hat eine unbrauchbare Antwort geschickt',
    },
  },
  panel: {
    title: 'Kundendetails',
    noCustomer: 'Kein Kunde ausgewählt.',
    noStore:
      'Der Kunde kann nicht angezeigt werden: Diese Seite gibt dem Panel keinen Speicher, aus dem er geladen wird.',
    empty: 'Noch keine eigenen Eigenschaften.',
    saving: 'Wird gespeichert …',
    saved: 'Gespeichert',
    failed: (reason) => `Nicht gespeichert: ${reason}`,
    announceSaving: (label) => `${label} wird gespeichert …`,
    announceSaved: (label) => `${label} gespeichert.`,
    announceFailed: (label, text) => `${label} wurde nicht gespeichert. ${text}`,
    announceInvalid: (label, reason) => `${label} wird nicht gespeichert: ${reason}`,
    emptyFolded: (n) => (n === 1 ? 'Eine leere Eigenschaft' : `${count(n)} leere Eigenschaften`),
    mapLabel: (label) => `${label} auf der Karte`,
    conflict: (author, value, ago) =>
      `${author} hat dies ${ago} in „${value}“ geändert. Ihren Wert behalten oder den anderen übernehmen?`,
    conflictAnonymous: (value) =>
      `Jemand anderes hat dies inzwischen in „${value}“ geändert. Ihren Wert behalten oder den anderen übernehmen?`,
    keepMine: 'Meinen behalten',
    useTheirs: 'Anderen übernehmen',
    invalidNotSaved: 'Wird erst gespeichert, wenn der Wert gültig ist.',
    editorFailed:
      'Dieses Feld kann nicht bearbeitet werden: Sein Eingabefeld konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    announceEditorFailed: (label) =>
      `${label} kann nicht bearbeitet werden: Das Eingabefeld konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.`,
    history: {
      show: 'Verlauf',
      showLabel: (label) => `Verlauf von ${label}`,
      loading: 'Verlauf wird geladen …',
      empty: 'Noch keine Änderungen.',
      failed: (reason) => `Der Verlauf konnte nicht geladen werden: ${reason}`,
      viewFailed:
        'Der Verlauf kann nicht angezeigt werden: Sein Teil des Panels konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
      more: 'Mehr anzeigen',
      changed: (author, from, to, ago) => `${author} hat es ${ago} von ${from} in ${to} geändert`,
      changedByCustomer: (from, to, ago) => `Der Kunde hat es ${ago} von ${from} in ${to} geändert`,
      changedAnonymous: (from, to, ago) => `Von ${from} in ${to} geändert, ${ago}`,
    },
  },
  profile: {
    reply: (link) => `Hier ist Ihre Profilseite: ${link}`,
    linkInvalid: 'Dieser Link funktioniert nicht mehr. Senden Sie „profile“ im Chat, um einen neuen zu bekommen.',
    noCredential:
      'Diese Seite kann keine Profil-Links öffnen. Bitte sagen Sie es dem Unternehmen, das Ihnen den Link geschickt hat.',
    noStore:
      'Ihre Angaben können nicht angezeigt werden: Diese Seite hat keinen Speicher, aus dem sie geladen werden. Bitte sagen Sie dem Unternehmen Bescheid, das Ihnen den Link geschickt hat.',
    title: 'Ihre Angaben',
    intro: 'Prüfen Sie Ihre Angaben und ändern Sie, was nicht stimmt.',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    saved: 'Ihre Angaben sind gespeichert.',
    nothingChanged: 'Es hat sich nichts geändert, daher gab es nichts zu speichern.',
    invalid: (n) =>
      `${n === 1 ? 'Ein Feld braucht' : `${count(n)} Felder brauchen`} vor dem Speichern Ihre Aufmerksamkeit.`,
    failed: (reason) =>
      `Ihre Änderungen sind noch nicht gespeichert (${reason}). Sie sind noch da: Versuchen Sie es gleich noch einmal.`,
    conflict: (labels) =>
      `${labels} wurde anderswo geändert, während Sie bearbeitet haben. Ihre Änderungen sind noch da: Prüfen Sie sie und speichern Sie erneut.`,
    empty: 'Hier gibt es noch nichts auszufüllen.',
  },
  definitionForm: {
    createTitle: 'Neue Kundeneigenschaft',
    editTitle: (label) => `„${label}“ bearbeiten`,
    label: 'Bezeichnung',
    labelHint: 'Was Agenten und Kunden sehen, in jeder Sprache.',
    name: 'Name',
    nameHint:
      'Der technische Name: Buchstaben, Ziffern und Unterstriche, keine Leerzeichen. Er lässt sich später nicht ändern.',
    nameLocked: 'Der Name lässt sich nicht ändern: Die Werte sind unter ihm gespeichert.',
    type: 'Typ',
    typeDescriptions: {
      number: 'Eine Folge von Ziffern, auch mit Dezimaltrennzeichen.',
      text: 'Beliebiger Text, auch mit Zeilenumbrüchen.',
      word: 'Eine Folge von Buchstaben und Ziffern, ohne Leerzeichen.',
      'single-choice': 'Eine Option aus einer Auswahl, die Sie festlegen.',
      'multiple-choice': 'Wie Einfachauswahl, aber mehrere Optionen sind möglich.',
      location: 'Ein Ort, auf Google Maps gewählt.',
      date: 'Nur ein Datum, ohne Uhrzeit.',
      time: 'Stunden und Minuten, ohne Sekunden.',
    },
    typeExamples: {
      number: '3,1415926 oder 65535',
      text: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, Frankreich',
      word: 'Jahrgang2023',
      'single-choice': 'eine Lieblingsfarbe aus Rot, Blau, Grün …',
      'multiple-choice': 'die Hobbys Radfahren und Jazz',
      location: 'der Eiffelturm auf der Karte',
      date: '31.12.2023',
      time: '21:05',
    },
    example: (text) => `Zum Beispiel: ${text}`,
    typeLocked: (n) =>
      `${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} einen Wert für diese Eigenschaft, daher lässt sich der Typ nicht ändern.`,
    damageTitle: 'Eine Änderung speichern, durch die gespeicherte Werte ungültig werden?',
    damageRemovedOptions: (n, options) =>
      `${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} eine Option, die Sie entfernt haben (${options}). Diese Werte sind dann nicht mehr gültig.`,
    damagePattern: (n) =>
      n === 1
        ? `${count(n)} Kunde hat einen Wert, der nicht zum neuen Muster passt.`
        : `${count(n)} Kunden haben Werte, die nicht zum neuen Muster passen.`,
    damagePatternUpTo: (n) =>
      `Bis zu ${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} möglicherweise Werte, die nicht mehr zum neuen Muster passen.`,
    damageUnknown: (reason) =>
      `Es konnte nicht geprüft werden, ob Kunden Werte haben, die durch diese Änderung ungültig werden: ${reason}`,
    damageRequired: (n) =>
      `${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} keinen Wert dafür. Als Pflichtfeld wird sie bei ${n === 1 ? 'diesem Kunden' : 'ihnen'} als fehlend angezeigt, bis jemand sie ausfüllt.`,
    othersFailed: (reason) =>
      `Die anderen Eigenschaften konnten nicht geladen werden: ${ended(reason)} Bis dahin wird der Name erst beim Speichern mit ihren verglichen.`,
    damageConfirm: 'Trotzdem speichern',
    damageBack: 'Zurück',
    options: 'Optionen',
    optionLabel: (position) => `Option ${position}`,
    optionValue: (value) => `gespeichert als ${value}`,
    addOption: 'Optionen hinzufügen',
    addOptionHint: 'Eine Option pro Zeile; fügen Sie eine Liste ein, um viele auf einmal hinzuzufügen.',
    moveUp: (label) => `${label} nach oben`,
    moveDown: (label) => `${label} nach unten`,
    removeOption: (label) => `${label} entfernen`,
    optionMoved: (label, position, n) => `${label} ist jetzt an Position ${position} von ${n}.`,
    optionsAdded: (n) => `${count(n)} ${n === 1 ? 'Option' : 'Optionen'} hinzugefügt.`,
    visibility: 'Sichtbarkeit',
    showToCustomer: 'Dem Kunden zeigen (auf seiner Profilseite, wo er sie ändern kann)',
    showToAgent: 'Agenten zeigen (in den Kundendetails des Arbeitsbereichs)',
    access: 'Zugriffskontrolle',
    everyone: 'Alle',
    roleNames: { agent: 'Agenten', supervisor: 'Supervisoren', admin: 'Administratoren' },
    levels: { none: 'Kein', view: 'Ansehen', edit: 'Bearbeiten' },
    whoSees: (who) => `${who} können sie sehen.`,
    whoEdits: (who) => `${who} können sie bearbeiten.`,
    nobodySees: 'Kein Benutzer kann sie sehen.',
    nobodyEdits: 'Kein Benutzer kann sie bearbeiten.',
    everyoneWord: 'Alle',
    accessOff:
      'Sie wird Agenten nicht gezeigt, daher sieht kein Benutzer sie: Diese Stufen gelten, sobald „Agenten zeigen“ an ist.',
    everyoneEditsAlready: 'Alle können sie bearbeiten, daher gibt es einer Rolle nichts mehr zu geben.',
    everyoneViewsAlready: 'Alle können sie sehen, daher kann einer Rolle nur noch das Bearbeiten erlaubt werden.',
    customersEdit: 'Der Kunde kann sie auf seiner Profilseite sehen und bearbeiten.',
    description: 'Beschreibung',
    group: 'Gruppe (optional)',
    groupHint: 'Agenten sehen die Eigenschaft unter dieser Überschrift, mit den anderen der Gruppe.',
    required: 'Pflichtfeld',
    requiredHint: 'Eine Pflichteigenschaft kann nicht geleert werden.',
    pattern: 'Muster',
    patternHint: 'Optional: ein regulärer Ausdruck, dem der ganze Wert entsprechen muss, z. B. ^[A-Z]{2}\\d{6}$',
    patternHintLabel: 'Meldung, wenn der Wert nicht passt',
    translations: 'Übersetzungen',
    translationsHint: 'Was Betrachter der jeweiligen Sprache sehen. Ein leeres Feld zeigt ihnen die Texte oben.',
    translationLanguage: (name, tag) => `${name} (${tag})`,
    translatedOption: (label) => `Option „${label}“`,
    trySample: 'Wert ausprobieren',
    sampleMatches: 'Dieser Wert passt.',
    create: 'Anlegen',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    cancel: 'Abbrechen',
    fixErrors: (n) =>
      `${n === 1 ? 'Ein Feld braucht' : `${count(n)} Felder brauchen`} vor dem Speichern Aufmerksamkeit.`,
    saveFailed: (reason) => `Nicht gespeichert: ${ended(reason)} Alle Ihre Eingaben sind noch da.`,
  },
  definitionList: {
    title: 'Kundeneigenschaften',
    add: 'Eigenschaft hinzufügen',
    loading: 'Eigenschaften werden geladen …',
    loadFailed: (reason) => `Die Eigenschaften konnten nicht geladen werden: ${reason}`,
    empty: 'Noch keine eigenen Eigenschaften. Legen Sie die erste mit „Eigenschaft hinzufügen“ an.',
    emptyReadOnly: 'Noch keine eigenen Eigenschaften.',
    columns: {
      label: 'Bezeichnung',
      name: 'Name',
      type: 'Typ',
      customer: 'Kunde',
      agent: 'Agent',
      access: 'Zugriff',
      actions: 'Aktionen',
    },
    yes: 'Sichtbar',
    no: 'Verborgen',
    builtIn: 'Standardeigenschaft, nicht änderbar',
    edit: (label) => `${label} bearbeiten`,
    remove: (label) => `${label} löschen`,
    moveUp: (label) => `${label} nach oben`,
    moveDown: (label) => `${label} nach unten`,
    dragHandle: (label) =>
      `Ziehen, um ${label} zu verschieben; oder die Zeile fokussieren und Alt mit Pfeil nach oben oder unten drücken`,
    reorderHint: 'Zum Umsortieren eine Zeile ziehen, oder sie fokussieren und Alt+Pfeil nach oben oder unten drücken.',
    moved: (label, position, n) => `${label} ist jetzt an Position ${position} von ${n}.`,
    accessShort: (parts) => parts,
    confirmTitle: (label) => `„${label}“ löschen?`,
    confirmValues: (n) =>
      `${count(n)} ${n === 1 ? 'Kunde hat' : 'Kunden haben'} einen Wert dafür; ${n === 1 ? 'er wird' : 'sie werden'} ebenfalls gelöscht.`,
    confirmNoValues: 'Kein Kunde hat einen Wert dafür.',
    confirmUnknown: 'Werte, die Kunden dafür haben, werden ebenfalls gelöscht.',
    confirmDelete: 'Löschen',
    deleted: (label) => `${label} gelöscht.`,
    saved: (label) => `${label} gespeichert.`,
    actionFailed: (reason) => `Das hat nicht geklappt: ${ended(reason)} Bitte erneut versuchen.`,
    close: 'Schließen',
  },
  audienceBuilder: {
    title: 'Zielgruppe',
    matchAll: 'alle',
    matchAny: 'mindestens eine',
    groupLegend: 'Kunden, die … dieser Bedingungen erfüllen',
    nestedGroup: 'Gruppe',
    property: 'Eigenschaft',
    operator: 'Bedingung',
    value: 'Wert',
    from: 'Von',
    to: 'Bis',
    days: 'Tage',
    km: 'Kilometer',
    listHint: 'Mehrere durch Kommas trennen.',
    chooseProperty: 'Eigenschaft wählen …',
    addCondition: 'Bedingung hinzufügen',
    addGroup: 'Gruppe hinzufügen',
    removeCondition: 'Diese Bedingung entfernen',
    removeGroup: 'Diese Gruppe entfernen',
    operators: {
      eq: 'ist',
      ne: 'ist nicht',
      lt: 'ist kleiner als',
      lte: 'ist höchstens',
      gt: 'ist größer als',
      gte: 'ist mindestens',
      between: 'liegt zwischen',
      contains: 'enthält',
      equals: 'ist',
      'starts-with': 'beginnt mit',
      in: 'ist eines von',
      'not-in': 'ist keines von',
      'has-any': 'hat eines von',
      'has-all': 'hat alle von',
      'has-none': 'hat keines von',
      on: 'ist am',
      before: 'ist vor',
      after: 'ist nach',
      'within-last-days': 'liegt in den letzten … Tagen',
      'within-km': 'liegt im Umkreis von … km um',
      'is-set': 'ist gesetzt',
      'is-not-set': 'ist nicht gesetzt',
    },
    loading: 'Eigenschaften werden geladen …',
    counting: 'Wird gezählt …',
    count: (n) => `${count(n)} ${n === 1 ? 'Kunde passt' : 'Kunden passen'}.`,
    countUnknown: 'Vervollständigen oder korrigieren Sie die Bedingungen, um die Anzahl zu sehen.',
    countFailed: (reason) => `Die Kunden konnten nicht gezählt werden: ${ended(reason)}`,
    hiddenProperty: (name) =>
      `Sie dürfen die Eigenschaft „${name}“ nicht sehen, daher kann diese Bedingung nicht gezählt werden. Entfernen Sie sie oder wählen Sie eine andere Eigenschaft.`,
    countHidden: 'Nicht gezählt: Eine Bedingung verwendet eine Eigenschaft, die Sie nicht sehen dürfen.',
    preview: 'Zum Beispiel',
    empty: 'Noch keine Bedingungen: Alle Kunden passen.',
    emptyAny: 'Noch keine Bedingungen: Mit „mindestens eine“ passt kein Kunde, bis Sie eine hinzufügen.',
    tooDeep: (max) =>
      `Diese Gruppe ist mehr als ${max} Ebenen tief verschachtelt, zu tief, um sie zu zeigen oder zu zählen. Entfernen Sie sie oder bauen Sie die Abfrage mit weniger Ebenen.`,
  },
  audienceList: {
    title: 'Gespeicherte Zielgruppen',
    newAudience: 'Neue Zielgruppe',
    loading: 'Die gespeicherten Zielgruppen werden geladen…',
    loadFailed: (reason) => `Die gespeicherten Zielgruppen konnten nicht geladen werden: ${ended(reason)}`,
    unsupported: 'Dieser Speicher bewahrt keine Zielgruppen auf.',
    empty: 'Noch keine gespeicherten Zielgruppen. Bauen Sie eine und speichern Sie sie.',
    counting: 'Wird gezählt…',
    count: (n) => `${count(n)} ${n === 1 ? 'Kunde' : 'Kunden'}`,
    countFailed: 'Nicht gezählt',
    actions: { open: 'Öffnen', rename: 'Umbenennen', duplicate: 'Duplizieren', delete: 'Löschen' },
    open: (name) => `${name} öffnen`,
    rename: (name) => `${name} umbenennen`,
    duplicate: (name) => `${name} duplizieren`,
    delete: (name) => `${name} löschen`,
    name: 'Name',
    saveName: 'Namen speichern',
    cancel: 'Abbrechen',
    copyName: (name, n) => (n === 1 ? `${name} (Kopie)` : `${name} (Kopie ${n})`),
    editTitle: (name) => `„${name}“ bearbeiten`,
    newTitle: 'Neue Zielgruppe',
    save: 'Zielgruppe speichern',
    close: 'Schließen',
    saved: (name) => `„${name}“ gespeichert.`,
    duplicated: (name) => `Dupliziert als „${name}“.`,
    deleted: (name) => `„${name}“ gelöscht.`,
    confirmTitle: (name) => `„${name}“ löschen?`,
    confirmText: 'Die Zielgruppe wird vergessen; ihre Kunden und deren Eigenschaften bleiben.',
    confirmDelete: 'Löschen',
    actionFailed: (reason) => `Das hat nicht geklappt: ${ended(reason)}`,
    queryInvalid: 'Vervollständigen oder korrigieren Sie die Bedingungen vor dem Speichern.',
  },
  audienceMembers: {
    title: (n) => `Kunden (${count(n)})`,
    columns: 'Spalten',
    nameColumn: 'Name',
    numberColumn: 'Nummer',
    caption: (from, to, total) => `Kunden ${count(from)}–${count(to)} von ${count(total)}`,
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    loadFailed: (reason) => `Diese Seite konnte nicht geladen werden: ${ended(reason)}`,
    exportCsv: 'Als CSV exportieren',
    exporting: (done, total) => `Export: ${count(done)} von ${count(total)} Kunden…`,
    exported: (n) => `${count(n)} ${n === 1 ? 'Kunde' : 'Kunden'} exportiert.`,
    exportCancelled: 'Export abgebrochen; es wurde keine Datei gespeichert.',
    exportFailed: (reason) => `Der Export ist fehlgeschlagen: ${ended(reason)}`,
    formatted: 'Werte wie angezeigt (zum Lesen, nicht zum erneuten Import)',
    cancel: 'Abbrechen',
    chartTitle: (label) => `Verteilung von ${label}`,
    chartSummary: (label, set, total) => `${count(set)} von ${count(total)} Kunden haben einen Wert für ${label}.`,
    chartValue: 'Wert',
    chartCount: 'Kunden',
    chartNotSet: 'Nicht gesetzt',
    chartRange: (from, to) => `${from} bis ${to}`,
    showChart: (label) => `Verteilung von ${label}`,
    chartButton: 'Verteilung',
    chartSet: 'Hat einen Wert',
    chartSample: (n) => `Die Bereiche stammen aus den ersten ${count(n)} davon.`,
    chartOmitted: (n) => `${count(n)} weitere Optionen sind hier nicht gezählt.`,
    chartLoading: 'Die Werte werden gezählt…',
    chartFailed: (reason) => `Die Werte konnten nicht gezählt werden: ${ended(reason)}`,
  },
  customerImport: {
    title: 'Kunden importieren',
    file: 'CSV-Datei',
    fileHint:
      'Die erste Zeile benennt die Spalten: id, channel, number, name und Eigenschaften nach Name oder Bezeichnung.',
    locale: 'Zahlen und Daten in der Datei sind geschrieben wie in',
    match: 'Vorhandene Kunden finden über',
    matchId: 'id',
    matchChannelNumber: 'Kanal und Nummer',
    mapping: 'Spalten',
    column: 'Spalte',
    property: 'Eigenschaft',
    ignore: 'Nicht importieren',
    preview: (n) => `Die ersten ${count(n)} ${n === 1 ? 'Zeile' : 'Zeilen'}`,
    row: 'Zeile',
    problems: 'Probleme',
    none: 'Keine',
    dryRun: 'Ganze Datei prüfen',
    importNow: 'Importieren',
    cancel: 'Abbrechen',
    reading: 'Die Datei wird gelesen…',
    progress: (n) => `${count(n)} ${n === 1 ? 'Zeile' : 'Zeilen'} erledigt…`,
    cancelled: (n) => `Nach ${count(n)} ${n === 1 ? 'Zeile' : 'Zeilen'} abgebrochen; was geschrieben wurde, bleibt.`,
    report: (rows, written, created, rejected) =>
      `${count(rows)} Zeilen gelesen: ${count(written)} geschrieben (${count(created)} neue Kunden), ${count(rejected)} abgelehnt.`,
    dryReport: (rows, written, created, rejected) =>
      `${count(rows)} Zeilen geprüft, nichts geschrieben: ${count(written)} würden geschrieben (${count(created)} neue Kunden), ${count(rejected)} würden abgelehnt.`,
    unknownColumns: (columns) =>
      `Nicht importiert: ${columns.map((c) => `„${c}“`).join(', ')} (keine solche Eigenschaft).`,
    rejectedTitle: 'Abgelehnte Zeilen',
    rejectedRow: (row, column, message) => `Zeile ${count(row)}${column ? `, ${column}` : ''}: ${message}`,
    failed: (reason) => `Der Import wurde abgebrochen: ${ended(reason)}`,
    noFile: 'Wählen Sie zuerst eine CSV-Datei.',
    csvErrors: {
      'csv.columns': 'Diese Zeile hat mehr oder weniger Zellen, als die erste Zeile Spalten hat.',
      'csv.quotes': 'Eine Zelle in Anführungszeichen ist nicht geschlossen.',
      'csv.id': 'Diese Zeile hat keine id.',
      'csv.number': 'Diese Zeile hat keine Nummer; so kann kein Kunde gefunden oder angelegt werden.',
      'csv.conflict': 'Der Kunde wurde während des Imports geändert; importieren Sie die Zeile erneut.',
      'csv.empty': 'Die Datei hat keine Kopfzeile.',
    },
  },
  locationPicker: {
    label: 'Ort',
    latitude: 'Breitengrad',
    longitude: 'Längengrad',
    address: 'Adresse',
    coordinatesHint: (example) => `Grad, zum Beispiel ${example}.`,
    search: 'Ort suchen',
    useMyLocation: 'Meinen Standort verwenden',
    locating: 'Standort wird ermittelt …',
    locationDenied:
      'Ihr Browser hat den Standort nicht freigegeben. Geben Sie die Koordinaten ein oder wählen Sie einen Punkt auf der Karte.',
    openInMaps: 'In Google Maps öffnen',
    openInMapsLabel: (place) => `In Google Maps öffnen: ${place} (neuer Tab)`,
    map: 'Karte. Klicken, um die Markierung zu setzen; ist die Karte fokussiert, verschieben die Pfeiltasten sie.',
    mapLoading: 'Karte wird geladen …',
    noKey:
      'Die Karte wird nicht angezeigt, weil kein Google-Maps-Schlüssel angegeben ist. Geben Sie stattdessen die Koordinaten ein.',
    loadFailed: 'Die Karte konnte nicht geladen werden. Geben Sie stattdessen die Koordinaten ein.',
    loadTimeout: 'Die Karte lädt zu lange. Geben Sie stattdessen die Koordinaten ein.',
    retryMap: 'Erneut versuchen',
    pinMoved: (place) => `Markierung nach ${place} verschoben.`,
  },
};

registerCatalog(de);
