import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { userContext, type CustomerPropertiesUser } from '../../context.js';
import type { DefinitionSavedEvent } from '../../events.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { checkedCount, checkedDefinition, checkedDefinitions } from '../../internal/store-reply.js';
import { iconStyles, inputStyles, tokens } from '../../internal/styles.js';
import {
  definitionsFor,
  isAdmin,
  sortDefinitions,
  type Principal,
  type PropertyDefinition,
} from '../../model/index.js';
import { localizeDefinition } from '../../model/translations.js';
import '../property-definition-form/property-definition-form.js';
import { languagesConverter } from '../property-definition-form/translations-editor.js';
import { styles } from './property-definition-list.styles.js';
import '../../i18n/en-admin.js';

/** Inline icons: drawn the same everywhere (no emoji font needed), hidden from screen readers; each button has a text name. */
const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
const icons = {
  edit: icon('M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4'),
  up: icon('M12 19V5M6 11l6-6 6 6'),
  down: icon('M12 5v14M6 13l6 6 6-6'),
  remove: icon('M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3'),
  lock: icon('M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z'),
};

/**
 * The admin's "Customers > Customer properties" page: every definition in order, with the
 * built-ins `number` and `name` locked; a plus button that opens `<property-definition-form>` in a
 * dialog; edit; delete with a confirmation that says how many customers have a value; reorder by
 * drag or by keyboard (Alt+Up, Alt+Down), announced and saved to the store.
 *
 * Only for a user with an admin role (`user`, else the context's user; `adminRoles`, default
 * `['admin']`), as the server enforces. Anyone else gets the table alone, read-only: no Add button,
 * no edit, move or delete buttons, no dragging, and only the definitions they may see
 * (`definitionsFor`). No user at all is no admin. For comfort, not safety: the server refuses
 * their changes anyway.
 *
 * Nothing hangs: every store call gets `timeout` ms. A load that fails, takes longer or gets an
 * answer that is not a list of definitions says why, with Try again; a delete or a move that does
 * says so (a move is undone), and the count in the delete question is left out.
 *
 * @summary Lists, adds, edits, reorders and deletes property definitions.
 *
 * @csspart base - The whole list.
 * @csspart title - The heading.
 * @csspart add-button - The plus button.
 * @csspart table - The table of definitions.
 * @csspart row - One definition.
 * @csspart hint - How to reorder.
 * @csspart message - Loading and empty messages.
 * @csspart error - A load or action failure, with Retry.
 * @csspart dialog - The dialog around the form.
 * @csspart confirm - The delete confirmation dialog.
 *
 * @cssprop --cp-color-accent - The plus button, focus.
 * @cssprop --cp-color-error - The delete button, errors.
 * @cssprop --cp-color-border - Borders and rules.
 * @cssprop --cp-color-surface - Dialog background.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 */
@customElement('property-definition-list')
export class PropertyDefinitionList extends StoreElement {
  static override styles = [tokens, inputStyles, iconStyles, styles];

  /** The role names the form offers in access control. */
  @property({ attribute: false }) roles: string[] = ['agent', 'supervisor', 'admin'];

  /**
   * The languages the form offers translations for, as BCP 47 tags (attribute: space-separated,
   * `languages="de fr"`); passed to `<property-definition-form>`. Default: none.
   */
  @property({ converter: languagesConverter }) languages: string[] = [];

  /** The signed-in user, `{ id, roles }`: without an admin role the list is read-only. Wins over the context's. */
  @property({ attribute: false }) user: CustomerPropertiesUser | undefined;

  /** The roles that manage definitions (the server's `adminRoles`); default `['admin']`. */
  @property({ attribute: false }) adminRoles: string[] = ['admin'];

  @consume({ context: userContext, subscribe: true })
  @state()
  private contextUser: CustomerPropertiesUser | undefined;

  @state() private definitions: PropertyDefinition[] = [];
  @state() private actionError = '';
  @state() private editing: PropertyDefinition | undefined;
  @state() private formOpen = false;
  @state() private deleting: { def: PropertyDefinition; count: number | undefined } | undefined;
  @state() private announcement = '';
  @state() private dragging: string | undefined;

  @query('dialog.form-dialog') private formDialog!: HTMLDialogElement;
  @query('dialog.confirm-dialog') private confirmDialog!: HTMLDialogElement;

  /** The store's definitions; the list keeps its own copy to show a change before the store confirms it. */
  #loaded = new DefinitionsController(this, () => this.activeStore, {
    onChange: (definitions) => (this.definitions = sortDefinitions(definitions)),
    timeout: () => this.timeout,
  });

  get #principal(): Principal {
    const user = this.user ?? this.contextUser;
    return { kind: 'user', id: user?.id ?? '', roles: [...(user?.roles ?? [])] };
  }

  /** Whether this user manages definitions; every action checks it, not only the rendering. */
  get #admin(): boolean {
    return isAdmin(this.#principal, { adminRoles: this.adminRoles });
  }

  /** The definitions this user may see: all for an admin. */
  get #shown(): PropertyDefinition[] {
    return definitionsFor(this.#principal, this.definitions, { adminRoles: this.adminRoles });
  }

  get #custom(): PropertyDefinition[] {
    return this.#shown.filter((def) => !def.builtIn);
  }

  /** The focus was on something only an admin gets (a button, a row) when the user stopped being one. */
  #refocus = false;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('user') || changed.has('contextUser') || changed.has('adminRoles')) && !this.#admin) {
      this.#refocus = this.shadowRoot?.activeElement != null;
      // The dialogs are an admin's: they close with the rights.
      if (this.formDialog?.open) this.formDialog.close();
      if (this.confirmDialog?.open) this.confirmDialog.close();
      this.formOpen = false;
      this.deleting = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The buttons and rows it was on are gone: the heading takes the focus, so it is not lost to the page.
    if (this.#refocus && !this.shadowRoot!.activeElement)
      this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
    this.#refocus = false;
  }

  #announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  #reason(error: unknown): string {
    return this.describe(error);
  }

  async #openForm(def?: PropertyDefinition): Promise<void> {
    if (!this.#admin) return;
    this.editing = def;
    this.formOpen = true;
    await this.updateComplete;
    this.formDialog.showModal();
    void this.formDialog.querySelector('property-definition-form')?.updateComplete.then(() => {
      this.formDialog
        .querySelector('property-definition-form')!
        .shadowRoot!.querySelector<HTMLElement>('#label')
        ?.focus();
    });
  }

  #closeForm(): void {
    this.formDialog?.close();
  }

  /** A definition's label in the viewer's language; the list keeps the definitions as stored, for the form. */
  #label(def: PropertyDefinition): string {
    return localizeDefinition(def, this.effectiveLocale).label;
  }

  #onSaved(event: DefinitionSavedEvent): void {
    const saved = event.detail.definition;
    const others = this.definitions.filter((def) => def.name !== saved.name);
    this.definitions = sortDefinitions([...others, saved]);
    this.#closeForm();
    this.#announce(this.catalog.definitionList.saved(this.#label(saved)));
  }

  async #askDelete(def: PropertyDefinition): Promise<void> {
    if (!this.#admin) return;
    const store = this.activeStore;
    this.deleting = { def, count: undefined };
    await this.updateComplete;
    this.confirmDialog.showModal();
    if (store?.countValues) {
      try {
        const count = checkedCount(await this.storeCall(() => store.countValues!(def.name)));
        if (this.deleting?.def === def) this.deleting = { def, count };
      } catch {
        // The confirmation then says values will be deleted, without a number.
      }
    }
  }

  async #confirmDelete(): Promise<void> {
    const def = this.deleting?.def;
    this.confirmDialog.close();
    if (!def || !this.#admin) return;
    const index = this.#custom.findIndex((other) => other.name === def.name);
    try {
      const store = this.activeStore!;
      await this.storeCall(() => store.deleteDefinition(def.name));
      this.definitions = this.definitions.filter((other) => other.name !== def.name);
      this.actionError = '';
      this.#announce(this.catalog.definitionList.deleted(this.#label(def)));
      // The row and its button are gone: the focus goes to the row that took its place, else the
      // one before, else the Add button; never to the page.
      await this.updateComplete;
      const custom = this.#custom;
      const next = custom[Math.min(index, custom.length - 1)];
      const row = next && this.renderRoot.querySelector<HTMLElement>(`tr[data-name="${CSS.escape(next.name)}"]`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('[part~="add-button"]'))?.focus();
    } catch (error) {
      this.actionError = this.catalog.definitionList.actionFailed(this.#reason(error));
      this.#announce(this.actionError);
    }
  }

  /**
   * Moves a custom definition and saves the new order; on failure the old order comes back. The
   * focus moves with the item: to its row (`focus: 'row'`, Alt+Arrow) or to the same move button
   * in its new place (the other one when that is disabled at an end), so a second Enter moves it on.
   */
  async #move(name: string, to: number, focus?: 'row' | 'up' | 'down'): Promise<void> {
    if (!this.#admin) return;
    const custom = this.#custom;
    const from = custom.findIndex((def) => def.name === name);
    if (from < 0 || to < 0 || to >= custom.length || from === to) return;
    const previous = this.definitions;
    const reordered = [...custom];
    const [moved] = reordered.splice(from, 1);
    reordered.splice(to, 0, moved!);
    const renumbered = reordered.map((def, order) => ({ ...def, order }));
    this.definitions = [...this.definitions.filter((def) => def.builtIn), ...renumbered];
    if (focus) void this.updateComplete.then(() => this.#focusMoved(name, focus));
    const store = this.activeStore!;
    try {
      if (store.reorderDefinitions) {
        const names = renumbered.map((def) => def.name);
        checkedDefinitions(await this.storeCall(() => store.reorderDefinitions!(names)));
      } else for (const def of renumbered) checkedDefinition(await this.storeCall(() => store.updateDefinition(def)));
      this.actionError = '';
      // Announced once the store took it: a refused move is not read out as done.
      this.#announce(this.catalog.definitionList.moved(this.#label(moved!), to + 1, custom.length));
    } catch (error) {
      this.definitions = previous;
      this.actionError = this.catalog.definitionList.actionFailed(this.#reason(error));
      this.#announce(this.actionError);
      if (focus) void this.updateComplete.then(() => this.#focusMoved(name, focus));
    }
  }

  #focusMoved(name: string, focus: 'row' | 'up' | 'down'): void {
    const row = this.renderRoot.querySelector<HTMLElement>(`tr[data-name="${CSS.escape(name)}"]`);
    if (!row || focus === 'row') return row?.focus();
    const up = row.querySelector<HTMLButtonElement>('button[data-move="up"]');
    const down = row.querySelector<HTMLButtonElement>('button[data-move="down"]');
    const [first, other] = focus === 'up' ? [up, down] : [down, up];
    (first && !first.disabled ? first : other && !other.disabled ? other : row).focus();
  }

  #onRowKey(def: PropertyDefinition, index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || event.target !== event.currentTarget)
      return;
    event.preventDefault();
    void this.#move(def.name, index + (event.key === 'ArrowUp' ? -1 : 1), 'row');
  }

  #accessText(def: PropertyDefinition): string {
    const names = this.catalog.definitionForm;
    const entries = Object.entries(def.access);
    if (!entries.length) return names.levels.none;
    return entries
      .map(
        ([role, level]) => `${role === '*' ? names.everyone : (names.roleNames[role] ?? role)}: ${names.levels[level]}`,
      )
      .join(', ');
  }

  override render() {
    const messages = this.catalog.definitionList;
    const admin = this.#admin;
    return html`<section part="base" aria-labelledby="title">
      <div class="top">
        <h2 part="title" id="title" tabindex="-1">${messages.title}</h2>
        ${
          admin
            ? html`<button part="add-button" class="primary" type="button" @click=${() => this.#openForm()}><span aria-hidden="true">+</span>${messages.add}</button>`
            : nothing
        }
      </div>
      ${this.#renderBody(admin)}
      ${this.actionError && admin ? html`<p part="error" role="alert">${this.actionError}</p>` : nothing}
      ${admin ? this.#renderDialogs() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  #renderDialogs() {
    return html`<dialog part="dialog" class="form-dialog" @close=${(e: Event) => (this.formOpen = (e.target as HTMLDialogElement).open)}
      aria-label=${this.editing ? this.catalog.definitionForm.editTitle(this.#label(this.editing)) : this.catalog.definitionForm.createTitle}>
      ${
        this.formOpen
          ? html`<property-definition-form .store=${this.activeStore} .roles=${this.roles} .languages=${this.languages} .definition=${this.editing}
            locale=${this.effectiveLocale} @definition-saved=${this.#onSaved} @cancel=${this.#closeForm}></property-definition-form>`
          : nothing
      }
    </dialog>
    ${this.#renderConfirm()}`;
  }

  #renderBody(admin: boolean) {
    const messages = this.catalog.definitionList;
    const status = this.#loaded.status;
    if (status === 'loading' || status === 'idle') return html`<p part="message" role="status">${messages.loading}</p>`;
    if (status === 'error') {
      return html`<p part="error" role="alert">${messages.loadFailed(this.#reason(this.#loaded.error))}
        <button type="button" @click=${() => this.#loaded.reload()}>${this.catalog.customer.retry}</button></p>`;
    }
    const custom = this.#custom;
    const columns = messages.columns;
    return html`<div class="scroll"><table part="table">
        <thead><tr>
          <th scope="col">${columns.label}</th><th scope="col">${columns.name}</th><th scope="col">${columns.type}</th>
          <th scope="col">${columns.customer}</th><th scope="col">${columns.agent}</th><th scope="col">${columns.access}</th>
          ${admin ? html`<th scope="col">${columns.actions}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${this.#shown.filter((def) => def.builtIn).map((def) => (admin ? this.#renderRow(def, -1, 0) : this.#renderReadOnlyRow(def)))}
          ${custom.map((def, index) => (admin ? this.#renderRow(def, index, custom.length) : this.#renderReadOnlyRow(def)))}
        </tbody>
      </table></div>
      ${
        custom.length
          ? admin
            ? html`<p part="hint">${messages.reorderHint}</p>`
            : nothing
          : html`<p part="message">${admin ? messages.empty : messages.emptyReadOnly}</p>`
      }`;
  }

  /** The cells every user sees. */
  #renderCells(def: PropertyDefinition) {
    const messages = this.catalog.definitionList;
    const yesNo = (shown: boolean) => (shown ? messages.yes : messages.no);
    return html`<td>${this.#label(def)}</td>
      <td><code>${def.name}</code></td>
      <td>${this.catalog.typeNames[def.type] ?? def.type}</td>
      <td>${yesNo(def.showToCustomer)}</td>
      <td>${yesNo(def.showToAgent)}</td>
      <td>${this.#accessText(def)}</td>`;
  }

  /** A row for a user who is not an admin: nothing to focus, drag or press. */
  #renderReadOnlyRow(def: PropertyDefinition) {
    return html`<tr part="row" data-name=${def.name}>${this.#renderCells(def)}</tr>`;
  }

  #renderRow(def: PropertyDefinition, index: number, count: number) {
    const messages = this.catalog.definitionList;
    const locked = index < 0;
    return html`<tr part="row" data-name=${def.name} tabindex=${locked ? nothing : '0'} aria-label=${this.#label(def)}
      class=${this.dragging === def.name ? 'dragging' : ''} draggable=${locked ? 'false' : 'true'}
      @keydown=${(e: KeyboardEvent) => !locked && this.#onRowKey(def, index, e)}
      @dragstart=${(e: DragEvent) => {
        if (locked) return;
        this.dragging = def.name;
        e.dataTransfer?.setData('text/plain', def.name);
      }}
      @dragover=${(e: DragEvent) => !locked && e.preventDefault()}
      @drop=${(e: DragEvent) => {
        e.preventDefault();
        if (!locked && this.dragging) void this.#move(this.dragging, index);
        this.dragging = undefined;
      }}
      @dragend=${() => (this.dragging = undefined)}>
      ${this.#renderCells(def)}
      <td>${
        locked
          ? html`<span class="locked">${icons.lock} ${messages.builtIn}</span>`
          : html`<span class="actions">
            <button type="button" class="icon" aria-label=${messages.edit(this.#label(def))} @click=${() => this.#openForm(def)}>${icons.edit}</button>
            <button type="button" class="icon" data-move="up" aria-label=${messages.moveUp(this.#label(def))} ?disabled=${index === 0} @click=${() => this.#move(def.name, index - 1, 'up')}>${icons.up}</button>
            <button type="button" class="icon" data-move="down" aria-label=${messages.moveDown(this.#label(def))} ?disabled=${index === count - 1} @click=${() => this.#move(def.name, index + 1, 'down')}>${icons.down}</button>
            <button type="button" class="icon" aria-label=${messages.remove(this.#label(def))} @click=${() => this.#askDelete(def)}>${icons.remove}</button>
          </span>`
      }</td>
    </tr>`;
  }

  #renderConfirm() {
    const messages = this.catalog.definitionList;
    const deleting = this.deleting;
    const count = deleting?.count;
    return html`<dialog part="confirm" class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text"
      @close=${() => {
        // The close event comes a task later: the dialog may already be open for another property.
        // It may be gone already too: the user lost the admin role.
        if (!this.confirmDialog?.open) this.deleting = undefined;
      }}>
      ${
        deleting
          ? html`<div class="confirm">
            <h2 id="confirm-title">${messages.confirmTitle(this.#label(deleting.def))}</h2>
            <p id="confirm-text" aria-live="polite">${count === undefined ? messages.confirmUnknown : count === 0 ? messages.confirmNoValues : messages.confirmValues(count)}</p>
            <div class="buttons">
              <button class="danger" type="button" @click=${this.#confirmDelete}>${messages.confirmDelete}</button>
              <button type="button" autofocus @click=${() => this.confirmDialog.close()}>${this.catalog.definitionForm.cancel}</button>
            </div>
          </div>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'property-definition-list': PropertyDefinitionList;
  }
}
