/*
 * The custom definitions in PostgreSQL, changed by the store rules' checks. Every change takes the
 * table's SHARE ROW EXCLUSIVE lock first, so changes of definitions run one at a time (reads go on)
 * and each check sees the definitions it will change.
 */
import type { DefinitionInit, PropertyDefinition } from '../../model/index.js';
import { StoreError } from '../../storage/store-error.js';
import {
  checkDefinitionDelete,
  checkDefinitionUpdate,
  checkNewDefinition,
  reorderDefinitions,
} from '../../storage/store-rules.js';
import type { Driver, Sql } from './driver.js';

const LOCK = 'LOCK TABLE definitions IN SHARE ROW EXCLUSIVE MODE';
const BUILT_IN_COLUMNS: Record<string, string> = { name: 'name', number: 'number' };

/** A unique violation on `lower(name)`: another process created the same name meanwhile. */
function isTaken(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export class DefinitionsTable {
  constructor(readonly db: Driver) {}

  /** The custom definitions in their order. */
  async list(sql: Sql): Promise<PropertyDefinition[]> {
    const rows = await sql.query<{ definition: PropertyDefinition }>(
      'SELECT definition FROM definitions ORDER BY position NULLS LAST, seq',
    );
    return rows.map((row) => row.definition);
  }

  async #insert(sql: Sql, def: PropertyDefinition): Promise<void> {
    await sql.query('INSERT INTO definitions (name, position, definition) VALUES ($1::text, $2::int, $3::jsonb)', [
      def.name,
      Number.isSafeInteger(def.order) ? def.order : null,
      JSON.stringify(def),
    ]);
  }

  async create(def: DefinitionInit): Promise<PropertyDefinition> {
    try {
      return await this.db.transaction(async (tx) => {
        await tx.exec(LOCK);
        const created = checkNewDefinition(def, await this.list(tx));
        await this.#insert(tx, created);
        return created;
      });
    } catch (error) {
      if (!isTaken(error)) throw error;
      const taken = { code: 'definition.name.taken', params: { name: def.name }, field: 'name' } as const;
      throw new StoreError('conflict', undefined, { fields: ['name'], definitionErrors: [taken] });
    }
  }

  async update(def: PropertyDefinition): Promise<PropertyDefinition> {
    return this.db.transaction(async (tx) => {
      await tx.exec(LOCK);
      const custom = await this.list(tx);
      const previous = custom.find((other) => other.name === def.name);
      // The rule asks for the count only when the type changes; it is counted here, beforehand.
      const count = previous && previous.type !== def.type ? await this.countValues(tx, def.name) : 0;
      const updated = checkDefinitionUpdate(def, custom, () => count);
      await tx.query('UPDATE definitions SET position = $2::int, definition = $3::jsonb WHERE name = $1::text', [
        updated.name,
        Number.isSafeInteger(updated.order) ? updated.order : null,
        JSON.stringify(updated),
      ]);
      return updated;
    });
  }

  /** Deletes the definition and every customer's value for it; their history stays. */
  async delete(name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.exec(LOCK);
      checkDefinitionDelete(name, await this.list(tx));
      await tx.query('DELETE FROM definitions WHERE name = $1::text', [name]);
      await tx.query(
        `UPDATE customers
         SET properties = properties - $1::text, folded = folded - $1::text, changed = changed - $1::text
         WHERE properties ? $1::text OR changed ? $1::text`,
        [name],
      );
    });
  }

  async reorder(names: string[]): Promise<PropertyDefinition[]> {
    return this.db.transaction(async (tx) => {
      await tx.exec(LOCK);
      const reordered = reorderDefinitions(await this.list(tx), names);
      await tx.query(
        `UPDATE definitions AS d SET position = r.position, definition = r.definition
         FROM jsonb_to_recordset($1::jsonb) AS r(name text, position int, definition jsonb)
         WHERE d.name = r.name`,
        [JSON.stringify(reordered.map((def) => ({ name: def.name, position: def.order, definition: def })))],
      );
      return reordered;
    });
  }

  /** How many customers hold a value for the property (the built-ins: a non-empty column). */
  async countValues(sql: Sql, name: string): Promise<number> {
    const column = Object.hasOwn(BUILT_IN_COLUMNS, name) ? BUILT_IN_COLUMNS[name] : undefined;
    const [row] = column
      ? await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM customers WHERE ${column} <> ''`)
      : await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM customers WHERE properties ? $1::text', [
          name,
        ]);
    return row?.count ?? 0;
  }

  /** The seed's definitions, checked one after another as creating them would be. */
  async insertSeed(sql: Sql, definitions: readonly DefinitionInit[]): Promise<PropertyDefinition[]> {
    const custom: PropertyDefinition[] = [];
    for (const def of definitions) custom.push(checkNewDefinition(def, custom));
    for (const def of custom) await this.#insert(sql, def);
    return custom;
  }
}
