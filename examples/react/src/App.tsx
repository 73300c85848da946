import { MemoryStore, type PropertySavedEvent } from 'customer-properties';
import { useState } from 'react';

// Your store: a RestStore against your server, or your own PropertyStore. One per app.
const store = new MemoryStore({
  definitions: [
    {
      name: 'age',
      label: 'Age',
      type: 'number',
      showToAgent: true,
      showToCustomer: false,
      access: { '*': 'edit' },
      order: 0,
    },
  ],
  customers: [{ id: 'c-1', channel: 'whatsapp', number: '+4915123456789', name: 'Ana', revision: 1, properties: {} }],
});
const user = { id: 'u-7', roles: ['agent'], name: 'Ben' };

export function App() {
  const [saved, setSaved] = useState('');

  // React 19 uses the name after `on` as it is: `onproperty-saved` listens for `property-saved`.
  function onSaved(event: PropertySavedEvent) {
    const { customerId, name, value } = event.detail;
    void store.getCustomer(customerId).then((customer) => {
      setSaved(`Saved ${name}: ${JSON.stringify(value)}; the store holds ${JSON.stringify(customer.properties[name])}`);
    });
  }

  return (
    <main>
      <customer-details-panel customer-id="c-1" store={store} user={user} onproperty-saved={onSaved} />
      <p role="status">{saved}</p>
    </main>
  );
}
