// Every element in React 19, with its properties and events, type-checked against the package's
// JSX types. Not run: `tsc -p examples/types` only.
import {
  MemoryStore,
  type AudienceQuery,
  type DefinitionSavedEvent,
  type PendingEditsChangedEvent,
  type ProfileSavedEvent,
  type PropertyDefinition,
  type PropertySavedEvent,
  type PropertySaveFailedEvent,
} from 'customer-properties';

const store = new MemoryStore();
const user = { id: 'u-7', roles: ['agent'] };
const age: PropertyDefinition = {
  name: 'age',
  label: 'Age',
  type: 'number',
  showToAgent: true,
  showToCustomer: false,
  access: { '*': 'edit' },
  order: 0,
};
const query: AudienceQuery = { match: 'all', conditions: [{ property: 'age', operator: 'gte', value: '18' }] };

const saved = (event: PropertySavedEvent) => event.detail.value;
const failed = (event: PropertySaveFailedEvent) => event.detail.error.kind;
const pending = (event: PendingEditsChangedEvent) => event.detail.pendingEdits.length;
const profileSaved = (event: ProfileSavedEvent) => event.detail.changed;
const definitionSaved = (event: DefinitionSavedEvent) => event.detail.definition.name;
const changed = (event: Event) => event.type;

export function EveryElement() {
  return (
    <>
      <customer-details-panel
        customer-id="c-1"
        store={store}
        user={user}
        viewer="agent"
        locale="de"
        timeout={10_000}
        onproperty-saved={saved}
        onproperty-save-failed={failed}
        onpending-edits-changed={pending}
      />
      <customer-profile-form
        customer-id="c-1"
        store={store}
        token="cp1.x"
        token-from-fragment
        locale="en"
        timeout={5_000}
        onprofile-saved={profileSaved}
        onpending-edits-changed={pending}
      />
      <property-editor
        definition={age}
        value="42"
        name="age"
        required
        disabled={false}
        readonly={false}
        locale="en"
        oninput={changed}
        onchange={changed}
      />
      <location-picker
        value={{ lat: 48.8584, lng: 2.2945 }}
        name="office"
        label="Office"
        api-key="key"
        map-id="map"
        required
        readonly={false}
        disabled={false}
        oninput={changed}
        onchange={changed}
      />
      <property-definition-form
        store={store}
        definition={age}
        roles={['agent', 'admin']}
        ondefinition-saved={definitionSaved}
        oncancel={changed}
      />
      <property-definition-list store={store} roles={['agent', 'admin']} user={user} adminRoles={['admin']} />
      <audience-builder store={store} user={user} value={query} count-delay={300} onchange={changed} />

      {/* @ts-expect-error: timeout is a number of milliseconds */}
      <customer-details-panel timeout="soon" />
      {/* @ts-expect-error: a store is a PropertyStore */}
      <customer-details-panel store={{ url: '/api' }} />
      {/* @ts-expect-error: viewer is 'agent' or 'customer' */}
      <customer-details-panel viewer="admin" />
      {/* @ts-expect-error: a property-saved handler gets a PropertySavedEvent, not a ProfileSavedEvent */}
      <customer-details-panel onproperty-saved={profileSaved} />
      {/* @ts-expect-error: a location is { lat, lng }, numbers */}
      <location-picker value={{ lat: '48.8', lng: '2.29' }} />
      {/* @ts-expect-error: no such element */}
      <customer-detail-panel />
    </>
  );
}
