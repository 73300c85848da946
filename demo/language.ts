// The demo page's language: the words of index.html (marked `data-w`, `data-w-label`,
// `data-w-placeholder`), the document's title and `lang`, and what the demo's modules write
// themselves (they listen with `onLanguage`). The elements follow the same switch through context.
import { en, wordAt, wordsFor, type DemoWords } from './words.js';

type Listener = (words: DemoWords, locale: string) => void;

let locale = 'en';
let current: DemoWords = en;
const listeners = new Set<Listener>();

/** The words of the page's language now. */
export function words(): DemoWords {
  return current;
}

/** Calls `listener` now and after each change of language. */
export function onLanguage(listener: Listener): void {
  listeners.add(listener);
  listener(current, locale);
}

/** Switches the page to `next` (a BCP 47 tag): the words of index.html, `lang`, the title, and the listeners. */
export function setLanguage(next: string): void {
  locale = next;
  current = wordsFor(next);
  document.documentElement.lang = next;
  document.title = current.title;
  for (const element of document.querySelectorAll<HTMLElement>('[data-w]'))
    fill(element, wordAt(current, element.dataset.w!));
  for (const element of document.querySelectorAll<HTMLElement>('[data-w-label]'))
    element.setAttribute('aria-label', wordAt(current, element.dataset.wLabel!));
  for (const element of document.querySelectorAll<HTMLElement>('[data-w-placeholder]'))
    element.setAttribute('placeholder', wordAt(current, element.dataset.wPlaceholder!));
  for (const listener of listeners) listener(current, locale);
}

/**
 * Puts a sentence into `element`. `{name}` in it stands for the element's child marked
 * `data-slot="name"` (a link, a code sample), which keeps its place in the page and its own words.
 */
function fill(element: HTMLElement, sentence: string): void {
  if (!sentence.includes('{')) {
    element.textContent = sentence;
    return;
  }
  const slots = new Map<string, Element>();
  for (const child of element.querySelectorAll<HTMLElement>(':scope > [data-slot]'))
    slots.set(child.dataset.slot!, child);
  element.replaceChildren(
    ...sentence.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (slots.get(part) ?? `{${part}}`) : part)),
  );
}
