/*
 * Technical names from labels in any script an admin types: `slugify` and `suggestName`.
 */

// Letters that do not decompose into a base letter and a mark, as they are spelt in Latin letters:
// Latin with a stroke or ligature, African and Azerbaijani letters, Cyrillic (passport style, as
// ISO 9 without marks) and Greek (ELOT 743). Accented Greek goes through NFKD to its base first.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ŀ: 'l',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
  ə: 'e',
  ɛ: 'e',
  ɔ: 'o',
  ɖ: 'd',
  ƒ: 'f',
  ɣ: 'g',
  ʋ: 'v',
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Lower-case `text` in Latin letters where the table knows them (`й` before NFKD makes it `и`). */
function latin(text: string): string {
  let out = '';
  for (const letter of text.toLowerCase()) {
    const known = LETTERS[letter];
    if (known !== undefined) {
      out += known;
      continue;
    }
    for (const base of letter.normalize('NFKD').replace(/\p{M}/gu, '')) out += LETTERS[base] ?? base;
  }
  return out;
}

/**
 * A technical name from free text: "Favorite color" gives `favorite_color`, "Größe" gives
 * `grosse`, "Łódź" gives `lodz`, "Şəhər" gives `seher`, "Город" gives `gorod`, "Πόλη" gives
 * `poli`. Text with no letter this knows (`好きな色`) gives `fallback`; a name that would start
 * with a digit gets `fallback_` before it. At most 64 characters of `a-z`, `0-9` and `_`.
 */
export function slugify(text: string, fallback = 'property'): string {
  const slug = latin(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = slug === '' ? fallback : /^[0-9]/.test(slug) ? `${fallback}_${slug}` : slug;
  return named.slice(0, 64).replace(/_+$/, '');
}

/** A name suggested from a label, unique among `taken` in any case: `favorite_color`, `favorite_color_2`. */
export function suggestName(label: string, taken: Iterable<string>, fallback = 'property'): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const base = slugify(label, fallback);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, 64 - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}
