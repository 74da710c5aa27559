/**
 * Writes the whole database into one backup file (gzip'd JSON lines, see backup-format.ts) from one consistent
 * snapshot: every table's rows — the stored original documents and evidence files included, since they live in the
 * database — in an order that restores without breaking a foreign key.
 * Example: `await writeBackup(handle, 'duixian-2024-06-30.jsonl.gz')` → { tables: 19, rows: 1234, bytes: 56789 }.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseHandle } from '../database.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, isBinaryColumn, type BackupHeader, type BackupTrailer } from './backup-format.ts';
import { listTables, type TableInfo } from './table-catalog.ts';

export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
  readonly counts: Readonly<Record<string, number>>;
  /** Size of the file written, compressed. */
  readonly bytes: number;
}

/** Rows read per query; tables with binary columns (documents, evidence files) are read a few at a time. */
const BATCH_ROWS = 2_000;
const BINARY_BATCH_ROWS = 10;

/** Each column as exact text (base64 for bytea), aliased c0, c1, … */
function selectList(table: TableInfo): RawBuilder<unknown> {
  return sql.join(
    table.columns.map((column, index) =>
      isBinaryColumn(column)
        ? sql`encode(${sql.ref(column.name)}, 'base64') as ${sql.raw(`c${index}`)}`
        : sql`${sql.ref(column.name)}::text as ${sql.raw(`c${index}`)}`,
    ),
  );
}

async function* readRows(db: Kysely<any>, table: TableInfo): AsyncGenerator<(string | null)[]> {
  const columns = selectList(table);
  const batch = table.columns.some(isBinaryColumn) ? BINARY_BATCH_ROWS : BATCH_ROWS;
  const binary = table.columns.map(isBinaryColumn);
  // PostgreSQL's base64 breaks lines every 76 characters; the file keeps one line per row.
  const toValues = (row: Record<string, unknown>) =>
    table.columns.map((_, index) => {
      const value = row[`c${index}`];
      if (value === null || value === undefined) return null;
      return binary[index] ? String(value).replace(/\s+/g, '') : String(value);
    });
  const keyColumn = table.primaryKey.length === 1 ? table.columns.find((column) => column.name === table.primaryKey[0]) : undefined;
  if (keyColumn && (keyColumn.type === 'integer' || keyColumn.type === 'bigint')) {
    // Keyset pages on a single integer key: each page costs the same however far into the table it is.
    const keyIndex = table.columns.indexOf(keyColumn);
    let last: string | null = null;
    for (;;) {
      const where: RawBuilder<unknown> = last === null ? sql`` : sql`where ${sql.ref(keyColumn.name)} > ${last}`;
      const result = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} ${where} order by ${sql.ref(keyColumn.name)} limit ${batch}`.execute(db);
      for (const row of result.rows) yield toValues(row);
      if (result.rows.length < batch) return;
      last = String(result.rows[result.rows.length - 1]?.[`c${keyIndex}`]);
    }
  }
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((column) => column.name)).map((name) => sql.ref(name));
  for (let offset = 0; ; offset += batch) {
    const result = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} order by ${sql.join(order)} limit ${batch} offset ${offset}`.execute(db);
    for (const row of result.rows) yield toValues(row);
    if (result.rows.length < batch) return;
  }
}

/** The migrations the schema has had, in order. */
export async function listAppliedMigrations(db: Kysely<any>): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** Writes the backup to `filePath` (through a temporary file renamed at the end, so a failed backup leaves no half file). */
export async function writeBackup(handle: DatabaseHandle, filePath: string, options: { now?: Date } = {}): Promise<BackupSummary> {
  const temporary = `${filePath}.partial-${process.pid}`;
  const gzip = createGzip();
  const file = createWriteStream(temporary);
  gzip.pipe(file);
  const finished = once(file, 'close');
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const counts: Record<string, number> = {};
    // One snapshot: rows written while the backup runs are either all in it or all out of it.
    await handle.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const tables = await listTables(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        engine: handle.engine,
        migrations: await listAppliedMigrations(trx),
        tables: tables.map((table) => ({ name: table.name, columns: table.columns })),
      };
      await write(header);
      for (const table of tables) {
        let count = 0;
        for await (const values of readRows(trx, table)) {
          await write({ t: table.name, r: values });
          count += 1;
        }
        counts[table.name] = count;
      }
    });
    const trailer: BackupTrailer = { end: true, counts };
    await write(trailer);
    gzip.end();
    await finished;
    await rename(temporary, filePath);
    const { size } = await stat(filePath);
    return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((sum, n) => sum + n, 0), counts, bytes: size };
  } catch (error) {
    gzip.destroy();
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
