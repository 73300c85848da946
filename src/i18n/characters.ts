/*
 * Names of the characters a message cannot show: a message that asks to remove a zero width space
 * shown in quotes asks for the impossible. Unicode's own names, the same in every language, with the
 * code point.
 */

const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2007: 'FIGURE SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/**
 * `U+200B ZERO WIDTH SPACE` for a character nobody can see or tell from a space (format and control
 * characters, the other spaces); `U+XXXX` alone for one without a name here; `undefined` for a
 * visible character and the plain space, tab and line break, which the catalogs word themselves.
 */
export function invisibleCharacterName(character: string): string | undefined {
  const code = character.codePointAt(0) ?? 0;
  if (character === ' ' || character === '\t' || character === '\n' || character === '\r') return undefined;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  if (name) return `${hex} ${name}`;
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(character) ? hex : undefined;
}

/** A calendar's name in a language, from `Intl`: `Buddhist Calendar`; the identifier itself where `Intl` has none. */
export function calendarName(language: string, calendar: string): string {
  try {
    return new Intl.DisplayNames(language, { type: 'calendar' }).of(calendar) ?? calendar;
  } catch {
    return calendar;
  }
}

export { languageName } from './language-name.js';
