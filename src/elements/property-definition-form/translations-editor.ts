import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { isChoiceType, specFor, type DefinitionTranslation } from '../../model/index.js';
import { canonicalTag } from '../../model/translations.js';
import type { Draft, OptionRow, SectionHost, TranslationDraft } from './draft.js';

/**
 * Language tags as the form keeps them: each in its canonical form (`de-at` becomes `de-AT`), once,
 * in order; a tag that is not BCP 47 (`'de_AT'`, `''`) is left out.
 */
export function canonicalLanguages(tags: Iterable<string>): string[] {
  const canonical: string[] = [];
  for (const tag of tags) {
    const found = typeof tag === 'string' ? canonicalTag(tag) : undefined;
    if (found && !canonical.includes(found)) canonical.push(found);
  }
  return canonical;
}

/** Space-separated tags, as `canonicalLanguages` keeps them. */
export const languagesConverter = {
  fromAttribute: (value: string | null): string[] => canonicalLanguages((value ?? '').split(/\s+/).filter(Boolean)),
  toAttribute: (value: string[]): string => value.join(' '),
};

/** An empty language: every field falls back to the default. */
export function emptyTranslation(): TranslationDraft {
  return { label: '', description: '', patternHint: '', group: '', options: {} };
}

/** The draft of stored translations; option labels move to the rows' keys. */
export function translationsDraft(
  translations: Record<string, DefinitionTranslation> | undefined,
  rows: readonly OptionRow[],
): Record<string, TranslationDraft> {
  const drafts: Record<string, TranslationDraft> = {};
  for (const [tag, words] of Object.entries(translations ?? {})) {
    const options: Record<number, string> = {};
    for (const row of rows) {
      if (words.options && Object.hasOwn(words.options, row.value)) options[row.key] = words.options[row.value]!;
    }
    drafts[tag] = {
      label: words.label ?? '',
      description: words.description ?? '',
      patternHint: words.patternHint ?? '',
      group: words.group ?? '',
      options,
    };
  }
  return drafts;
}

/**
 * The translations as the store gets them: fields left empty are omitted, a language with nothing
 * left is omitted, and `undefined` when no language has words. The pattern hint goes with a
 * pattern, the option labels with a choice type, as the default words do.
 */
export function translationsFromDraft(draft: Draft): Record<string, DefinitionTranslation> | undefined {
  const withPattern = Boolean(specFor(draft)?.pattern && draft.pattern.trim());
  const translations: Record<string, DefinitionTranslation> = {};
  for (const [tag, words] of Object.entries(draft.translations)) {
    const out: DefinitionTranslation = {};
    if (words.label.trim()) out.label = words.label.trim();
    if (words.description.trim()) out.description = words.description.trim();
    if (withPattern && words.patternHint.trim()) out.patternHint = words.patternHint.trim();
    if (words.group.trim()) out.group = words.group.trim();
    if (isChoiceType(draft.type)) {
      const options: Record<string, string> = {};
      for (const row of draft.options) {
        const label = words.options[row.key]?.trim();
        if (label) options[row.value] = label;
      }
      if (Object.keys(options).length) out.options = options;
    }
    if (Object.keys(out).length) translations[tag] = out;
  }
  return Object.keys(translations).length ? translations : undefined;
}

/**
 * The id of the element a `translations…` error is shown in: the input of a listed language's
 * field, else that language's part, else the section (a language the host does not list, or the
 * whole map).
 */
export function translationFieldId(field: string, rows: readonly OptionRow[], languages: readonly string[]): string {
  const [, tag, part, ...rest] = field.split('.');
  if (!tag || !languages.includes(tag)) return 'translations';
  if (part === 'label' || part === 'description' || part === 'patternHint' || part === 'group')
    return `tr-${tag}-${part}`;
  const index = part === 'options' ? rows.findIndex((row) => row.value === rest.join('.')) : -1;
  return index < 0 ? `tr-${tag}` : `tr-${tag}-option-${index}`;
}

function languageName(locale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The Translations section: per language the host lists, the label, description, pattern hint (text
 * and word), group and each option's label. Empty fields show the default to those viewers.
 */
export function renderTranslations(form: SectionHost) {
  const languages = form.languages;
  if (!languages.length) return nothing;
  const { draft, messages } = form;
  return html`<fieldset part="translations" aria-describedby="translations-hint">
    <legend>${messages.translations}</legend>
    <small part="help-text" id="translations-hint">${messages.translationsHint}</small>
    ${form.containerErrors('translations', 'translations')}
    ${languages.map((tag) => renderLanguage(form, draft, tag))}
  </fieldset>`;
}

function renderLanguage(form: SectionHost, draft: Draft, tag: string) {
  const { messages } = form;
  const words = draft.translations[tag] ?? emptyTranslation();
  const at = `translations.${tag}`;
  const set = (patch: Partial<TranslationDraft>, field: string) =>
    form.update({ translations: { ...form.draft.translations, [tag]: { ...words, ...patch } } }, `${at}.${field}`);
  const text = (field: 'label' | 'group' | 'patternHint', label: string) => {
    const id = `tr-${tag}-${field}`;
    return html`<label class="field"><span>${label}</span>
      <input id=${id} .value=${live(words[field])} autocomplete="off" lang=${tag}
        aria-invalid=${String(form.errorsFor(`${at}.${field}`).length > 0)} aria-describedby=${form.describedBy(`${at}.${field}`, id)}
        @input=${(e: Event) => set({ [field]: (e.target as HTMLInputElement).value }, field)} />
      ${form.fieldErrors(`${at}.${field}`, id)}
    </label>`;
  };
  const descriptionId = `tr-${tag}-description`;
  return html`<fieldset class="language" id=${`tr-${tag}`} data-language=${tag}>
    <legend>${messages.translationLanguage(languageName(form.locale, tag), tag)}</legend>
    ${form.containerErrors(at, `tr-${tag}`)}
    ${text('label', messages.label)}
    <label class="field"><span>${messages.description}</span>
      <textarea id=${descriptionId} rows="2" lang=${tag} .value=${live(words.description)}
        aria-invalid=${String(form.errorsFor(`${at}.description`).length > 0)} aria-describedby=${form.describedBy(`${at}.description`, descriptionId)}
        @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value }, 'description')}></textarea>
      ${form.fieldErrors(`${at}.description`, descriptionId)}
    </label>
    ${specFor(draft)?.pattern ? text('patternHint', messages.patternHintLabel) : nothing}
    ${text('group', messages.group)}
    ${
      isChoiceType(draft.type)
        ? draft.options.map((row, index) => {
            const id = `tr-${tag}-option-${index}`;
            const field = `${at}.options.${row.value}`;
            return html`<label class="field"><span>${messages.translatedOption(row.label || row.value)}</span>
              <input id=${id} .value=${live(words.options[row.key] ?? '')} autocomplete="off" lang=${tag}
                aria-invalid=${String(form.errorsFor(field).length > 0)} aria-describedby=${form.describedBy(field, id)}
                @input=${(e: Event) =>
                  form.update(
                    {
                      translations: {
                        ...form.draft.translations,
                        [tag]: {
                          ...words,
                          options: { ...words.options, [row.key]: (e.target as HTMLInputElement).value },
                        },
                      },
                    },
                    field,
                  )} />
              ${form.fieldErrors(field, id)}
            </label>`;
          })
        : nothing
    }
  </fieldset>`;
}
