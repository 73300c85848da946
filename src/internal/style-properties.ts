import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM, on the first render too. Lit's `styleMap`
 * writes a `style` attribute on first render, which a strict Content-Security-Policy blocks.
 */
class StylePropertiesDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('styleProperties() belongs on an element: <div ${styleProperties(…)}>');
  }

  render(_properties: Record<string, string>) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return nothing;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
