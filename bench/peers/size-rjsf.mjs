// What a page with a react-jsonschema-form costs (React, @rjsf/core, the AJV validator): measured by bench/peers/prepare.mjs.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

export const mount = (host, schema, formData) => createRoot(host).render(h(Form, { schema, formData, validator }));
