import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ChoiceOption } from '../model/types.js';
import { styleProperties } from './style-properties.js';

/**
 * The height of one option row, in pixels, at the default text size: the styles make a row
 * `max(32px, 2rem)` tall, so with larger text (WCAG 1.4.4, 200 %) rows grow and no label is cut;
 * the virtual window counts with the same figure (`rowHeight()`).
 */
export const ROW_HEIGHT = 32;

/** A row's height now, in pixels: `max(32px, 2rem)`, as the styles set it. */
function rowHeight(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.max(ROW_HEIGHT, 2 * rem);
}
/** The rows in view; PageUp and PageDown move by as many. */
export const VISIBLE_ROWS = 8;

interface OptionSearch {
  labels: string[];
}
const searches = new WeakMap<readonly ChoiceOption[], OptionSearch>();
function optionSearch(options: readonly ChoiceOption[]): OptionSearch {
  let search = searches.get(options);
  if (!search) {
    search = { labels: options.map((option) => option.label.toLocaleLowerCase()) };
    searches.set(options, search);
  }
  return search;
}

/** The element a listbox lives in: the controller finds its rendered listbox in the render root. */
export type ListboxHost = ReactiveControllerHost & { readonly renderRoot?: ParentNode };

/** What differs between the widgets that show a listbox. */
export interface ListboxView {
  /** The accessible name of the listbox. */
  label: string;
  multiple: boolean;
  /**
   * The selector of the element the popup is placed under without CSS anchor positioning
   * (default: `#control`). The popup is shown in the top layer (`popover="manual"`), so no
   * ancestor's `overflow`, `contain` or `content-visibility` clips it, and placed under its
   * anchor by CSS anchor positioning (the host's styles name the anchor), or where that is
   * missing by the controller, followed on scroll and resize.
   */
  anchor?: string;
  /** The values shown as selected. */
  chosen: readonly string[];
  /** The status shown instead of the list when no option matches. */
  noMatches: string;
  /** The user clicked the option at this index of the options. */
  pick: (index: number) => void;
}

/**
 * A popup listbox of options filtered by a search, for a combobox that keeps the focus:
 * it owns the matches, the active option (`aria-activedescendant`), the keys that move it, and the
 * scroll position. Only the rows in view are in the DOM, so 5,000 options cost what eight do.
 */
export class ListboxController implements ReactiveController {
  #host: ListboxHost;
  #options: () => readonly ChoiceOption[];
  #active = -1;
  #scroll = 0;
  #filterCache: { options: readonly ChoiceOption[]; query: string; matches: number[] } | undefined;
  /** The popup shown in the top layer now, and the function that stops following its anchor. */
  #popup: HTMLElement | null = null;
  #anchor = '#control';
  #stopPlacing: (() => void) | undefined;
  /** The row height measured when the popup opened (`rowHeight()`). */
  #row = ROW_HEIGHT;

  constructor(host: ListboxHost, options: () => readonly ChoiceOption[]) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A popup just rendered is shown in the top layer and follows its anchor; one gone stops following. */
  hostUpdated(): void {
    const popup = this.#listbox;
    if (popup === this.#popup) return;
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    this.#popup = popup;
    const anchor = this.#host.renderRoot?.querySelector<HTMLElement>(this.#anchor);
    // A popup rendered while its element leaves the page is not shown (showPopover would throw).
    if (!popup || !anchor || !popup.isConnected) return;
    if (!popup.matches(':popover-open')) popup.showPopover();
    if (!anchorPositioning()) this.#stopPlacing = follow(anchor, popup);
    const row = rowHeight();
    if (row !== this.#row) {
      this.#row = row;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    this.#popup = null;
  }

  /** The position of the active option among the matches; -1: none. */
  get active(): number {
    return this.#active;
  }
  set active(position: number) {
    if (position === this.#active) return;
    this.#active = position;
    this.#host.requestUpdate();
  }

  #setScroll(top: number): void {
    if (top === this.#scroll) return;
    this.#scroll = top;
    this.#host.requestUpdate();
  }

  get #listbox(): HTMLElement | null {
    return this.#host.renderRoot?.querySelector<HTMLElement>('#listbox') ?? null;
  }

  /** Indices of the options whose label contains the search text. */
  matches(search: string): number[] {
    const options = this.#options();
    const queryText = search.trim().toLocaleLowerCase();
    const cached = this.#filterCache;
    if (cached && cached.options === options && cached.query === queryText) return cached.matches;
    const labels = optionSearch(options).labels;
    const matches: number[] = [];
    for (let i = 0; i < labels.length; i++) if (!queryText || labels[i]!.includes(queryText)) matches.push(i);
    this.#filterCache = { options, query: queryText, matches };
    return matches;
  }

  /** The id of the active option's row, for `aria-activedescendant`. */
  activeId(matches: readonly number[]): string | undefined {
    return this.#active >= 0 && this.#active < matches.length ? `option-${this.#active}` : undefined;
  }

  /** The index among the options of the active match, if there is one. */
  activeOption(matches: readonly number[]): number | undefined {
    return this.#active >= 0 && this.#active < matches.length ? matches[this.#active] : undefined;
  }

  /** A new search: the first match is active and the list is back at its top. */
  restart(matches: readonly number[]): void {
    this.active = matches.length ? 0 : -1;
    this.#setScroll(0);
    const listbox = this.#listbox;
    if (listbox) listbox.scrollTop = 0;
  }

  /** Makes the match at `position` active and scrolls it into view once it is rendered. */
  activate(position: number): void {
    this.active = position;
    void this.#host.updateComplete.then(() => this.#scrollToActive());
  }

  /**
   * ArrowDown and ArrowUp move the active option by one; PageDown and PageUp, when `paging`, by
   * a page. Returns whether the key was one of them.
   */
  moveByKey(event: KeyboardEvent, matches: readonly number[], { paging = false } = {}): boolean {
    const step = keyStep(event.key, paging);
    if (!step) return false;
    event.preventDefault();
    this.activate(Math.min(matches.length - 1, Math.max(0, this.#active + step)));
    return true;
  }

  #scrollToActive(): void {
    const listbox = this.#listbox;
    if (!listbox || this.#active < 0) return;
    const top = this.#active * this.#row;
    const height = listbox.clientHeight || VISIBLE_ROWS * this.#row;
    if (top < listbox.scrollTop) listbox.scrollTop = top;
    else if (top + this.#row > listbox.scrollTop + height) listbox.scrollTop = top + this.#row - height;
    this.#setScroll(listbox.scrollTop);
  }

  /** The listbox with the rows in view (ids `option-<position>`), or a status when nothing matches. */
  render(matches: readonly number[], view: ListboxView): TemplateResult {
    const options = this.#options();
    this.#anchor = view.anchor ?? '#control';
    const chosen = new Set(view.chosen);
    const first = Math.max(0, Math.floor(this.#scroll / this.#row) - 2);
    const last = Math.min(matches.length, first + VISIBLE_ROWS + 4);
    const rows = [];
    for (let position = first; position < last; position++) {
      const index = matches[position]!;
      const option = options[index]!;
      rows.push(html`<div role="option" id="option-${position}" class=${position === this.#active ? 'active' : ''}
        aria-selected=${chosen.has(option.value) ? 'true' : 'false'} aria-setsize=${matches.length} aria-posinset=${position + 1}
        ${styleProperties({ top: `${position * this.#row}px` })}
        @pointerdown=${(event: Event) => event.preventDefault()}
        @click=${() => {
          this.active = position;
          view.pick(index);
        }}>${option.label}</div>`);
    }
    // An empty listbox is hidden (a listbox must hold options); a status line says why.
    return html`<div part="listbox" id="listbox" role="listbox" class="popup" tabindex="-1"
      popover="manual" ?hidden=${matches.length === 0} aria-label=${view.label} aria-multiselectable=${view.multiple ? 'true' : 'false'}
      ${styleProperties({ 'max-height': `${VISIBLE_ROWS * this.#row}px` })}
      @scroll=${(event: Event) => this.#setScroll((event.target as HTMLElement).scrollTop)}>
      <div class="rows" ${styleProperties({ height: `${matches.length * this.#row}px` })}>${rows}</div>
    </div>
    ${matches.length ? nothing : html`<div class="empty" role="status">${view.noMatches}</div>`}`;
  }
}

/** How far a key moves the active option; 0: not a key that moves it. */
function keyStep(key: string, paging: boolean): number {
  switch (key) {
    case 'ArrowDown':
      return 1;
    case 'ArrowUp':
      return -1;
    case 'PageDown':
      return paging ? VISIBLE_ROWS : 0;
    case 'PageUp':
      return paging ? -VISIBLE_ROWS : 0;
    default:
      return 0;
  }
}

/** Whether the browser places the popup itself (CSS anchor positioning: Chromium 125+, Safari 26+). */
function anchorPositioning(): boolean {
  return typeof CSS !== 'undefined' && CSS.supports('anchor-name: --a') && CSS.supports('top: anchor(bottom)');
}

/**
 * Without CSS anchor positioning: the popup under its anchor (above it when there is more room
 * there), as wide as it, hidden while the anchor is scrolled out of view, placed again on every
 * scroll (of any box) and resize until stopped.
 */
function follow(anchor: HTMLElement, popup: HTMLElement): () => void {
  const place = () => {
    const box = anchor.getBoundingClientRect();
    const height = popup.offsetHeight;
    const below = innerHeight - box.bottom;
    const top = below < height + 4 && box.top > below ? Math.max(0, box.top - height - 2) : box.bottom + 2;
    popup.style.left = `${box.left}px`;
    popup.style.top = `${top}px`;
    popup.style.width = `${box.width}px`;
    // Hidden while its field is scrolled out of view, as `position-visibility: anchors-visible` does.
    const root = anchor.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    popup.style.visibility = hit && anchor.contains(hit) ? '' : 'hidden';
  };
  place();
  addEventListener('scroll', place, { capture: true, passive: true });
  addEventListener('resize', place);
  return () => {
    removeEventListener('scroll', place, { capture: true });
    removeEventListener('resize', place);
  };
}
