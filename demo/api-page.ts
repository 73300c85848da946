// The API page: every element of custom-elements.json with its properties, attributes, events,
// parts, CSS properties and slots, and a live instance (api-viewer-element's demo tab), which gets
// the demo's store and user from the page's context like every other element here. The viewer
// reads the manifest from its `src` (index.html; the static build copies the file beside it).
import 'api-viewer-element';
