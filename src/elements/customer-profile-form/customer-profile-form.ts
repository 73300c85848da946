import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PendingEditsChangedEvent, ProfileSavedEvent, type PendingEdit } from '../../events.js';
import { CustomerController } from '../../internal/customer-controller.js';
import {
  accessTo,
  failureReason,
  nameField,
  sameValue,
  storedValue,
  visibleFields,
} from '../../internal/customer-view.js';
import { customerIdOfToken, takeTokenFromFragment } from '../../internal/profile-link.js';
import { StoreElement } from '../../internal/store-element.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import type { Customer, Principal, PropertyDefinition, PropertyValue } from '../../model/index.js';
import { localizeDefinitions } from '../../model/translations.js';
import type { PropertyStore } from '../../storage/property-store.js';
import type { StoreError } from '../../storage/store-error.js';
import '../property-editor/property-editor.js';
import type { PropertyEditor } from '../property-editor/property-editor.js';
import { styles } from './customer-profile-form.styles.js';
import '../../i18n/en-profile.js';

type Outcome = 'none' | 'saved' | 'nothing' | 'invalid' | 'failed' | 'conflict' | 'link-invalid';

type Drafts = Map<string, { value: PropertyValue | null; base: number }>;

/** Where a customer's unsaved changes wait in `sessionStorage`, so a reload of the page keeps them. */
const draftKey = (customerId: string) => `customer-properties:profile-drafts:${customerId}`;

function readDrafts(customerId: string): Drafts {
  if (!customerId) return new Map();
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(draftKey(customerId)) ?? '{}');
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return new Map();
    const drafts: Drafts = new Map();
    for (const [name, draft] of Object.entries(stored as Record<string, unknown>)) {
      const { value, base } = (draft ?? {}) as { value?: PropertyValue | null; base?: unknown };
      if (value !== undefined && Number.isSafeInteger(base)) drafts.set(name, { value, base: base as number });
    }
    return drafts;
  } catch {
    // No storage (a private window, a sandboxed frame) or something else under the key: no drafts.
    return new Map();
  }
}

function writeDrafts(customerId: string, drafts: Drafts): void {
  if (!customerId) return;
  try {
    if (drafts.size) sessionStorage.setItem(draftKey(customerId), JSON.stringify(Object.fromEntries(drafts)));
    else sessionStorage.removeItem(draftKey(customerId));
  } catch {
    // Full or unavailable: the drafts still live as long as the page.
  }
}

/**
 * The customer's own profile page: their name and the properties shown to customers, in one form
 * with one Save. Everything is checked before anything is sent; the first field that needs
 * attention gets the focus. A save that fails keeps every change and says what to do.
 *
 * Opened from a profile link (`profileLink` of `customer-properties/server`), the page gives the
 * form the link's token: as `token`, or with `token-from-fragment`, which reads `#token=…` and
 * takes it out of the address bar. The customer is then the token's (unless `customer-id` is set),
 * and every store call carries `Authorization: Bearer <token>` through the store's
 * `withAuthorization` (`RestStore` has it; a store without it is refused on screen rather than
 * called without the credential). A link the server refuses (altered or expired: `unauthenticated`)
 * says so, and that a new one comes by sending "profile" in the chat.
 *
 * Nothing hangs and nothing typed is lost: a store call that does not answer within `timeout`
 * fails and Save works again; the customer's unsaved changes are kept in `sessionStorage` (per
 * customer, for the tab's life) until they are saved, so a reload of the page brings them back.
 * `pendingEdits` lists them for the host.
 *
 * It shows, saves and reports only what the customer may see and edit (`propertyAccess` for the
 * customer): `profile-saved`'s `detail.customer` is the customer as they see themselves.
 *
 * @summary The customer edits their own details.
 *
 * @fires {ProfileSavedEvent} profile-saved - The changes were saved; `detail`: `{ customerId, customer, changed }`, `customer` holding only what the customer may see.
 * @fires {PendingEditsChangedEvent} pending-edits-changed - `pendingEdits` changed; `detail`: `{ pendingEdits }`.
 *
 * @csspart form - The form.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart group - The fields of one `group` of the definitions (a fieldset).
 * @csspart group-heading - The group's name (its legend).
 * @csspart message - The outcome of the last Save, or the load error.
 * @csspart save-button - The Save button.
 *
 * @cssprop --cp-color-accent - The Save button.
 * @cssprop --cp-button-text-color - Text on the Save button.
 * @cssprop --cp-color-success - The saved message.
 * @cssprop --cp-color-error - Problem messages.
 * @cssprop --cp-color-text - Text.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-spacing - Gap between fields (doubled).
 * @cssprop --cp-font-family - Font.
 */
@customElement('customer-profile-form')
export class CustomerProfileForm extends StoreElement {
  static override styles = [tokens, inputStyles, styles];

  /** The customer whose profile this is; default: the one the `token` was made for. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /**
   * A profile token (`cp1.<payload>.<signature>`, from `createProfileToken` or the link's
   * `#token=…`): sent with every store call as `Authorization: Bearer <token>`, and the customer it
   * names is the one shown unless `customer-id` is set. A property only: a credential is kept out of
   * the page's attributes.
   */
  @property({ attribute: false }) token: string | undefined;

  /**
   * Reads the token from the page's fragment (`#token=…`) when the form is connected, then removes
   * it from the address bar with `history.replaceState`, keeping the rest of the URL.
   */
  @property({ type: Boolean, attribute: 'token-from-fragment' }) tokenFromFragment = false;

  @state() private saving = false;
  @state() private outcome: Outcome = 'none';
  @state() private problem: { error?: StoreError; count?: number; labels?: string } = {};

  #controller = new CustomerController(this, { principal: () => this.#principal, timeout: () => this.timeout });
  /** The customer's changes not yet saved, with the revision each started from; mirrored in `sessionStorage`. */
  #drafts: Drafts = new Map();
  /** Whose drafts `#drafts` holds. */
  #draftsOf = '';
  /** `pendingEdits` as last announced to the host. */
  #pendingKey = '[]';
  /** The store that sends the token, made once per store and token. */
  #authorized: { store: PropertyStore; token: string; result: PropertyStore | undefined } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readFragment();
    // A second link opened in the same tab changes only the fragment: no reload, so listen for it.
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  #onHashChange = () => this.#readFragment();

  #readFragment(): void {
    if (!this.tokenFromFragment || !this.isConnected) return;
    const token = takeTokenFromFragment();
    if (token) this.token = token;
  }

  /** The customer shown: `customer-id`, else the token's. */
  get #customerId(): string {
    return this.customerId || (this.token ? (customerIdOfToken(this.token) ?? '') : '');
  }

  get #principal(): Principal {
    return { kind: 'customer', customerId: this.#customerId };
  }

  /**
   * The store to call: with a token, the store's `withAuthorization` copy (`undefined` when it has
   * none: then nothing is called, and the form says why).
   */
  get #source(): PropertyStore | undefined {
    const store = this.activeStore;
    const token = this.token;
    if (!store || !token) return store;
    const cached = this.#authorized;
    if (cached?.store === store && cached.token === token) return cached.result;
    const result = store.withAuthorization?.(`Bearer ${token}`);
    this.#authorized = { store, token, result };
    return result;
  }

  /** Why the form cannot even start: a token the store cannot send, or one that names no customer. */
  get #linkProblem(): 'no-credential' | 'link-invalid' | undefined {
    // Told to read a link, and there was none (the page was reloaded after the token left the
    // address bar, or the link was cut short): the customer needs a new link.
    if (!this.token) return this.tokenFromFragment && !this.customerId ? 'link-invalid' : undefined;
    if (this.activeStore && !this.activeStore.withAuthorization) return 'no-credential';
    return this.#customerId ? undefined : 'link-invalid';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tokenFromFragment')) this.#readFragment();
    if (this.#customerId !== this.#draftsOf) {
      this.#draftsOf = this.#customerId;
      this.#drafts = readDrafts(this.#draftsOf);
    }
    this.#controller.setSource(this.#linkProblem ? undefined : this.#source, this.#customerId || undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#notePending();
  }

  /** The customer's changes not saved yet (typed, being saved, failed or in conflict). Read-only. */
  get pendingEdits(): readonly PendingEdit[] {
    const status = this.saving
      ? 'saving'
      : this.outcome === 'failed'
        ? 'failed'
        : this.outcome === 'conflict'
          ? 'conflict'
          : 'unsaved';
    return [...this.#drafts].map(([name, { value }]) => ({ customerId: this.#draftsOf, name, value, status }));
  }

  #notePending(): void {
    const edits = this.pendingEdits;
    const key = JSON.stringify(edits);
    if (key === this.#pendingKey) return;
    this.#pendingKey = key;
    this.dispatchEvent(new PendingEditsChangedEvent(edits));
  }

  /** The fields this viewer sees, in their language. */
  get #fields(): PropertyDefinition[] {
    const definitions = localizeDefinitions(this.#controller.definitions, this.effectiveLocale);
    const principal = this.#principal;
    return [nameField(definitions, principal)!.def, ...visibleFields(definitions, principal).map((field) => field.def)];
  }

  #onInput(def: PropertyDefinition, event: Event): void {
    if (accessTo(this.#controller.definitions, this.#principal, def.name) !== 'edit') return;
    const editor = event.target as PropertyEditor;
    const draft = this.#drafts.get(def.name);
    this.#drafts.set(def.name, { value: editor.value, base: draft?.base ?? this.#controller.customer?.revision ?? 0 });
    writeDrafts(this.#draftsOf, this.#drafts);
    if (this.outcome === 'saved' || this.outcome === 'nothing') this.outcome = 'none';
    this.#notePending();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const editors = [...this.renderRoot.querySelectorAll('property-editor')];
    // checkValidity() marks every invalid field, so each shows its message.
    const invalid = editors.filter((editor) => !editor.checkValidity());
    if (invalid.length) {
      this.outcome = 'invalid';
      this.problem = { count: invalid.length };
      invalid[0]!.focus();
      return;
    }
    const customer = this.#controller.customer!;
    const changes: Record<string, PropertyValue | null> = {};
    let base = customer.revision;
    const principal = this.#principal;
    for (const editor of editors) {
      const name = editor.definition?.name;
      // Only what the customer may edit, by the definitions as loaded, whatever an editor was given.
      if (!name || accessTo(this.#controller.definitions, principal, name) !== 'edit') continue;
      if (sameValue(editor.value, storedValue(customer, name))) continue;
      changes[name] = editor.value;
      base = Math.min(base, this.#drafts.get(name)?.base ?? customer.revision);
    }
    const names = Object.keys(changes);
    if (!names.length) {
      // Typed back to what is stored: nothing is pending.
      this.#drafts.clear();
      writeDrafts(this.#draftsOf, this.#drafts);
      this.outcome = 'nothing';
      return;
    }
    this.saving = true;
    const customerId = this.#draftsOf;
    try {
      const saved = await this.#controller.save(changes, base);
      const drafts = customerId === this.#draftsOf ? this.#drafts : readDrafts(customerId);
      // What the store now holds is no draft; a field typed on while it was saved keeps its newer value.
      for (const [name, draft] of drafts) if (sameValue(draft.value, storedValue(saved, name))) drafts.delete(name);
      writeDrafts(customerId, drafts);
      this.outcome = 'saved';
      this.dispatchEvent(new ProfileSavedEvent({ customerId: this.#customerId, customer: saved, changed: names }));
    } catch (error) {
      const storeError = error as StoreError;
      if (storeError.kind === 'conflict') {
        const labels = this.#fields.filter((def) => storeError.fields.includes(def.name)).map((def) => def.label);
        // The customer has now been told: saving again is their deliberate choice.
        for (const draft of this.#drafts.values()) draft.base = storeError.current?.revision ?? draft.base;
        writeDrafts(this.#draftsOf, this.#drafts);
        this.outcome = 'conflict';
        this.problem = { error: storeError, labels: new Intl.ListFormat(this.effectiveLocale).format(labels) };
      } else if (storeError.kind === 'unauthenticated') {
        this.outcome = 'link-invalid';
      } else {
        this.outcome = 'failed';
        this.problem = { error: storeError };
      }
    } finally {
      this.saving = false;
    }
  }

  /** Enter in a one-line field saves, as in any form (the fields' inputs live in their own shadow roots). */
  #onKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.defaultPrevented || event.isComposing) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLInputElement && origin.type === 'text' && origin.getAttribute('role') !== 'combobox') {
      event.preventDefault();
      origin.dispatchEvent(new Event('change', { bubbles: true }));
      (event.currentTarget as HTMLFormElement).requestSubmit();
    }
  }

  override render() {
    const messages = this.catalog;
    const controller = this.#controller;
    const problem =
      this.#linkProblem ??
      (controller.state === 'error' && controller.error?.kind === 'unauthenticated' ? 'link-invalid' : undefined);
    if (problem) {
      // Trying again cannot help: the link (or the page) has to change.
      return html`<div part="message" class="problem error" role="alert">
        <span>${problem === 'link-invalid' ? messages.profile.linkInvalid : messages.profile.noCredential}</span>
      </div>`;
    }
    if (controller.state === 'error') {
      const error = controller.error!;
      return html`<div part="message" class="problem error" role="alert">
        <span>${error.kind === 'not-found' ? messages.customer.notFound : messages.customer.loadFailed(this.describe(error))}</span>
        ${error.kind === 'not-found' ? nothing : html`<button class="retry" type="button" @click=${() => controller.reload()}>${messages.customer.retry}</button>`}
      </div>`;
    }
    if (controller.state === 'idle' && this.#customerId && !this.activeStore) {
      // Given a customer but nothing to load them from: a mistake of the page, not "no customer".
      return html`<p part="message" class="problem error" role="alert">${messages.profile.noStore}</p>`;
    }
    if (controller.state !== 'ready') {
      return html`<p part="intro" role="status">${controller.state === 'loading' ? messages.customer.loading : messages.panel.noCustomer}</p>`;
    }
    const customer = controller.customer!;
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.#save} @keydown=${this.#onKey}>
      <h2 part="title" id="title">${messages.profile.title}</h2>
      <p part="intro">${messages.profile.intro}</p>
      ${this.#renderGrouped(customer)}
      ${this.#renderMessage()}
      <button part="save-button" class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? messages.profile.saving : messages.profile.save}</button>
    </form>`;
  }

  /** The fields without a group first, then each group's under its name (a fieldset), in the order they first come. */
  #renderGrouped(customer: Customer) {
    const editor = (def: PropertyDefinition) => {
      const draft = this.#drafts.get(def.name);
      return html`<property-editor .definition=${def} .value=${draft ? draft.value : storedValue(customer, def.name)}
          locale=${this.effectiveLocale} @input=${(event: Event) => this.#onInput(def, event)}></property-editor>`;
    };
    const groups = new Map<string, PropertyDefinition[]>();
    const loose: PropertyDefinition[] = [];
    for (const def of this.#fields) {
      const group = def.group?.trim();
      if (!group) loose.push(def);
      else if (groups.has(group)) groups.get(group)!.push(def);
      else groups.set(group, [def]);
    }
    return html`${loose.map(editor)}${[...groups].map(
      ([group, defs]) =>
        html`<fieldset part="group"><legend part="group-heading">${group}</legend>${defs.map(editor)}</fieldset>`,
    )}`;
  }

  /** One status line that stays on the page, so a screen reader hears each new outcome; problems are alerts. */
  #renderMessage() {
    const messages = this.catalog.profile;
    const outcome = this.outcome;
    const status = outcome === 'saved' ? messages.saved : outcome === 'nothing' ? messages.nothingChanged : '';
    return html`<p part="message" class=${outcome === 'saved' ? 'success' : ''} role="status">${status}</p>
      ${this.#renderProblem()}`;
  }

  #renderProblem() {
    const messages = this.catalog.profile;
    const { error, count = 0, labels = '' } = this.problem;
    switch (this.outcome) {
      case 'none':
      case 'saved':
      case 'nothing':
        return nothing;
      case 'invalid':
        return html`<p part="message" class="problem" role="alert">${messages.invalid(count)}</p>`;
      case 'conflict':
        return html`<p part="message" class="problem" role="alert">${messages.conflict(labels)}</p>`;
      case 'failed':
        return html`<p part="message" class="problem" role="alert">${messages.failed(failureReason(error!, '', undefined, this.effectiveLocale))}</p>`;
      case 'link-invalid':
        return html`<p part="message" class="problem" role="alert">${messages.linkInvalid}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-profile-form': CustomerProfileForm;
  }
}
