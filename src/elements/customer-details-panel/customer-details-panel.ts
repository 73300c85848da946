import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators/custom-element.js';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { userContext, type CustomerPropertiesUser } from '../../context.js';
import {
  PendingEditsChangedEvent,
  PropertySavedEvent,
  PropertySaveFailedEvent,
  type PendingEdit,
} from '../../events.js';
import { CustomerController } from '../../internal/customer-controller.js';
import type { FieldHistory } from '../../internal/field-history.js';
import { historyView, loadHistoryView } from '../../internal/field-history-loader.js';
import {
  accessTo,
  changedText,
  channelName,
  failureReason,
  nameField,
  principalFor,
  sameValue,
  storedValue,
  timeAgo,
  visibleFields,
  withBuiltIns,
  type Viewer,
  type VisibleField,
} from '../../internal/customer-view.js';
import { StoreElement } from '../../internal/store-element.js';
import { valueText } from '../../internal/value-text.js';
import { iconStyles, inputStyles, tokens } from '../../internal/styles.js';
import { historyFor, type Principal } from '../../model/access.js';
import type { PropertyDefinition, PropertyValue } from '../../model/types.js';
import type { PropertyStore } from '../../storage/property-store.js';
import { isTypedInput } from '../property-editor/input-kind.js';
import { formatValue } from '../../model/value-types/display.js';
import { labelLanguage, localizeDefinitions } from '../../model/translations.js';
import type { StoreError } from '../../storage/store-error.js';
import { loadPropertyEditor, propertyEditorDefined } from '../../internal/property-editor-loader.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { styles } from './customer-details-panel.styles.js';

/** Where one field's save stands. */
interface FieldState {
  /** The user's value while it is unsaved (typed, saving, failed or in conflict). */
  draft?: PropertyValue | null | undefined;
  /** The customer revision the user's edit started from: a save is checked against it. */
  base: number;
  status: 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';
  error?: StoreError | undefined;
  /** Saves of one field run one after another. */
  queue: Promise<void>;
}

/**
 * Rows that get their editor at once. Further rows show their label and value as text until they
 * come within a screen of the viewport or take focus, then get their editor: a customer with 2,000
 * properties opens about as fast as one with a screenful (BENCHMARKS.md).
 */
const EAGER_ROWS = 24;

/**
 * Compact layout: a list longer than this is drawn in chunks of this many rows. A chunk off screen
 * is skipped by layout (`content-visibility: auto`) and by rendering (a chunk renders again only
 * when one of its rows changed), so one change costs a chunk, not the list (BENCHMARKS.md).
 */
const CHUNK_ROWS = 50;

/** Compact layout: rows drawn together; `revision` moves when one of them changed. */
interface RowChunk {
  fields: VisibleField[];
  revision: number;
}

/** Compact layout: one list of rows, in chunks when it is long. */
interface RowList {
  fields: VisibleField[];
  chunks: RowChunk[] | undefined;
}

/** Compact layout: what the rows are and where they sit, kept while the definitions, the viewer and the customer are the same. */
interface CompactView {
  key: readonly unknown[];
  fields: VisibleField[];
  loose: RowList;
  groups: [string, RowList][];
  folded: RowList;
}

const icons = {
  map: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 21s-6-5.3-6-11a6 6 0 0 1 12 0c0 5.7-6 11-6 11z"></path><circle cx="12" cy="10" r="2"></circle></svg>`,
  saving: html`<svg class="spin" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3a9 9 0 1 0 9 9"></path></svg>`,
  saved: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12l5 5 9-10"></path></svg>`,
  failed: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 8v5M12 16.5v.5"></path><circle cx="12" cy="12" r="9"></circle></svg>`,
};

/**
 * The customer's details in the agent's workspace: name and channel number at the top, then the
 * custom properties this user may see, each read-only or editable by its access control. A field
 * is saved when it is committed (leaving it, Enter, a choice) with only that field and the
 * revision the edit started from, so no one's edit is silently overwritten. A failed save keeps
 * what the agent typed and offers Retry; a conflict shows the other value and who set it, and
 * lets the agent keep theirs or take the other. Changes made elsewhere appear live, without
 * touching a field under edit.
 *
 * What it shows and what its events carry follow the access rules the server enforces
 * (`propertyAccess`): a property this viewer may not read is absent from the page and from every
 * event's detail (a conflict's `error.current` too), and a property they may only view is never
 * saved, whatever is dispatched at its editor. This is for comfort, not safety: the server decides.
 *
 * When the store has `getHistory`, every field the viewer sees (once it has its editor) gets a
 * History button that opens the field's latest changes: who changed it from what to what, and
 * when, with "Show more" while there are older ones. They are loaded when asked for, again after
 * the field changes, and filtered by the same rules (`historyFor`).
 *
 * Nothing hangs and nothing typed is lost: a store call that does not answer within `timeout`
 * fails with Try again, and a field's next edit is sent after it. Unsaved and failed edits are
 * kept per customer for the element's lifetime: shown again, with their failure and Try again,
 * when their customer is shown again, and listed for the host in `pendingEdits`.
 *
 * @summary The agent's view of a customer's properties, saved field by field.
 *
 * @fires {PropertySavedEvent} property-saved - A field was saved; `detail`: `{ customerId, name, value }`.
 * @fires {PropertySaveFailedEvent} property-save-failed - A save failed or met a conflict; `detail`: `{ customerId, name, value, error }`.
 * @fires {PendingEditsChangedEvent} pending-edits-changed - `pendingEdits` changed; `detail`: `{ pendingEdits }`.
 *
 * @csspart base - The whole panel.
 * @csspart title - The heading.
 * @csspart header - The name and the channel number.
 * @csspart number - The channel and number line.
 * @csspart fields - The list of properties.
 * @csspart group - Compact layout: the properties of one `group`, under a heading that folds them (a `<details>`).
 * @csspart group-heading - The group's name (its `<summary>`).
 * @csspart folded - Compact layout: the properties with no value, under "N empty properties" (a `<details>`).
 * @csspart map-link - The link that shows a location on a map.
 * @csspart field - One property: its editor, status and last change.
 * @csspart status - Saving, saved or failed, with an icon.
 * @csspart meta - "Changed by Ana, 2 minutes ago".
 * @csspart conflict - The choice between the agent's value and the newer one.
 * @csspart empty - "No custom properties yet".
 * @csspart message - Loading and "no customer" messages.
 * @csspart error - The load error with its Retry button.
 * @csspart history - A field's History button and the changes it opens.
 * @csspart history-button - The History button (`aria-expanded`).
 * @csspart history-entries - The list of changes, newest first.
 * @csspart history-entry - One change: "Ana changed it from 38 to 39, 2 minutes ago".
 * @csspart history-message - Loading, "No changes yet" and why the history could not be loaded.
 *
 * @cssprop --cp-color-text - Text.
 * @cssprop --cp-color-text-muted - Status lines and the number.
 * @cssprop --cp-color-success - "Saved".
 * @cssprop --cp-color-error - Failures and conflicts.
 * @cssprop --cp-color-border - Borders and buttons.
 * @cssprop --cp-color-accent - Focus ring.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-spacing - Gap between fields (doubled).
 * @cssprop --cp-font-family - Font.
 */
@customElement('customer-details-panel')
export class CustomerDetailsPanel extends StoreElement {
  static override styles = [tokens, inputStyles, iconStyles, styles];

  /** The customer to show. Changing it cancels a load in flight. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** The signed-in user, `{ id, roles }`: their roles decide what they see and edit. Wins over the context's. */
  @property({ attribute: false }) user: CustomerPropertiesUser | undefined;

  /** `agent` (default): properties with `showToAgent` under the user's access control; `customer`: what the customer sees on their profile (`showToCustomer`, and `name`). */
  @property() viewer: Viewer = 'agent';

  /**
   * `compact` (default): the agent's sidebar. Each row shows its label and value on one line (a
   * multiple choice as chips, a location as its address with a map link) and becomes its editor in
   * place on a click, Enter or typing; Escape cancels, leaving the row commits. Properties with no
   * value fold under "N empty properties". `form`: every row is an editor, as in a form.
   */
  @property({ reflect: true }) layout: 'compact' | 'form' = 'compact';

  /** Compact layout: list properties with no value among the others instead of folding them. */
  @property({ type: Boolean, attribute: 'show-empty' }) showEmpty = false;

  @consume({ context: userContext, subscribe: true })
  @state()
  private contextUser: CustomerPropertiesUser | undefined;

  @state() private announcement = '';
  @state() private now = Date.now();

  #controller = new CustomerController(this, { principal: () => this.#principal, timeout: () => this.timeout });
  /** Every customer's fields with an edit, kept while the element lives: by customer id, then property name. */
  #edits = new Map<string, Map<string, FieldState>>();
  /** `pendingEdits` as last announced to the host. */
  #pendingKey = '[]';
  #clock: ReturnType<typeof setInterval> | undefined;
  /** Rows that have their editor: once given, a row keeps it while the customer stays. */
  #live = new Set<string>();
  #near: IntersectionObserver | undefined;
  /** Field histories the user opened, for this customer, store and viewer; by property name. */
  #histories = new Map<string, FieldHistory>();
  /** History panels opened before their module (`field-history-loader.ts`) is loaded: busy, or saying it failed. */
  #historyWaiting = new Set<string>();
  #historyStore: PropertyStore | undefined;
  /** Whether the last load of the History module failed. */
  #historyFailed = false;
  /** Compact layout: the rows showing their editor now. */
  #editing = new Set<string>();
  /** Compact layout: whether each row is folded among the empty ones; decided once per customer, so rows do not move under the agent. */
  #folded = new Map<string, boolean>();
  /** Rows whose edit Escape cancelled: a `change` their editor still sends is not saved. */
  #cancelled = new Set<string>();
  /** Compact layout: rows whose state changed since the last render; only their chunks render again. */
  #dirty = new Set<string>();
  /** Compact layout: moves when every row must render again (another customer, a new load, definitions, viewer). */
  #epoch = 0;
  #view: CompactView | undefined;
  #chunkOf = new Map<string, RowChunk>();
  /** Compact layout: rows whose edit waits for `<property-editor>` to load. */
  #waiting = new Set<string>();
  /** Compact layout: rows whose edit found that `<property-editor>` could not be loaded (Try again in the row). */
  #editorFailedRows = new Set<string>();
  /** Form layout: `<property-editor>` could not be loaded (Try again above the rows). */
  #editorFailed = false;
  /** A load of `<property-editor>` this element started and has not seen settle. */
  #preloading = false;

  /** A row's state changed: it renders again (and only its chunk, in a long compact list). */
  #touch(name: string): void {
    this.#dirty.add(name);
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // "2 minutes ago" moves on.
    this.#clock = setInterval(() => (this.now = Date.now()), 30_000);
    // The pointer or the focus coming near: the editor is likely needed soon.
    this.addEventListener('pointerenter', this.#preload, { once: true });
    this.addEventListener('focusin', this.#preload, { once: true });
    // Moved in the page: the rows still showing text are watched again.
    if (this.hasUpdated) this.#watchPending();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.removeEventListener('pointerenter', this.#preload);
    this.removeEventListener('focusin', this.#preload);
    this.#near?.disconnect();
    this.#near = undefined;
  }

  /** The focus was inside when the customer changed: it goes to the title if its control goes. */
  #refocus = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) {
      this.#refocus = this.hasUpdated && Boolean(this.shadowRoot?.activeElement);
      this.#forgetSettled(changed.get('customerId'));
      this.#live.clear();
      this.#near?.disconnect();
      this.#editing.clear();
      this.#folded.clear();
      this.#epoch++;
    }
    // "2 minutes ago" moves on: the rows that say when they changed.
    if ((changed as Map<PropertyKey, unknown>).has('now'))
      for (const name in this.#controller.customer?.changed ?? {}) this.#dirty.add(name);
    // Another customer, store or viewer: what was loaded is not theirs (loads in flight are aborted).
    const viewerChanged = ['user', 'viewer', 'contextUser'].some((key) =>
      (changed as Map<PropertyKey, unknown>).has(key),
    );
    if (changed.has('customerId') || viewerChanged || this.activeStore !== this.#historyStore) this.#dropHistories();
    this.#historyStore = this.activeStore;
    this.#controller.setSource(this.activeStore, this.customerId || undefined);
    this.#refreshHistories();
    // Every row of the form layout is an editor: the module is needed now (after a failure, on Try again).
    if (this.layout === 'form' && !this.#editorFailed) this.#preload();
  }

  protected override firstUpdated(): void {
    // Compact rows show text and need an editor only once edited: load it when the browser has time.
    if (propertyEditorDefined()) return;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(this.#preload, { timeout: 3000 });
    else setTimeout(this.#preload, 200);
  }

  /**
   * Starts loading `<property-editor>` unless it is defined or loading. The form layout renders its
   * rows once it is there, and reports a failure above them; in the compact layout the edit that
   * needs it reports a failure in its row.
   */
  #preload = (): void => {
    if (this.#preloading || propertyEditorDefined()) return;
    this.#preloading = true;
    loadPropertyEditor().then(
      () => {
        this.#preloading = false;
        this.#editorFailed = false;
        if (this.layout === 'form') this.requestUpdate();
      },
      () => {
        this.#preloading = false;
        if (this.layout !== 'form') return;
        this.#editorFailed = true;
        this.#announce(this.catalog.panel.editorFailed);
        this.requestUpdate();
      },
    );
  };

  /** Form layout: Try again after the editor could not be loaded. */
  #retryEditor(): void {
    this.#editorFailed = false;
    this.requestUpdate();
    this.#preload();
  }

  /** The fields of the current customer. */
  get #fields(): Map<string, FieldState> {
    let fields = this.#edits.get(this.customerId);
    if (!fields) this.#edits.set(this.customerId, (fields = new Map<string, FieldState>()));
    return fields;
  }

  /** A customer no longer shown keeps only the fields that still hold an edit or a save in flight. */
  #forgetSettled(customerId: string | undefined): void {
    const fields = this.#edits.get(customerId ?? '');
    if (!fields) return;
    for (const [name, field] of fields) {
      if (field.draft === undefined && field.status !== 'saving') fields.delete(name);
    }
    if (!fields.size) this.#edits.delete(customerId ?? '');
  }

  /**
   * The edits not in the store yet, of every customer shown so far: typed and not committed,
   * being saved, failed, or in conflict. Read-only; `pending-edits-changed` says when it changes.
   */
  get pendingEdits(): readonly PendingEdit[] {
    const edits: PendingEdit[] = [];
    for (const [customerId, fields] of this.#edits) {
      for (const [name, field] of fields) {
        if (field.draft === undefined) continue;
        const status = field.status === 'idle' || field.status === 'saved' ? 'unsaved' : field.status;
        edits.push({ customerId, name, value: field.draft, status });
      }
    }
    return edits;
  }

  #notePending(): void {
    const edits = this.pendingEdits;
    const key = JSON.stringify(edits);
    if (key === this.#pendingKey) return;
    this.#pendingKey = key;
    this.dispatchEvent(new PendingEditsChangedEvent(edits));
  }

  #dropHistories(): void {
    for (const history of this.#histories.values()) history.dispose();
    this.#histories.clear();
    this.#historyWaiting.clear();
  }

  /** An open history whose field changed since it was loaded (a save, a change made elsewhere) loads again. */
  #refreshHistories(): void {
    const customer = this.#controller.customer;
    for (const [name, history] of this.#histories) {
      const revision = customer?.changed?.[name]?.revision;
      if (history.open && history.loadedAt !== revision) history.reload(revision);
    }
  }

  #toggleHistory(name: string): void {
    const store = this.activeStore;
    if (!store?.getHistory) return;
    const view = historyView();
    if (!view) {
      // Opens at once, busy, and fills when the module is there (closes again on a second click).
      if (!this.#historyWaiting.delete(name)) {
        this.#historyWaiting.add(name);
        this.#loadHistory();
      }
      this.#touch(name);
      return;
    }
    let history = this.#histories.get(name);
    if (!history) {
      history = new view.FieldHistory(this, {
        store: store as PropertyStore & Required<Pick<PropertyStore, 'getHistory'>>,
        customerId: this.customerId,
        property: name,
        filter: (entries) => historyFor(this.#principal, entries, withBuiltIns(this.#controller.definitions)),
      });
      this.#histories.set(name, history);
    }
    history.open = !history.open;
    const revision = this.#controller.customer?.changed?.[name]?.revision;
    if (history.open && (history.status !== 'ready' || history.loadedAt !== revision)) history.reload(revision);
    this.#touch(name);
  }

  /**
   * Loads the History module; the panels opened meanwhile then load their changes. A failed load
   * shows in those panels, in words, with Try again (which calls this again).
   */
  #loadHistory = (): void => {
    this.#historyFailed = false;
    loadHistoryView().then(
      () => {
        const waiting = [...this.#historyWaiting];
        this.#historyWaiting.clear();
        for (const name of waiting) this.#toggleHistory(name);
      },
      () => {
        this.#historyFailed = true;
        for (const name of this.#historyWaiting) this.#touch(name);
      },
    );
  };

  /** Starts loading the History module before it is needed (a History button hovered or focused). */
  #preloadHistory(): void {
    if (!historyView() && this.activeStore?.getHistory) loadHistoryView().catch(() => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Another customer replaced the row that had the focus: it stays in the panel, on its title.
    if (this.#refocus) {
      this.#refocus = false;
      if (!this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
    this.#watchPending();
    this.#notePending();
  }

  /**
   * Rows still showing text get their editor when they come within a screen of the viewport (or
   * of the scrolling box the panel sits in).
   */
  #watchPending(): void {
    const pending = this.renderRoot.querySelectorAll('li[data-pending]');
    if (!pending.length) return;
    this.#near ??= new IntersectionObserver((entries) => this.#onNear(entries), {
      rootMargin: '100% 0px',
      scrollMargin: '100% 0px',
    });
    // Observing a row twice is a no-op; every pending row is (re)observed, whichever came before.
    for (const row of pending) this.#near.observe(row);
  }

  #onNear(entries: IntersectionObserverEntry[]): void {
    let added = false;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const name = (entry.target as HTMLElement).dataset.property;
      this.#near?.unobserve(entry.target);
      if (name && !this.#live.has(name)) {
        this.#live.add(name);
        added = true;
      }
    }
    if (added) this.requestUpdate();
  }

  /** A row still showing text took focus (Tab, a click): it gets its editor, which takes the focus. */
  async #goLive(name: string): Promise<void> {
    if (this.#live.has(name) && propertyEditorDefined()) return;
    this.#live.add(name);
    this.requestUpdate();
    if (!propertyEditorDefined()) {
      // Rendered as text until the editor is loaded (a failure is reported above the rows).
      this.#preload();
      try {
        await loadPropertyEditor();
      } catch {
        return;
      }
      // The focus stayed on the row's text: the editor takes its place and the focus.
      if (!this.renderRoot.querySelector(`li[data-property="${CSS.escape(name)}"] :focus`)) return;
      this.requestUpdate();
    }
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<PropertyEditor>(
      `li[data-property="${CSS.escape(name)}"] property-editor`,
    );
    await editor?.updateComplete;
    editor?.focus();
  }

  /** Who is looking: the user (property, else context), or the customer for `viewer="customer"`. */
  get #principal(): Principal {
    return principalFor(this.viewer, this.user ?? this.contextUser, this.customerId);
  }

  /** Whether this viewer may edit the property now, by the definitions as they are (not as rendered). */
  #mayEdit(name: string): boolean {
    return accessTo(this.#controller.definitions, this.#principal, name) === 'edit';
  }

  /** A customer's field; a field of a customer no longer shown, whose revision is not known here, starts from 0 (a save of it meets any change as a conflict). */
  #field(name: string, customerId = this.customerId): FieldState {
    let fields = this.#edits.get(customerId);
    if (!fields) this.#edits.set(customerId, (fields = new Map<string, FieldState>()));
    let field = fields.get(name);
    if (!field) {
      const revision = customerId === this.customerId ? this.#controller.customer?.revision : undefined;
      field = { base: revision ?? 0, status: 'idle', queue: Promise.resolve() };
      fields.set(name, field);
    }
    return field;
  }

  #announce(text: string): void {
    // The same words twice must still be read out: clear, then set.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /**
   * `customerId` is the customer the editor was rendered for: an editor on its way out (another
   * customer was just chosen) can still send its last `input` or `change`, which belong to them.
   */
  #onInput(def: PropertyDefinition, event: Event, customerId: string): void {
    if (!this.#mayEdit(def.name)) return;
    const editor = event.target as PropertyEditor;
    const field = this.#field(def.name, customerId);
    if (field.draft === undefined && field.status !== 'saving' && customerId === this.customerId) {
      // The edit starts from what the agent sees now.
      field.base = this.#controller.customer?.revision ?? 0;
    }
    field.draft = editor.value;
    if (field.status === 'saved') field.status = 'idle';
    // Shown at the row's next render; the editor shows it already.
    this.#dirty.add(def.name);
    this.#notePending();
  }

  async #onCommit(def: PropertyDefinition, event: Event, customerId: string): Promise<void> {
    // A read-only editor can still be given a value and a `change` by a script.
    if (!this.#mayEdit(def.name) || this.#cancelled.has(def.name)) return;
    const editor = event.target as PropertyEditor;
    const field = this.#field(def.name, customerId);
    // The editor checks its value when it updates; a change from a nested picker comes just before.
    await editor.updateComplete;
    if (!editor.checkValidity()) {
      // The editor shows why; nothing leaves until the value is valid. Said once, with the reason.
      if (customerId === this.customerId) {
        this.#announce(this.catalog.panel.announceInvalid(def.label, editor.validationMessage));
      }
      this.#touch(def.name);
      return;
    }
    const value = editor.value;
    if (
      customerId === this.customerId &&
      sameValue(value, storedValue(this.#controller.customer, def.name)) &&
      field.status !== 'failed' &&
      field.status !== 'conflict'
    ) {
      field.draft = undefined;
      this.#touch(def.name);
      return;
    }
    field.draft = value;
    this.#save(def, value, customerId);
  }

  #save(def: PropertyDefinition, value: PropertyValue | null, customerId = this.customerId): void {
    // The save belongs to this customer's field, even if another customer is shown before it is sent.
    const field = this.#field(def.name, customerId);
    field.queue = field.queue.then(() => this.#send(def, value, field, customerId));
  }

  async #send(
    def: PropertyDefinition,
    value: PropertyValue | null,
    field: FieldState,
    customerId: string,
  ): Promise<void> {
    const shown = () => customerId === this.customerId;
    // The access may have changed while this save waited in the queue.
    if (!this.#mayEdit(def.name)) {
      this.#edits.get(customerId)?.delete(def.name);
      this.#touch(def.name);
      return;
    }
    field.status = 'saving';
    field.error = undefined;
    if (shown()) this.#announce(this.catalog.panel.announceSaving(def.label));
    this.#touch(def.name);
    try {
      const saved = await this.#controller.save({ [def.name]: value }, field.base, customerId);
      // The field's own revision: the next save of it is checked against what this one wrote.
      field.base = saved.changed?.[def.name]?.revision ?? saved.revision;
      field.status = 'saved';
      // The agent may have typed on while it saved; that edit stays theirs.
      if (sameValue(field.draft, value)) field.draft = undefined;
      if (shown()) this.#announce(this.catalog.panel.announceSaved(def.label));
      this.dispatchEvent(new PropertySavedEvent({ customerId, name: def.name, value }));
    } catch (error) {
      const storeError = error as StoreError;
      field.status = storeError.kind === 'conflict' ? 'conflict' : 'failed';
      field.error = storeError;
      field.draft = field.draft === undefined ? value : field.draft;
      if (shown()) this.#announce(this.catalog.panel.announceFailed(def.label, this.#failureText(def, field)));
      this.dispatchEvent(new PropertySaveFailedEvent({ customerId, name: def.name, value, error: storeError }));
    }
    this.#touch(def.name);
  }

  #retry(def: PropertyDefinition): void {
    const field = this.#field(def.name);
    this.#save(def, field.draft ?? null);
    void this.#focusRow(def.name);
  }

  /** The agent keeps their value over the newer one: saved against the revision they have now seen. */
  #keepMine(def: PropertyDefinition): void {
    const field = this.#field(def.name);
    field.base = this.#controller.customer?.revision ?? field.base;
    this.#save(def, field.draft ?? null);
    void this.#focusRow(def.name);
  }

  #useTheirs(def: PropertyDefinition): void {
    const field = this.#field(def.name);
    field.draft = undefined;
    field.status = 'idle';
    field.error = undefined;
    field.base = this.#controller.customer?.revision ?? field.base;
    this.#editing.delete(def.name);
    this.#touch(def.name);
    void this.#focusRow(def.name);
  }

  /** The failure or conflict of a field in words: what its status line shows and what is announced. */
  #failureText(def: PropertyDefinition, field: FieldState): string {
    const messages = this.catalog;
    if (field.status !== 'conflict') return failureReason(field.error!, def.name, def.label, this.effectiveLocale);
    const current = this.#controller.customer;
    const theirs = storedValue(current, def.name);
    const shown = theirs === null ? messages.field.notSet : formatValue(def, theirs, this.effectiveLocale);
    const change = current?.changed?.[def.name];
    return change?.by
      ? messages.panel.conflict(change.by, shown, timeAgo(change.at, messages, this.now))
      : messages.panel.conflictAnonymous(shown);
  }

  /**
   * The focus goes back to a row whose buttons went away (Try again, Keep mine, Use theirs): to
   * its value (compact) or its editor, never to the page.
   */
  async #focusRow(name: string): Promise<void> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-property="${CSS.escape(name)}"]`);
    const target =
      row?.querySelector<HTMLElement>('.read-value[tabindex], button.read-value') ??
      row?.querySelector<PropertyEditor>('property-editor') ??
      row?.querySelector<HTMLElement>('.pending-value[tabindex]');
    await (target as PropertyEditor | null)?.updateComplete;
    target?.focus();
  }

  // ——— compact layout: read first, edit in place ———

  /** Whether the row shows its editor: always in the form layout; in the compact one while it is edited. */
  #showsEditor(name: string): boolean {
    return this.layout === 'form' || this.#editing.has(name);
  }

  /** Characters typed on a row's value before its editor took the focus: they become the editor's text. */
  #typedAhead = new Map<string, string>();

  /**
   * Click, Enter or a typed character on a row's value: its editor takes the place and the focus
   * (and the characters). Before `<property-editor>` is loaded the row shows its value and keeps
   * what is typed; a failed load is said in the row and read out, and the next edit tries again.
   */
  async #edit(name: string, label: string): Promise<void> {
    if (!this.#mayEdit(name)) return;
    this.#cancelled.delete(name);
    this.#editing.add(name);
    this.#editorFailedRows.delete(name);
    this.#touch(name);
    let focus = true;
    if (!propertyEditorDefined()) {
      if (this.#waiting.has(name)) return;
      this.#waiting.add(name);
      const focusedBefore = this.#focusedElement();
      try {
        await loadPropertyEditor();
      } catch {
        this.#editing.delete(name);
        this.#editorFailedRows.add(name);
        this.#announce(this.catalog.panel.announceEditorFailed(label));
        this.#touch(name);
        return;
      } finally {
        this.#waiting.delete(name);
      }
      // Escape cancelled the edit meanwhile.
      if (!this.#editing.has(name)) return;
      // The focus moved on meanwhile (to another row, out of the panel): the editor does not take it
      // back; what was typed goes into it.
      focus = this.#focusedElement() === focusedBefore;
      if (!focus && !this.#typedAhead.has(name)) {
        this.#editing.delete(name);
        return;
      }
      this.#touch(name);
    }
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<PropertyEditor>(
      `[data-property="${CSS.escape(name)}"] property-editor`,
    );
    if (!editor) return;
    await editor.updateComplete;
    if (focus) editor.focus();
    const control = editor.shadowRoot?.querySelector<HTMLElement>('#control');
    const typed = this.#typedAhead.get(name);
    this.#typedAhead.delete(name);
    if (typed && (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) {
      // The key that started the edit is its first character, as if typed into the field: inserted
      // as typing is (the field then commits it when left), else set with an \`input\` event.
      control.select();
      // (`execCommand` is deprecated, but the one way to insert text as typing does: a value set by a
      // script after the editor's first render is not committed when the field is left.)
      if (!focus || !document.execCommand('insertText', false, typed)) {
        control.value = typed;
        control.dispatchEvent(
          new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: typed }),
        );
      }
    }
  }

  /** The element with the focus, inside this panel or in the page. */
  #focusedElement(): Element | null {
    return (this.renderRoot as ShadowRoot).activeElement ?? document.activeElement;
  }

  #onReadKey(name: string, label: string, event: KeyboardEvent): void {
    const printable = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key !== 'F2' && !printable) return;
    event.preventDefault();
    const typed = this.#typedAhead.get(name);
    if (printable) this.#typedAhead.set(name, (typed ?? '') + event.key);
    // Keys typed before the editor is there go into it too; one edit starts (again, after a failed load).
    if (typed === undefined || !this.#editing.has(name)) void this.#edit(name, label);
  }

  /**
   * The compact rows' listeners, one for the whole list: a click on a row's value or History
   * button, keys on its value (`#onReadKey`) or in its line (`#onEditKey`), the focus leaving its
   * editor (`#onRowLeft`). The row is the target's `[data-property]` ancestor.
   */
  readonly #onRowEvent = (event: Event): void => {
    const target = event.target as Element;
    const row = this.layout === 'compact' && target.closest?.('[data-property]');
    if (!row) return;
    const name = row.getAttribute('data-property')!;
    // The row's label as shown (the value button's and the editor's name), read only to start an edit.
    const label = () => row.querySelector('.read-label')?.textContent ?? name;
    const action = target.closest('[data-action]')?.getAttribute('data-action');
    const inLine = target.closest('.line') !== null;
    if (event.type === 'click') {
      if (action === 'history') this.#toggleHistory(name);
      else if (action) void this.#edit(name, label());
    } else if (event.type === 'keydown') {
      if (action === 'edit' && inLine) this.#onReadKey(name, label(), event as KeyboardEvent);
      if (inLine) this.#onEditKey(name, event as KeyboardEvent);
    } else if (inLine) void this.#onRowLeft(name, event as FocusEvent);
  };

  /** Escape in an editor (that did not use it itself, as an open list does) cancels the edit. */
  #onEditKey(name: string, event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || this.layout !== 'compact') return;
    if (!this.#editing.has(name)) return;
    event.preventDefault();
    const field = this.#fields.get(name);
    // What was typed and not sent is dropped; a failure or conflict stays, with its buttons.
    if (field && field.status !== 'saving' && field.status !== 'failed' && field.status !== 'conflict') {
      this.#fields.delete(name);
    }
    this.#cancelled.add(name);
    this.#editing.delete(name);
    // Typed while the editor was loading: cancelled with the edit.
    this.#typedAhead.delete(name);
    this.#touch(name);
    void this.#focusRow(name).then(() => this.#cancelled.delete(name));
  }

  /** Leaving the editor ends the edit (it committed on its way out), unless its value is invalid: then it stays, with its message. */
  async #onRowLeft(name: string, event: FocusEvent): Promise<void> {
    if (this.layout !== 'compact' || !this.#editing.has(name)) return;
    // Only the editor leaving counts: Chromium also reports the value button it replaced, as it goes.
    if ((event.target as Element | null)?.localName !== 'property-editor') return;
    const editor = event.target as PropertyEditor;
    await editor.updateComplete;
    if (editor.matches(':focus-within') || !editor.checkValidity()) return;
    this.#editing.delete(name);
    this.#touch(name);
  }

  /** Whether the row sits among the folded empty ones: decided when the row is first shown for this customer. */
  #isFolded(name: string): boolean {
    if (this.layout === 'form' || this.showEmpty) return false;
    let folded = this.#folded.get(name);
    if (folded === undefined) {
      folded = storedValue(this.#controller.customer, name) === null && !this.#fields.has(name);
      this.#folded.set(name, folded);
    }
    return folded;
  }

  override render() {
    const messages = this.catalog;
    const controller = this.#controller;
    if (this.layout !== 'compact' || controller.state !== 'ready') {
      // Nothing renders per chunk: what changed is not needed (a compact view is made afresh).
      controller.takeChanges();
      this.#dirty.clear();
      this.#view = undefined;
    }
    // The form layout is busy until its editors are there (or could not be loaded).
    const busy =
      controller.state === 'loading' ||
      (controller.state === 'ready' && this.layout === 'form' && !propertyEditorDefined() && !this.#editorFailed);
    return html`<section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}
      @click=${this.#onRowEvent} @keydown=${this.#onRowEvent} @focusout=${this.#onRowEvent}
      @pointerover=${this.#onHistoryNear} @focusin=${this.#onHistoryNear}>
      <h2 part="title" id="title" tabindex="-1">${messages.panel.title}</h2>
      ${this.#renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  #renderBody() {
    const messages = this.catalog;
    const controller = this.#controller;
    switch (controller.state) {
      case 'idle':
        // Given a customer but nothing to load them from: a mistake of the page, not "no customer".
        return this.customerId && !this.activeStore
          ? html`<p part="message" role="alert">${messages.panel.noStore}</p>`
          : html`<p part="message">${messages.panel.noCustomer}</p>`;
      case 'loading':
        // Shaped like the rows it stands for; the words are for screen readers.
        return html`<div part="message skeleton" role="status">
          <span class="visually-hidden">${messages.customer.loading}</span>
          ${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton-row" aria-hidden="true"><span></span><span></span></div>`)}
        </div>`;
      case 'error': {
        const error = controller.error!;
        const text =
          error.kind === 'not-found' ? messages.customer.notFound : messages.customer.loadFailed(this.describe(error));
        return html`<div part="error" role="alert">
          <span>${text}</span>
          ${error.kind === 'not-found' ? nothing : html`<button type="button" @click=${() => controller.reload()}>${messages.customer.retry}</button>`}
        </div>`;
      }
      case 'ready':
        return this.#renderCustomer();
    }
  }

  #renderCustomer() {
    const messages = this.catalog;
    const customer = this.#controller.customer!;
    const principal = this.#principal;
    const definitions = localizeDefinitions(this.#controller.definitions, this.effectiveLocale);
    const fields = this.layout === 'compact' ? undefined : visibleFields(definitions, principal);
    const name = nameField(definitions, principal);
    const channel = customer.channel ? channelName(messages, customer.channel) : '';
    // The controller's customer has no number when this viewer may not read it (a customer does not).
    const number = customer.number;
    if (this.layout === 'compact') {
      const view = this.#compactView(definitions, fields, principal);
      this.#takeDirty();
      const folded = view.folded;
      return html`<div part="header">
          ${name ? this.#renderRow(name, false) : nothing}
          ${number ? html`<p part="number">${channel ? messages.customer.channelNumber(channel, number) : html`<bdi dir="ltr">${number}</bdi>`}</p>` : nothing}
        </div>
        ${this.#renderGroups(view)}
        ${
          folded.fields.length
            ? html`<details part="folded"><summary>${messages.panel.emptyFolded(
                // A row filled while folded stays where it is (nothing jumps under the user), but is not counted as empty.
                folded.fields.filter((field) => storedValue(this.#controller.customer, field.def.name) === null).length,
              )}</summary>${this.#renderRows(folded)}</details>`
            : nothing
        }
        ${view.fields.length ? nothing : html`<p part="empty">${messages.panel.empty}</p>`}`;
    }
    // Form layout: every row is an editor. Until `<property-editor>` is loaded the rows show their values as text.
    const ready = propertyEditorDefined();
    return html`<div part="header">
        ${name ? (ready ? html`${this.#renderField(name)}${this.#renderHistory(name.def)}` : this.#renderPending(name)) : nothing}
        ${number ? html`<p part="number">${channel ? messages.customer.channelNumber(channel, number) : html`<bdi dir="ltr">${number}</bdi>`}</p>` : nothing}
      </div>
      ${
        this.#editorFailed
          ? html`<p part="error">${messages.panel.editorFailed}
              <button type="button" @click=${() => this.#retryEditor()}>${messages.customer.retry}</button></p>`
          : nothing
      }
      ${
        fields?.length
          ? html`<ul part="fields">${repeat(
              fields,
              (field) => field.def.name,
              (field, index) => {
                const name = field.def.name;
                const live = ready && (index < EAGER_ROWS || this.#live.has(name) || this.#fields.has(name));
                // A row that got its editor keeps it, even when rows are added above it.
                if (live) this.#live.add(name);
                return html`<li part="field" data-property=${field.def.name} ?data-pending=${!live}>${live ? html`${this.#renderField(field)}${this.#renderHistory(field.def)}` : this.#renderPending(field)}</li>`;
              },
            )}</ul>`
          : html`<p part="empty">${messages.panel.empty}</p>`
      }`;
  }

  /**
   * Compact layout: the visible rows, unfolded without a group, in groups (in the order they first
   * come) and folded, with their chunks. Computed again only when the definitions, the viewer or
   * the customer change, not for every value: a change renders its row, not the list.
   */
  #compactView(
    definitions: readonly PropertyDefinition[],
    fields: VisibleField[] | undefined,
    principal: Principal,
  ): CompactView {
    // The definitions in the viewer's language: another locale is another list.
    const key = [definitions, JSON.stringify(principal), this.showEmpty, this.customerId, this.#epoch];
    const cached = this.#view;
    if (cached && key.every((part, i) => part === cached.key[i])) return cached;
    const visible = fields ?? visibleFields(definitions, principal);
    const groups = new Map<string, VisibleField[]>();
    const loose: VisibleField[] = [];
    const folded: VisibleField[] = [];
    for (const field of visible) {
      const group = field.def.group?.trim();
      if (this.#isFolded(field.def.name)) folded.push(field);
      else if (!group) loose.push(field);
      else if (groups.has(group)) groups.get(group)!.push(field);
      else groups.set(group, [field]);
    }
    this.#chunkOf.clear();
    const view: CompactView = {
      key,
      fields: visible,
      loose: this.#rowList(loose),
      groups: [...groups].map(([group, rows]) => [group, this.#rowList(rows)]),
      folded: this.#rowList(folded),
    };
    this.#view = view;
    return view;
  }

  #rowList(fields: VisibleField[]): RowList {
    if (fields.length <= CHUNK_ROWS) return { fields, chunks: undefined };
    const chunks: RowChunk[] = [];
    for (let start = 0; start < fields.length; start += CHUNK_ROWS) {
      const chunk: RowChunk = { fields: fields.slice(start, start + CHUNK_ROWS), revision: 0 };
      for (const field of chunk.fields) this.#chunkOf.set(field.def.name, chunk);
      chunks.push(chunk);
    }
    return { fields, chunks };
  }

  /** The rows that changed since the last render (here and in the controller) move their chunk's revision. */
  #takeDirty(): void {
    const changes = this.#controller.takeChanges();
    if (changes === 'all') {
      // Every chunk renders again; the view (rows, groups, folding) stays as decided.
      for (const chunk of new Set(this.#chunkOf.values())) chunk.revision++;
    } else for (const name of changes) this.#dirty.add(name);
    // A history that loaded, failed or was opened renders its row (a few rows at most).
    for (const name of this.#histories.keys()) this.#dirty.add(name);
    for (const name of this.#historyWaiting) this.#dirty.add(name);
    for (const name of this.#dirty) {
      const chunk = this.#chunkOf.get(name);
      if (chunk) chunk.revision++;
    }
    this.#dirty.clear();
  }

  /** Properties without a group first, then each group under its heading (collapsible), in the order they first come. */
  #renderGroups(view: CompactView) {
    return html`${view.loose.fields.length ? this.#renderRows(view.loose) : nothing}
      ${repeat(
        view.groups,
        ([group]) => group,
        ([group, rows]) =>
          // A heading inside the summary: screen readers list the groups among the headings.
          html`<details part="group" open><summary part="group-heading"><h3 class="group-name">${group}</h3></summary>${this.#renderRows(rows)}</details>`,
      )}`;
  }

  /**
   * A list of rows. A long one is in chunks: `<li role="none">` each holding a `<ul role="none">`
   * of rows, so the rows stay the list's items for assistive technology; a chunk renders again
   * only when one of its rows changed or everything did (the language, the store, the layout).
   */
  #renderRows({ fields, chunks }: RowList) {
    if (!chunks) return html`<ul part="fields" class="compact">${this.#rowItems(fields)}</ul>`;
    return html`<ul part="fields" class="compact chunked">${repeat(
      chunks,
      (chunk) => chunk.fields[0]!.def.name,
      (chunk) =>
        html`<li role="none" class="chunk"><ul role="none" class="chunk-rows">${guard(
          [chunk, chunk.revision, this.catalog, this.effectiveLocale, this.activeStore, this.layout],
          () => this.#rowItems(chunk.fields),
        )}</ul></li>`,
    )}</ul>`;
  }

  #rowItems(fields: VisibleField[]) {
    return repeat(
      fields,
      (field) => field.def.name,
      (field) => this.#renderRow(field, true),
    );
  }

  /**
   * A compact row: the label and value on a line (or the editor, while edited), the history
   * button, one status line. A row at rest is one small template (its listeners are the list's,
   * `#onRowEvent`); the editor, status, "changed by" line and History panel render only when present.
   */
  #renderRow(field: VisibleField, item: boolean) {
    const { def } = field;
    const name = def.name;
    const state = this.#fields.get(name);
    // Until `<property-editor>` is loaded, a row being edited shows its value (and keeps what is typed).
    const editing = this.#showsEditor(name) && propertyEditorDefined();
    const main = editing ? this.#renderField(field, { meta: false }) : this.#renderRead(field);
    const cls = editing ? 'line editing' : 'line';
    // The History button stays the same element when the edit starts or ends (it may have the focus).
    const button = this.#historyButton(def);
    // Under the line, only when there is any: the editor's failed load, the status, "Changed by …", the History panel.
    const failed = this.#editorFailedRows.has(name);
    const status = state && state.status !== 'idle';
    const meta = state?.status !== 'conflict' && changedText(this.#controller.customer, name, this.catalog, this.now);
    const history = this.activeStore?.getHistory && (this.#histories.has(name) || this.#historyWaiting.has(name));
    const extras =
      failed || status || meta || history
        ? html`${
            failed
              ? html`<p part="status" class="failed">${icons.failed}${this.catalog.panel.editorFailed}
              <button type="button" data-action="edit">${this.catalog.customer.retry}</button></p>`
              : nothing
          }
      ${status ? this.#renderStatus(def, state) : nothing}
      ${meta ? html`<p part="meta" class="quiet" id="meta-${name}">${meta}</p>` : nothing}
      ${history ? this.#historyParts(def).body : nothing}`
        : nothing;
    return item
      ? html`<li part="field" class="row" data-property=${name}><div class=${cls}>${main}
          ${button}</div>${extras}</li>`
      : html`<div class="row" data-property=${name}><div class=${cls}>${main}
          ${button}</div>${extras}</div>`;
  }

  /**
   * What a row shows of its property: its state here, the value (a draft being saved, else the
   * stored one), "Changed by …", and the value as a key a row's `guard` compares. A row is rebuilt
   * only when something it shows changed, so one new value touches one row; values are compared by
   * content, since every customer read from a store is a fresh copy.
   */
  #rowState(def: PropertyDefinition) {
    const customer = this.#controller.customer;
    const field = this.#fields.get(def.name);
    const value = field?.draft !== undefined ? field.draft : storedValue(customer, def.name);
    const changed = changedText(customer, def.name, this.catalog, this.now);
    const valueKey = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    return { field, value, changed, valueKey };
  }

  /**
   * A row's line at rest: its label, its value as text (a button that starts the edit on a click,
   * Enter or typing, `#onRowEvent`) and a map link for a location. One template with few
   * bindings and no closure: at 10,000 rows each binding costs (issue 20).
   */
  #renderRead({ def, level }: VisibleField) {
    const name = def.name;
    const { field, value, changed } = this.#rowState(def);
    // In a conflict the row shows the question, not the "Changed by" line.
    const described = changed && field?.status !== 'conflict' ? `meta-${name}` : undefined;
    const location = value !== null && !Array.isArray(value) && typeof value === 'object' ? value : undefined;
    const [kind, content] = this.#valueContent(def, value);
    const map = location
      ? html`<a part="map-link" class="map-link" target="_blank" rel="noopener noreferrer"
          href=${`https://www.google.com/maps/search/?api=1&query=${location.lat},${location.lng}`}
          aria-label=${this.catalog.panel.mapLabel(def.label)}>${icons.map}</a>`
      : nothing;
    const lang = this.partLanguage(labelLanguage(def));
    return level === 'edit'
      ? html`<span class="read-label" id="label-${name}" lang=${ifDefined(lang)}>${def.label}</span>
          <button type="button" class="read-value" data-action="edit" id="value-${name}" aria-labelledby="label-${name} value-${name}"
            aria-describedby=${ifDefined(described)} title=${ifDefined(changed || undefined)}><span class=${kind}>${content}</span></button>
          ${map}`
      : html`<span class="read-label" id="label-${name}" lang=${ifDefined(lang)}>${def.label}</span>
          <span class="read-value" id="value-${name}" title=${ifDefined(changed || undefined)}><span class=${kind}>${content}</span></span>
          ${map}`;
  }

  /** The value as the row shows it, as its span's class and content: chips for a multiple choice, "Not set" quiet, the rest as text in the locale's form. */
  #valueContent(def: PropertyDefinition, value: PropertyValue | null): [string, unknown] {
    if (value === null) return ['not-set', this.catalog.field.notSet];
    if (Array.isArray(value)) {
      const missing = this.catalog.propertyEditor.noLongerOffered;
      return [
        'chips',
        value.map(
          (item) =>
            html`<span class="chip">${def.options?.find((o) => o.value === item)?.label ?? missing(item)}</span>`,
        ),
      ];
    }
    return ['text', valueText(def, value, this.catalog, this.effectiveLocale)];
  }

  #renderField({ def, level }: VisibleField, { meta = true } = {}) {
    const customer = this.#controller.customer;
    const { field, value, changed, valueKey } = this.#rowState(def);
    const locale = this.effectiveLocale;
    const conflict = field?.status === 'conflict' ? customer : undefined;
    const customerId = this.customerId;
    return guard(
      [def, level, valueKey, field?.status, field?.error, changed, locale, this.catalog, conflict, customerId, meta],
      () =>
        html`<property-editor .definition=${def} .value=${value} ?readonly=${level === 'view'} locale=${locale}
          @input=${(event: Event) => this.#onInput(def, event, customerId)} @change=${(event: Event) => void this.#onCommit(def, event, customerId)}></property-editor>
        ${meta && field ? this.#renderStatus(def, field) : nothing}
        ${meta && changed && field?.status !== 'conflict' ? html`<p part="meta">${changed}</p>` : nothing}`,
    );
  }

  /** The History button and, when open, the field's latest changes. Nothing without `getHistory`. */
  #renderHistory(def: PropertyDefinition) {
    if (!this.activeStore?.getHistory) return nothing;
    const { button, body } = this.#historyParts(def);
    return html`<div part="history">${button}${body}</div>`;
  }

  /**
   * The compact row's History button: an icon, with the word for screen readers; its click is the
   * list's (`#onRowEvent`). It controls the History panel once that was opened.
   */
  #historyButton(def: PropertyDefinition) {
    if (!this.activeStore?.getHistory) return nothing;
    const words = this.catalog.panel.history;
    const history = this.#histories.get(def.name);
    const waiting = this.#historyWaiting.has(def.name);
    return html`<button type="button" part="history-button" class="icon-button" data-action="history"
      aria-expanded=${history?.open || waiting ? 'true' : 'false'} aria-controls=${ifDefined(history || waiting ? `history-${def.name}` : undefined)}
      aria-label=${words.showLabel(def.label)}><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 12a9 9 0 1 0 3-6.7L3 8"></path><path d="M3 3v5h5M12 7v5l3 2"></path></svg><span class="visually-hidden">${words.show}</span></button>`;
  }

  /** The form layout's History button, and the changes it opens (in both layouts). */
  #historyParts(def: PropertyDefinition) {
    if (!this.activeStore?.getHistory) return { button: nothing, body: nothing };
    const words = this.catalog.panel.history;
    const history = this.#histories.get(def.name);
    const waiting = this.#historyWaiting.has(def.name);
    const open = history?.open ?? waiting;
    const id = `history-${def.name}`;
    const compact = this.layout === 'compact';
    return {
      // The form layout's button (the compact row's is `#historyButton`).
      button: html`<button type="button" part="history-button" aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id} aria-label=${words.showLabel(def.label)} @click=${() => this.#toggleHistory(def.name)}
        @pointerenter=${this.#onHistoryNear} @focus=${this.#onHistoryNear}>${words.show}</button>`,
      body: html`<div id=${id} part=${compact ? 'history' : ''} class="history-body" ?hidden=${!open}>${open ? this.#renderHistoryBody(def, history) : nothing}</div>`,
    };
  }

  /** An open History panel: its module's rendering, or busy until the module is there, or why it could not be loaded. */
  #renderHistoryBody(def: PropertyDefinition, history: FieldHistory | undefined) {
    const view = historyView();
    if (view && history) {
      return view.renderHistoryBody(
        {
          html,
          nothing,
          catalog: this.catalog,
          valueText: (field, value) => valueText(field, value, this.catalog, this.effectiveLocale),
          ago: (at) => timeAgo(at, this.catalog, this.now),
          describe: (error, label) => this.describe(error, label),
          showMore: (field, shown) => void this.#showMore(field, shown),
        },
        def,
        history,
      );
    }
    const words = this.catalog.panel.history;
    return this.#historyFailed
      ? html`<div part="history-message" class="failed" role="alert">
          <span>${words.viewFailed}</span>
          <button type="button" @click=${this.#loadHistory}>${this.catalog.customer.retry}</button>
        </div>`
      : html`<p part="history-message" role="status">${words.loading}</p>`;
  }

  /** A History button hovered or focused (the compact list's listener too): its module starts loading. */
  readonly #onHistoryNear = (event: Event): void => {
    if ((event.target as Element).closest?.('[part~="history-button"]')) this.#preloadHistory();
  };

  /** The next page; the focus, which was on the button that goes away, moves to the first change it added. */
  async #showMore(def: PropertyDefinition, history: FieldHistory): Promise<void> {
    const shown = history.entries.length;
    history.more();
    await history.complete;
    await this.updateComplete;
    if (this.#histories.get(def.name) !== history || history.entries.length <= shown) return;
    const list = this.renderRoot.querySelector(`#history-${CSS.escape(def.name)} [part~="history-entries"]`);
    list?.querySelectorAll<HTMLElement>('[part~="history-entry"]')[shown]?.focus();
  }

  /** A row before it gets its editor: the label and the value as text, laid out like the editor. */
  #renderPending({ def, level }: VisibleField) {
    const customer = this.#controller.customer;
    const value = storedValue(customer, def.name);
    const changed = changedText(customer, def.name, this.catalog, this.now);
    const locale = this.effectiveLocale;
    const valueKey = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    return guard([def, level, valueKey, changed, locale, this.catalog], () => {
      const editable = level === 'edit';
      // What it becomes on focus: a text field for typed values, a button that opens the choice or map.
      const typed = isTypedInput(def);
      return html`<div class="pending" @focusin=${() => void this.#goLive(def.name)}>
          <span class="pending-label" id=${`label-${def.name}`}>${def.label}</span>
          <span class=${editable ? 'pending-value editable' : 'pending-value'} tabindex=${ifDefined(editable ? '0' : undefined)}
            role=${ifDefined(editable ? (typed ? 'textbox' : 'button') : undefined)}
            aria-labelledby=${ifDefined(editable ? `label-${def.name}${typed ? '' : ` value-${def.name}`}` : undefined)} id=${`value-${def.name}`}
            >${valueText(def, value, this.catalog, locale)}</span>
        </div>
        ${changed ? html`<p part="meta">${changed}</p>` : nothing}`;
    });
  }

  #renderStatus(def: PropertyDefinition, field: FieldState) {
    const messages = this.catalog;
    switch (field.status) {
      case 'idle':
        return nothing;
      case 'saving':
        return html`<p part="status" class="saving">${icons.saving}${messages.panel.saving}</p>`;
      case 'saved':
        return html`<p part="status" class="saved">${icons.saved}${messages.panel.saved}</p>`;
      case 'failed':
        return html`<p part="status" class="failed">${icons.failed}${messages.panel.failed(this.#failureText(def, field))}
          <button type="button" @click=${() => this.#retry(def)}>${messages.customer.retry}</button></p>`;
      case 'conflict': {
        return html`<div part="conflict" role="group" aria-label=${def.label}>
          <p>${this.#failureText(def, field)}</p>
          <div class="actions">
            <button type="button" @click=${() => this.#keepMine(def)}>${messages.panel.keepMine}</button>
            <button type="button" @click=${() => this.#useTheirs(def)}>${messages.panel.useTheirs}</button>
          </div>
        </div>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-details-panel': CustomerDetailsPanel;
  }
}
