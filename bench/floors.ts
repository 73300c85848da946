// The floors the panel is measured against, in the same run (bench/run.mjs): a form of N labelled
// native inputs cycling through the eight types, written by hand and as one plain Lit template.
import { html, render } from 'lit';
import '../src/elements/customer-profile-form/customer-profile-form.js';
import type { PropertyEditor } from '../src/elements/property-editor/property-editor.js';
import { describeError } from '../src/i18n/describe.js';
import { parseValue, type PropertyDefinition, type PropertyValue } from '../src/model/index.js';
import { MemoryStore } from '../src/storage/memory-store.js';
import { BIG_CHOICE } from './big-choice.js';
import { options, SAMPLE, TYPES, type BenchType } from './sample.js';

/** What "validate all" finds: every third field holds something invalid. */
const BAD: Record<BenchType, string> = {
  number: '1,234.5',
  text: '',
  word: 'Class of',
  'single-choice': 'nope',
  'multiple-choice': 'nope',
  location: '91, 0',
  date: '2023-02-29',
  time: '25:00',
};

function definitions(n: number, big = false): PropertyDefinition[] {
  const defs = Array.from({ length: n }, (_, i): PropertyDefinition => {
    const type = TYPES[i % TYPES.length]!;
    return {
      name: `p${i}`,
      label: `Property ${i}`,
      type,
      order: i,
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
      ...(type.endsWith('choice') ? { options } : {}),
    };
  });
  return big ? [BIG_CHOICE, ...defs] : defs;
}

/**
 * "Validate all" is measured warm, as a user's Save meets it: the model has parsed and formatted
 * values while the page rendered. Each measure first parses every sample once for every type.
 */
function warmModel() {
  for (let round = 0; round < 20; round++) {
    for (const def of definitions(TYPES.length)) {
      parseValue(def, BAD[def.type], 'en');
      parseValue(def, text(SAMPLE[def.type]), 'en');
    }
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const text = (value: PropertyValue) => (typeof value === 'string' ? value : JSON.stringify(value));

// ——— hand-written DOM ———
function handField(def: PropertyDefinition): HTMLElement {
  const wrapper = document.createElement('div');
  const label = document.createElement('label');
  label.textContent = def.label;
  label.htmlFor = def.name;
  let control: HTMLElement;
  if (def.type === 'single-choice') {
    const select = document.createElement('select');
    for (const option of def.options!) select.add(new Option(option.label, option.value));
    control = select;
  } else if (def.type === 'text') {
    control = document.createElement('textarea');
  } else {
    const input = document.createElement('input');
    input.type = def.type === 'date' ? 'date' : def.type === 'time' ? 'time' : 'text';
    input.value = text(SAMPLE[def.type as BenchType]);
    control = input;
  }
  control.id = def.name;
  const message = document.createElement('p');
  wrapper.append(label, control, message);
  return wrapper;
}

function handForm(n: number, big = false): HTMLElement {
  const container = document.createElement('div');
  const fragment = document.createDocumentFragment();
  for (const def of definitions(n, big)) fragment.append(handField(def));
  container.append(fragment);
  return container;
}

// ——— plain Lit ———
function litTemplate(defs: PropertyDefinition[], values: string[], messages: string[], rowClass = '') {
  return html`${defs.map(
    (def, i) => html`<div class=${rowClass}>
    <label for=${def.name}>${def.label}</label>
    ${
      def.type === 'single-choice'
        ? html`<select id=${def.name}>${def.options!.map((o) => html`<option value=${o.value}>${o.label}</option>`)}</select>`
        : def.type === 'text'
          ? html`<textarea id=${def.name} .value=${values[i]!}></textarea>`
          : html`<input id=${def.name} type=${def.type === 'date' ? 'date' : def.type === 'time' ? 'time' : 'text'} .value=${values[i]!} />`
    }
    <p>${messages[i]}</p>
  </div>`,
  )}`;
}

async function measure(run: () => void | Promise<void>): Promise<number> {
  await frame();
  const start = performance.now();
  await run();
  void document.body.offsetHeight; // forces layout
  return performance.now() - start;
}

export async function handFirstRender(n: number, big = false) {
  return measure(() => document.body.append(handForm(n, big)));
}

/**
 * `skipOffscreen`: the rows get the panel's own rule (`content-visibility: auto` with an intrinsic
 * size), so rows off screen skip style and layout here too: the floor for a like-for-like ratio.
 */
export async function litFirstRender(n: number, skipOffscreen = false) {
  const defs = definitions(n);
  const container = document.createElement('div');
  document.body.append(container);
  if (skipOffscreen) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.row { content-visibility: auto; contain-intrinsic-size: auto 4.5rem; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  return measure(() => {
    render(
      litTemplate(
        defs,
        defs.map((d) => text(SAMPLE[d.type])),
        defs.map(() => ''),
        skipOffscreen ? 'row' : '',
      ),
      container,
    );
  });
}

export async function handUpdate(n: number, rounds: number) {
  const form = handForm(n);
  document.body.append(form);
  const input = form.querySelector<HTMLInputElement>('#p0')!;
  const times = [];
  for (let i = 0; i < rounds; i++) times.push(await measure(() => void (input.value = String(i + 10))));
  return times;
}

export async function litUpdate(n: number, rounds: number) {
  const defs = definitions(n);
  const values = defs.map((d) => text(SAMPLE[d.type]));
  const messages = defs.map(() => '');
  const container = document.createElement('div');
  document.body.append(container);
  render(litTemplate(defs, values, messages), container);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    times.push(
      await measure(() => {
        values[0] = String(i + 10);
        render(litTemplate(defs, values, messages), container);
      }),
    );
  }
  return times;
}

/** Validate all: every field checked by the model and every message shown. */
export async function handValidate(n: number, rounds: number) {
  const defs = definitions(n);
  const form = handForm(n);
  document.body.append(form);
  warmModel();
  const messages = [...form.querySelectorAll('p')];
  const times = [];
  for (let round = 0; round < rounds; round++) {
    times.push(
      await measure(() => {
        defs.forEach((def, i) => {
          const result = parseValue(def, i % 3 === 0 ? BAD[def.type] : text(SAMPLE[def.type]), 'en');
          messages[i]!.textContent = result.ok ? '' : describeError(result.error, { locale: 'en', label: def.label });
        });
      }),
    );
  }
  return times;
}

export async function litValidate(n: number, rounds: number) {
  const defs = definitions(n);
  const values = defs.map((def, i) => (i % 3 === 0 ? BAD[def.type] : text(SAMPLE[def.type])));
  const container = document.createElement('div');
  document.body.append(container);
  render(
    litTemplate(
      defs,
      values,
      defs.map(() => ''),
    ),
    container,
  );
  warmModel();
  const times = [];
  for (let round = 0; round < rounds; round++) {
    times.push(
      await measure(() => {
        const messages = defs.map((def, i) => {
          const result = parseValue(def, values[i], 'en');
          return result.ok ? '' : describeError(result.error, { locale: 'en', label: def.label });
        });
        render(litTemplate(defs, values, messages), container);
      }),
    );
  }
  return times;
}

/**
 * "Validate all" in our elements is the profile form's Save: every field is checked (`checkValidity()`)
 * and each invalid one shows its message. The panel saves field by field and has no such step.
 */
export async function formValidate(n: number, rounds: number) {
  // As in the floors, a third of the fields need attention: required, and empty.
  const defs = definitions(n).map((def, i) => ({
    ...def,
    showToCustomer: true,
    ...(i % 3 === 0 ? { required: true } : {}),
  }));
  const properties = Object.fromEntries(defs.filter((_, i) => i % 3 !== 0).map((d) => [d.name, SAMPLE[d.type]]));
  const store = new MemoryStore({
    definitions: defs,
    customers: [{ id: 'c', number: '1', name: 'Ana', revision: 1, properties }],
  });
  const form = document.createElement('customer-profile-form');
  form.store = store;
  form.customerId = 'c';
  form.locale = 'en';
  document.body.append(form);
  let editors: PropertyEditor[] = [];
  while (editors.length < n) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await form.updateComplete;
    editors = [...form.shadowRoot!.querySelectorAll('property-editor')];
  }
  await Promise.all(editors.map((editor) => editor.updateComplete));
  warmModel();
  const times = [];
  for (let round = 0; round < rounds; round++) {
    times.push(
      await measure(async () => {
        form.shadowRoot!.querySelector('form')!.requestSubmit();
        await form.updateComplete;
        await Promise.all(editors.map((e) => e.updateComplete));
      }),
    );
    const messages = editors.filter(
      (e) =>
        e.shadowRoot!.querySelector('[part~="error"]') ??
        e.shadowRoot!.querySelector('location-picker')?.shadowRoot?.querySelector('[part~="error"]'),
    ).length;
    if (messages < Math.floor(n / 3)) throw new Error(`only ${messages} messages shown`);
  }
  form.remove();
  return times;
}

(window as unknown as { bench: object }).bench = {
  handFirstRender,
  litFirstRender,
  handUpdate,
  litUpdate,
  handValidate,
  litValidate,
  formValidate,
};
