/** The name of the language `tag` in `language` (`German` for `de` in `en`); the tag itself when `Intl` has no name. */
export function languageName(language: string, tag: string): string {
  try {
    return new Intl.DisplayNames(language, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
