/*
 * The tests every form control passes, as a native input would: valid by default, required and
 * empty is invalid, the value in FormData, form.reset(), disabled, and no events for values set
 * from code. `<property-editor>` and `<location-picker>` run it; a host's own control can too.
 */
import { expect } from 'chai';
import { html, render, type TemplateResult } from 'lit';
import { testApi, type TestApi } from './test-api.js';

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

/** What the suite uses of a control: the API of a native input, and Lit's `updateComplete`. */
type Control = HTMLElement & {
  value: unknown;
  disabled: boolean;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  readonly updateComplete: Promise<unknown>;
};

/** The forms rendered by the current test, removed after it. */
const mounted: HTMLElement[] = [];

async function inForm(template: TemplateResult) {
  const host = document.body.appendChild(document.createElement('div'));
  mounted.push(host);
  render(html`<form>${template}</form>`, host);
  const form = host.firstElementChild as HTMLFormElement;
  const control = form.firstElementChild as Control;
  await control.updateComplete;
  return { form, control };
}

/**
 * Defines the form-control tests for each case: `describe('<name>: form control')`. A control
 * passes when it behaves as a native input: valid by default, invalid when required and empty
 * (with a message containing "required"), its value in `FormData` under its name, back to the
 * host's value on `form.reset()`, neither submitted nor validated when disabled, and no `input` or
 * `change` for a value set from code. Needs a DOM (a browser test runner).
 */
export function runFormControlTests(cases: FormControlCase[], options: { test?: TestApi } = {}): void {
  const { describe, it, afterEach } = testApi(options.test);
  for (const testCase of cases) {
    describe(`${testCase.name}: form control`, () => {
      afterEach(() => {
        for (const host of mounted.splice(0)) host.remove();
      });

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
