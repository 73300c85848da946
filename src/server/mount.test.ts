/// <reference types="node" />
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '../storage/memory-store.js';
import { createProfileToken } from './profile-token.js';
import { expressApp, nodeServer, propertyApi, type Sessions } from './mount.example.js';

const SECRET = 'mount example secret, thirty-two bytes or more';
const sessions: Sessions = async (cookie) =>
  cookie === 'session=ana-agent' ? { userId: 'u1', roles: ['agent'] } : null;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

for (const [name, mount] of [
  ['Node http', (api: ReturnType<typeof propertyApi>) => nodeServer(api)],
  ['Express', (api: ReturnType<typeof propertyApi>) => createServer(expressApp(api))],
] as const) {
  describe(`The README's server example mounted in ${name}`, () => {
    let server: Server;
    let url: string;
    beforeEach(async () => {
      const store = new MemoryStore({
        customers: [{ id: 'ana', number: '1', name: 'Ana', revision: 1, properties: {} }],
      });
      server = mount(propertyApi(store, sessions, SECRET));
      url = await listen(server);
    });
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers the host’s signed-in user, refuses anyone else, and takes a profile token', async () => {
      const signedIn = await fetch(`${url}/api/customers/ana`, { headers: { Cookie: 'session=ana-agent' } });
      expect(signedIn.status).to.equal(200);
      expect(((await signedIn.json()) as { name: string }).name).to.equal('Ana');
      expect((await fetch(`${url}/api/customers/ana`)).status).to.equal(401);
      const token = await createProfileToken({ customerId: 'ana', secret: SECRET });
      const saved = await fetch(`${url}/api/customers/ana`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' },
        body: JSON.stringify({ changes: { name: 'Ana M.' } }),
      });
      expect(saved.status).to.equal(200);
      expect(((await saved.json()) as { changed: Record<string, { by: string }> }).changed.name!.by).to.equal(
        'customer:ana',
      );
    });
  });
}
