/// <reference types="node" />
/*
 * Checks a real response against docs/rest-api.yaml: the schema of that operation's status (or its
 * `default`), as JSON Schema 2020-12. Node only; for the server's tests.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
const spec = parse(readFileSync(new URL('../../../docs/rest-api.yaml', import.meta.url), 'utf8')) as Json;
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const API = 'https://customer-properties.test/api';
ajv.addSchema({ ...spec, $id: API });

// Literal paths first: `/customers/search` before `/customers/{id}`.
const templates = Object.keys(spec.paths as Json)
  .sort((a, b) => a.split('{').length - b.split('{').length)
  .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

function resolve(node: Json): Json {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  return resolve(
    ref
      .slice(2)
      .split('/')
      .reduce((at: Json, key) => at[key] as Json, spec),
  );
}

/**
 * The problems of a response against the API file, `[]` when it conforms. `path` is relative to
 * the base path (`/customers/ana`).
 */
export function responseProblems(method: string, path: string, status: number, body: unknown): string[] {
  const found = templates.find(({ pattern }) => pattern.test(path.split('?')[0]!));
  if (!found) return [`no path in the API file matches ${path}`];
  const operation = (spec.paths as Record<string, Json>)[found.template]![method.toLowerCase()] as Json | undefined;
  if (!operation) return [`the API file has no ${method} ${found.template}`];
  const responses = operation.responses as Record<string, Json>;
  const response = responses[String(status)] ?? responses.default;
  if (!response) return [`the API file has no ${status} for ${method} ${found.template}`];
  const content = resolve(response).content as Record<string, { schema: Json }> | undefined;
  if (!content) return body === undefined || body === null || body === '' ? [] : [`${status} should have no body`];
  const schema = content['application/json']?.schema;
  if (!schema) return [`no JSON schema for ${status}`];
  const key = `${method} ${found.template} ${status}`;
  let check = compiled.get(key);
  if (!check) {
    check = ajv.compile({ allOf: [rewrite(schema)] });
    compiled.set(key, check);
  }
  return check(body) ? [] : (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

/** A schema from the file with its local refs pointed at the file. */
function rewrite(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewrite);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? `${API}${value}` : rewrite(value),
    ]),
  );
}
