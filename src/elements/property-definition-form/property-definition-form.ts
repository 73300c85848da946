import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DefinitionSavedEvent } from '../../events.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { checkedCount, checkedDefinition, checkedPage } from '../../internal/store-reply.js';
import { iconStyles, inputStyles, tokens } from '../../internal/styles.js';
import {
  PROPERTY_TYPES,
  isChoiceType,
  suggestName,
  validateDefinition,
  validateValue,
  type AudienceQuery,
  type AccessLevel,
  type DefinitionInit,
  type DefinitionError,
  type PropertyDefinition,
  specFor,
} from '../../model/index.js';
import { localizeDefinition } from '../../model/translations.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { StoreError } from '../../storage/store-error.js';
import { renderAccess } from './access-editor.js';
import type { Draft, OptionRow, SectionHost } from './draft.js';
import {
  canonicalLanguages,
  languagesConverter,
  renderTranslations,
  translationFieldId,
  translationsDraft,
  translationsFromDraft,
} from './translations-editor.js';
import { optionRow, renderOptions } from './options-editor.js';
import { renderPattern } from './pattern-editor.js';
import { patternEngineLoaded, preparePatterns } from '../../model/patterns.js';
import { styles } from './property-definition-form.styles.js';
import '../../i18n/en-admin.js';

/** How many holders of a value are fetched to try a new pattern on each; past that, only an upper bound is given. */
const PATTERN_SCAN = 500;

/** Which input a definition error belongs beside. */
function fieldId(field: string, rows: readonly OptionRow[], languages: readonly string[]): string {
  if (field === 'translations' || field.startsWith('translations.')) return translationFieldId(field, rows, languages);
  const option = /^options\.(\d+)\./.exec(field);
  if (option) return `option-${option[1]}`;
  return (
    {
      name: 'name',
      label: 'label',
      type: 'type-text',
      options: 'add-options',
      pattern: 'pattern',
      access: 'access-*',
      description: 'description',
      group: 'group',
    }[field] ?? 'label'
  );
}

/**
 * Creates or edits one property definition, as an admin thinks of it: label, the technical name
 * (suggested from the label), type, options, visibility, access control, description, required,
 * a pattern with a box to try it, and the words in each language the host lists (`languages`).
 * Checks everything live with the model and the store's existing names; errors from the store appear beside the right field, and nothing typed is lost.
 * Saving a change that makes stored values invalid (an option customers hold removed, a new
 * pattern their values fail, `required` switched on while customers have no value) asks first,
 * with the count.
 *
 * Nothing hangs: every store call gets `timeout` ms, and a reply that is not what the store
 * promises fails with `store.reply`. A save that gets no answer says so and Save works again; other
 * definitions that do not load say so, with Try again.
 *
 * @summary The form behind the plus button of "Customers > Customer properties".
 *
 * @fires {DefinitionSavedEvent} definition-saved - The store saved the definition; `detail`: `{ definition }`.
 * @fires {Event} cancel - The admin chose Cancel.
 *
 * @csspart form - The form.
 * @csspart title - The heading.
 * @csspart options - The options editor of choice types.
 * @csspart summary - Who will see and who will edit, in words.
 * @csspart translations - The Translations section: one group of fields per language of `languages`.
 * @csspart message - A problem with saving.
 * @csspart load-error - The other properties (for taken names) could not be loaded, with Try again.
 * @csspart error - A message beside a field.
 * @csspart save-button - Create or Save.
 * @csspart cancel-button - Cancel.
 * @csspart confirm-dialog - Asks before saving a change that makes stored values invalid (an option removed that customers hold, a new pattern, required switched on while customers have no value).
 *
 * @cssprop --cp-color-accent - The chosen type and the save button.
 * @cssprop --cp-color-error - Errors.
 * @cssprop --cp-color-border - Borders.
 * @cssprop --cp-color-text-muted - Hints.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-spacing - Gap between fields (doubled).
 * @cssprop --cp-font-family - Font.
 */
@customElement('property-definition-form')
export class PropertyDefinitionForm extends StoreElement {
  static override styles = [tokens, inputStyles, iconStyles, styles];

  /** The definition to edit; absent to create a new one. */
  @property({ attribute: false }) definition: PropertyDefinition | undefined;

  /** The role names offered in access control, besides everyone. */
  @property({ attribute: false }) roles: string[] = ['agent', 'supervisor', 'admin'];

  /**
   * The languages the admin writes translations for, as BCP 47 tags (attribute: space-separated,
   * `languages="de fr"`): the form shows a Translations part for each, with the label, description,
   * pattern hint, group and option labels in that language. Words in languages not listed are kept
   * as they are. Set from JavaScript or as the attribute, each tag is kept in its canonical form
   * (`de-at` becomes `de-AT`), once; a tag that is not BCP 47 is left out. Default: none, and no
   * Translations section.
   */
  @property({ converter: languagesConverter })
  get languages(): string[] {
    return this.#languages;
  }
  set languages(tags: readonly string[] | null | undefined) {
    this.#languages = canonicalLanguages(tags ?? []);
  }
  #languages: string[] = [];

  @state() private draft: Draft = this.#emptyDraft();
  @state() private touched = new Set<string>();
  @state() private attempted = false;
  @state() private saving = false;
  @state() private storeErrors: DefinitionError[] = [];
  @state() private message = '';
  @state() private sample = '';
  @state() private announcement = '';
  /** What saving would do to stored values, in words: while set, the form asks before saving. */
  @state() private damage: string[] | undefined;

  @query('dialog.confirm-dialog') private confirmDialog!: HTMLDialogElement | null;
  /** Answers the open question: save anyway (true) or go back (false). */
  #answer: ((save: boolean) => void) | undefined;

  #nameEdited = false;
  #dragging: number | undefined;
  readonly #sections: SectionHost = this.#createSectionHost();

  get #editing(): boolean {
    return this.definition !== undefined;
  }

  #emptyDraft(): Draft {
    return {
      label: '',
      name: '',
      type: 'text',
      options: [],
      showToCustomer: false,
      showToAgent: true,
      access: { '*': 'edit' },
      description: '',
      required: false,
      pattern: '',
      patternHint: '',
      group: '',
      translations: {},
    };
  }

  #draftFrom(def: PropertyDefinition): Draft {
    const options = (def.options ?? []).map(optionRow);
    return {
      label: def.label,
      name: def.name,
      type: def.type,
      options,
      showToCustomer: def.showToCustomer,
      showToAgent: def.showToAgent,
      access: { ...def.access },
      description: def.description ?? '',
      required: def.required ?? false,
      pattern: def.pattern ?? '',
      patternHint: def.patternHint ?? '',
      group: def.group ?? '',
      translations: translationsDraft(def.translations, options),
    };
  }

  /** Whether the form has asked for the pattern engine (once: a failed load is not retried in a loop). */
  #patternsRequested = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition')) {
      this.draft = this.definition ? this.#draftFrom(this.definition) : this.#emptyDraft();
      this.#nameEdited = this.#editing;
      this.touched = new Set();
      this.attempted = false;
      this.storeErrors = [];
      this.message = '';
    }
    if (specFor(this.draft)?.pattern && !this.#patternsRequested && !patternEngineLoaded()) {
      // RE2 checks the pattern: fetched as soon as the type takes one, so it is in before a pattern
      // is typed; until then a pattern shows as not checked yet.
      this.#patternsRequested = true;
      void preparePatterns([{ pattern: '.' }]).then(() => this.requestUpdate());
    }
  }

  /** The other definitions, for taken names and the order. Without them the store still refuses a taken name on save. */
  #others = new DefinitionsController(this, () => this.activeStore, { timeout: () => this.timeout });

  private get existing(): PropertyDefinition[] {
    return this.#others.definitions.filter((def) => !def.builtIn);
  }

  /** When editing: how many customers hold a value (the type is locked while any does). */
  #valueCount = new Task(this, {
    args: () => [this.activeStore, this.definition?.name] as const,
    task: async ([store, name], { signal }) => {
      if (!store?.countValues || !name) return undefined;
      const count = checkedCount(await this.storeCall(() => store.countValues!(name), signal));
      signal.throwIfAborted();
      return count;
    },
  });

  private get valueCount(): number | undefined {
    return this.#valueCount.value;
  }

  /** The definition the draft describes, as the store will get it. */
  #definitionFromDraft(): PropertyDefinition {
    const draft = this.draft;
    const access: Record<string, AccessLevel> = {};
    for (const [role, level] of Object.entries(draft.access)) if (level !== 'none') access[role] = level;
    const order = this.definition?.order ?? this.existing.reduce((last, def) => Math.max(last, def.order + 1), 0);
    const def: PropertyDefinition = {
      name: draft.name.trim(),
      label: draft.label.trim(),
      type: draft.type,
      showToAgent: draft.showToAgent,
      showToCustomer: draft.showToCustomer,
      access,
      order,
    };
    if (isChoiceType(draft.type))
      def.options = draft.options.map(({ value, label }) => ({ value, label: label.trim() }));
    if (draft.description.trim()) def.description = draft.description.trim();
    if (draft.group.trim()) def.group = draft.group.trim();
    if (draft.required) def.required = true;
    if (specFor(draft)?.pattern && draft.pattern.trim()) {
      def.pattern = draft.pattern.trim();
      if (draft.patternHint.trim()) def.patternHint = draft.patternHint.trim();
    }
    const translations = translationsFromDraft(draft);
    if (translations) def.translations = translations;
    return def;
  }

  get #errors(): DefinitionError[] {
    const own = validateDefinition(this.#definitionFromDraft(), this.existing, {
      mode: this.#editing ? 'update' : 'create',
    });
    return [...own, ...this.storeErrors.filter((error) => !own.some((o) => o.field === error.field))];
  }

  /** Errors shown beside a field: after the admin touched it, or tried to save. */
  #errorsFor(prefix: string): DefinitionError[] {
    return this.#errors.filter(
      (error) =>
        (error.field === prefix || error.field.startsWith(`${prefix}.`)) &&
        (this.attempted || this.touched.has(prefix) || this.storeErrors.includes(error)),
    );
  }

  #update(patch: Partial<Draft>, touched?: string): void {
    this.draft = { ...this.draft, ...patch };
    if (touched) this.touched = new Set([...this.touched, touched]);
    // A store's verdict was about what was there before.
    if (this.storeErrors.length)
      this.storeErrors = this.storeErrors.filter((error) => !touched || !error.field.startsWith(touched));
    this.message = '';
  }

  #onLabel(event: Event): void {
    const label = (event.target as HTMLInputElement).value;
    const patch: Partial<Draft> = { label };
    // The name follows the label until the admin writes one of their own.
    if (!this.#nameEdited)
      patch.name = label.trim()
        ? suggestName(
            label,
            this.existing.map((def) => def.name),
          )
        : '';
    this.#update(patch, 'label');
  }

  #onName(event: Event): void {
    this.#nameEdited = true;
    this.#update({ name: (event.target as HTMLInputElement).value }, 'name');
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    // While saving, Save is aria-disabled (not disabled, which would drop its focus to the page).
    if (this.saving) return;
    this.attempted = true;
    const errors = this.#errors;
    const messages = this.catalog.definitionForm;
    if (errors.length) {
      this.message = messages.fixErrors(
        new Set(errors.map((error) => fieldId(error.field, this.draft.options, this.languages))).size,
      );
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(`#${CSS.escape(fieldId(errors[0]!.field, this.draft.options, this.languages))}`)
        ?.focus();
      return;
    }
    const store = this.activeStore;
    if (!store) {
      this.message = messages.saveFailed(this.describe(undefined));
      return;
    }
    const definition = this.#definitionFromDraft();
    // Without the others the order is a guess: the store appends a definition given none.
    const { order: _order, ...unordered } = definition;
    const init: DefinitionInit = this.#editing || this.#others.status === 'ready' ? definition : unordered;
    this.saving = true;
    if (this.#editing && !(await this.#confirmDamage(store, definition))) {
      this.saving = false;
      return;
    }
    try {
      const saved = checkedDefinition(
        await this.storeCall(() => (this.#editing ? store.updateDefinition(definition) : store.createDefinition(init))),
      );
      this.storeErrors = [];
      this.dispatchEvent(new DefinitionSavedEvent(saved));
    } catch (error) {
      const storeError =
        error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
      if (storeError.definitionErrors.length) {
        this.storeErrors = storeError.definitionErrors;
        this.message = messages.fixErrors(storeError.definitionErrors.length);
        await this.updateComplete;
        this.renderRoot
          .querySelector<HTMLElement>(
            `#${CSS.escape(fieldId(storeError.definitionErrors[0]!.field, this.draft.options, this.languages))}`,
          )
          ?.focus();
      } else {
        this.message = messages.saveFailed(this.describe(storeError));
      }
    } finally {
      this.saving = false;
    }
  }

  /**
   * Counts the customers whose stored values the change makes invalid, and asks before saving when
   * there are any, or when they could not be counted (an unchecked change does not go through unasked).
   */
  async #confirmDamage(store: PropertyStore, next: PropertyDefinition): Promise<boolean> {
    const damage = await this.#damage(store, next);
    if (!damage.length) return true;
    this.saving = false;
    this.damage = damage;
    await this.updateComplete;
    const dialog = this.confirmDialog!;
    const answer = new Promise<boolean>((resolve) => (this.#answer = resolve));
    dialog.showModal();
    const save = await answer;
    this.damage = undefined;
    this.saving = save;
    return save;
  }

  async #damage(store: PropertyStore, next: PropertyDefinition): Promise<string[]> {
    const before = this.definition!;
    const messages = this.catalog.definitionForm;
    const found: string[] = [];
    const holders = async (query: AudienceQuery['conditions'][number], limit: number) =>
      checkedPage(await this.storeCall(() => store.findCustomers({ match: 'all', conditions: [query] }, { limit })));
    try {
      if (isChoiceType(before.type) && isChoiceType(next.type)) {
        const kept = new Set((next.options ?? []).map((option) => option.value));
        const removed = (before.options ?? []).filter((option) => !kept.has(option.value));
        if (removed.length) {
          const operator = before.type === 'single-choice' ? 'in' : 'has-any';
          const { total } = await holders(
            { property: before.name, operator, value: removed.map((option) => option.value) },
            1,
          );
          const labels = new Intl.ListFormat(this.effectiveLocale).format(removed.map((option) => option.label));
          if (total) found.push(messages.damageRemovedOptions(total, labels));
        }
      }
      if (next.required && !before.required) {
        const { total } = await holders({ property: before.name, operator: 'is-not-set' }, 1);
        if (total) found.push(messages.damageRequired(total));
      }
      if (next.pattern && next.pattern !== before.pattern) {
        const page = await holders({ property: before.name, operator: 'is-set' }, PATTERN_SCAN);
        if (page.customers.length >= page.total) {
          // Every holder is here: try each value against the new pattern, and say exactly how many fail.
          const failing = page.customers.filter(
            (customer) => validateValue(next, customer.properties[before.name] ?? null)?.code === 'pattern.mismatch',
          ).length;
          if (failing) found.push(messages.damagePattern(failing));
        } else {
          found.push(messages.damagePatternUpTo(page.total));
        }
      }
    } catch (error) {
      found.push(messages.damageUnknown(this.describe(error)));
    }
    return found;
  }

  #answerDamage(save: boolean): void {
    this.confirmDialog?.close(save ? 'save' : '');
  }

  #onDamageClosed(): void {
    const answer = this.#answer;
    this.#answer = undefined;
    answer?.(this.confirmDialog?.returnValue === 'save');
  }

  #cancel(): void {
    this.dispatchEvent(new Event('cancel', { bubbles: true, composed: true }));
  }

  // ——— rendering ———

  #fieldErrors(prefix: string, id: string) {
    const errors = this.#errorsFor(prefix);
    return errors.length
      ? html`<p part="error" id="${id}-error">${errors.map((error) => this.describe(error)).join(' ')}</p>`
      : nothing;
  }

  #containerErrors(prefix: string, id: string) {
    const rows = this.draft.options;
    const errors = this.#errorsFor(prefix).filter((error) => fieldId(error.field, rows, this.languages) === id);
    return errors.length
      ? html`<p part="error" id="${id}-error">${errors.map((error) => this.describe(error)).join(' ')}</p>`
      : nothing;
  }

  #describedBy(prefix: string, id: string, hint?: string): string {
    return [hint, this.#errorsFor(prefix).length ? `${id}-error` : ''].filter(Boolean).join(' ');
  }

  override render() {
    const messages = this.catalog.definitionForm;
    const draft = this.draft;
    const labelErrors = this.#errorsFor('label').length > 0;
    const nameErrors = this.#errorsFor('name').length > 0;
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.#submit}>
      <h2 part="title" id="title">${this.definition ? messages.editTitle(localizeDefinition(this.definition, this.effectiveLocale).label) : messages.createTitle}</h2>
      ${this.#renderOthersFailed()}

      <label class="field"><span>${messages.label}</span>
        <input id="label" .value=${live(draft.label)} autocomplete="off" aria-invalid=${String(labelErrors)}
          aria-describedby=${this.#describedBy('label', 'label', 'label-hint')} @input=${this.#onLabel} />
        <small part="help-text" id="label-hint">${messages.labelHint}</small>
        ${this.#fieldErrors('label', 'label')}
      </label>

      <label class="field"><span>${messages.name}</span>
        <input id="name" .value=${live(draft.name)} autocomplete="off" spellcheck="false" ?readonly=${this.#editing}
          aria-invalid=${String(nameErrors)} aria-describedby=${this.#describedBy('name', 'name', 'name-hint')} @input=${this.#onName} />
        <small part="help-text" id="name-hint">${this.#editing ? messages.nameLocked : messages.nameHint}</small>
        ${this.#fieldErrors('name', 'name')}
      </label>

      ${this.#renderTypes()}
      ${isChoiceType(draft.type) ? renderOptions(this.#sections) : nothing}

      <fieldset>
        <legend>${messages.visibility}</legend>
        <label class="check"><input type="checkbox" .checked=${live(draft.showToCustomer)}
          @change=${(e: Event) => this.#update({ showToCustomer: (e.target as HTMLInputElement).checked })} />${messages.showToCustomer}</label>
        <label class="check"><input type="checkbox" .checked=${live(draft.showToAgent)}
          @change=${(e: Event) => this.#update({ showToAgent: (e.target as HTMLInputElement).checked })} />${messages.showToAgent}</label>
      </fieldset>

      ${renderAccess(this.#sections)}

      <label class="field"><span>${messages.description}</span>
        <textarea id="description" rows="2" .value=${live(draft.description)}
          @input=${(e: Event) => this.#update({ description: (e.target as HTMLTextAreaElement).value }, 'description')}></textarea>
        ${this.#fieldErrors('description', 'description')}
      </label>

      <label class="field"><span>${messages.group}</span>
        <input id="group" list="groups" autocomplete="off" .value=${live(draft.group)} aria-describedby="group-hint"
          @input=${(e: Event) => this.#update({ group: (e.target as HTMLInputElement).value }, 'group')} />
        <datalist id="groups">${[...new Set(this.existing.map((def) => def.group).filter(Boolean))].map((group) => html`<option value=${group!}></option>`)}</datalist>
        <small part="help-text" id="group-hint">${messages.groupHint}</small>
        ${this.#fieldErrors('group', 'group')}
      </label>

      <label class="check"><input type="checkbox" .checked=${live(draft.required)} aria-describedby="required-hint"
        @change=${(e: Event) => this.#update({ required: (e.target as HTMLInputElement).checked })} />
        <span>${messages.required} <small part="help-text" id="required-hint">${messages.requiredHint}</small></span></label>

      ${specFor(draft)?.pattern ? renderPattern(this.#sections) : nothing}

      ${renderTranslations(this.#sections)}

      ${this.message ? html`<p part="message" role="alert">${this.message}</p>` : nothing}
      <div class="actions">
        <button part="save-button" class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? messages.saving : this.#editing ? messages.save : messages.create}</button>
        <button part="cancel-button" type="button" @click=${this.#cancel}>${messages.cancel}</button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#renderDamage()}
    </form>`;
  }

  /** The other definitions did not load: the name is then checked only by the store, on save. */
  #renderOthersFailed() {
    const error = this.#others.error;
    if (!error) return nothing;
    return html`<p part="load-error" role="alert">${this.catalog.definitionForm.othersFailed(this.describe(error))}
      <button type="button" @click=${() => this.#others.reload()}>${this.catalog.customer.retry}</button></p>`;
  }

  #renderDamage() {
    const messages = this.catalog.definitionForm;
    const damage = this.damage;
    if (!damage) return nothing;
    // Escape closes the dialog with no answer: nothing is saved.
    return html`<dialog part="confirm-dialog" class="confirm-dialog" aria-labelledby="damage-title"
      aria-describedby="damage-text" @close=${this.#onDamageClosed}>
      <h3 id="damage-title">${messages.damageTitle}</h3>
      <div id="damage-text">${damage.map((text) => html`<p>${text}</p>`)}</div>
      <div class="actions">
        <button type="button" autofocus @click=${() => this.#answerDamage(false)}>${messages.damageBack}</button>
        <button type="button" class="primary" @click=${() => this.#answerDamage(true)}>${messages.damageConfirm}</button>
      </div>
    </dialog>`;
  }

  #renderTypes() {
    const messages = this.catalog.definitionForm;
    const typeErrors = this.#errorsFor('type');
    const locked = this.#editing && (this.valueCount ?? 0) > 0;
    return html`<fieldset aria-describedby=${typeErrors.length ? 'type-error' : nothing}>
      <legend>${messages.type}</legend>
      ${locked ? html`<p part="help-text">${messages.typeLocked(this.valueCount!)}</p>` : nothing}
      <div class="types" role="radiogroup" aria-label=${messages.type}>
        ${PROPERTY_TYPES.map(
          (type) => html`<label class="type">
          <input type="radio" name="type" id="type-${type}" value=${type} .checked=${live(this.draft.type === type)}
            ?disabled=${locked && type !== this.definition?.type}
            @change=${() => this.#update({ type }, 'type')} />
          <span class="name">${this.catalog.typeNames[type]}</span>
          <span class="about">${messages.typeDescriptions[type]}</span>
          <span class="example">${messages.example(messages.typeExamples[type])}</span>
        </label>`,
        )}
      </div>
      ${this.#fieldErrors('type', 'type')}
    </fieldset>`;
  }

  #createSectionHost(): SectionHost {
    const form = this;
    return {
      get draft() {
        return form.draft;
      },
      get roles() {
        return form.roles;
      },
      get languages() {
        return form.languages;
      },
      get sample() {
        return form.sample;
      },
      set sample(sample: string) {
        form.sample = sample;
      },
      get dragging() {
        return form.#dragging;
      },
      set dragging(index: number | undefined) {
        form.#dragging = index;
      },
      get locale() {
        return form.effectiveLocale;
      },
      get messages() {
        return form.catalog.definitionForm;
      },
      get renderRoot() {
        return form.renderRoot;
      },
      get updateComplete() {
        return form.updateComplete;
      },
      requestUpdate: () => this.requestUpdate(),
      update: (patch, touched) => this.#update(patch, touched),
      announce: (text) => (this.announcement = text),
      definition: () => this.#definitionFromDraft(),
      errorsFor: (prefix) => this.#errorsFor(prefix),
      fieldErrors: (prefix, id) => this.#fieldErrors(prefix, id),
      containerErrors: (prefix, id) => this.#containerErrors(prefix, id),
      describedBy: (prefix, id, hint) => this.#describedBy(prefix, id, hint),
      describe: (error, label) => this.describe(error, label),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'property-definition-form': PropertyDefinitionForm;
  }
}
