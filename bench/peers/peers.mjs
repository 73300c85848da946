// The peers in `npm run bench`: react-jsonschema-form (rjsf) and JSON Forms (vanilla renderers)
// render the panel's workload: N fields cycling through the eight types (bench/sample.ts), with
// their values. Bundled by bench/run.mjs (esbuild, production React) into bench/results/peers.js
// and measured in headless Chromium like the panel: each first render in a fresh page, then one
// value updated from outside 20 times. Plain JavaScript: its dependencies live in bench/peers/
// (a package of its own), not in the library's.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

const TYPES = ['number', 'text', 'word', 'single-choice', 'multiple-choice', 'location', 'date', 'time'];
const options = Array.from({ length: 12 }, (_, i) => `v${i}`);
const SAMPLE = {
  number: 3.1415926,
  text: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris, France',
  word: 'ClassOf2023',
  'single-choice': 'v3',
  'multiple-choice': ['v1', 'v4'],
  location: { lat: 48.8584, lng: 2.2945 },
  date: '2024-12-31',
  time: '21:05',
};

/** Each of our types as JSON Schema, the way either library renders it best. */
function propertySchema(type, title) {
  switch (type) {
    case 'number':
      return { type: 'number', title };
    case 'text':
      return { type: 'string', title, maxLength: 10000 };
    case 'word':
      return { type: 'string', title, pattern: '^[\\p{L}\\p{N}]+$' };
    case 'single-choice':
      return { type: 'string', title, enum: options };
    case 'multiple-choice':
      return { type: 'array', title, uniqueItems: true, items: { type: 'string', enum: options } };
    case 'location':
      return {
        type: 'object',
        title,
        properties: {
          lat: { type: 'number', minimum: -90, maximum: 90 },
          lng: { type: 'number', minimum: -180, maximum: 180 },
        },
      };
    case 'date':
      return { type: 'string', title, format: 'date' };
    default:
      return { type: 'string', title, format: 'time' };
  }
}

function workload(n) {
  const properties = {};
  const data = {};
  const uiSchema = {};
  const elements = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length];
    const name = `p${i}`;
    properties[name] = propertySchema(type, `Property ${i}`);
    data[name] = structuredClone(SAMPLE[type]);
    if (type === 'text') uiSchema[name] = { 'ui:widget': 'textarea' };
    if (type === 'multiple-choice') uiSchema[name] = { 'ui:widget': 'checkboxes' };
    elements.push({
      type: 'Control',
      scope: `#/properties/${name}`,
      ...(type === 'text' ? { options: { multi: true } } : {}),
    });
  }
  return { schema: { type: 'object', properties }, data, uiSchema, uischema: { type: 'VerticalLayout', elements } };
}

const PEERS = {
  rjsf: ({ schema, uiSchema }, data) =>
    h(Form, { schema, uiSchema, formData: data, validator, liveValidate: false, onChange: () => {} }),
  jsonforms: ({ schema, uischema }, data) =>
    h(JsonForms, { schema, uischema, data, renderers: vanillaRenderers, cells: vanillaCells, onChange: () => {} }),
};

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** First render: from rendering the form to every field in the DOM and laid out. */
async function firstRender(peer, n) {
  const work = workload(n);
  const host = document.createElement('div');
  document.body.append(host);
  await frame();
  const start = performance.now();
  const root = createRoot(host);
  flushSync(() => root.render(PEERS[peer](work, work.data)));
  const fields = host.querySelectorAll('input, textarea, select').length;
  void document.body.offsetHeight; // forces layout
  const time = performance.now() - start;
  if (fields < n) throw new Error(`${peer} rendered ${fields} controls for ${n} fields`);
  root.unmount();
  host.remove();
  return time;
}

/** One value changed from outside (new form data): from the render to the field showing it, laid out. */
async function updateOne(peer, n, rounds) {
  const work = workload(n);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let data = work.data;
  flushSync(() => root.render(PEERS[peer](work, data)));
  // The first field, a number: rjsf names it `root_p0`, JSON Forms `#/properties/p0-input`.
  const input = () => host.querySelector(peer === 'rjsf' ? '#root_p0' : '[id="#/properties/p0-input"]');
  const times = [];
  for (let round = 0; round < rounds; round++) {
    data = { ...data, p0: round + 10 };
    const start = performance.now();
    flushSync(() => root.render(PEERS[peer](work, data)));
    // JSON Forms takes new data in an effect, a render later: wait until the field shows it.
    for (let turn = 0; input()?.value !== String(round + 10); turn++) {
      if (turn > 200) {
        const seen = [...host.querySelectorAll('input')].slice(0, 2).map((i) => `${i.id}=${i.value}`);
        throw new Error(`${peer} did not show the update (${seen.join(', ')})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  root.unmount();
  host.remove();
  return times;
}

window.bench = { firstRender, updateOne };
