// The language of parts (WCAG 3.1.2) and right-to-left layout: each element says which language
// its words are in when the page around it speaks another, and lays out in that language's direction.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from './context.js';
import { definition } from './internal/test/definitions.js';
import { waitUntil } from './internal/test/wait.js';
import { registerLocale } from './i18n/locales.js';
import type { PropertyEditor } from './elements/property-editor/property-editor.js';
import { MemoryStore } from './storage/memory-store.js';
import { seed } from './testing/seed.js';
import './index.js';
import './i18n/de.js';

const agent: CustomerPropertiesUser = { id: 'u1', roles: ['agent'], name: 'Ana' };
const FSI = '\u2068';
const PDI = '\u2069';

// A host's partial Arabic catalog: the words it gives are Arabic, the rest English.
registerLocale('ar', {
  panel: { title: 'تفاصيل العميل' },
  propertyEditor: { dateHint: (example: string) => `مثال: ${example}.` },
});

async function inPage(lang: string, dir: string | undefined, content: ReturnType<typeof html>) {
  const page = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir ?? 'ltr'}>${content}</div>`);
  const el = page.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  return el;
}

describe('language of parts and direction', () => {
  it('a German editor in an English page says it is German; in a German page it needs no lang', async () => {
    const def = definition('number', { name: 'age', label: 'Alter' });
    const german = await inPage(
      'en',
      undefined,
      html`<property-editor locale="de" .definition=${def}></property-editor>`,
    );
    expect(german.getAttribute('lang')).to.equal('de');
    expect(german.hasAttribute('dir')).to.equal(false);
    const austrian = await inPage(
      'de',
      undefined,
      html`<property-editor locale="de-AT" .definition=${def}></property-editor>`,
    );
    expect(austrian.hasAttribute('lang'), 'same language, another region').to.equal(false);
  });

  it('words that fall back to English say so: a French page without a French catalog gets lang="en" on the element', async () => {
    const el = await inPage(
      'fr',
      undefined,
      html`<customer-details-panel customer-id="ana" .store=${new MemoryStore(seed())} .user=${agent}></customer-details-panel>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"]'), 'loaded');
    expect(el.getAttribute('lang')).to.equal('en');
    // Its numbers are still French: the locale is the page's, only the words are English.
    expect((el as unknown as { effectiveLocale: string }).effectiveLocale).to.equal('fr');
  });

  it('the lang it set goes when the locale comes to agree with the page, and a lang the author set stays', async () => {
    const def = definition('text', { name: 'notes' });
    const el = (await inPage(
      'en',
      undefined,
      html`<property-editor locale="de" .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    expect(el.getAttribute('lang')).to.equal('de');
    el.locale = 'en';
    await el.updateComplete;
    expect(el.hasAttribute('lang')).to.equal(false);
    const authored = (await inPage(
      'en',
      undefined,
      html`<property-editor lang="de-CH" .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    expect(authored.getAttribute('lang'), "the author's").to.equal('de-CH');
    expect(authored.effectiveLocale).to.equal('de-CH');
  });

  it('English words in a Hebrew page lay out left to right, and the example in a hint is whole', async () => {
    const def = definition('date', { name: 'birthday', label: 'Birthday' });
    const el = (await inPage(
      'he',
      'rtl',
      html`<property-editor locale="he" .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    expect(el.getAttribute('lang'), 'no Hebrew catalog: English words').to.equal('en');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(el.shadowRoot!.querySelector('#control')!).direction).to.equal('ltr');
    const hint = el.shadowRoot!.querySelector('#hint')!.textContent;
    // Hebrew dates are written day first: the example stays one piece inside the sentence.
    expect(hint).to.match(/^For example \d{1,2}\.\d{1,2}\.\d{4}\.$/);
  });

  it('Arabic words lay out right to left in an English page; an Arabic-Indic example is isolated in the sentence', async () => {
    const def = definition('date', { name: 'birthday', label: 'عيد الميلاد' });
    const el = (await inPage(
      'en',
      undefined,
      html`<property-editor locale="ar-EG" .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    expect(el.getAttribute('lang')).to.equal('ar-EG');
    expect(el.getAttribute('dir')).to.equal('rtl');
    const control = el.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
    expect(getComputedStyle(control).direction).to.equal('rtl');
    const label = el.shadowRoot!.querySelector('label')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(Math.round(box.right - label.right), 'the label starts at the right').to.be.at.most(2);
    const hint = el.shadowRoot!.querySelector('#hint')!.textContent;
    expect(hint.startsWith('مثال: ')).to.equal(true);
    expect(hint).to.contain(FSI).and.to.contain(`${PDI}.`);
    // Typed with Arabic-Indic digits, as Intl shows them there.
    control.focus();
    await sendKeys({ type: '٣١/١٢/٢٠٢٤' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal('2024-12-31');
  });

  it('an error quoting an Arabic label in an English sentence isolates it', async () => {
    const def = definition('number', { name: 'age', label: 'العمر', required: true });
    const el = (await inPage(
      'en',
      undefined,
      html`<property-editor locale="en" .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent.trim()).to.equal(
      `${FSI}العمر${PDI} is required.`,
    );
  });

  it('a date in a language this browser lacks (Khmer) shows in the language’s own form from the first render', async () => {
    const def = definition('date', { name: 'birthday', label: 'Birthday' });
    const el = (await inPage(
      'km',
      undefined,
      html`<property-editor .definition=${def} .value=${'2024-12-31'}></property-editor>`,
    )) as PropertyEditor;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#control')!.value).to.equal('31/12/2024');
    expect(Intl.DateTimeFormat.supportedLocalesOf('km'), 'Chromium has no Khmer data').to.deep.equal([]);
  });

  it('a translated label in a language the element has no words for is marked with its own language', async () => {
    const def = definition('text', {
      name: 'color',
      label: 'Favorite color',
      translations: { fr: { label: 'Couleur préférée' } },
    });
    const el = (await inPage(
      'fr',
      undefined,
      html`<property-editor .definition=${def}></property-editor>`,
    )) as PropertyEditor;
    expect(el.getAttribute('lang'), 'the words are English').to.equal('en');
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.textContent).to.contain('Couleur préférée');
    expect(label.querySelector('span[lang]')?.getAttribute('lang')).to.equal('fr');
    const german = (await inPage(
      'de',
      undefined,
      html`<property-editor .definition=${{ ...def, translations: { de: { label: 'Lieblingsfarbe' } } }}></property-editor>`,
    )) as PropertyEditor;
    expect(
      german.shadowRoot!.querySelector('label span[lang]'),
      'German words, German label: nothing to mark',
    ).to.equal(null);
  });

  it('the audience preview isolates each name, so Arabic names keep their order in the list', async () => {
    const data = seed();
    data.customers[0]!.name = 'محمد';
    data.customers[1]!.name = 'علی';
    const el = await inPage(
      'en',
      undefined,
      html`<audience-builder count-delay="10" .store=${new MemoryStore(data)} .user=${agent}
      .value=${{ match: 'all', conditions: [{ property: 'name', operator: 'is-set' }] }}></audience-builder>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="preview"]'), 'the preview');
    const text = el.shadowRoot!.querySelector('[part~="preview"]')!.textContent;
    expect(text).to.contain(`${FSI}محمد${PDI}`).and.to.contain(`${FSI}علی${PDI}`);
  });
});
