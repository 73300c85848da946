// What a page with a JSON Forms form costs (React, @jsonforms/core and react, the vanilla renderers): measured by bench/peers/prepare.mjs.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

export const mount = (host, schema, data) =>
  createRoot(host).render(h(JsonForms, { schema, data, renderers: vanillaRenderers, cells: vanillaCells }));
