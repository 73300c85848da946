// The API page: every element of custom-elements.json with its properties, attributes, events,
// parts, CSS properties and slots, and a live instance (api-viewer-element's demo tab), which gets
// the demo's store and user from the page's context like every other element here.
import 'api-viewer-element';
import manifest from '../custom-elements.json' with { type: 'json' };

const viewer = document.querySelector<HTMLElement & { manifest: unknown }>('#api-viewer')!;
viewer.manifest = manifest;
