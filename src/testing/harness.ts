/*
 * A small harness for a host's page tests: find a field by the label a user reads, type into it
 * and commit it, as a user would, through the elements' shadow roots. The events are dispatched
 * (no real keyboard), so it runs under any test runner with a DOM; for key-by-key typing use your
 * runner's keyboard (`@web/test-runner-commands`' `sendKeys`, Playwright's `keyboard`).
 */

/** A native field inside an element: what `findField` returns. */
export type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The text of a label as read aloud: without `aria-hidden` parts (the required `*`), spaces collapsed. */
function spokenText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(spokenText).join('');
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

function labelled(label: HTMLLabelElement): Field | null {
  const control = label.control;
  if (
    control instanceof HTMLInputElement ||
    control instanceof HTMLTextAreaElement ||
    control instanceof HTMLSelectElement
  ) {
    return control;
  }
  return null;
}

/**
 * The native input, text area or select whose label reads `label`, searched through every shadow
 * root under `root` (a document, an element or a shadow root). A label matches when its text,
 * less what is hidden from screen readers, is `label`, or `label` and a parenthesis (as in
 * "Age (required)"); an `aria-label` matches when it is `label`. Throws, listing the labels it
 * found, when none matches or when several do.
 *
 * @example const age = findField(document, 'Age');
 */
export function findField(root: ParentNode, label: string): Field {
  const wanted = normalized(label);
  const found = new Set<Field>();
  const seen: string[] = [];
  for (const element of deepElements(root)) {
    if (element instanceof HTMLLabelElement) {
      const text = normalized(spokenText(element));
      seen.push(text);
      const field = labelled(element);
      if (field && (text === wanted || (text.startsWith(wanted) && /^ ?\(/.test(text.slice(wanted.length))))) {
        found.add(field);
      }
    } else if (
      (element instanceof HTMLInputElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement) &&
      element.hasAttribute('aria-label')
    ) {
      const text = normalized(element.getAttribute('aria-label')!);
      seen.push(text);
      if (text === wanted) found.add(element);
    }
  }
  if (found.size === 1) return [...found][0]!;
  if (found.size > 1) throw new Error(`findField: ${found.size} fields are labelled “${wanted}”.`);
  throw new Error(
    `findField: no field labelled “${wanted}”; the labels are: ${seen.map((text) => `“${text}”`).join(', ') || 'none'}.`,
  );
}

/**
 * Types `text` into `field` as a user would, replacing what it held: focuses it, sets the value and
 * dispatches `input` (bubbling, composed). A select takes the option's value. Nothing is committed:
 * call `commit` for that.
 */
export function typeInto(field: Field, text: string): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * Commits `field` as leaving it does: dispatches `change` (bubbling), then takes the focus away.
 * The elements then parse, validate and save (the panel saves a committed field).
 */
export function commit(field: Field): void {
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.blur();
}
