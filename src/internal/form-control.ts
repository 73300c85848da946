import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizedElement } from './localized-element.js';

export interface Validation {
  flags: ValidityStateFlags;
  message: string;
  /** The inner control the browser points at when it reports the problem. */
  anchor?: HTMLElement | undefined;
}

/**
 * The base of every element that is a form field (`<property-editor>`, `<location-picker>`):
 * form-associated through `ElementInternals`, with the API of a native control. Subclasses say
 * what they submit, how they validate and what reset means; the base keeps the form in sync.
 *
 * @cssstate user-invalid - The user left the field, or tried to submit, and its value is invalid.
 * @cssstate user-valid - The user left the field, or tried to submit, and its value is valid.
 */
export abstract class FormControlElement extends LocalizedElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  protected readonly internals: ElementInternals;

  /** The form field name; what the value is submitted under. */
  @property({ reflect: true }) name = '';
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Errors show once the user has left the field or tried to submit. */
  @state() protected touched = false;
  @state() private formDisabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => (this.touched = true));
    this.addEventListener('focusout', (event) => {
      if (
        !this.contains(event.relatedTarget as Node | null) &&
        !this.renderRoot.contains(event.relatedTarget as Node | null)
      ) {
        this.touched = true;
      }
    });
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  /** Checks the value and, when it is invalid, shows the message now. */
  reportValidity(): boolean {
    this.touched = true;
    return this.internals.reportValidity();
  }

  /** Disabled by its own attribute or by a disabled `<fieldset>` around it. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** What the form submits (`null`: nothing); a `FormData` names its own entries. */
  protected abstract formValue(): string | FormData | null;
  /** What the browser keeps to restore the field after a reload or back navigation. */
  protected formState(): string | null {
    const value = this.formValue();
    return typeof value === 'string' ? value : null;
  }
  protected abstract validation(): Validation | null;
  /** Back to the value the field started with (`form.reset()`). */
  protected abstract resetValue(): void;
  protected abstract restoreValue(state: string): void;

  /** Marks the user's edit: errors show from now on. */
  protected markTouched(): void {
    this.touched = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue(), this.formState());
    const problem = this.isDisabled ? null : this.validation();
    if (problem) this.internals.setValidity(problem.flags, problem.message, problem.anchor);
    else this.internals.setValidity({});
    this.internals.ariaDisabled = String(this.isDisabled);
    const invalid = problem !== null;
    this.#state('user-invalid', this.touched && invalid);
    this.#state('user-valid', this.touched && !invalid);
  }

  #state(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers before CustomStateSet: the states are a styling aid only.
    }
  }

  formResetCallback(): void {
    this.resetValue();
    this.touched = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  /** Fires the native-looking `input` or `change` event, bubbling and composed, for user edits only. */
  protected emit(type: 'input' | 'change'): void {
    fire(this, type);
  }
}

/** Outside the class so the manifest lists `input` and `change` from each element's JSDoc only. */
function fire(element: HTMLElement, type: string): void {
  element.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}
