// Node only (web-test-runner skips *.node.test.ts): the state before the pattern engine has loaded
// is module state, so it is checked in a fresh process of its own.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `body` as a module in a fresh Node process (with tsx) and returns what it printed as JSON. */
async function fresh(body: string): Promise<unknown> {
  const script = `import * as model from './src/model/index.ts';\nimport { describeError } from './src/i18n/index.ts';\n${body}`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as unknown;
}

describe('patterns before the engine has loaded', () => {
  it('refuse every value and every pattern (fail closed), in words, and work once loaded', async () => {
    const result = await fresh(`
      const def = { name: 'order', label: 'Order id', type: 'word', pattern: '[A-Z]{2}\\\\d{6}', order: 0 };
      const before = {
        loaded: model.patternEngineLoaded(),
        parsed: model.parseValue(def, 'AB123456'),
        stored: model.validateValue(def, 'AB123456')?.code,
        definition: model.validateDefinition(def, []).map((e) => e.code),
        message: describeError(model.validateValue(def, 'AB123456'), { label: def.label }),
        noPattern: model.parseValue({ ...def, pattern: undefined }, 'anything').ok,
      };
      await model.preparePatterns([{ pattern: undefined }]);
      const stillUnloaded = model.patternEngineLoaded();
      await model.preparePatterns([def]);
      const after = {
        loaded: model.patternEngineLoaded(),
        parsed: model.parseValue(def, 'AB123456'),
        mismatch: model.validateValue(def, 'ab123456')?.code,
        definition: model.validateDefinition(def, []),
      };
      console.log(JSON.stringify({ before, stillUnloaded, after }));
    `);
    expect(result).to.deep.equal({
      before: {
        loaded: false,
        parsed: { ok: false, error: { code: 'pattern.unavailable', params: {} } },
        stored: 'pattern.unavailable',
        definition: ['definition.pattern.unavailable'],
        message:
          'Order id cannot be checked yet: its pattern has not loaded. Try again in a moment; what you typed is kept.',
        noPattern: true,
      },
      stillUnloaded: false,
      after: {
        loaded: true,
        parsed: { ok: true, value: 'AB123456' },
        mismatch: 'pattern.mismatch',
        definition: [],
      },
    });
  });

  it('a MemoryStore seeded with patterns before the engine loaded checks them on its first call', async () => {
    const result = await fresh(`
      const { MemoryStore } = await import('./src/storage/memory-store.ts');
      const def = { name: 'order', label: 'Order id', type: 'word', pattern: '[A-Z]{2}[0-9]{6}', order: 0 };
      const customer = { id: 'c1', channel: 'whatsapp', number: '+4915123456789', properties: { order: 'AB123456' }, revision: 1 };
      const store = new MemoryStore({ definitions: [def], customers: [customer] });
      // Constructed while the engine is still loading: a bad seed is refused on the first call, not here.
      const badSeed = new MemoryStore({ definitions: [def], customers: [{ ...customer, properties: { order: 'x' } }] });
      const refused = await store.updateCustomer('c1', { order: 'nope' }, { revision: 1 }).catch((e) => e.toJSON());
      const saved = await store.updateCustomer('c1', { order: 'CD654321' }, { revision: 1 });
      const seedError = await badSeed.listDefinitions().catch((e) => e.kind);
      console.log(JSON.stringify({ refused, saved: saved.properties.order, seedError }));
    `);
    expect(result).to.deep.equal({
      refused: {
        kind: 'invalid',
        code: 'pattern.mismatch',
        params: {},
        errors: { order: { code: 'pattern.mismatch', params: {} } },
      },
      saved: 'CD654321',
      seedError: 'invalid',
    });
  });
});
