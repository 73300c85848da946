import { expect } from 'chai';
import {
  BUILT_IN_DEFINITIONS,
  suggestName,
  accessFor,
  definitionWithDefaults,
  sortDefinitions,
  validateDefinition,
} from './definitions.js';
import { validateCustomerNumber } from './customer.js';
import { loadPatternEngine } from './patterns.js';
import { definition, favoriteColor } from '../internal/test/definitions.js';
import { describeError } from '../i18n/describe.js';
import '../i18n/de.js';

const codes = (errors: { code: string }[]) => errors.map((error) => error.code);

describe('validateDefinition', () => {
  it('accepts a complete definition, including labels in any script', () => {
    expect(validateDefinition(favoriteColor, [])).to.deep.equal([]);
    expect(validateDefinition(definition('text', { label: '好きな色' }), [])).to.deep.equal([]);
  });

  it('takes a group of 1 to 100 characters, and says so in both languages', () => {
    expect(validateDefinition(definition('text', { group: 'Shopping' }), [])).to.deep.equal([]);
    expect(validateDefinition(definition('text', { group: 'g'.repeat(100) }), [])).to.deep.equal([]);
    for (const group of ['', '   ', 'g'.repeat(101)]) {
      const errors = validateDefinition(definition('text', { group }), []);
      expect(codes(errors), JSON.stringify(group)).to.deep.equal(['definition.group.length']);
      expect(errors[0]!.field).to.equal('group');
      expect(describeError(errors[0]!, { locale: 'en' })).to.equal('A group is named with 1 to 100 characters.');
      expect(describeError(errors[0]!, { locale: 'de' })).to.equal(
        'Eine Gruppe hat einen Namen aus 1 bis 100 Zeichen.',
      );
    }
  });

  it('checks the technical name: letters, digits, underscores, no spaces, at most 64', () => {
    for (const name of ['favorite color', '1color', '_x', 'a'.repeat(65), 'färbe', '']) {
      const errors = validateDefinition(definition('text', { name }), []);
      expect(codes(errors), name).to.deep.equal(['definition.name.format']);
      expect(errors[0]!.field).to.equal('name');
    }
    expect(validateDefinition(definition('text', { name: 'a'.repeat(64) }), [])).to.deep.equal([]);
  });

  it('reserves number and name in any case', () => {
    expect(codes(validateDefinition(definition('text', { name: 'Number' }), []))).to.deep.equal([
      'definition.name.reserved',
    ]);
    expect(codes(validateDefinition(definition('text', { name: 'NAME' }), []))).to.deep.equal([
      'definition.name.reserved',
    ]);
  });

  it('takes a maxLength on text only, from 1 to 10,000', () => {
    expect(validateDefinition(definition('text', { maxLength: 200 }), [])).to.deep.equal([]);
    for (const [type, maxLength] of [
      ['word', 50],
      ['text', 0],
      ['text', 10_001],
      ['text', 2.5],
    ] as const) {
      const errors = validateDefinition(definition(type, { maxLength }), []);
      expect(codes(errors), `${type} ${maxLength}`).to.deep.equal(['definition.maxLength']);
    }
  });

  it('reserves the names that reach a plain object’s prototype', () => {
    for (const name of ['constructor', 'prototype', 'Constructor']) {
      const errors = validateDefinition(definition('text', { name }), []);
      expect(codes(errors), name).to.deep.equal(['definition.name.reserved']);
      expect(describeError(errors[0])).to.equal(`“${name}” is a reserved name; choose another.`);
    }
  });

  it('rejects a name taken in another case on create, and not the definition itself on update', () => {
    const existing = [definition('text', { name: 'favoriteColor' })];
    const errors = validateDefinition(definition('text', { name: 'FavoriteColor' }), existing);
    expect(codes(errors)).to.deep.equal(['definition.name.taken']);
    expect(describeError(errors[0])).to.equal('A property named “favoriteColor” already exists.');
    expect(validateDefinition(existing[0]!, existing, { mode: 'update' })).to.deep.equal([]);
    expect(codes(validateDefinition(existing[0]!, existing))).to.deep.equal(['definition.name.taken']);
  });

  it('requires a label of 1 to 100 characters after trimming', () => {
    expect(codes(validateDefinition(definition('text', { label: '   ' }), []))).to.deep.equal([
      'definition.label.length',
    ]);
    expect(codes(validateDefinition(definition('text', { label: 'x'.repeat(101) }), []))).to.deep.equal([
      'definition.label.length',
    ]);
  });

  it('checks choice options: 1 to 10,000, unique values, non-empty labels, each error on its row', () => {
    expect(codes(validateDefinition(definition('single-choice', { options: [] }), []))).to.deep.equal([
      'definition.options.count',
    ]);
    const errors = validateDefinition(
      definition('multiple-choice', {
        options: [
          { value: 'red', label: 'Red' },
          { value: 'red', label: 'Rot' },
          { value: 'blue', label: ' ' },
          { value: 'RED', label: 'red ' },
        ],
      }),
      [],
    );
    expect(errors.map((e) => [e.code, e.field])).to.deep.equal([
      ['definition.option.duplicate', 'options.1.value'],
      ['definition.option.label', 'options.2.label'],
      ['definition.option.duplicate-label', 'options.3.label'],
    ]);
    expect(describeError(errors[0], { locale: 'de' })).to.equal(
      'Option 2: Der Wert „red“ wird schon von einer anderen Option verwendet.',
    );
    const many = Array.from({ length: 10_001 }, (_, i) => ({ value: `v${i}`, label: `Option ${i}` }));
    expect(codes(validateDefinition(definition('single-choice', { options: many }), []))).to.deep.equal([
      'definition.options.count',
    ]);
  });

  it('allows a pattern only on text and word, and only one that compiles', async () => {
    await loadPatternEngine();
    expect(codes(validateDefinition(definition('number', { pattern: '\\d+' }), []))).to.deep.equal([
      'definition.pattern.type',
    ]);
    const errors = validateDefinition(definition('text', { pattern: '([A-Z' }), []);
    expect(codes(errors)).to.deep.equal(['definition.pattern.invalid']);
    expect(describeError(errors[0])).to.contain('not a valid regular expression');
  });

  it('refuses a pattern that only compiles with help: unbalanced, or between slashes', async () => {
    await loadPatternEngine();
    expect(codes(validateDefinition(definition('text', { pattern: '[0-9]{5})|(?:.*' }), []))).to.deep.equal([
      'definition.pattern.invalid',
    ]);
    const errors = validateDefinition(definition('text', { pattern: '/^[A-Z]{2}$/i' }), []);
    expect(codes(errors)).to.deep.equal(['definition.pattern.delimiters']);
    expect(describeError(errors[0])).to.equal(
      'Write the pattern without the slashes around it, as ^[A-Z]{2}$; flags after the closing slash are not supported.',
    );
    expect(validateDefinition(definition('text', { pattern: 'a/b' }), [])).to.deep.equal([]);
  });

  it('checks access levels and reports an unknown type', () => {
    expect(codes(validateDefinition(definition('text', { access: { agent: 'write' as never } }), []))).to.deep.equal([
      'definition.access.level',
    ]);
    expect(codes(validateDefinition(definition('color' as never), []))).to.deep.equal(['definition.type.unknown']);
  });

  it('accepts the built-in definitions as they are', () => {
    for (const builtIn of BUILT_IN_DEFINITIONS) expect(validateDefinition(builtIn, [])).to.deep.equal([]);
  });
});

describe('definition defaults, order and access', () => {
  it('gives a new definition edit access for everyone and the last place', () => {
    const def = definitionWithDefaults({ name: 'vip', label: 'VIP', type: 'word' }, [definition('text', { order: 4 })]);
    expect(def).to.include({ showToAgent: true, showToCustomer: false, order: 5 });
    expect(def.access).to.deep.equal({ '*': 'edit' });
  });

  it('sorts by order, then by name', () => {
    const sorted = sortDefinitions([
      definition('text', { name: 'b', order: 1 }),
      definition('text', { name: 'c', order: 0 }),
      definition('text', { name: 'a', order: 1 }),
    ]);
    expect(sorted.map((d) => d.name)).to.deep.equal(['c', 'a', 'b']);
  });

  it('takes the highest level over everyone and the user roles; no entry hides the property', () => {
    const def = definition('text', { access: { '*': 'view', supervisor: 'edit' } });
    expect(accessFor(def, ['agent'])).to.equal('view');
    expect(accessFor(def, ['agent', 'supervisor'])).to.equal('edit');
    expect(accessFor(definition('text', { access: { admin: 'edit' } }), ['agent'])).to.equal('none');
    expect(accessFor(definition('text', { access: { admin: 'edit' } }), ['constructor'])).to.equal('none');
  });
});

describe('validateCustomerNumber', () => {
  it('wants E.164 for WhatsApp and digits for Telegram', () => {
    expect(validateCustomerNumber('+4915123456789', 'whatsapp')).to.equal(null);
    expect(validateCustomerNumber('015123456789', 'whatsapp')?.code).to.equal('channel.phone');
    expect(validateCustomerNumber('+1234567', 'whatsapp')?.code).to.equal('channel.phone');
    expect(validateCustomerNumber('123456789', 'telegram')).to.equal(null);
    expect(validateCustomerNumber('@ana', 'telegram')?.code).to.equal('channel.id');
    expect(validateCustomerNumber('ana@example.com', 'email')).to.equal(null);
    expect(validateCustomerNumber('', 'email')?.code).to.equal('required');
  });
});

describe('suggestName', () => {
  it('turns a label into a technical name, unique in any case', () => {
    expect(suggestName('Favorite color', [])).to.equal('favorite_color');
    expect(suggestName('Größe (cm)', [])).to.equal('grosse_cm');
    expect(suggestName('Café au lait', [])).to.equal('cafe_au_lait');
    expect(suggestName('2nd phone', [])).to.equal('property_2nd_phone');
    expect(suggestName('好きな色', [])).to.equal('property');
    expect(suggestName('Name', ['name'])).to.equal('name_2');
    expect(suggestName('Favorite color', ['Favorite_Color', 'favorite_color_2'])).to.equal('favorite_color_3');
    expect(suggestName('x'.repeat(80), [])).to.have.length(64);
  });

  it('keeps the Latin letters that do not decompose, spelt without their stroke or ligature', () => {
    for (const [label, name] of [
      ['Đorđe', 'dorde'],
      ['Łódź', 'lodz'],
      ['Søren', 'soren'],
      ['STRAẞE', 'strasse'],
      ['Æble', 'aeble'],
      ['Þórður', 'thordur'],
      ['Œuvre', 'oeuvre'],
    ]) {
      expect(suggestName(label!, []), label).to.equal(name);
    }
  });
});
