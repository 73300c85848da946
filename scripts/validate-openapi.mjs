// Checks docs/rest-api.yaml against the OpenAPI 3.1 schema, and that it lists the model's types.
import { Validator } from '@seriousme/openapi-schema-validator';
import { tsImport } from 'tsx/esm/api';

const validator = new Validator();
const result = await validator.validate('docs/rest-api.yaml');
if (!result.valid) {
  console.error('docs/rest-api.yaml is not valid OpenAPI:', JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
const { PROPERTY_TYPES } = await tsImport('../src/model/types.ts', import.meta.url);
const listed = validator.specification.components.schemas.PropertyType?.enum;
if (JSON.stringify(listed) !== JSON.stringify(PROPERTY_TYPES)) {
  console.error(
    `docs/rest-api.yaml lists the types ${JSON.stringify(listed)}; the model has ${JSON.stringify(PROPERTY_TYPES)}.`,
  );
  process.exit(1);
}
console.log(`docs/rest-api.yaml: valid OpenAPI ${validator.version}, with the model's ${PROPERTY_TYPES.length} types.`);
