import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { userContext, type CustomerPropertiesUser } from '../../context.js';
import { withBuiltIns } from '../../internal/customer-view.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import {
  AUDIENCE_OPERATORS,
  customerFor,
  propertyAccess,
  unreadableInQuery,
  validateAudience,
  type AudienceCondition,
  type AudienceError,
  type AudienceOperator,
  type AudienceQuery,
  type Customer,
  type LocationValue,
  type Principal,
  type PropertyDefinition,
  type PropertyValue,
  specFor,
} from '../../model/index.js';
import { StoreError } from '../../storage/store-error.js';
import '../property-editor/property-editor.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { styles } from './audience-builder.styles.js';

type Item = AudienceCondition | AudienceQuery;
type Path = number[];

const isGroup = (item: Item): item is AudienceQuery => 'conditions' in item;
const key = (path: Path, slot = '') => `${path.join('.')}${slot ? `:${slot}` : ''}`;
const PREVIEW_SIZE = 5;

/** Replaces the item at `path` with what `change` makes of it; the query is never mutated. */
function updateAt(query: AudienceQuery, path: Path, change: (item: Item) => Item | undefined): AudienceQuery {
  if (path.length === 0) return change(query) as AudienceQuery;
  const [head, ...rest] = path as [number, ...number[]];
  const conditions = [...query.conditions];
  const child = conditions[head]!;
  const next = rest.length === 0 ? change(child) : updateAt(child as AudienceQuery, rest, change);
  if (next === undefined) conditions.splice(head, 1);
  else conditions[head] = next;
  return { ...query, conditions };
}

/**
 * Builds an audience: conditions on customer properties, in groups that must match all or any,
 * nested as deep as needed. Each condition offers only the operators that fit its property's type
 * and takes its value with the same editor the panel uses. The number of matching customers and a
 * short preview follow the query as it changes (debounced; stale answers are dropped); a condition
 * that is incomplete or invalid says so, and no count is computed from it.
 *
 * It offers only the properties the user (`user`, else the context's) may view, by the rule the
 * server enforces (`propertyAccess`); a query given as `value` with a condition on any other
 * property says so at that condition and is not counted (the server would refuse it). The
 * preview names customers only as the user may see them.
 *
 * @summary Groups customers by their properties and shows how many match.
 *
 * @fires change - The user changed the query; read it from `value`.
 *
 * @csspart base - The whole builder.
 * @csspart title - The heading.
 * @csspart group - A group of conditions (the outermost too).
 * @csspart condition - One condition: property, operator, value.
 * @csspart count - How many customers match.
 * @csspart preview - Some of the matching customers.
 *
 * @cssprop --cp-color-border - Group borders.
 * @cssprop --cp-color-error - Messages on conditions.
 * @cssprop --cp-color-text-muted - The preview.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 */
@customElement('audience-builder')
export class AudienceBuilder extends StoreElement {
  static override styles = [tokens, inputStyles, styles];

  /** The query being built. */
  @property({ attribute: false }) value: AudienceQuery = { match: 'all', conditions: [] };

  /** Milliseconds of quiet before the count is asked for. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = 300;

  /** The signed-in user, `{ id, roles }`: conditions may be about the properties they may view. Wins over the context's. */
  @property({ attribute: false }) user: CustomerPropertiesUser | undefined;

  @consume({ context: userContext, subscribe: true })
  @state()
  private contextUser: CustomerPropertiesUser | undefined;

  @state() private count: { total: number; customers: Customer[] } | 'counting' | 'unknown' | 'hidden' | StoreError =
    'unknown';
  @state() private touched = new Set<string>();

  /** Operand editors holding text that does not parse, by condition and slot. */
  #badInput = new Set<string>();
  /** A word list is typed as text; the text is kept while it is being typed. */
  #listText = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;

  /** The store's definitions, the properties a condition may be about. */
  #definitions = new DefinitionsController(this, () => this.activeStore, { onChange: () => this.#scheduleCount() });

  /** Every definition the store gave: to tell a hidden property from an unknown one. */
  private get allDefinitions(): PropertyDefinition[] {
    return this.#definitions.definitions;
  }

  /** The properties a condition may be about: those the user may view. */
  private get definitions(): PropertyDefinition[] {
    const principal = this.#principal;
    return this.allDefinitions.filter((def) => propertyAccess(principal, def) !== 'none');
  }

  get #principal(): Principal {
    const user = this.user ?? this.contextUser;
    return { kind: 'user', id: user?.id ?? '', roles: [...(user?.roles ?? [])] };
  }

  /** The properties the query names that the user may not view. */
  get #hidden(): string[] {
    return this.allDefinitions.length ? unreadableInQuery(this.#principal, this.value, this.allDefinitions) : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') || changed.has('user') || changed.has('contextUser')) this.#scheduleCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #errors(): AudienceError[] {
    return this.allDefinitions.length ? validateAudience(this.value, this.allDefinitions) : [];
  }

  /** Counts only a query the model accepts and whose fields all parse; the latest answer wins. */
  #scheduleCount(): void {
    clearTimeout(this.#timer);
    const store = this.activeStore;
    if (!store || !this.allDefinitions.length) return;
    if (this.#hidden.length) {
      this.#sequence++;
      this.count = 'hidden';
      return;
    }
    if (this.#errors.length || this.#badInput.size) {
      this.#sequence++;
      this.count = 'unknown';
      return;
    }
    this.count = 'counting';
    const sequence = ++this.#sequence;
    const query = this.value;
    const count = async () => {
      try {
        const page = await store.findCustomers(query, { limit: PREVIEW_SIZE });
        if (sequence === this.#sequence) this.count = { total: page.total, customers: page.customers };
      } catch (error) {
        if (sequence === this.#sequence)
          this.count =
            error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
      }
    };
    this.#timer = setTimeout(() => void count(), this.countDelay);
  }

  #change(query: AudienceQuery, touched?: string): void {
    this.value = query;
    if (touched) this.touched = new Set([...this.touched, touched]);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #definition(name: string): PropertyDefinition | undefined {
    return this.definitions.find((def) => def.name === name);
  }

  /** The definition an operand editor uses: the property's, without required and pattern, one line for text. */
  #operandDefinition(def: PropertyDefinition, label: string, type = def.type): PropertyDefinition {
    const { pattern: _pattern, required: _required, patternHint: _hint, description: _description, ...rest } = def;
    return { ...rest, label, type, ...(type === 'text' ? { builtIn: true } : {}) };
  }

  #setProperty(path: Path, name: string): void {
    const def = this.#definition(name);
    const operator = def ? (AUDIENCE_OPERATORS[def.type][0] as AudienceOperator) : 'is-set';
    this.#forget(path);
    this.#change(
      updateAt(this.value, path, () => ({ property: name, operator })),
      key(path),
    );
  }

  #setOperator(path: Path, operator: AudienceOperator): void {
    this.#forget(path);
    this.#change(
      updateAt(this.value, path, (item) => ({ property: (item as AudienceCondition).property, operator })),
      key(path),
    );
  }

  #setValue(path: Path, value: unknown): void {
    this.#change(
      updateAt(this.value, path, (item) => {
        const condition = item as AudienceCondition;
        const next: AudienceCondition = { property: condition.property, operator: condition.operator };
        if (value !== undefined) next.value = value;
        return next;
      }),
      key(path),
    );
  }

  #forget(path: Path): void {
    const prefix = key(path);
    for (const slot of [...this.#badInput]) if (slot.startsWith(prefix)) this.#badInput.delete(slot);
    for (const slot of [...this.#listText.keys()]) if (slot.startsWith(prefix)) this.#listText.delete(slot);
  }

  /** Reads an operand editor: notes text that does not parse, and hands on the value. */
  #fromEditor(path: Path, slot: string, event: Event): PropertyValue | null {
    event.stopPropagation();
    const editor = event.target as PropertyEditor;
    const id = key(path, slot);
    // The editor checks its text when it updates, just after this event: read its verdict then.
    void editor.updateComplete.then(() => {
      const bad = editor.validity.badInput || editor.validity.customError || editor.validity.tooLong;
      if (bad === this.#badInput.has(id)) return;
      if (bad) this.#badInput.add(id);
      else this.#badInput.delete(id);
      this.#scheduleCount();
    });
    if (event.type === 'change') this.touched = new Set([...this.touched, key(path)]);
    return editor.value;
  }

  #addCondition(path: Path): void {
    this.#change(
      updateAt(this.value, path, (group) => ({
        ...(group as AudienceQuery),
        conditions: [...(group as AudienceQuery).conditions, { property: '', operator: 'is-set' }],
      })),
    );
    void this.updateComplete.then(() => {
      const selects = this.renderRoot.querySelectorAll<HTMLSelectElement>(
        `select[data-path^="${key(path)}"][data-role="property"]`,
      );
      selects[selects.length - 1]?.focus();
    });
  }

  #addGroup(path: Path): void {
    this.#change(
      updateAt(this.value, path, (group) => ({
        ...(group as AudienceQuery),
        conditions: [
          ...(group as AudienceQuery).conditions,
          { match: 'any', conditions: [{ property: '', operator: 'is-set' }] },
        ],
      })),
    );
  }

  #remove(path: Path): void {
    this.#forget(path);
    this.#change(updateAt(this.value, path, () => undefined));
  }

  override render() {
    const messages = this.catalog.audienceBuilder;
    return html`<section part="base" aria-labelledby="title">
      <h2 part="title" id="title">${messages.title}</h2>
      ${this.#renderGroup(this.value, [])}
      ${this.#renderCount()}
    </section>`;
  }

  #renderGroup(group: AudienceQuery, path: Path): TemplateResult {
    const messages = this.catalog.audienceBuilder;
    const [before, after] = messages.groupLegend.split('…');
    const errors = this.#errors;
    const hidden = this.#hidden;
    return html`<fieldset part="group">
      <legend class="match">
        <span>${before}</span>
        <select aria-label=${messages.groupLegend.replace('…', '').replace(/\s+/g, ' ')} .value=${group.match}
          @change=${(e: Event) => this.#change(updateAt(this.value, path, (g) => ({ ...(g as AudienceQuery), match: (e.target as HTMLSelectElement).value as 'all' | 'any' })))}>
          <option value="all" ?selected=${group.match === 'all'}>${messages.matchAll}</option>
          <option value="any" ?selected=${group.match === 'any'}>${messages.matchAny}</option>
        </select>
        <span>${after}</span>
      </legend>
      ${
        group.conditions.length
          ? html`<ol>${group.conditions.map((item, index): TemplateResult => {
              const at = [...path, index];
              return html`<li>${isGroup(item) ? this.#renderGroup(item, at) : this.#renderCondition(item, at, errors, hidden)}</li>`;
            })}</ol>`
          : html`<p part="preview">${messages.empty}</p>`
      }
      <div class="buttons">
        <button type="button" @click=${() => this.#addCondition(path)}>${messages.addCondition}</button>
        <button type="button" @click=${() => this.#addGroup(path)}>${messages.addGroup}</button>
        ${path.length ? html`<button type="button" @click=${() => this.#remove(path)}>${messages.removeGroup}</button>` : nothing}
      </div>
    </fieldset>`;
  }

  #renderCondition(condition: AudienceCondition, path: Path, errors: AudienceError[], hidden: string[]) {
    const messages = this.catalog.audienceBuilder;
    const def = this.#definition(condition.property);
    const id = key(path);
    const operators = def ? AUDIENCE_OPERATORS[def.type] : [];
    const error = errors.find((e) => key(e.path) === id);
    // A property the user may not view: that is the reason, whatever else the condition lacks.
    const why = hidden.includes(condition.property)
      ? messages.hiddenProperty(condition.property)
      : error && (this.touched.has(id) || error.code !== 'audience.value') && condition.property !== ''
        ? this.describe(error)
        : '';
    const showError = why !== '';
    const label = def?.label ?? messages.property;
    return html`<div part="condition" role="group" aria-label=${label} aria-describedby=${showError ? `error-${id}` : nothing}>
      <select data-path=${id} data-role="property" aria-label=${messages.property} @change=${(e: Event) => this.#setProperty(path, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!def}>${messages.chooseProperty}</option>
        ${this.definitions.map((d) => html`<option value=${d.name} ?selected=${d.name === condition.property}>${d.label}</option>`)}
      </select>
      <select aria-label=${`${label}: ${messages.operator}`} ?disabled=${!def}
        @change=${(e: Event) => this.#setOperator(path, (e.target as HTMLSelectElement).value as AudienceOperator)}>
        ${operators.map((op) => html`<option value=${op} ?selected=${op === condition.operator}>${messages.operators[op]}</option>`)}
      </select>
      <div class="operand">${def ? this.#renderOperand(condition, def, path) : nothing}</div>
      <button type="button" aria-label=${`${messages.removeCondition}: ${label}`} @click=${() => this.#remove(path)}>✕</button>
      ${showError ? html`<p class="condition-error" id="error-${id}">${why}</p>` : nothing}
    </div>`;
  }

  #renderOperand(condition: AudienceCondition, def: PropertyDefinition, path: Path) {
    const messages = this.catalog.audienceBuilder;
    const locale = this.effectiveLocale;
    const value = condition.value;
    const label = `${def.label}: ${messages.value}`;
    const editor = (
      operandDef: PropertyDefinition,
      current: unknown,
      slot: string,
      onValue: (v: PropertyValue | null) => void,
    ) =>
      html`<property-editor .definition=${operandDef} .value=${current ?? null} locale=${locale}
        @input=${(e: Event) => onValue(this.#fromEditor(path, slot, e))} @change=${(e: Event) => onValue(this.#fromEditor(path, slot, e))}></property-editor>`;
    switch (condition.operator) {
      case 'is-set':
      case 'is-not-set':
        return nothing;
      case 'between': {
        const [from, to] = (Array.isArray(value) ? value : []) as unknown[];
        return html`<div class="pair">
          ${editor(this.#operandDefinition(def, `${def.label}: ${messages.from}`), from, 'from', (v) => this.#setValue(path, [v ?? undefined, to]))}
          ${editor(this.#operandDefinition(def, `${def.label}: ${messages.to}`), to, 'to', (v) => this.#setValue(path, [from, v ?? undefined]))}
        </div>`;
      }
      case 'in':
      case 'not-in':
      case 'has-any':
      case 'has-all':
      case 'has-none': {
        if (specFor(def)?.listOperand === 'words') {
          const id = key(path, 'list');
          const text = this.#listText.get(id) ?? (Array.isArray(value) ? value.join(', ') : '');
          return html`${editor(this.#operandDefinition(def, label, 'text'), text || null, 'list', (v) => {
            const typed = typeof v === 'string' ? v : '';
            this.#listText.set(id, typed);
            const words = typed
              .split(',')
              .map((w) => w.trim())
              .filter(Boolean);
            this.#setValue(path, words.length ? words : undefined);
          })}<small part="help-text">${messages.listHint}</small>`;
        }
        return editor(
          this.#operandDefinition(def, label, 'multiple-choice'),
          Array.isArray(value) ? value : null,
          'list',
          (v) => this.#setValue(path, v ?? undefined),
        );
      }
      case 'within-last-days':
        return editor(
          { ...this.#operandDefinition(def, `${def.label}: ${messages.days}`, 'number') },
          typeof value === 'number' ? String(value) : null,
          'days',
          (v) => this.#setValue(path, typeof v === 'string' ? Number(v) : undefined),
        );
      case 'within-km': {
        const circle = (value ?? {}) as Partial<LocationValue & { km: number }>;
        const point =
          typeof circle.lat === 'number' && typeof circle.lng === 'number'
            ? { lat: circle.lat, lng: circle.lng }
            : null;
        return html`${editor(this.#operandDefinition(def, label, 'location'), point, 'point', (v) => {
          const at = v as LocationValue | null;
          this.#setValue(
            path,
            at ? { lat: at.lat, lng: at.lng, ...(circle.km !== undefined ? { km: circle.km } : {}) } : undefined,
          );
        })}
          ${editor(
            this.#operandDefinition(def, `${def.label}: ${messages.km}`, 'number'),
            circle.km !== undefined ? String(circle.km) : null,
            'km',
            (v) => this.#setValue(path, { ...(point ?? {}), ...(typeof v === 'string' ? { km: Number(v) } : {}) }),
          )}`;
      }
      default:
        return editor(this.#operandDefinition(def, label), value, 'one', (v) => this.#setValue(path, v ?? undefined));
    }
  }

  #renderCount() {
    const messages = this.catalog.audienceBuilder;
    const count = this.count;
    let text: string;
    if (count === 'counting') text = messages.counting;
    else if (this.#definitions.error) text = messages.countFailed(this.describe(this.#definitions.error));
    else if (count === 'hidden') text = messages.countHidden;
    else if (count === 'unknown') text = messages.countUnknown;
    else if (count instanceof StoreError) text = messages.countFailed(this.describe(count));
    else text = messages.count(count.total);
    // A store in the page may send more than this user may read: the names shown are filtered as the server filters them.
    const principal = this.#principal;
    const definitions = withBuiltIns(this.allDefinitions);
    const preview =
      typeof count === 'object' && !(count instanceof StoreError)
        ? count.customers
            .map((customer) => customerFor(principal, customer, definitions))
            .filter((customer) => customer.name || customer.number)
        : [];
    return html`<p part="count" role="status" aria-live="polite">${text}</p>
      ${
        preview.length
          ? html`<p part="preview">${messages.preview}: ${new Intl.ListFormat(this.effectiveLocale).format(preview.map((customer) => customer.name || customer.number))}</p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'audience-builder': AudienceBuilder;
  }
}
