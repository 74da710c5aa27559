/**
 * Reads the database's own description of its tables — columns with their types, identity columns, primary keys and
 * foreign keys — and orders the tables so that every table comes after the tables it references.
 * Example: `await listTables(db)` → [{ name: 'regions', … }, { name: 'units', references: ['regions'], … }, …].
 */
import { sql, type Kysely } from 'kysely';

export interface TableColumn {
  readonly name: string;
  /** PostgreSQL's type name: 'integer', 'numeric', 'bytea', 'timestamp with time zone', 'jsonb' … */
  readonly type: string;
  readonly isIdentity: boolean;
}

export interface TableInfo {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly primaryKey: readonly string[];
  /** Other tables this one references. */
  readonly references: readonly string[];
  /** Columns that reference this same table (a tree: commitments.parent_id). */
  readonly selfReferences: readonly { column: string; referencedColumn: string }[];
}

/**
 * Kysely's own bookkeeping, and caches the database derives from the data (plan revisions are bumped by triggers as
 * the restore inserts rows; saved schedule tallies are recomputed): never part of a backup.
 */
const INTERNAL_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'plan_revisions', 'schedule_tallies']);

export async function listTables(db: Kysely<any>): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string }>`
    select c.table_name, c.column_name, c.data_type, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string; position: number }>`
    select tc.table_name, kcu.column_name, kcu.ordinal_position as position
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by tc.table_name, kcu.ordinal_position`.execute(db);
  const foreign = await sql<{ table_name: string; column_name: string; referenced_table: string; referenced_column: string }>`
    select cl.relname as table_name, att.attname as column_name, rcl.relname as referenced_table, ratt.attname as referenced_column
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace ns on ns.oid = cl.relnamespace
    join pg_class rcl on rcl.oid = con.confrelid
    cross join lateral unnest(con.conkey, con.confkey) as k(col, rcol)
    join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.col
    join pg_attribute ratt on ratt.attrelid = con.confrelid and ratt.attnum = k.rcol
    where con.contype = 'f' and ns.nspname = current_schema()`.execute(db);

  const tables = new Map<string, { columns: TableColumn[]; primaryKey: string[]; references: Set<string>; selfReferences: { column: string; referencedColumn: string }[] }>();
  for (const row of columns.rows) {
    if (INTERNAL_TABLES.has(row.table_name)) continue;
    const table = tables.get(row.table_name) ?? { columns: [], primaryKey: [], references: new Set<string>(), selfReferences: [] };
    table.columns.push({ name: row.column_name, type: row.data_type, isIdentity: row.is_identity === 'YES' });
    tables.set(row.table_name, table);
  }
  for (const row of keys.rows) tables.get(row.table_name)?.primaryKey.push(row.column_name);
  for (const row of foreign.rows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    if (row.referenced_table === row.table_name) table.selfReferences.push({ column: row.column_name, referencedColumn: row.referenced_column });
    else table.references.add(row.referenced_table);
  }

  // Every table after the tables it references (a depth-first topological order; a cycle is a schema we cannot load).
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const table = tables.get(name);
    if (!table) return;
    state.set(name, 'visiting');
    for (const referenced of [...table.references].sort()) visit(referenced, [...path, name]);
    state.set(name, 'done');
    ordered.push({ name, columns: table.columns, primaryKey: table.primaryKey, references: [...table.references].sort(), selfReferences: table.selfReferences });
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}
