// Checks docs/rest-api.yaml against the OpenAPI 3.1 schema.
import { Validator } from '@seriousme/openapi-schema-validator';

const validator = new Validator();
const result = await validator.validate('docs/rest-api.yaml');
if (!result.valid) {
  console.error('docs/rest-api.yaml is not valid OpenAPI:', JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log(`docs/rest-api.yaml: valid OpenAPI ${validator.version}.`);
