import { consume } from '@lit/context';
import { LitElement, type ReactiveController } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { localeContext } from '../context.js';
import { catalogFor } from '../i18n/locales.js';
import type { Catalog } from '../i18n/catalog.js';
import { describeError } from '../i18n/describe-core.js';
import { textDirection } from '../i18n/bidi.js';
import { loadLocaleForms, needsLocaleForms } from '../model/value-types/calendar-forms.js';
import { inheritedDirection, inheritedLocale } from './locale.js';

/** The base of every element: it speaks the locale it is given, provided, or inherits. */
export class LocalizedElement extends LitElement {
  /** BCP 47 tag for words, numbers, dates and times; default: the context's, then the nearest `lang`, then the browser's. */
  @property({ reflect: true }) locale = '';

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale: string | undefined;

  #language = new ContentLanguage(this);

  /** The locale this element speaks now. */
  get effectiveLocale(): string {
    return this.locale || this.contextLocale || inheritedLocale(this, { skipSelf: this.#language.ownsLang });
  }

  /**
   * The language of the element's words: the locale when a catalog speaks its language, else the
   * catalog's (English words for `fr` without a French catalog).
   */
  get contentLanguage(): string {
    const locale = this.effectiveLocale;
    const words = this.catalog.locale;
    return primary(words) === primary(locale) ? locale : words;
  }

  protected get catalog(): Catalog {
    return catalogFor(this.effectiveLocale);
  }

  /**
   * A locale whose date and time forms this runtime's ICU lacks (or writes unlike another runtime)
   * renders once those forms are loaded (`loadLocaleForms`, once per page): never a date in the
   * English form that changes a moment later. A failed load renders with `Intl`'s forms.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (needsLocaleForms(this.effectiveLocale)) {
      const render = () => super.scheduleUpdate();
      return loadLocaleForms().then(render, render);
    }
    return super.scheduleUpdate();
  }

  /**
   * `tag`, for a `lang` on a part of the element (a translated label) whose language differs from
   * the element's words (`contentLanguage`); `undefined` when they agree or there is no tag.
   */
  protected partLanguage(tag: string | undefined): string | undefined {
    return tag && primary(tag) !== primary(this.contentLanguage) ? tag : undefined;
  }

  /** An error of the model or a store in this element's words, naming the field by `label`. */
  protected describe(error: unknown, label?: string): string {
    return describeError(error, { locale: this.effectiveLocale, label });
  }
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/**
 * WCAG 3.1.2 (language of parts): after each update, the element carries `lang` when the language
 * of its words differs from the page's around it (the nearest `lang` above it, else the browser's;
 * compared by language, so `de-AT` in a `de` page needs none), and `dir` when that language is written the
 * other way, so assistive technology reads German as German in an English page and an English
 * element lays out left to right in a Hebrew page. A `lang` or `dir` the host set on the element
 * itself is left alone; the ones it set itself are removed when the page comes to agree.
 */
class ContentLanguage implements ReactiveController {
  #host: LocalizedElement;
  /** The `lang` and `dir` this controller set on the host (not the page author). */
  #lang: string | undefined;
  #dir: string | undefined;

  constructor(host: LocalizedElement) {
    this.#host = host;
    host.addController(this);
  }

  get ownsLang(): boolean {
    return this.#lang !== undefined && this.#host.getAttribute('lang') === this.#lang;
  }

  /** The locale the attributes were last decided for: an update in the same locale (a keystroke) walks no ancestors. */
  #decidedFor: string | undefined;

  hostConnected(): void {
    // Moved to another page or place: its language and direction are those of the new place.
    this.#decidedFor = undefined;
  }

  hostUpdated(): void {
    const host = this.#host;
    const language = host.contentLanguage;
    if (language === this.#decidedFor) return;
    this.#decidedFor = language;
    this.#lang = this.#set(
      'lang',
      this.#lang,
      primary(language) === primary(inheritedLocale(host, { skipSelf: true })) ? undefined : language,
    );
    const direction = textDirection(language);
    this.#dir = this.#set('dir', this.#dir, direction === inheritedDirection(host) ? undefined : direction);
  }

  /** Sets or removes an attribute this controller owns; one the author set is kept. Returns what it owns now. */
  #set(name: 'lang' | 'dir', owned: string | undefined, wanted: string | undefined): string | undefined {
    const host = this.#host;
    const current = host.getAttribute(name);
    if (current !== null && current !== owned) return undefined;
    if (wanted === undefined) {
      if (current !== null) host.removeAttribute(name);
    } else if (current !== wanted) host.setAttribute(name, wanted);
    return wanted;
  }
}
