import { expect } from 'chai';
import { MemoryStore } from '../../storage/memory-store.js';
import { StoreError } from '../../storage/store-error.js';
import { FaultyStore } from './faulty-store.js';
import { rejection } from '../../testing/store-conformance.js';
import { seed } from '../../testing/seed.js';

describe('FaultyStore (test helper)', () => {
  it('fails the chosen call once, then forwards again', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    store.inject('updateCustomer', { type: 'fail' });
    await rejection(store.updateCustomer('ana', { age: '1' }, { revision: 1 }), 'unavailable');
    expect((await store.updateCustomer('ana', { age: '1' }, { revision: 1 })).properties.age).to.equal('1');
    store.inject('getCustomer', { type: 'fail', error: new StoreError('forbidden', 'No.') });
    await rejection(store.getCustomer('ana'), 'forbidden');
    expect(store.callsOf('updateCustomer')).to.have.length(2);
  });

  it('stalls a call until released or rejected', async () => {
    const store = new FaultyStore(new MemoryStore(seed()));
    const stall = store.inject('updateCustomer', { type: 'stall' });
    let done = false;
    const write = store.updateCustomer('ana', { age: '2' }, { revision: 1 }).then(() => (done = true));
    await stall.arrived;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).to.equal(false);
    stall.release();
    await write;
    expect((await store.getCustomer('ana')).properties.age).to.equal('2');
    const second = store.inject('getCustomer', { type: 'stall' });
    const read = store.getCustomer('ana');
    await second.arrived;
    second.reject();
    await rejection(read, 'unavailable');
  });

  it('meets a real conflict when another agent wrote the same field first', async () => {
    const inner = new MemoryStore({ ...seed(), author: 'Ana' });
    const store = new FaultyStore(inner);
    store.inject('updateCustomer', { type: 'conflict', changes: { age: '77' }, author: 'Ben' });
    const error = await rejection(store.updateCustomer('ana', { age: '35' }, { revision: 1 }), 'conflict');
    expect(error.current?.changed?.age?.by).to.equal('Ben');
    expect(inner.author).to.equal('Ana');
    store.inject('updateCustomer', { type: 'conflict', changes: { notes: 'x' } });
    expect(
      (await store.updateCustomer('ana', { age: '35' }, { revision: error.current!.revision })).properties,
    ).to.include({ age: '35', notes: 'x' });
  });
});
