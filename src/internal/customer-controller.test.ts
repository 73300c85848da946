import { expect } from 'chai';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Customer } from '../model/index.js';
import { MemoryStore } from '../storage/memory-store.js';
import type { PropertyStore, StoreEvent } from '../storage/property-store.js';
import { seed } from '../testing/seed.js';
import { CustomerController } from './customer-controller.js';

/** A host that only counts its updates: enough for the controller, no element needed. */
function host(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  return {
    controllers: [],
    updates: 0,
    addController(controller) {
      this.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

const agent = { kind: 'user' as const, id: 'agent', roles: ['agent'] };

async function follow(store: PropertyStore, id = 'ana'): Promise<CustomerController> {
  const h = host();
  const controller = new CustomerController(h, { principal: () => agent });
  controller.hostConnected();
  controller.setSource(store, id);
  for (let i = 0; i < 50 && controller.state !== 'ready'; i++) await new Promise((r) => setTimeout(r));
  expect(controller.state).to.equal('ready');
  controller.takeChanges();
  return controller;
}

/** A store that keeps no `changed` records and tells its listeners which fields it wrote, or fewer. */
function storeWithoutChanged() {
  const memory = new MemoryStore(seed());
  const listeners = new Set<(event: StoreEvent) => void>();
  const bare = (customer: Customer): Customer => {
    const { changed: _changed, ...rest } = customer;
    return rest;
  };
  const store: PropertyStore = {
    listDefinitions: (o) => memory.listDefinitions(o),
    createDefinition: (d) => memory.createDefinition(d),
    updateDefinition: (d) => memory.updateDefinition(d),
    deleteDefinition: (n) => memory.deleteDefinition(n),
    findCustomers: (q, o) => memory.findCustomers(q, o),
    getCustomer: async (id, o) => bare(await memory.getCustomer(id, o)),
    updateCustomer: async (id, changes, o) => bare(await memory.updateCustomer(id, changes, o)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const tell = (event: StoreEvent) => listeners.forEach((listener) => listener(event));
  return { memory, store, tell, bare };
}

describe('CustomerController follows changes made elsewhere', () => {
  it('takes the fields a MemoryStore write names, and shows the written value', async () => {
    const store = new MemoryStore(seed());
    const controller = await follow(store);
    await store.updateCustomer('ana', { age: '35', notes: null }, { revision: 1 });
    expect(controller.takeChanges()).to.deep.equal(new Set(['age', 'notes']));
    expect(controller.customer?.properties.age).to.equal('35');
    expect(controller.customer?.properties).not.to.have.property('notes');
  });

  it('saves over a MemoryStore: the reply is the customer its event brought, the written field changed', async () => {
    const store = new MemoryStore(seed());
    const controller = await follow(store);
    const saved = await controller.save({ age: '36' });
    expect(saved.properties.age).to.equal('36');
    expect(saved.revision).to.equal(2);
    expect(controller.customer?.properties.age).to.equal('36');
    expect(controller.takeChanges()).to.deep.equal(new Set(['age']));
    expect((await store.getCustomer('ana')).properties.age).to.equal('36');
  });

  it('takes the fields an event names when the customer has no `changed` records', async () => {
    const { memory, store, tell, bare } = storeWithoutChanged();
    const controller = await follow(store);
    const next = await memory.updateCustomer('ana', { age: '35' }, { revision: 1 });
    tell({ type: 'customer-changed', customer: bare(next), fields: ['age'] });
    expect(controller.takeChanges()).to.deep.equal(new Set(['age']));
    expect(controller.customer?.properties.age).to.equal('35');
  });

  it('takes everything as changed when the event counts its fields from a revision after the one held', async () => {
    const { memory, store, tell, bare } = storeWithoutChanged();
    const controller = await follow(store);
    await memory.updateCustomer('ana', { notes: 'Evenings' }, { revision: 1 });
    const next = await memory.updateCustomer('ana', { age: '35' }, { revision: 2 });
    // Revision 2 (the notes) was never heard: naming only the age would leave the notes unshown.
    tell({ type: 'customer-changed', customer: bare(next), since: 2, fields: ['age'] });
    expect(controller.takeChanges()).to.equal('all');
    expect(controller.customer?.properties).to.deep.include({ age: '35', notes: 'Evenings' });
  });

  it('takes everything as changed after a definition was deleted: the store took its values without a new revision', async () => {
    const store = new MemoryStore(seed());
    const controller = await follow(store);
    const notes = (await store.listDefinitions()).find((def) => def.name === 'notes')!;
    await store.deleteDefinition('notes');
    await store.createDefinition(notes);
    controller.takeChanges();
    await store.updateCustomer('ana', { age: '35' }, { revision: 1 });
    // Ana lost her notes with the definition: a host that renders only the age would still show them.
    expect(controller.takeChanges()).to.equal('all');
    expect(controller.customer?.properties).not.to.have.property('notes');
    expect(controller.customer?.properties.age).to.equal('35');
  });

  it('takes everything as changed when the event names its fields in a shape no store sends', async () => {
    const { memory, store, tell, bare } = storeWithoutChanged();
    const controller = await follow(store);
    const next = await memory.updateCustomer('ana', { age: '35' }, { revision: 1 });
    tell({ type: 'customer-changed', customer: bare(next), fields: 'age' as never });
    expect(controller.takeChanges()).to.equal('all');
  });
});
