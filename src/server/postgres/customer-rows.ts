/* Customers and their history as rows of the schema in migrations.ts, and back. */
import type { Customer, FieldChange, PropertyValue } from '../../model/index.js';
import type { HistoryEntry } from '../../storage/property-store.js';
import type { Sql } from './driver.js';

export const CUSTOMER_COLUMNS = 'id, channel, number, name, properties, revision, changed';

export interface CustomerRow {
  id: string;
  channel: string | null;
  number: string;
  name: string;
  properties: Record<string, PropertyValue>;
  revision: number;
  changed: Record<string, FieldChange> | null;
}

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    ...(row.channel === null ? {} : { channel: row.channel }),
    number: row.number,
    name: row.name,
    properties: row.properties,
    revision: row.revision,
    ...(row.changed ? { changed: row.changed } : {}),
  };
}

/**
 * Every string value lower-cased as the model lower-cases it (`toLowerCase`), plus name and
 * number: what text conditions compare, so they agree with the model in any database locale.
 */
export function foldedValues(customer: Pick<Customer, 'name' | 'number' | 'properties'>): Record<string, string> {
  const folded: Record<string, string> = {};
  if (customer.name) folded.name = customer.name.toLowerCase();
  if (customer.number) folded.number = customer.number.toLowerCase();
  for (const [name, value] of Object.entries(customer.properties)) {
    if (typeof value === 'string') folded[name] = value.toLowerCase();
  }
  return folded;
}

/** Inserts customers as they are (checked by the caller), a batch per statement. */
export async function insertCustomers(sql: Sql, customers: readonly Customer[], batch = 1_000): Promise<void> {
  for (let start = 0; start < customers.length; start += batch) {
    const rows = customers.slice(start, start + batch).map((customer) => ({
      id: customer.id,
      channel: customer.channel ?? null,
      number: customer.number,
      name: customer.name,
      properties: customer.properties,
      folded: foldedValues(customer),
      revision: customer.revision,
      changed: customer.changed ?? null,
    }));
    await sql.query(
      `INSERT INTO customers (id, channel, number, name, properties, folded, revision, changed)
       SELECT r.id, r.channel, r.number, r.name, r.properties, r.folded, r.revision, r.changed
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id text, channel text, number text, name text, properties jsonb, folded jsonb, revision int, changed jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}

/** Writes a customer's new state over the row it was read from (inside the same transaction). */
export async function updateCustomerRow(sql: Sql, customer: Customer): Promise<void> {
  await sql.query(
    `UPDATE customers
     SET channel = $2::text, number = $3::text, name = $4::text, properties = $5::jsonb,
         folded = $6::jsonb, revision = $7::int, changed = $8::jsonb
     WHERE id = $1::text`,
    [
      customer.id,
      customer.channel ?? null,
      customer.number,
      customer.name,
      JSON.stringify(customer.properties),
      JSON.stringify(foldedValues(customer)),
      customer.revision,
      customer.changed ? JSON.stringify(customer.changed) : null,
    ],
  );
}

/** A field's value for history: the built-ins from their columns ('' is unset). */
function fieldValue(customer: Customer, field: string): PropertyValue | undefined {
  if (field === 'name' || field === 'number') return customer[field] || undefined;
  return Object.hasOwn(customer.properties, field) ? customer.properties[field] : undefined;
}

/** One history row per field that `next` changed over `previous`, all in one statement. */
export async function insertHistory(
  sql: Sql,
  previous: Customer,
  next: Customer,
  fields: readonly string[],
): Promise<void> {
  if (fields.length === 0) return;
  const entries = fields.map((field) => ({
    property: field,
    old_value: fieldValue(previous, field) ?? null,
    new_value: fieldValue(next, field) ?? null,
  }));
  const change = next.changed?.[fields[0]!];
  await sql.query(
    `INSERT INTO history (customer_id, property, old_value, new_value, author, at, revision)
     SELECT $1::text, e.property, e.old_value, e.new_value, $2::text, $3::timestamptz, $4::int
     FROM jsonb_to_recordset($5::jsonb) AS e(property text, old_value jsonb, new_value jsonb)`,
    [next.id, change?.by ?? null, change?.at ?? new Date().toISOString(), next.revision, JSON.stringify(entries)],
  );
}

export interface HistoryRow {
  id: string;
  property: string;
  old_value: PropertyValue | null;
  new_value: PropertyValue | null;
  author: string | null;
  at: Date | string;
  revision: number;
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    property: row.property,
    ...(row.old_value === null ? {} : { from: row.old_value }),
    ...(row.new_value === null ? {} : { to: row.new_value }),
    ...(row.author === null ? {} : { by: row.author }),
    at: new Date(row.at).toISOString(),
    revision: row.revision,
  };
}
