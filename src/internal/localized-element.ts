import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localeContext } from '../context.js';
import { catalogFor } from '../i18n/locales.js';
import type { Catalog } from '../i18n/catalog.js';
import { describeError } from '../i18n/describe.js';
import { inheritedLocale } from './locale.js';

/** The base of every element: it speaks the locale it is given, provided, or inherits. */
export class LocalizedElement extends LitElement {
  /** BCP 47 tag for words, numbers, dates and times; default: the context's, then the nearest `lang`, then the browser's. */
  @property({ reflect: true }) locale = '';

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale: string | undefined;

  /** The locale this element speaks now. */
  get effectiveLocale(): string {
    return this.locale || this.contextLocale || inheritedLocale(this);
  }

  protected get catalog(): Catalog {
    return catalogFor(this.effectiveLocale);
  }

  /** An error of the model or a store in this element's words, naming the field by `label`. */
  protected describe(error: unknown, label?: string): string {
    return describeError(error, { locale: this.effectiveLocale, label });
  }
}
