/**
 * The locale an element speaks when none is set on it or provided: the nearest `lang` (crossing
 * shadow roots; from the parent with `skipSelf`), then the browser's.
 */
export function inheritedLocale(element: Element, { skipSelf = false } = {}): string {
  let node: Node | null = skipSelf ? parentOf(element) : element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/** The parent in the flat tree of hosts: the parent node, or the host of a shadow root. */
function parentOf(node: Node): Node | null {
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent;
}

/** The direction set by the nearest `dir="ltr"` or `dir="rtl"` above `element` (crossing shadow roots); `ltr` if none. */
export function inheritedDirection(element: Element): 'ltr' | 'rtl' {
  let node = parentOf(element);
  while (node) {
    if (node instanceof Element) {
      const dir = node.getAttribute('dir')?.toLowerCase();
      if (dir === 'ltr' || dir === 'rtl') return dir;
    }
    node = parentOf(node);
  }
  return 'ltr';
}
