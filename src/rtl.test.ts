// Right-to-left layout in Arabic and Hebrew: each element in a right-to-left page with a host's
// catalog for the language lays out from the right, keeps every box inside its own, and shows the
// start of every select. `npm run screenshot` keeps the pictures in docs/rtl-ar.png and docs/rtl-he.png.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { CustomerPropertiesUser } from './context.js';
import { registerLocale } from './i18n/locales.js';
import { waitUntil } from './internal/test/wait.js';
import type { AudienceQuery, PropertyDefinition } from './model/index.js';
import { MemoryStore } from './storage/memory-store.js';
import './index.js';

const admin: CustomerPropertiesUser = { id: 'a1', roles: ['admin'], name: 'Ada' };
const WIDTH = 360;

// A host's catalogs for the languages: the words a page shows most, the rest in English.
registerLocale('ar', {
  panel: { title: 'تفاصيل العميل', saved: 'تم الحفظ' },
  field: { required: 'مطلوب' },
  audienceBuilder: {
    title: 'الجمهور',
    property: 'الخاصية',
    operator: 'الشرط',
    value: 'القيمة',
    from: 'من',
    to: 'إلى',
    addCondition: 'أضف شرطًا',
    addGroup: 'أضف مجموعة',
  },
});
registerLocale('he', {
  panel: { title: 'פרטי הלקוח', saved: 'נשמר' },
  field: { required: 'חובה' },
  audienceBuilder: {
    title: 'קהל',
    property: 'מאפיין',
    operator: 'תנאי',
    value: 'ערך',
    from: 'מ־',
    to: 'עד',
    addCondition: 'הוספת תנאי',
    addGroup: 'הוספת קבוצה',
  },
});

const base = { showToAgent: true, showToCustomer: true, access: { '*': 'edit' as const } };
function store(lang: 'ar' | 'he') {
  const words =
    lang === 'ar'
      ? {
          color: 'اللون المفضل',
          colors: ['أحمر', 'أزرق', 'أخضر'],
          size: 'مقاس الحذاء',
          birthday: 'تاريخ الميلاد',
          notes: 'ملاحظات',
          note: 'يفضل التواصل عبر واتساب بعد الساعة 6 مساءً.',
        }
      : {
          color: 'צבע מועדף',
          colors: ['אדום', 'כחול', 'ירוק'],
          size: 'מידת נעל',
          birthday: 'יום הולדת',
          notes: 'הערות',
          note: 'מעדיף וואטסאפ אחרי 18:00.',
        };
  const definitions: PropertyDefinition[] = [
    {
      ...base,
      name: 'favorite_color',
      label: words.color,
      type: 'single-choice',
      order: 0,
      options: ['red', 'blue', 'green'].map((value, i) => ({ value, label: words.colors[i]! })),
    },
    { ...base, name: 'shoe_size', label: words.size, type: 'number', order: 1 },
    { ...base, name: 'birthday', label: words.birthday, type: 'date', order: 2 },
    { ...base, name: 'notes', label: words.notes, type: 'text', order: 3 },
  ];
  return new MemoryStore({
    definitions,
    customers: [
      {
        id: 'c1',
        revision: 1,
        number: '+972501234567',
        name: lang === 'ar' ? 'ليلى حداد' : 'נועה לוי',
        properties: { favorite_color: 'blue', shoe_size: '38.5', birthday: '1991-04-12', notes: words.note },
      },
    ],
  });
}

/** Boxes inside `root` (through shadow roots) that stick out of `frame` sideways. */
function outside(root: ParentNode, frame: DOMRect, found: string[] = []): string[] {
  for (const el of root.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > frame.right + 0.5 || box.left < frame.left - 0.5)) {
      found.push(`${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`);
    }
    if (el.shadowRoot) outside(el.shadowRoot, frame, found);
  }
  return found;
}

for (const lang of ['ar', 'he'] as const) {
  describe(`right to left: ${lang}`, () => {
    before(() => setViewport({ width: WIDTH + 16, height: 1400 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('the panel and the audience builder lay out from the right, inside their boxes, selects shown from their start', async () => {
      const data = store(lang);
      const query = {
        match: 'all',
        conditions: [
          { property: 'shoe_size', operator: 'between', value: ['36', '40'] },
          { property: 'favorite_color', operator: 'in', value: ['blue'] },
        ],
      } as AudienceQuery;
      const page =
        await fixture<HTMLElement>(html`<div id="rtl-page" lang=${lang} dir="rtl" style="width: ${WIDTH}px; padding: 8px; background: Canvas">
        <customer-details-panel customer-id="c1" .store=${data} .user=${admin}></customer-details-panel>
        <audience-builder count-delay="10" .store=${data} .user=${admin} .value=${query}></audience-builder>
      </div>`);
      const panel = page.querySelector('customer-details-panel')!;
      const builder = page.querySelector('audience-builder')!;
      await waitUntil(() => panel.shadowRoot!.querySelector('[part~="header"]'), 'the panel loaded');
      await waitUntil(() => builder.shadowRoot!.querySelectorAll('select').length >= 4, 'the builder rendered');
      await new Promise((resolve) => requestAnimationFrame(resolve));

      for (const el of [panel, builder]) {
        expect(el.hasAttribute('dir'), `${el.localName} inherits the page's direction`).to.equal(false);
        expect(getComputedStyle(el.shadowRoot!.firstElementChild ?? el).direction).to.equal('rtl');
        expect(outside(el.shadowRoot!, el.getBoundingClientRect()), el.localName).to.deep.equal([]);
      }
      // The title starts at the right.
      const title = panel.shadowRoot!.querySelector('[part~="title"]')!;
      expect(title.textContent.trim()).to.equal(lang === 'ar' ? 'تفاصيل العميل' : 'פרטי הלקוח');
      const range = document.createRange();
      range.selectNodeContents(title);
      expect(Math.round(panel.getBoundingClientRect().right - range.getBoundingClientRect().right)).to.be.at.most(24);
      // A select shows its chosen option from its start: it is at least as wide as its text needs.
      for (const select of builder.shadowRoot!.querySelectorAll('select')) {
        const chosen = select.selectedOptions[0]?.textContent ?? '';
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(select).font;
        probe.style.whiteSpace = 'pre';
        probe.textContent = chosen;
        document.body.append(probe);
        const needs = probe.getBoundingClientRect().width;
        probe.remove();
        expect(select.clientWidth, `“${chosen}” fits its select`).to.be.at.least(Math.min(needs, 200));
      }
      await executeServerCommand('screenshot', { name: `rtl-${lang}`, selector: '#rtl-page' });
    });
  });
}
