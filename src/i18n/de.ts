import { de as deDateLocale } from 'date-fns/locale/de';
import type { Catalog } from './catalog.js';

const list = (items: readonly string[]) =>
  new Intl.ListFormat('de', { type: 'conjunction' }).format(items.map((item) => `„${item}“`));
const count = (n: number) => n.toLocaleString('de');
const nameCharacter = (character: string) => (/\s/u.test(character) ? 'Leerzeichen' : character);

export const de: Catalog = {
  locale: 'de',
  dateLocale: deDateLocale,
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
    'property.readonly': ({ label }) => `${label} kann nicht geändert werden.`,
    'value.type': ({ label, expected }) =>
      `${label} enthält keinen gültigen Wert vom Typ ${de.typeNames[expected as keyof Catalog['typeNames']] ?? expected}.`,
    'number.format': ({ label }) =>
      `${label} muss eine Zahl sein, z. B. 3,1415926 oder 65535: Ziffern, ein optionales Minuszeichen und höchstens ein Dezimaltrennzeichen.`,
    'number.separators': ({ label }) =>
      `${label} darf nur ein Dezimaltrennzeichen (, oder .) und keine Tausendertrennzeichen enthalten.`,
    'text.length': ({ label, max, length }) =>
      `${label} darf höchstens ${count(max)} Zeichen lang sein; es sind ${count(length)}.`,
    'word.characters': ({ label, characters }) =>
      `${label} darf nur Buchstaben und Ziffern enthalten, keine Leer- oder Satzzeichen. Entfernen Sie ${list(characters.map(nameCharacter))}.`,
    'word.length': ({ label, max, length }) =>
      `${label} darf höchstens ${count(max)} Zeichen lang sein; es sind ${count(length)}.`,
    'pattern.mismatch': ({ label, hint }) => hint || `${label} hat nicht die erwartete Form.`,
    'choice.unknown': ({ label, values }) =>
      `${list(values)} ${values.length === 1 ? 'gehört' : 'gehören'} nicht zu den Optionen von ${label}; bitte wählen Sie eine andere.`,
    'choice.duplicate': ({ label, values }) => `${label} enthält ${list(values)} mehrfach.`,
    'choice.order': ({ label }) =>
      `${label} muss die gewählten Optionen in der Reihenfolge der Definition auflisten.`,
    'location.format': ({ label }) => `${label} braucht einen Breiten- und einen Längengrad.`,
    'location.range': ({ label, axis, min, max }) =>
      `Der ${axis === 'lat' ? 'Breitengrad' : 'Längengrad'} von ${label} muss zwischen ${min} und ${max} liegen.`,
    'location.address': ({ label, max }) =>
      `Die Adresse von ${label} darf höchstens ${count(max)} Zeichen lang sein.`,
    'date.format': ({ label, example }) => `${label} muss ein Datum sein, z. B. ${example}.`,
    'date.invalid': ({ label }) =>
      `${label} ist kein Tag im Kalender; bitte prüfen Sie Tag und Monat.`,
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
    'definition.name.reserved': ({ name }) => `„${name}“ ist der Name einer Standardeigenschaft.`,
    'definition.name.taken': ({ name }) => `Eine Eigenschaft namens „${name}“ gibt es bereits.`,
    'definition.label.length': ({ max }) =>
      `Die Bezeichnung muss 1 bis ${count(max)} Zeichen lang sein.`,
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
    'definition.pattern.invalid': ({ reason }) =>
      `Das Muster ist kein gültiger regulärer Ausdruck: ${reason}`,
    'definition.pattern.type': () => 'Nur Text- und Worteigenschaften können ein Muster haben.',
    'definition.access.level': ({ role }) =>
      `Der Zugriff für „${role}“ muss „ansehen“ oder „bearbeiten“ sein.`,
    'definition.description.length': ({ max }) =>
      `Die Beschreibung darf höchstens ${count(max)} Zeichen lang sein.`,
    'definition.order': () => 'Die Position in der Liste muss eine Zahl sein.',
  },
  audienceErrors: {
    'audience.match': () => 'Eine Gruppe muss „alle“ oder „eine“ ihrer Bedingungen erfüllen.',
    'audience.property': ({ property }) => `Es gibt keine Eigenschaft namens „${property}“.`,
    'audience.operator': ({ label, operator, type }) =>
      `„${operator}“ passt nicht zu ${label} (Typ ${de.typeNames[type]}).`,
    'audience.value': ({ label }) => `Die Bedingung für ${label} braucht einen Wert.`,
    'audience.range': ({ label }) =>
      `Die Bedingung für ${label}: Der erste Wert darf nicht größer als der zweite sein.`,
    'audience.days': ({ label }) =>
      `Die Bedingung für ${label}: Die Zahl der Tage muss eine ganze Zahl ab 1 sein.`,
  },
  field: {
    required: 'Pflichtfeld',
    notSet: 'Nicht festgelegt',
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
  },
  customer: {
    loading: 'Kunde wird geladen …',
    loadFailed: (reason) => `Der Kunde konnte nicht geladen werden: ${reason}`,
    notFound: 'Diesen Kunden gibt es nicht (mehr).',
    retry: 'Erneut versuchen',
    channelNumber: (channel, number) => `${channel}: ${number}`,
    channels: { whatsapp: 'WhatsApp', telegram: 'Telegram', sms: 'SMS', viber: 'Viber', messenger: 'Messenger', instagram: 'Instagram', email: 'E-Mail', rcs: 'RCS', voice: 'Telefon' },
    changedBy: (author, ago) => `Geändert von ${author}, ${ago}`,
    changedAgo: (ago) => `Geändert ${ago}`,
    storeErrors: {
      conflict: 'jemand anderes hat es inzwischen geändert',
      'not-found': 'den Kunden oder die Eigenschaft gibt es nicht mehr',
      invalid: 'der Wert wurde abgelehnt',
      forbidden: 'Sie dürfen dies nicht ändern',
      unavailable: 'der Server war nicht erreichbar',
    },
  },
  panel: {
    title: 'Kundendetails',
    noCustomer: 'Kein Kunde ausgewählt.',
    empty: 'Noch keine eigenen Eigenschaften.',
    saving: 'Wird gespeichert …',
    saved: 'Gespeichert',
    failed: (reason) => `Nicht gespeichert: ${reason}`,
    announceSaving: (label) => `${label} wird gespeichert …`,
    announceSaved: (label) => `${label} gespeichert.`,
    announceFailed: (label) => `${label} wurde nicht gespeichert.`,
    conflict: (author, value, ago) => `${author} hat dies ${ago} in „${value}“ geändert. Ihren Wert behalten oder den anderen übernehmen?`,
    conflictAnonymous: (value) => `Jemand anderes hat dies inzwischen in „${value}“ geändert. Ihren Wert behalten oder den anderen übernehmen?`,
    keepMine: 'Meinen behalten',
    useTheirs: 'Anderen übernehmen',
    invalidNotSaved: 'Wird erst gespeichert, wenn der Wert gültig ist.',
  },
  profile: {
    title: 'Ihre Angaben',
    intro: 'Prüfen Sie Ihre Angaben und ändern Sie, was nicht stimmt.',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    saved: 'Ihre Angaben sind gespeichert.',
    nothingChanged: 'Es hat sich nichts geändert, daher gab es nichts zu speichern.',
    invalid: (n) => `${n === 1 ? 'Ein Feld braucht' : `${count(n)} Felder brauchen`} vor dem Speichern Ihre Aufmerksamkeit.`,
    failed: (reason) => `Ihre Änderungen sind noch nicht gespeichert (${reason}). Sie sind noch da: Versuchen Sie es gleich noch einmal.`,
    conflict: (labels) => `${labels} wurde anderswo geändert, während Sie bearbeitet haben. Ihre Änderungen sind noch da: Prüfen Sie sie und speichern Sie erneut.`,
    empty: 'Hier gibt es noch nichts auszufüllen.',
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
    locationDenied: 'Ihr Browser hat den Standort nicht freigegeben. Geben Sie die Koordinaten ein oder wählen Sie einen Punkt auf der Karte.',
    openInMaps: 'In Google Maps öffnen',
    openInMapsLabel: (place) => `In Google Maps öffnen: ${place} (neuer Tab)`,
    map: 'Karte. Klicken, um die Markierung zu setzen; ist die Karte fokussiert, verschieben die Pfeiltasten sie.',
    mapLoading: 'Karte wird geladen …',
    noKey: 'Die Karte wird nicht angezeigt, weil kein Google-Maps-Schlüssel angegeben ist. Geben Sie stattdessen die Koordinaten ein.',
    loadFailed: 'Die Karte konnte nicht geladen werden. Geben Sie stattdessen die Koordinaten ein.',
    loadTimeout: 'Die Karte lädt zu lange. Geben Sie stattdessen die Koordinaten ein.',
    pinMoved: (place) => `Markierung nach ${place} verschoben.`,
  },
};
