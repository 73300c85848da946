import { consume } from '@lit/context';
import { isolate, textDirection } from '../../i18n/bidi.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { userContext, type CustomerPropertiesUser } from '../../context.js';
import { withBuiltIns } from '../../internal/customer-view.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { checkedPage } from '../../internal/store-reply.js';
import { iconStyles, inputStyles, tokens } from '../../internal/styles.js';
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
  formatValue,
  AUDIENCE_MAX_DEPTH,
} from '../../model/index.js';
import { localizeDefinitions } from '../../model/translations.js';
import { StoreError, isAbortError } from '../../storage/store-error.js';
import { exportCustomersCsv } from '../../storage/csv-export.js';
import { loadDistribution, renderDistribution, type Distribution } from './value-chart.js';
import { AudienceExportedEvent } from '../../events.js';
import '../property-editor/property-editor.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { chartStyles, exportStyles, memberStyles, styles } from './audience-builder.styles.js';
import '../../i18n/en-audiences.js';

type Item = AudienceCondition | AudienceQuery;
type Path = number[];

const isGroup = (item: Item): item is AudienceQuery => 'conditions' in item;
const key = (path: Path, slot = '') => `${path.join('.')}${slot ? `:${slot}` : ''}`;
const PREVIEW_SIZE = 5;
/**
 * The levels of groups shown, the query itself included: the model's `AUDIENCE_MAX_DEPTH` groups
 * inside it, plus the query, so a user can build exactly what `validateAudience` accepts. Deeper
 * groups are not rendered (each level costs a fieldset, and hundreds of levels stall or crash the
 * page) nor counted: the model refuses them (`audience.depth`).
 */
export const MAX_GROUP_DEPTH = AUDIENCE_MAX_DEPTH + 1;

/** How many groups deep the query goes (the outermost counts as 1); walks without recursion. */
function groupDepth(query: AudienceQuery): number {
  let deepest = 0;
  const stack: [AudienceQuery, number][] = [[query, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [group, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const item of Array.isArray(group.conditions) ? group.conditions : [])
      if (isGroup(item)) stack.push([item, depth + 1]);
  }
  return deepest;
}

/** Two operand values alike as JSON: what a condition keeps of what an editor reported. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Two numbers alike as numbers: `1.50` typed and `1.5` kept are the same operand. */
const sameNumber = (a: unknown, b: unknown) =>
  a === null || a === undefined || b === null || b === undefined ? a == b : Number(a) === Number(b);
/** Two points alike in latitude and longitude: an address typed with them is the editor's to keep. */
const samePoint = (a: unknown, b: unknown) => {
  const p = a as LocationValue | null | undefined;
  const q = b as LocationValue | null | undefined;
  return p && q ? p.lat === q.lat && p.lng === q.lng : !p && !q;
};

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

/** The item at `path` (the query itself for `[]`). */
function getAt(query: AudienceQuery, path: Path): Item | undefined {
  let item: Item | undefined = query;
  for (const step of path) item = item && isGroup(item) ? item.conditions[step] : undefined;
  return item;
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
 * Nothing hangs: loading the definitions and each count get `timeout` ms, and a reply that is not
 * what the store promises fails with `store.reply`; either way, and when the store refuses the
 * query, the count line says why, with Try again. Groups nest as deep as the model accepts
 * (`MAX_GROUP_DEPTH` levels, the query included).
 *
 * *Customers (N)* opens every matching customer, `page-size` at a time (cursor paging: *Previous
 * page*, *Next page*), with the columns the user ticks among the properties they may view
 * (`columns`); values are shown formatted for the locale. *Export CSV* streams them all with every
 * property the user may view (`exportCustomersCsv`), with a progress bar and Cancel. Each
 * condition's *Distribution* shows how its property's values are spread among customers (counts
 * per option; a histogram for numbers, dates and times), so a threshold can be picked by sight.
 *
 * @summary Groups customers by their properties and shows how many match.
 *
 * @fires {Event} change - The user changed the query; read it from `value`.
 * @fires {AudienceExportedEvent} audience-exported - *Export CSV* finished: `detail.file` (a CSV `Blob`) and `detail.customers`. Saved as `export-file-name` unless the listener calls `preventDefault()`.
 *
 * @csspart base - The whole builder.
 * @csspart title - The heading.
 * @csspart group - A group of conditions (the outermost too).
 * @csspart condition - One condition: property, operator, value.
 * @csspart count - How many customers match.
 * @csspart preview - Some of the matching customers.
 * @csspart retry-button - Try again, after the definitions or the count failed.
 * @csspart members - Every matching customer, a page at a time, in a disclosure.
 * @csspart members-table - The table of one page of customers, with the chosen columns.
 * @csspart export - *Export CSV*, its progress and Cancel.
 * @csspart chart - How a condition's property is distributed: a table with a bar in each row.
 *
 * @cssprop --cp-color-border - Group borders.
 * @cssprop --cp-color-error - Messages on conditions.
 * @cssprop --cp-color-text-muted - The preview.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 */
@customElement('audience-builder')
export class AudienceBuilder extends StoreElement {
  static override styles = [tokens, inputStyles, iconStyles, styles, memberStyles, exportStyles, chartStyles];

  /** The query being built. */
  @property({ attribute: false }) value: AudienceQuery = { match: 'all', conditions: [] };

  /** Milliseconds of quiet before the count is asked for. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = 300;

  /** Customers per page of the members table (1–1,000). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /**
   * The properties shown as columns of the members table besides name and number, by technical
   * name; the user changes them with the column checkboxes. Properties the user may not view are
   * never shown, whatever this holds.
   */
  @property({ attribute: false }) columns: string[] = [];

  /** The signed-in user, `{ id, roles }`: conditions may be about the properties they may view. Wins over the context's. */
  @property({ attribute: false }) user: CustomerPropertiesUser | undefined;

  @consume({ context: userContext, subscribe: true })
  @state()
  private contextUser: CustomerPropertiesUser | undefined;

  @state() private count: { total: number; customers: Customer[] } | 'counting' | 'unknown' | 'hidden' | StoreError =
    'unknown';
  @state() private touched = new Set<string>();
  /** The page of members shown: its number (0 first), the cursor of each page so far, and what it holds. */
  @state() private members:
    | {
        query: AudienceQuery;
        page: number;
        cursors: (string | undefined)[];
        customers: Customer[];
        total: number;
        next?: string;
      }
    | undefined;
  @state() private membersError: StoreError | undefined;
  @state() private membersLoading = false;
  /** The export under way (`done` of `total`), or how the last one ended. */
  @state() private exporting:
    | { state: 'running'; done: number; total: number; controller: AbortController }
    | { state: 'done'; count: number }
    | { state: 'cancelled' }
    | { state: 'failed'; error: unknown }
    | undefined;
  @state() private exportFormatted = false;
  /** The distributions shown, by condition: loading, loaded, or why not. */
  @state() private charts = new Map<string, { property: string; data: Distribution | 'loading' | StoreError }>();

  /** The name of the file *Export CSV* saves. */
  @property({ attribute: 'export-file-name' }) exportFileName = 'customers.csv';

  /** Operand editors holding text that does not parse, by condition and slot. */
  #badInput = new Set<string>();
  /** A word list is typed as text; the text is kept while it is being typed. */
  #listText = new Map<string, string>();
  /**
   * What each operand editor last reported, by condition and slot. While the query still holds
   * that operand, the editor is given back this very value, so a re-render never rewrites what
   * the user is typing (`2.` is not turned into `2` under their fingers).
   */
  #reported = new Map<string, PropertyValue | null>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;

  /** The store's definitions, the properties a condition may be about. */
  #definitions = new DefinitionsController(this, () => this.activeStore, {
    onChange: () => this.#scheduleCount(),
    timeout: () => this.timeout,
  });

  /** Every definition the store gave: to tell a hidden property from an unknown one. */
  private get allDefinitions(): PropertyDefinition[] {
    // In the viewer's language: every label, option and chart of the builder reads these.
    return localizeDefinitions(this.#definitions.definitions, this.effectiveLocale);
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
    if (['value', 'user', 'contextUser', 'store', 'contextStore'].some((name) => changed.has(name)))
      this.#scheduleCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #tooDeep(): boolean {
    return groupDepth(this.value) > MAX_GROUP_DEPTH;
  }

  get #errors(): AudienceError[] {
    return this.allDefinitions.length ? validateAudience(this.value, this.allDefinitions) : [];
  }

  /** Counts only a query the model accepts and whose fields all parse; the latest answer wins. */
  #scheduleCount(): void {
    clearTimeout(this.#timer);
    const store = this.activeStore;
    if (!store || !this.allDefinitions.length) {
      // A count in flight is for a store or definitions no longer here: it must not stay "Counting…".
      this.#sequence++;
      this.count = 'unknown';
      return;
    }
    if (this.#hidden.length) {
      this.#sequence++;
      this.count = 'hidden';
      return;
    }
    if (this.#tooDeep || this.#errors.length || this.#badInput.size) {
      this.#sequence++;
      this.count = 'unknown';
      return;
    }
    this.count = 'counting';
    const sequence = ++this.#sequence;
    const query = this.value;
    const count = async () => {
      try {
        const page = checkedPage(await this.storeCall(() => store.findCustomers(query, { limit: this.#pageSize })));
        if (sequence === this.#sequence) {
          this.count = { total: page.total, customers: page.customers.slice(0, PREVIEW_SIZE) };
          this.#showMembers(query, 0, [undefined], page);
        }
      } catch (error) {
        if (sequence === this.#sequence)
          this.count =
            error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
      }
    };
    this.#timer = setTimeout(() => void count(), this.countDelay);
  }

  /** Try again: loads the definitions again when they failed, else asks for the count again. */
  #retry(): void {
    if (this.#definitions.error) void this.#definitions.reload();
    else this.#scheduleCount();
  }

  // ——— members: every matching customer, a page at a time (issue 22) ———

  get #pageSize(): number {
    return Number.isSafeInteger(this.pageSize) && this.pageSize >= 1 ? Math.min(this.pageSize, 1_000) : 20;
  }

  #showMembers(
    query: AudienceQuery,
    page: number,
    cursors: (string | undefined)[],
    found: { customers: Customer[]; total: number; cursor?: string },
  ): void {
    this.membersError = undefined;
    this.members = {
      query,
      page,
      cursors,
      customers: found.customers,
      total: found.total,
      ...(found.cursor === undefined ? {} : { next: found.cursor }),
    };
  }

  /** Loads page `page` of the members of the query they were counted for; keeps the page shown on failure. */
  async #turnPage(page: number): Promise<void> {
    const members = this.members;
    const store = this.activeStore;
    if (!members || !store || page < 0) return;
    const cursors = [...members.cursors];
    if (page > members.page) cursors[page] = members.next;
    const cursor = cursors[page];
    if (page > 0 && cursor === undefined) return;
    this.membersLoading = true;
    const sequence = this.#sequence;
    try {
      const found = checkedPage(
        await this.storeCall(() =>
          store.findCustomers(members.query, {
            limit: this.#pageSize,
            ...(cursor === undefined ? {} : { cursor }),
          }),
        ),
      );
      if (sequence === this.#sequence) this.#showMembers(members.query, page, cursors.slice(0, page + 1), found);
    } catch (error) {
      if (sequence === this.#sequence)
        this.membersError =
          error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
    } finally {
      this.membersLoading = false;
    }
  }

  /**
   * Streams the matching customers as CSV (every property the user may view) into a file, with
   * progress and Cancel; `audience-exported` carries the file, and saves it unless prevented.
   */
  async #export(): Promise<void> {
    const store = this.activeStore;
    if (!store || this.exporting?.state === 'running') return;
    const controller = new AbortController();
    const total = typeof this.count === 'object' && !(this.count instanceof StoreError) ? this.count.total : 0;
    this.exporting = { state: 'running', done: 0, total, controller };
    const parts: string[] = [];
    try {
      const stream = exportCustomersCsv(store, this.value, {
        properties: this.definitions.filter((def) => !def.builtIn).map((def) => def.name),
        locale: this.effectiveLocale,
        formatted: this.exportFormatted,
        signal: controller.signal,
        onProgress: (done, all) => {
          if (this.exporting?.state === 'running') this.exporting = { state: 'running', done, total: all, controller };
        },
      });
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
      const file = new Blob(parts, { type: 'text/csv;charset=utf-8' });
      const count = this.exporting?.state === 'running' ? this.exporting.done : 0;
      this.exporting = { state: 'done', count };
      const event = new AudienceExportedEvent(file, count);
      if (this.dispatchEvent(event)) this.#save(file);
    } catch (error) {
      this.exporting =
        isAbortError(error) || controller.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error };
    }
  }

  #save(file: Blob): void {
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = this.exportFileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  #renderExport() {
    const messages = this.catalog.audienceMembers;
    const exporting = this.exporting;
    const running = exporting?.state === 'running';
    let text = '';
    if (exporting?.state === 'running') text = messages.exporting(exporting.done, exporting.total);
    else if (exporting?.state === 'done') text = messages.exported(exporting.count);
    else if (exporting?.state === 'cancelled') text = messages.exportCancelled;
    else if (exporting?.state === 'failed') text = messages.exportFailed(this.describe(exporting.error));
    return html`<div part="export" class="export">
      <div class="buttons">
        <button type="button" ?disabled=${running} @click=${() => void this.#export()}>${messages.exportCsv}</button>
        ${running ? html`<button type="button" @click=${() => exporting.controller.abort()}>${messages.cancel}</button>` : nothing}
        <label class="check"><input type="checkbox" .checked=${this.exportFormatted} ?disabled=${running}
          @change=${(e: Event) => (this.exportFormatted = (e.target as HTMLInputElement).checked)} />${messages.formatted}</label>
      </div>
      ${running ? html`<progress aria-label=${messages.exportCsv} max=${Math.max(exporting.total, 1)} value=${exporting.done}></progress>` : nothing}
      <p role="status" aria-live="polite" class=${exporting?.state === 'failed' ? 'condition-error' : ''}>${text}</p>
    </div>`;
  }

  #toggleColumn(name: string, on: boolean): void {
    this.columns = on ? [...this.columns.filter((c) => c !== name), name] : this.columns.filter((c) => c !== name);
  }

  #renderMembers() {
    const members = this.members;
    const count = this.count;
    if (!members || typeof count !== 'object' || count instanceof StoreError || members.query !== this.value)
      return nothing;
    const messages = this.catalog.audienceMembers;
    const locale = this.effectiveLocale;
    const principal = this.#principal;
    const all = withBuiltIns(this.allDefinitions);
    const viewable = this.definitions.filter((def) => !def.builtIn);
    const order = new Map(viewable.map((def, index) => [def.name, index]));
    const shown = viewable
      .filter((def) => this.columns.includes(def.name))
      .sort((a, b) => order.get(a.name)! - order.get(b.name)!);
    const numberVisible = this.allDefinitions.some(
      (def) => def.name === 'number' && propertyAccess(principal, def) !== 'none',
    );
    const first = members.page * this.#pageSize + 1;
    const last = first + members.customers.length - 1;
    return html`${this.#renderExport()}<details part="members">
      <summary>${messages.title(members.total)}</summary>
      ${
        viewable.length
          ? html`<fieldset class="columns">
            <legend>${messages.columns}</legend>
            ${viewable.map(
              (def) => html`<label><input type="checkbox" .checked=${this.columns.includes(def.name)}
                @change=${(e: Event) => this.#toggleColumn(def.name, (e.target as HTMLInputElement).checked)} />${def.label}</label>`,
            )}
          </fieldset>`
          : nothing
      }
      ${
        members.customers.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="members-caption" tabindex="0">
            <table part="members-table">
              <caption id="members-caption">${messages.caption(first, last, members.total)}</caption>
              <thead><tr>
                <th scope="col">${messages.nameColumn}</th>
                ${numberVisible ? html`<th scope="col">${messages.numberColumn}</th>` : nothing}
                ${shown.map((def) => html`<th scope="col">${def.label}</th>`)}
              </tr></thead>
              <tbody>
                ${members.customers.map((raw) => {
                  const customer = customerFor(principal, raw, all);
                  return html`<tr>
                    <th scope="row">${customer.name || '—'}</th>
                    ${numberVisible ? html`<td>${customer.number ?? ''}</td>` : nothing}
                    ${shown.map((def) => {
                      const value = customer.properties[def.name];
                      return html`<td>${value === undefined ? '' : formatValue(def, value, locale)}</td>`;
                    })}
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
          : nothing
      }
      ${this.membersError ? html`<p class="condition-error" role="alert">${messages.loadFailed(this.describe(this.membersError))}</p>` : nothing}
      <div class="buttons">
        <button type="button" ?disabled=${members.page === 0 || this.membersLoading} @click=${() => void this.#turnPage(members.page - 1)}>${messages.previous}</button>
        <button type="button" ?disabled=${members.next === undefined || this.membersLoading} @click=${() => void this.#turnPage(members.page + 1)}>${messages.next}</button>
      </div>
    </details>`;
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
    // `1` is not a prefix of `10`: only the item itself, its slots and what is inside it.
    const under = (slot: string) => slot === prefix || slot.startsWith(`${prefix}:`) || slot.startsWith(`${prefix}.`);
    for (const slot of [...this.#badInput]) if (under(slot)) this.#badInput.delete(slot);
    for (const slot of [...this.#listText.keys()]) if (under(slot)) this.#listText.delete(slot);
    for (const slot of [...this.#reported.keys()]) if (under(slot)) this.#reported.delete(slot);
  }

  /** The items after a removed one move up a place, and what is kept for them moves along. */
  #moveUpAfter(path: Path): void {
    const parent = path.slice(0, -1);
    const removed = path.at(-1)!;
    const moved = (slot: string): string | undefined => {
      const [at = '', name] = slot.split(':');
      const steps = at.split('.').map(Number);
      if (steps.length <= parent.length || parent.some((step, i) => steps[i] !== step)) return undefined;
      if (steps[parent.length]! <= removed) return undefined;
      steps[parent.length]! -= 1;
      return key(steps, name);
    };
    // All taken out first, then put back one place up: none lands on one not moved yet.
    const badInput = [...this.#badInput].filter((slot) => moved(slot) !== undefined);
    for (const slot of badInput) this.#badInput.delete(slot);
    for (const slot of badInput) this.#badInput.add(moved(slot)!);
    for (const map of [this.#listText, this.#reported] as Map<string, unknown>[]) {
      const entries = [...map].filter(([slot]) => moved(slot) !== undefined);
      for (const [slot] of entries) map.delete(slot);
      for (const [slot, value] of entries) map.set(moved(slot)!, value);
    }
  }

  /** The value to give an operand editor: the one it reported, while the query holds the same. */
  #keep(id: string, current: unknown, same: (a: unknown, b: unknown) => boolean): unknown {
    if (!this.#reported.has(id)) return current;
    const reported = this.#reported.get(id);
    if (same(reported, current)) return reported;
    this.#reported.delete(id);
    return current;
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
    this.#reported.set(id, editor.value);
    return editor.value;
  }

  #addCondition(path: Path): void {
    const added = [...path, (getAt(this.value, path) as AudienceQuery | undefined)?.conditions.length ?? 0];
    this.#change(
      updateAt(this.value, path, (group) => ({
        ...(group as AudienceQuery),
        conditions: [...(group as AudienceQuery).conditions, { property: '', operator: 'is-set' }],
      })),
    );
    // The focus goes to the new condition's property.
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLSelectElement>(`select[data-path="${key(added)}"][data-role="property"]`)
        ?.focus(),
    );
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

  /** Removes a condition or group; the focus goes to its group's "Add a condition", not to the page. */
  #remove(path: Path): void {
    this.#forget(path);
    this.#moveUpAfter(path);
    this.#change(updateAt(this.value, path, () => undefined));
    const parent = path.slice(0, -1);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`button[data-add-condition="${key(parent)}"]`)?.focus(),
    );
  }

  override render() {
    const messages = this.catalog.audienceBuilder;
    return html`<section part="base" aria-labelledby="title">
      <h2 part="title" id="title">${messages.title}</h2>
      ${this.#renderGroup(this.value, [], this.#errors, this.#hidden)}
      ${this.#renderCount()}
      ${this.#renderMembers()}
    </section>`;
  }

  /** `errors` and `hidden` are worked out once per render, not once per group. */
  #renderGroup(group: AudienceQuery, path: Path, errors: AudienceError[], hidden: string[]): TemplateResult {
    const messages = this.catalog.audienceBuilder;
    const [before, after] = messages.groupLegend.split('…');
    if (path.length >= MAX_GROUP_DEPTH) {
      return html`<div part="group" class="too-deep" role="group" aria-labelledby="too-deep-${key(path)}">
        <p class="condition-error" id="too-deep-${key(path)}">${messages.tooDeep(MAX_GROUP_DEPTH)}</p>
        <div class="buttons">
          <button type="button" @click=${() => this.#remove(path)}>${messages.removeGroup}</button>
        </div>
      </div>`;
    }
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
              return html`<li>${isGroup(item) ? this.#renderGroup(item, at, errors, hidden) : this.#renderCondition(item, at, errors, hidden)}</li>`;
            })}</ol>`
          : html`<p part="preview">${group.match === 'any' ? messages.emptyAny : messages.empty}</p>`
      }
      <div class="buttons">
        <button type="button" data-add-condition=${key(path)} @click=${() => this.#addCondition(path)}>${messages.addCondition}</button>
        ${path.length + 1 < MAX_GROUP_DEPTH ? html`<button type="button" @click=${() => this.#addGroup(path)}>${messages.addGroup}</button>` : nothing}
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
      <button type="button" class="icon" aria-label=${`${messages.removeCondition}: ${label}`} @click=${() => this.#remove(path)}
        ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18"></path></svg></button>
      ${showError ? html`<p class="condition-error" id="error-${id}">${why}</p>` : nothing}
      ${def ? this.#renderChart(def, id) : nothing}
    </div>`;
  }

  // ——— how a condition's property is distributed (issue 22) ———

  async #toggleChart(def: PropertyDefinition, id: string): Promise<void> {
    const charts = new Map(this.charts);
    if (charts.get(id)?.property === def.name) {
      charts.delete(id);
      this.charts = charts;
      return;
    }
    const store = this.activeStore;
    if (!store) return;
    this.charts = charts.set(id, { property: def.name, data: 'loading' });
    const messages = this.catalog.audienceMembers;
    let data: Distribution | StoreError;
    try {
      data = await loadDistribution(store, def, this.effectiveLocale, {
        set: messages.chartSet,
        notSet: messages.chartNotSet,
      });
    } catch (error) {
      data = error instanceof StoreError ? error : new StoreError('unavailable', String(error), { cause: error });
    }
    if (this.charts.get(id)?.property === def.name)
      this.charts = new Map(this.charts).set(id, { property: def.name, data });
  }

  #renderChart(def: PropertyDefinition, id: string) {
    const messages = this.catalog.audienceMembers;
    const chart = this.charts.get(id);
    const open = chart?.property === def.name;
    return html`<div class="chart-row">
      <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-label=${messages.showChart(def.label)}
        @click=${() => void this.#toggleChart(def, id)}>${messages.chartButton}</button>
      ${
        !open
          ? nothing
          : chart.data === 'loading'
            ? html`<p role="status">${messages.chartLoading}</p>`
            : chart.data instanceof StoreError
              ? html`<p class="condition-error" role="alert">${messages.chartFailed(this.describe(chart.data))}</p>`
              : renderDistribution(chart.data, def, messages, this.effectiveLocale, id.replaceAll('.', '-'))
      }
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
      same: (a: unknown, b: unknown) => boolean = sameJson,
      // Two fields side by side (From and To, the point and its kilometres) show their labels (WCAG 3.3.2).
      labelled = false,
    ) =>
      html`<property-editor class=${labelled ? 'labelled' : ''} .definition=${operandDef} .value=${this.#keep(key(path, slot), current ?? null, same) ?? null} locale=${locale}
        @input=${(e: Event) => onValue(this.#fromEditor(path, slot, e))} @change=${(e: Event) => onValue(this.#fromEditor(path, slot, e))}></property-editor>`;
    switch (condition.operator) {
      case 'is-set':
      case 'is-not-set':
        return nothing;
      case 'between': {
        const [from, to] = (Array.isArray(value) ? value : []) as unknown[];
        return html`<div class="pair">
          ${editor(this.#operandDefinition(def, `${def.label}: ${messages.from}`), from, 'from', (v) => this.#setValue(path, [v ?? undefined, to]), sameJson, true)}
          ${editor(this.#operandDefinition(def, `${def.label}: ${messages.to}`), to, 'to', (v) => this.#setValue(path, [from, v ?? undefined]), sameJson, true)}
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
          sameNumber,
        );
      case 'within-km': {
        const circle = (value ?? {}) as Partial<LocationValue & { km: number }>;
        const point =
          typeof circle.lat === 'number' && typeof circle.lng === 'number'
            ? { lat: circle.lat, lng: circle.lng }
            : null;
        const km = circle.km !== undefined ? { km: circle.km } : {};
        return html`${editor(
          this.#operandDefinition(def, label, 'location'),
          point,
          'point',
          (v) => {
            const at = v as LocationValue | null;
            // A point not (yet) given keeps the distance typed beside it.
            this.#setValue(path, at ? { lat: at.lat, lng: at.lng, ...km } : circle.km !== undefined ? km : undefined);
          },
          samePoint,
        )}
          ${editor(
            this.#operandDefinition(def, `${def.label}: ${messages.km}`, 'number'),
            circle.km !== undefined ? String(circle.km) : null,
            'km',
            (v) => this.#setValue(path, { ...(point ?? {}), ...(typeof v === 'string' ? { km: Number(v) } : {}) }),
            sameNumber,
            true,
          )}`;
      }
      default:
        return editor(this.#operandDefinition(def, label), value, 'one', (v) => this.#setValue(path, v ?? undefined));
    }
  }

  #renderCount() {
    const messages = this.catalog.audienceBuilder;
    const count = this.count;
    const loading = this.#definitions.status === 'loading';
    const failure = this.#definitions.error ?? (count instanceof StoreError ? count : undefined);
    let text: string;
    // The definitions' failure first: without them nothing can be counted, whatever was asked before.
    if (failure) text = messages.countFailed(this.describe(failure));
    else if (loading) text = messages.loading;
    else if (count === 'counting') text = messages.counting;
    else if (count === 'hidden') text = messages.countHidden;
    else if (count === 'unknown') text = messages.countUnknown;
    else text = messages.count((count as { total: number }).total);
    const retry = failure
      ? html`<button part="retry-button" type="button" @click=${() => this.#retry()}>${this.catalog.customer.retry}</button>`
      : nothing;
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
      ${retry}
      ${
        preview.length
          ? html`<p part="preview">${messages.preview}: ${new Intl.ListFormat(this.effectiveLocale).format(
              // A name written right to left is isolated (FSI … PDI), so Arabic names keep their order.
              preview.map((customer) => isolate(customer.name || customer.number, textDirection(this.contentLanguage))),
            )}</p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'audience-builder': AudienceBuilder;
  }
}
