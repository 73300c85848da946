import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { userContext, type CustomerPropertiesUser } from '../../context.js';
import { AudienceDeletedEvent, AudienceSavedEvent } from '../../events.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import {
  audienceNameKey,
  sortAudiences,
  unreadableInQuery,
  validateSavedAudience,
  type AudienceQuery,
  type Principal,
  type SavedAudience,
} from '../../model/index.js';
import type { PropertyStore } from '../../storage/property-store.js';
import '../audience-builder/audience-builder.js';
import { styles } from './audience-list.styles.js';
import '../../i18n/en-audiences.js';

type Count = number | 'counting' | 'failed';

/** The audience open in the editor: a saved one (`id`) or a new one. */
interface Draft {
  id?: string;
  name: string;
  query: AudienceQuery;
  nameError: string;
  error: string;
}

/**
 * The saved audiences of the store, each with how many customers it holds now (counted again when
 * the store says customers or definitions changed): open one to edit its conditions and name in an
 * `<audience-builder>`, rename it in place, duplicate it, or delete it after a confirmation. *New
 * audience* opens an empty one. A name is required and unique without regard to case: checked
 * here with the model's rule, and again by the store.
 *
 * Lists only the audiences whose every property the user (`user`, else the context's) may view,
 * as the server does (a saved audience is only as visible as the properties it uses); the server
 * enforces it, this is for comfort. A store without `listAudiences` is said to keep no audiences.
 *
 * @summary Saved audiences with live counts: open, rename, duplicate, delete.
 *
 * @fires audience-saved - An audience was saved (new, changed, renamed or duplicated); `detail.audience`.
 * @fires audience-deleted - An audience was deleted; `detail.audience`.
 *
 * @csspart base - The whole element.
 * @csspart title - The heading.
 * @csspart new-button - The *New audience* button.
 * @csspart list - The list of audiences.
 * @csspart item - One audience.
 * @csspart count - How many customers an audience holds.
 * @csspart message - Loading, empty and error messages.
 * @csspart editor - The open audience: its name, builder and buttons.
 * @csspart confirm - The delete confirmation dialog.
 *
 * @cssprop --cp-color-border - Rules between audiences.
 * @cssprop --cp-color-error - Errors, the delete button.
 * @cssprop --cp-color-text-muted - Counts.
 * @cssprop --cp-color-surface - Dialog background.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 */
@customElement('audience-list')
export class AudienceList extends StoreElement {
  static override styles = [tokens, inputStyles, styles];

  /** The signed-in user, `{ id, roles }`: only audiences over properties they may view are listed. Wins over the context's. */
  @property({ attribute: false }) user: CustomerPropertiesUser | undefined;

  /** Milliseconds of quiet after a change in the store before the counts are asked for again. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = 300;

  @consume({ context: userContext, subscribe: true })
  @state()
  private contextUser: CustomerPropertiesUser | undefined;

  @state() private audiences: SavedAudience[] | undefined;
  @state() private loadError: unknown;
  @state() private counts = new Map<string, Count>();
  @state() private draft: Draft | undefined;
  @state() private renaming: { id: string; name: string; error: string } | undefined;
  @state() private deleting: SavedAudience | undefined;
  @state() private actionError = '';
  @state() private announcement = '';

  @query('dialog') private confirmDialog!: HTMLDialogElement;

  #definitions = new DefinitionsController(this, () => this.activeStore, { onChange: () => this.#recount() });
  #loadedFrom: PropertyStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;

  get #principal(): Principal {
    const user = this.user ?? this.contextUser;
    return { kind: 'user', id: user?.id ?? '', roles: [...(user?.roles ?? [])] };
  }

  /** The audiences this user may see: every property of the query readable (none while definitions load). */
  get #visible(): SavedAudience[] {
    const definitions = this.#definitions.definitions;
    if (!this.audiences || !definitions.length) return [];
    return this.audiences.filter((a) => unreadableInQuery(this.#principal, a.query, definitions).length === 0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: load again, and listen again.
    if (this.#loadedFrom) {
      this.#loadedFrom = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const store = this.activeStore;
    if (store !== this.#loadedFrom) {
      this.#loadedFrom = store;
      this.#unsubscribe?.();
      this.#unsubscribe = store?.subscribe?.(() => this.#scheduleCount());
      this.audiences = undefined;
      this.counts = new Map();
      void this.#load();
    }
    if (changed.has('user') || changed.has('contextUser')) this.#recount();
  }

  async #load(): Promise<void> {
    const store = this.activeStore;
    this.loadError = undefined;
    if (!store?.listAudiences) return;
    try {
      const audiences = await store.listAudiences();
      if (store !== this.activeStore) return;
      this.audiences = audiences;
      this.#recount();
    } catch (error) {
      if (store === this.activeStore) this.loadError = error;
    }
  }

  #scheduleCount(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#recount(), this.countDelay);
  }

  /** Counts every visible audience again; an answer for an older round is dropped. */
  #recount(): void {
    const store = this.activeStore;
    const visible = this.#visible;
    if (!store || !visible.length) return;
    const sequence = ++this.#sequence;
    const counts = new Map(this.counts);
    for (const audience of visible) if (!counts.has(audience.id)) counts.set(audience.id, 'counting');
    this.counts = counts;
    for (const audience of visible) {
      store.findCustomers(audience.query, { limit: 1 }).then(
        (page) => this.#setCount(sequence, audience.id, page.total),
        () => this.#setCount(sequence, audience.id, 'failed'),
      );
    }
  }

  #setCount(sequence: number, id: string, count: Count): void {
    if (sequence !== this.#sequence) return;
    this.counts = new Map(this.counts).set(id, count);
  }

  #announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** Keeps `saved` in the list in place of the one with its id, and tells the host. */
  #kept(saved: SavedAudience): void {
    this.audiences = sortAudiences([...(this.audiences ?? []).filter((a) => a.id !== saved.id), saved]);
    this.actionError = '';
    this.dispatchEvent(new AudienceSavedEvent(saved));
    this.#recount();
  }

  /** The model's name rule against the list: the words of the first problem, `''` when there is none. */
  #nameProblem(name: string, id?: string): string {
    const problem = validateSavedAudience(
      { ...(id === undefined ? {} : { id }), name, query: { match: 'all', conditions: [] } },
      this.audiences ?? [],
      [],
    )[0];
    return problem ? this.describe(problem) : '';
  }

  async #open(audience?: SavedAudience): Promise<void> {
    this.renaming = undefined;
    this.draft = audience
      ? { id: audience.id, name: audience.name, query: structuredClone(audience.query), nameError: '', error: '' }
      : { name: '', query: { match: 'all', conditions: [] }, nameError: '', error: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#draft-name')?.focus();
  }

  async #close(): Promise<void> {
    const id = this.draft?.id;
    this.draft = undefined;
    await this.updateComplete;
    const back = id && this.renderRoot.querySelector<HTMLElement>(`[data-open="${CSS.escape(id)}"]`);
    (back || this.renderRoot.querySelector<HTMLElement>('[part~="new-button"]'))?.focus();
  }

  async #saveDraft(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    const store = this.activeStore;
    if (!draft || !store?.saveAudience) return;
    const nameError = this.#nameProblem(draft.name, draft.id);
    const queryErrors = validateSavedAudience(
      { name: 'x', query: draft.query },
      [],
      this.#definitions.definitions,
    ).length;
    if (nameError || queryErrors) {
      this.draft = { ...draft, nameError, error: queryErrors ? this.catalog.audienceList.queryInvalid : '' };
      if (nameError) this.renderRoot.querySelector<HTMLInputElement>('#draft-name')?.focus();
      return;
    }
    try {
      const saved = await store.saveAudience({
        ...(draft.id === undefined ? {} : { id: draft.id }),
        name: draft.name,
        query: draft.query,
      });
      if (this.draft === draft) this.draft = { ...draft, id: saved.id, name: saved.name, nameError: '', error: '' };
      this.#kept(saved);
      this.#announce(this.catalog.audienceList.saved(saved.name));
    } catch (error) {
      if (this.draft === draft) this.draft = { ...draft, nameError: '', error: this.describe(error) };
    }
  }

  async #startRename(audience: SavedAudience): Promise<void> {
    this.renaming = { id: audience.id, name: audience.name, error: '' };
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#rename');
    input?.focus();
    input?.select();
  }

  async #endRename(id: string): Promise<void> {
    this.renaming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-rename="${CSS.escape(id)}"]`)?.focus();
  }

  async #saveRename(event: Event): Promise<void> {
    event.preventDefault();
    const renaming = this.renaming;
    const audience = this.audiences?.find((a) => a.id === renaming?.id);
    const store = this.activeStore;
    if (!renaming || !audience || !store?.saveAudience) return;
    const error = this.#nameProblem(renaming.name, audience.id);
    if (error) {
      this.renaming = { ...renaming, error };
      return;
    }
    try {
      const saved = await store.saveAudience({ id: audience.id, name: renaming.name, query: audience.query });
      this.#kept(saved);
      if (this.draft?.id === saved.id) this.draft = { ...this.draft, name: saved.name };
      this.#announce(this.catalog.audienceList.saved(saved.name));
      await this.#endRename(saved.id);
    } catch (failure) {
      if (this.renaming === renaming) this.renaming = { ...renaming, error: this.describe(failure) };
    }
  }

  /** Saves a copy under the first free name of "X (copy)", "X (copy 2)", … */
  async #duplicate(audience: SavedAudience): Promise<void> {
    const store = this.activeStore;
    if (!store?.saveAudience) return;
    const taken = new Set((this.audiences ?? []).map((a) => audienceNameKey(a.name)));
    let n = 1;
    let name = this.catalog.audienceList.copyName(audience.name, n);
    while (taken.has(audienceNameKey(name))) name = this.catalog.audienceList.copyName(audience.name, ++n);
    try {
      const saved = await store.saveAudience({ name, query: audience.query });
      this.#kept(saved);
      this.#announce(this.catalog.audienceList.duplicated(saved.name));
    } catch (error) {
      this.actionError = this.catalog.audienceList.actionFailed(this.describe(error));
    }
  }

  async #askDelete(audience: SavedAudience): Promise<void> {
    this.deleting = audience;
    await this.updateComplete;
    this.confirmDialog.showModal();
  }

  async #confirmDelete(): Promise<void> {
    const audience = this.deleting;
    this.confirmDialog.close();
    const store = this.activeStore;
    if (!audience || !store?.deleteAudience) return;
    try {
      await store.deleteAudience(audience.id);
      this.audiences = (this.audiences ?? []).filter((a) => a.id !== audience.id);
      if (this.draft?.id === audience.id) this.draft = undefined;
      this.actionError = '';
      this.dispatchEvent(new AudienceDeletedEvent(audience));
      this.#announce(this.catalog.audienceList.deleted(audience.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
    } catch (error) {
      this.actionError = this.catalog.audienceList.actionFailed(this.describe(error));
    }
  }

  override render() {
    const messages = this.catalog.audienceList;
    const store = this.activeStore;
    return html`<section part="base" aria-labelledby="title">
      <div class="head">
        <h2 part="title" id="title" tabindex="-1">${messages.title}</h2>
        ${store?.saveAudience ? html`<button part="new-button" type="button" @click=${() => void this.#open()}>${messages.newAudience}</button>` : nothing}
      </div>
      ${this.#renderBody()}
      ${this.actionError ? html`<p part="message" class="error" role="alert">${this.actionError}</p>` : nothing}
      ${this.draft ? this.#renderEditor(this.draft) : nothing}
      ${this.#renderConfirm()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  #renderBody() {
    const messages = this.catalog.audienceList;
    const store = this.activeStore;
    if (!store) return nothing;
    if (!store.listAudiences) return html`<p part="message">${messages.unsupported}</p>`;
    const error = this.loadError ?? this.#definitions.error;
    if (error) {
      return html`<div part="message" class="error" role="alert">
        <p>${messages.loadFailed(this.describe(error))}</p>
        <button type="button" @click=${() => (this.loadError ? void this.#load() : void this.#definitions.reload())}>${this.catalog.customer.retry}</button>
      </div>`;
    }
    if (!this.audiences || !this.#definitions.definitions.length)
      return html`<p part="message" role="status">${messages.loading}</p>`;
    const visible = this.#visible;
    if (!visible.length) return html`<p part="message">${messages.empty}</p>`;
    return html`<ul part="list">
      ${visible.map((audience) => this.#renderItem(audience))}
    </ul>`;
  }

  #renderItem(audience: SavedAudience) {
    const messages = this.catalog.audienceList;
    const count = this.counts.get(audience.id) ?? 'counting';
    const countText =
      count === 'counting' ? messages.counting : count === 'failed' ? messages.countFailed : messages.count(count);
    const renaming = this.renaming?.id === audience.id ? this.renaming : undefined;
    const writable = Boolean(this.activeStore?.saveAudience);
    return html`<li part="item">
      ${
        renaming
          ? html`<form class="rename" @submit=${this.#saveRename} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.#endRename(audience.id)}>
            <label for="rename">${messages.name}</label>
            <input id="rename" .value=${renaming.name} required maxlength="100" aria-invalid=${renaming.error ? 'true' : 'false'}
              aria-describedby=${renaming.error ? 'rename-error' : nothing}
              @input=${(e: Event) => (this.renaming = { ...renaming, name: (e.target as HTMLInputElement).value, error: '' })} />
            <button type="submit">${messages.saveName}</button>
            <button type="button" @click=${() => void this.#endRename(audience.id)}>${messages.cancel}</button>
            ${renaming.error ? html`<p class="error" id="rename-error">${renaming.error}</p>` : nothing}
          </form>`
          : html`<span class="name">${audience.name}</span>`
      }
      <span part="count">${countText}</span>
      <span class="actions">
        <button type="button" data-open=${audience.id} aria-label=${messages.open(audience.name)} @click=${() => void this.#open(audience)}>${messages.actions.open}</button>
        ${
          writable
            ? html`<button type="button" data-rename=${audience.id} aria-label=${messages.rename(audience.name)} @click=${() => void this.#startRename(audience)}>${messages.actions.rename}</button>
              <button type="button" aria-label=${messages.duplicate(audience.name)} @click=${() => void this.#duplicate(audience)}>${messages.actions.duplicate}</button>
              <button type="button" class="danger" aria-label=${messages.delete(audience.name)} @click=${() => void this.#askDelete(audience)}>${messages.actions.delete}</button>`
            : nothing
        }
      </span>
    </li>`;
  }

  #renderEditor(draft: Draft) {
    const messages = this.catalog.audienceList;
    const saved = draft.id === undefined ? undefined : this.audiences?.find((a) => a.id === draft.id);
    return html`<form part="editor" aria-labelledby="editor-title" novalidate @submit=${this.#saveDraft}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && e.target === e.currentTarget && void this.#close()}>
      <h3 id="editor-title">${saved ? messages.editTitle(saved.name) : messages.newTitle}</h3>
      <div class="field">
        <label for="draft-name">${messages.name}</label>
        <input id="draft-name" .value=${draft.name} required maxlength="100" aria-invalid=${draft.nameError ? 'true' : 'false'}
          aria-describedby=${draft.nameError ? 'draft-name-error' : nothing}
          @input=${(e: Event) => (this.draft = { ...draft, name: (e.target as HTMLInputElement).value, nameError: '' })} />
        ${draft.nameError ? html`<p class="error" id="draft-name-error">${draft.nameError}</p>` : nothing}
      </div>
      <audience-builder .store=${this.activeStore} .user=${this.user ?? this.contextUser} locale=${this.effectiveLocale}
        count-delay=${this.countDelay} .value=${draft.query}
        @change=${(e: Event) => (this.draft = { ...draft, query: (e.target as HTMLElement & { value: AudienceQuery }).value, error: '' })}></audience-builder>
      ${draft.error ? html`<p class="error" role="alert">${draft.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary">${messages.save}</button>
        <button type="button" @click=${() => void this.#close()}>${messages.close}</button>
      </div>
    </form>`;
  }

  #renderConfirm() {
    const messages = this.catalog.audienceList;
    const deleting = this.deleting;
    return html`<dialog part="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text"
        @close=${() => {
          const id = this.deleting?.id;
          this.deleting = undefined;
          // Cancelled: back to the button that asked.
          if (id && this.audiences?.some((a) => a.id === id))
            this.renderRoot.querySelector<HTMLElement>(`[data-rename="${CSS.escape(id)}"] ~ .danger`)?.focus();
        }}>
      ${
        deleting
          ? html`<h2 id="confirm-title">${messages.confirmTitle(deleting.name)}</h2>
            <p id="confirm-text">${messages.confirmText}</p>
            <div class="buttons">
              <button type="button" class="danger" @click=${() => void this.#confirmDelete()}>${messages.confirmDelete}</button>
              <button type="button" autofocus @click=${() => this.confirmDialog.close()}>${messages.cancel}</button>
            </div>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'audience-list': AudienceList;
  }
}
