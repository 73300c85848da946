import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DefinitionSavedEvent } from '../../events.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import {
  PROPERTY_TYPES,
  isChoiceType,
  parseValue,
  suggestName,
  validateDefinition,
  type AccessLevel,
  type DefinitionError,
  type PropertyDefinition,
  type PropertyType,
  specFor,
} from '../../model/index.js';
import { StoreError } from '../../storage/store-error.js';
import { styles } from './property-definition-form.styles.js';

type Level = AccessLevel | 'none';

interface OptionRow {
  /** Stable identity for rendering and dragging. */
  key: number;
  value: string;
  label: string;
}

interface Draft {
  label: string;
  name: string;
  type: PropertyType;
  options: OptionRow[];
  showToCustomer: boolean;
  showToAgent: boolean;
  access: Record<string, Level>;
  description: string;
  required: boolean;
  pattern: string;
  patternHint: string;
}

const LEVELS: Level[] = ['none', 'view', 'edit'];
const RANK: Record<Level, number> = { none: 0, view: 1, edit: 2 };

/** Which input a definition error belongs beside. */
function fieldId(field: string): string {
  const option = /^options\.(\d+)\./.exec(field);
  if (option) return `option-${option[1]}`;
  return { name: 'name', label: 'label', type: 'type-text', options: 'add-options', pattern: 'pattern', access: 'access-*', description: 'description' }[field] ?? 'label';
}

/**
 * Creates or edits one property definition, as an admin thinks of it: label, the technical name
 * (suggested from the label), type, options, visibility, access control, description, required,
 * and a pattern with a box to try it. Checks everything live with the model and the store's
 * existing names; errors from the store appear beside the right field, and nothing typed is lost.
 *
 * @summary The form behind the plus button of "Customers > Customer properties".
 *
 * @fires definition-saved - The store saved the definition; `detail`: `{ definition }`.
 * @fires cancel - The admin chose Cancel.
 *
 * @csspart form - The form.
 * @csspart title - The heading.
 * @csspart options - The options editor of choice types.
 * @csspart summary - Who will see and who will edit, in words.
 * @csspart message - A problem with saving.
 * @csspart error - A message beside a field.
 * @csspart save-button - Create or Save.
 * @csspart cancel-button - Cancel.
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
  static override styles = [tokens, inputStyles, styles];

  /** The definition to edit; absent to create a new one. */
  @property({ attribute: false }) definition: PropertyDefinition | undefined;

  /** The role names offered in access control, besides everyone. */
  @property({ attribute: false }) roles: string[] = ['agent', 'supervisor', 'admin'];

  @state() private draft: Draft = this.#emptyDraft();
  @state() private touched = new Set<string>();
  @state() private attempted = false;
  @state() private saving = false;
  @state() private storeErrors: DefinitionError[] = [];
  @state() private message = '';
  @state() private sample = '';
  @state() private announcement = '';

  #nameEdited = false;
  #nextKey = 0;
  #dragging: number | undefined;

  get #editing(): boolean {
    return this.definition !== undefined;
  }

  #emptyDraft(): Draft {
    return {
      label: '', name: '', type: 'text', options: [], showToCustomer: false, showToAgent: true,
      access: { '*': 'edit' }, description: '', required: false, pattern: '', patternHint: '',
    };
  }

  #draftFrom(def: PropertyDefinition): Draft {
    return {
      label: def.label,
      name: def.name,
      type: def.type,
      options: (def.options ?? []).map((option) => ({ ...option, key: this.#nextKey++ })),
      showToCustomer: def.showToCustomer,
      showToAgent: def.showToAgent,
      access: { ...def.access },
      description: def.description ?? '',
      required: def.required ?? false,
      pattern: def.pattern ?? '',
      patternHint: def.patternHint ?? '',
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition')) {
      this.draft = this.definition ? this.#draftFrom(this.definition) : this.#emptyDraft();
      this.#nameEdited = this.#editing;
      this.touched = new Set();
      this.attempted = false;
      this.storeErrors = [];
      this.message = '';
    }
  }

  /** The other definitions, for taken names and the order. Without them the store still refuses a taken name on save. */
  #others = new DefinitionsController(this, () => this.activeStore);

  private get existing(): PropertyDefinition[] {
    return this.#others.definitions.filter((def) => !def.builtIn);
  }

  /** When editing: how many customers hold a value (the type is locked while any does). */
  #valueCount = new Task(this, {
    args: () => [this.activeStore, this.definition?.name] as const,
    task: async ([store, name], { signal }) => {
      if (!store?.countValues || !name) return undefined;
      const count = await store.countValues(name);
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
    if (isChoiceType(draft.type)) def.options = draft.options.map(({ value, label }) => ({ value, label: label.trim() }));
    if (draft.description.trim()) def.description = draft.description.trim();
    if (draft.required) def.required = true;
    if (specFor(draft)?.pattern && draft.pattern.trim()) {
      def.pattern = draft.pattern.trim();
      if (draft.patternHint.trim()) def.patternHint = draft.patternHint.trim();
    }
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
      (error) => (error.field === prefix || error.field.startsWith(`${prefix}.`)) && (this.attempted || this.touched.has(prefix) || this.storeErrors.includes(error)),
    );
  }

  #update(patch: Partial<Draft>, touched?: string): void {
    this.draft = { ...this.draft, ...patch };
    if (touched) this.touched = new Set([...this.touched, touched]);
    // A store's verdict was about what was there before.
    if (this.storeErrors.length) this.storeErrors = this.storeErrors.filter((error) => !touched || !error.field.startsWith(touched));
    this.message = '';
  }

  #onLabel(event: Event): void {
    const label = (event.target as HTMLInputElement).value;
    const patch: Partial<Draft> = { label };
    // The name follows the label until the admin writes one of their own.
    if (!this.#nameEdited) patch.name = label.trim() ? suggestName(label, this.existing.map((def) => def.name)) : '';
    this.#update(patch, 'label');
  }

  #onName(event: Event): void {
    this.#nameEdited = true;
    this.#update({ name: (event.target as HTMLInputElement).value }, 'name');
  }

  #addOptions(text: string): void {
    const labels = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    if (!labels.length) return;
    const taken = new Set(this.draft.options.map((option) => option.value));
    const rows = labels.map((label) => {
      const value = suggestName(label, taken, 'option');
      taken.add(value);
      return { key: this.#nextKey++, value, label };
    });
    this.#update({ options: [...this.draft.options, ...rows] }, 'options');
    this.announcement = this.catalog.definitionForm.optionsAdded(rows.length);
  }

  #onAddKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    const area = event.target as HTMLTextAreaElement;
    this.#addOptions(area.value);
    area.value = '';
  }

  #onAddPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    if (!text.includes('\n')) return;
    event.preventDefault();
    this.#addOptions(text);
  }

  #addFromBox(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#add-options')!;
    this.#addOptions(area.value);
    area.value = '';
    area.focus();
  }

  #setOption(index: number, label: string): void {
    const options = this.draft.options.map((option, i) => (i === index ? { ...option, label } : option));
    this.#update({ options }, 'options');
  }

  #removeOption(index: number): void {
    this.#update({ options: this.draft.options.filter((_, i) => i !== index) }, 'options');
  }

  #moveOption(from: number, to: number, focus = false): void {
    const options = [...this.draft.options];
    if (to < 0 || to >= options.length || from === to) return;
    const [moved] = options.splice(from, 1);
    options.splice(to, 0, moved!);
    this.#update({ options }, 'options');
    this.announcement = this.catalog.definitionForm.optionMoved(moved!.label || moved!.value, to + 1, options.length);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#option-${to}`)?.focus());
  }

  #onOptionKey(index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.#moveOption(index, index + (event.key === 'ArrowUp' ? -1 : 1), true);
  }

  #setLevel(role: string, level: Level): void {
    this.#update({ access: { ...this.draft.access, [role]: level } }, 'access');
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.attempted = true;
    const errors = this.#errors;
    const messages = this.catalog.definitionForm;
    if (errors.length) {
      this.message = messages.fixErrors(new Set(errors.map((error) => fieldId(error.field))).size);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(errors[0]!.field))}`)?.focus();
      return;
    }
    const store = this.activeStore;
    if (!store) {
      this.message = messages.saveFailed(this.describe(undefined));
      return;
    }
    const definition = this.#definitionFromDraft();
    this.saving = true;
    try {
      const saved = this.#editing ? await store.updateDefinition(definition) : await store.createDefinition(definition);
      this.storeErrors = [];
      this.dispatchEvent(new DefinitionSavedEvent(saved));
    } catch (error) {
      const storeError = error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
      if (storeError.definitionErrors.length) {
        this.storeErrors = storeError.definitionErrors;
        this.message = messages.fixErrors(storeError.definitionErrors.length);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(storeError.definitionErrors[0]!.field))}`)?.focus();
      } else {
        this.message = messages.saveFailed(this.describe(storeError));
      }
    } finally {
      this.saving = false;
    }
  }

  #cancel(): void {
    this.dispatchEvent(new Event('cancel', { bubbles: true, composed: true }));
  }

  // ——— rendering ———

  #fieldErrors(prefix: string, id: string) {
    const errors = this.#errorsFor(prefix);
    return errors.length ? html`<p part="error" id="${id}-error">${errors.map((error) => this.describe(error)).join(' ')}</p>` : nothing;
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
      <h2 part="title" id="title">${this.definition ? messages.editTitle(this.definition.label) : messages.createTitle}</h2>

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
      ${isChoiceType(draft.type) ? this.#renderOptions() : nothing}

      <fieldset>
        <legend>${messages.visibility}</legend>
        <label class="check"><input type="checkbox" .checked=${live(draft.showToCustomer)}
          @change=${(e: Event) => this.#update({ showToCustomer: (e.target as HTMLInputElement).checked })} />${messages.showToCustomer}</label>
        <label class="check"><input type="checkbox" .checked=${live(draft.showToAgent)}
          @change=${(e: Event) => this.#update({ showToAgent: (e.target as HTMLInputElement).checked })} />${messages.showToAgent}</label>
      </fieldset>

      ${this.#renderAccess()}

      <label class="field"><span>${messages.description}</span>
        <textarea id="description" rows="2" .value=${live(draft.description)}
          @input=${(e: Event) => this.#update({ description: (e.target as HTMLTextAreaElement).value }, 'description')}></textarea>
        ${this.#fieldErrors('description', 'description')}
      </label>

      <label class="check"><input type="checkbox" .checked=${live(draft.required)} aria-describedby="required-hint"
        @change=${(e: Event) => this.#update({ required: (e.target as HTMLInputElement).checked })} />
        <span>${messages.required} <small part="help-text" id="required-hint">${messages.requiredHint}</small></span></label>

      ${specFor(draft)?.pattern ? this.#renderPattern() : nothing}

      ${this.message ? html`<p part="message" role="alert">${this.message}</p>` : nothing}
      <div class="actions">
        <button part="save-button" class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? messages.saving : this.#editing ? messages.save : messages.create}</button>
        <button part="cancel-button" type="button" @click=${this.#cancel}>${messages.cancel}</button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </form>`;
  }

  #renderTypes() {
    const messages = this.catalog.definitionForm;
    const typeErrors = this.#errorsFor('type');
    const locked = this.#editing && (this.valueCount ?? 0) > 0;
    return html`<fieldset aria-describedby=${typeErrors.length ? 'type-error' : nothing}>
      <legend>${messages.type}</legend>
      ${locked ? html`<p part="help-text">${messages.typeLocked(this.valueCount!)}</p>` : nothing}
      <div class="types" role="radiogroup" aria-label=${messages.type}>
        ${PROPERTY_TYPES.map((type) => html`<label class="type">
          <input type="radio" name="type" id="type-${type}" value=${type} .checked=${live(this.draft.type === type)}
            ?disabled=${locked && type !== this.definition?.type}
            @change=${() => this.#update({ type }, 'type')} />
          <span class="name">${this.catalog.typeNames[type]}</span>
          <span class="about">${messages.typeDescriptions[type]}</span>
          <span class="example">${messages.example(messages.typeExamples[type])}</span>
        </label>`)}
      </div>
      ${this.#fieldErrors('type', 'type')}
    </fieldset>`;
  }

  #renderOptions() {
    const messages = this.catalog.definitionForm;
    const listErrors = this.#errorsFor('options').filter((error) => error.field === 'options');
    return html`<fieldset part="options">
      <legend>${messages.options}</legend>
      <ol>
        ${this.draft.options.map((option, index) => {
          const rowErrors = this.#errorsFor(`options.${index}`).filter((e) => e.field.startsWith(`options.${index}.`));
          const name = option.label || option.value;
          return html`<li class="option ${this.#dragging === index ? 'dragging' : ''}" draggable="true"
            @dragstart=${(e: DragEvent) => {
              this.#dragging = index;
              e.dataTransfer?.setData('text/plain', String(index));
              this.requestUpdate();
            }}
            @dragover=${(e: DragEvent) => e.preventDefault()}
            @drop=${(e: DragEvent) => {
              e.preventDefault();
              if (this.#dragging !== undefined) this.#moveOption(this.#dragging, index);
              this.#dragging = undefined;
            }}
            @dragend=${() => {
              this.#dragging = undefined;
              this.requestUpdate();
            }}>
            <span class="grip" aria-hidden="true">⠿</span>
            <input id="option-${index}" .value=${live(option.label)} aria-label=${messages.optionLabel(index + 1)}
              aria-invalid=${String(rowErrors.length > 0)} aria-describedby="option-${index}-value ${rowErrors.length ? `option-${index}-error` : ''}"
              @input=${(e: Event) => this.#setOption(index, (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => this.#onOptionKey(index, e)} />
            <span class="row-buttons">
              <button type="button" aria-label=${messages.moveUp(name)} ?disabled=${index === 0} @click=${() => this.#moveOption(index, index - 1)}>↑</button>
              <button type="button" aria-label=${messages.moveDown(name)} ?disabled=${index === this.draft.options.length - 1} @click=${() => this.#moveOption(index, index + 1)}>↓</button>
              <button type="button" aria-label=${messages.removeOption(name)} @click=${() => this.#removeOption(index)}>✕</button>
            </span>
            <p class="value" id="option-${index}-value">${messages.optionValue(option.value)}</p>
            ${rowErrors.length ? html`<p part="error" id="option-${index}-error">${rowErrors.map((e) => this.describe(e)).join(' ')}</p>` : nothing}
          </li>`;
        })}
      </ol>
      <div class="add">
        <label class="field"><span>${messages.addOption}</span>
          <textarea id="add-options" rows="2" aria-describedby="add-hint ${listErrors.length ? 'options-error' : ''}"
            @keydown=${this.#onAddKey} @paste=${this.#onAddPaste}></textarea>
          <small part="help-text" id="add-hint">${messages.addOptionHint}</small>
        </label>
        <button type="button" @click=${this.#addFromBox}>${messages.addOption}</button>
      </div>
      ${listErrors.length ? html`<p part="error" id="options-error">${listErrors.map((e) => this.describe(e)).join(' ')}</p>` : nothing}
    </fieldset>`;
  }

  #roleName(role: string): string {
    return role === '*' ? this.catalog.definitionForm.everyone : (this.catalog.definitionForm.roleNames[role] ?? role);
  }

  #renderAccess() {
    const messages = this.catalog.definitionForm;
    const access = this.draft.access;
    const levelOf = (role: string): Level => access[role] ?? 'none';
    const effective = (role: string): Level => (RANK[levelOf('*')] >= RANK[levelOf(role)] ? levelOf('*') : levelOf(role));
    const who = (minimum: Level) => {
      if (RANK[levelOf('*')] >= RANK[minimum]) return messages.everyoneWord;
      const names = this.roles.filter((role) => RANK[effective(role)] >= RANK[minimum]).map((role) => this.#roleName(role));
      return names.length ? new Intl.ListFormat(this.effectiveLocale).format(names) : '';
    };
    const sees = who('view');
    const edits = who('edit');
    return html`<fieldset class="access" aria-describedby="access-summary">
      <legend>${messages.access}</legend>
      <div class="levels">
        ${['*', ...this.roles].map((role) => html`<fieldset>
          <legend>${this.#roleName(role)}</legend>
          ${LEVELS.map((level) => html`<label><input type="radio" name="access-${role}" id=${level === 'none' ? `access-${role}` : nothing}
            .checked=${live(levelOf(role) === level)} @change=${() => this.#setLevel(role, level)} />${messages.levels[level]}</label>`)}
        </fieldset>`)}
      </div>
      <p part="summary" id="access-summary" aria-live="polite">
        ${sees ? messages.whoSees(sees) : messages.nobodySees} ${edits ? messages.whoEdits(edits) : messages.nobodyEdits}
      </p>
      ${this.#fieldErrors('access', 'access')}
    </fieldset>`;
  }

  #renderPattern() {
    const messages = this.catalog.definitionForm;
    const def = this.#definitionFromDraft();
    const patternErrors = this.#errorsFor('pattern');
    const compiles = !validateDefinition(def, []).some((e) => e.field === 'pattern');
    const tried = this.sample && def.pattern && compiles ? parseValue({ ...def, label: def.label || messages.trySample }, this.sample, this.effectiveLocale) : undefined;
    return html`<label class="field"><span>${messages.pattern}</span>
        <input id="pattern" .value=${live(this.draft.pattern)} spellcheck="false" autocomplete="off"
          aria-invalid=${String(patternErrors.length > 0)} aria-describedby=${this.#describedBy('pattern', 'pattern', 'pattern-hint')}
          @input=${(e: Event) => this.#update({ pattern: (e.target as HTMLInputElement).value }, 'pattern')} />
        <small part="help-text" id="pattern-hint">${messages.patternHint}</small>
        ${this.#fieldErrors('pattern', 'pattern')}
      </label>
      <label class="field"><span>${messages.patternHintLabel}</span>
        <input id="pattern-hint-text" .value=${live(this.draft.patternHint)}
          @input=${(e: Event) => this.#update({ patternHint: (e.target as HTMLInputElement).value })} />
      </label>
      <label class="field"><span>${messages.trySample}</span>
        <input id="sample" .value=${live(this.sample)} aria-describedby="sample-result"
          @input=${(e: Event) => (this.sample = (e.target as HTMLInputElement).value)} />
        <p class="sample-result ${tried?.ok ? 'ok' : ''}" id="sample-result" aria-live="polite">
          ${tried ? (tried.ok ? messages.sampleMatches : this.describe(tried.error, def.label || messages.trySample)) : ''}</p>
      </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'property-definition-form': PropertyDefinitionForm;
  }
}

