import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { parseValue, validateDefinition } from '../../model/index.js';
import type { SectionHost } from './draft.js';

/** The pattern (for the types that take one), the hint shown to whoever fills it in, and a box to try it. */
export function renderPattern(form: SectionHost) {
  const messages = form.messages;
  const def = form.definition();
  const patternErrors = form.errorsFor('pattern');
  const compiles = !validateDefinition(def, []).some((e) => e.field === 'pattern');
  const tried =
    form.sample && def.pattern && compiles
      ? parseValue({ ...def, label: def.label || messages.trySample }, form.sample, form.locale)
      : undefined;
  return html`<label class="field"><span>${messages.pattern}</span>
        <input id="pattern" .value=${live(form.draft.pattern)} spellcheck="false" autocomplete="off"
          aria-invalid=${String(patternErrors.length > 0)} aria-describedby=${form.describedBy('pattern', 'pattern', 'pattern-hint')}
          @input=${(e: Event) => form.update({ pattern: (e.target as HTMLInputElement).value }, 'pattern')} />
        <small part="help-text" id="pattern-hint">${messages.patternHint}</small>
        ${form.fieldErrors('pattern', 'pattern')}
      </label>
      <label class="field"><span>${messages.patternHintLabel}</span>
        <input id="pattern-hint-text" .value=${live(form.draft.patternHint)}
          @input=${(e: Event) => form.update({ patternHint: (e.target as HTMLInputElement).value })} />
      </label>
      <label class="field"><span>${messages.trySample}</span>
        <input id="sample" .value=${live(form.sample)} aria-describedby="sample-result"
          @input=${(e: Event) => (form.sample = (e.target as HTMLInputElement).value)} />
        <p class="sample-result ${tried?.ok ? 'ok' : ''}" id="sample-result" aria-live="polite">
          ${tried ? (tried.ok ? messages.sampleMatches : form.describe(tried.error, def.label || messages.trySample)) : ''}</p>
      </label>`;
}
