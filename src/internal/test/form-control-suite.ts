/*
 * The tests every form control passes, as a native input would: valid by default, required and
 * empty is invalid, the value in FormData, form.reset(), disabled, and no events for values set
 * from code.
 */
import { expect, fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { FormControlElement } from '../form-control.js';

export interface FormControlCase {
  /** Shown in the test names. */
  name: string;
  /** The control, with this `name` and, when asked, `required`. */
  render: (options: { name: string; required: boolean }) => TemplateResult;
  /** A valid value, set from code. */
  sample: unknown;
  /** What FormData holds for `sample`. */
  submitted: string;
  /** Changes the value as a user would (typing, clicking), so that it differs from `sample`. */
  edit: (control: HTMLElement) => Promise<void>;
}

type Control = FormControlElement & { value: unknown };

async function inForm(template: TemplateResult) {
  const form = await fixture<HTMLFormElement>(html`<form>${template}</form>`);
  const control = form.firstElementChild as Control;
  await control.updateComplete;
  return { form, control };
}

export function runFormControlTests(cases: FormControlCase[]): void {
  for (const testCase of cases) {
    describe(`${testCase.name}: form control`, () => {
      it('is valid by default, with nothing in FormData', async () => {
        const { form, control } = await inForm(testCase.render({ name: 'field', required: false }));
        expect(control.checkValidity()).to.equal(true);
        expect(control.validity.valid).to.equal(true);
        expect(new FormData(form).has('field')).to.equal(false);
      });

      it('is invalid when required and empty, with a message', async () => {
        const { form, control } = await inForm(testCase.render({ name: 'field', required: true }));
        expect(control.checkValidity()).to.equal(false);
        expect(control.validity.valueMissing).to.equal(true);
        expect(control.validationMessage).to.contain('required');
        expect(form.checkValidity()).to.equal(false);
        control.value = testCase.sample;
        await control.updateComplete;
        expect(control.checkValidity()).to.equal(true);
      });

      it('puts its value in FormData under its name', async () => {
        const { form, control } = await inForm(testCase.render({ name: 'field', required: false }));
        control.value = testCase.sample;
        await control.updateComplete;
        expect(new FormData(form).get('field')).to.equal(testCase.submitted);
      });

      it('returns to the value the host gave on form.reset(), discarding the user’s edit', async () => {
        const { form, control } = await inForm(testCase.render({ name: 'field', required: false }));
        control.value = testCase.sample;
        await control.updateComplete;
        await testCase.edit(control);
        await control.updateComplete;
        expect(new FormData(form).get('field'), 'the edit changed the value').to.not.equal(testCase.submitted);
        form.reset();
        await control.updateComplete;
        expect(control.value).to.deep.equal(testCase.sample);
        expect(new FormData(form).get('field')).to.equal(testCase.submitted);
      });

      it('is neither submitted nor validated when disabled', async () => {
        const { form, control } = await inForm(testCase.render({ name: 'field', required: true }));
        control.disabled = true;
        await control.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        control.value = testCase.sample;
        await control.updateComplete;
        expect(new FormData(form).has('field')).to.equal(false);
        expect(
          control.shadowRoot!.querySelector('input:not([tabindex="-1"]), select, textarea')?.matches(':disabled') ??
            true,
        ).to.equal(true);
      });

      it('fires no event when its value is set from code', async () => {
        const { control } = await inForm(testCase.render({ name: 'field', required: false }));
        let events = 0;
        control.addEventListener('input', () => events++);
        control.addEventListener('change', () => events++);
        control.value = testCase.sample;
        await control.updateComplete;
        control.value = null;
        await control.updateComplete;
        expect(events).to.equal(0);
      });
    });
  }
}
