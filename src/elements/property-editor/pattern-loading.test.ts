// A page of its own (web-test-runner runs each file in a fresh page), so the pattern engine starts
// unloaded here: RE2 is fetched only once a definition with a pattern is shown.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { patternEngineLoaded } from '../../model/patterns.js';
import type { PropertyDefinition } from '../../model/types.js';
import { waitUntil } from '../../internal/test/wait.js';
import type { PropertyEditor } from './property-editor.js';
import './property-editor.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const }, order: 0 };
const plain: PropertyDefinition = { ...base, name: 'nickname', label: 'Nickname', type: 'word' };
const orderId: PropertyDefinition = {
  ...base,
  name: 'order_id',
  label: 'Order id',
  type: 'word',
  order: 1,
  pattern: '[A-Z]{2}[0-9]{6}',
  patternHint: 'Two capital letters and six digits, like AB123456.',
};
const letters: PropertyDefinition = {
  ...base,
  name: 'letters',
  label: 'Letters',
  type: 'text',
  pattern: '([a-z]+)+[0-9]',
};

const $ = (el: PropertyEditor, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const errorText = (el: PropertyEditor) => $(el, '[part~="error"]')?.textContent?.trim() ?? '';

async function typeAndLeave(el: PropertyEditor, text: string): Promise<void> {
  const input = $(el, 'input')!;
  input.focus();
  (input as HTMLInputElement).select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

describe('patterns, loaded on demand', () => {
  it('a field without a pattern does not load the engine', async () => {
    const el = await fixture<PropertyEditor>(html`<property-editor .definition=${plain}></property-editor>`);
    await typeAndLeave(el, 'Ana');
    expect(el.value).to.equal('Ana');
    expect(patternEngineLoaded()).to.equal(false);
  });

  it('a field with a pattern loads it, then checks what is typed against it', async () => {
    const el = await fixture<PropertyEditor>(html`<property-editor .definition=${orderId}></property-editor>`);
    await waitUntil(() => patternEngineLoaded(), 'RE2 was not loaded for a definition with a pattern');
    await typeAndLeave(el, 'ab123456');
    expect(errorText(el)).to.equal('Two capital letters and six digits, like AB123456.');
    expect(el.validity.patternMismatch).to.equal(true);
    await typeAndLeave(el, 'AB123456');
    expect(errorText(el)).to.equal('');
    expect(el.value).to.equal('AB123456');
  });

  it('checks a nested-repeat pattern against 10,000 typed letters without freezing the tab', async () => {
    const el = await fixture<PropertyEditor>(html`<property-editor .definition=${letters}></property-editor>`);
    const area = $(el, 'textarea') as HTMLTextAreaElement;
    // 10,000 letters pasted (as input events), then the field left: a backtracking engine would take
    // longer than the age of the universe here; the test's own timeout is the bound.
    area.value = 'a'.repeat(10_000);
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    area.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    area.blur();
    await el.updateComplete;
    expect(el.validity.patternMismatch).to.equal(true);
  });
});
