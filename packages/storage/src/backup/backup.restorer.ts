/**
 * Restores a backup file into a database whose migrations have run: checks the format, version and schema, refuses a
 * target that holds data unless forced, then loads every row in one transaction (all of it or none of it), parents
 * before children, and moves each identity sequence past the restored ids.
 * Example: `await restoreBackup(handle, 'duixian-2024-06-30.jsonl.gz')` → { tables: 19, rows: 1234 }.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseHandle } from '../database.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFormatError, isBinaryColumn, type BackupHeader, type BackupRowLine, type BackupTrailer } from './backup-format.ts';
import { listAppliedMigrations } from './backup.writer.ts';
import { listTables, type TableColumn, type TableInfo } from './table-catalog.ts';

export interface RestoreOptions {
  /** Replace whatever the target holds (default: refuse a target with data). */
  readonly force?: boolean;
}

export interface RestoreSummary {
  readonly tables: number;
  readonly rows: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** Reference data the migrations themselves insert: present in an empty database, replaced by the backup's rows. */
const SEEDED_BY_MIGRATIONS = new Set(['functional_classes']);

/** Parameters per INSERT stay well under PostgreSQL's 65,535; text per INSERT under a few megabytes. */
const MAX_PARAMETERS = 20_000;
const MAX_BATCH_CHARACTERS = 8 * 1024 * 1024;

/** The tables that hold rows (other than reference data the migrations insert). */
export async function listNonEmptyTables(db: Kysely<any>): Promise<string[]> {
  const tables = await listTables(db);
  const nonEmpty: string[] = [];
  for (const table of tables) {
    if (SEEDED_BY_MIGRATIONS.has(table.name)) continue;
    const result = await sql<{ one: number }>`select 1 as one from ${sql.table(table.name)} limit 1`.execute(db);
    if (result.rows.length > 0) nonEmpty.push(table.name);
  }
  return nonEmpty;
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFormatError(`line ${lineNumber} is not JSON: the file is damaged`);
  }
}

function checkHeader(value: unknown, migrations: readonly string[], tables: ReadonlyMap<string, TableInfo>): BackupHeader {
  const header = value as Partial<BackupHeader> | undefined;
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupFormatError(`not a duixian backup (the first line has no "format": "${BACKUP_FORMAT}")`);
  if (typeof header.version !== 'number' || header.version > BACKUP_VERSION) {
    throw new BackupFormatError(`backup format version ${String(header.version)} is newer than this duixian reads (${BACKUP_VERSION}): upgrade duixian first`);
  }
  const unknown = (header.migrations ?? []).filter((name) => !migrations.includes(name));
  if (unknown.length > 0) throw new BackupFormatError(`the backup comes from a newer schema (migrations ${unknown.join(', ')} are unknown here): upgrade duixian first`);
  for (const table of header.tables ?? []) {
    const target = tables.get(table.name);
    if (!target) throw new BackupFormatError(`table ${table.name} of the backup does not exist in this database`);
    const missing = table.columns.filter((column) => !target.columns.some((existing) => existing.name === column.name));
    if (missing.length > 0) throw new BackupFormatError(`columns ${missing.map((column) => column.name).join(', ')} of table ${table.name} do not exist in this database`);
  }
  return header as BackupHeader;
}

/** Rows of a self-referencing table, parents before their children. */
function parentsFirst(rows: readonly (readonly (string | null)[])[], columns: readonly TableColumn[], table: TableInfo): (readonly (string | null)[])[] {
  if (table.selfReferences.length === 0) return [...rows];
  const links = table.selfReferences.map((link) => ({
    from: columns.findIndex((column) => column.name === link.column),
    to: columns.findIndex((column) => column.name === link.referencedColumn),
  }));
  const byKey = links.map((link) => new Map(rows.map((row) => [row[link.to], row])));
  const done = new Set<readonly (string | null)[]>();
  const ordered: (readonly (string | null)[])[] = [];
  const visit = (row: readonly (string | null)[], depth: number) => {
    if (done.has(row)) return;
    if (depth > rows.length) throw new BackupFormatError(`rows of ${table.name} reference each other in a cycle`);
    links.forEach((link, index) => {
      const parentKey = row[link.from];
      const parent = parentKey === null || parentKey === undefined ? undefined : byKey[index]?.get(parentKey);
      if (parent && parent !== row) visit(parent, depth + 1);
    });
    done.add(row);
    ordered.push(row);
  };
  for (const row of rows) visit(row, 0);
  return ordered;
}

class TableLoader {
  readonly #db: Kysely<any>;
  readonly #columns: readonly TableColumn[];
  readonly #table: TableInfo;
  readonly #hasIdentity: boolean;
  #rows: (readonly (string | null)[])[] = [];
  #characters = 0;
  count = 0;

  constructor(db: Kysely<any>, table: TableInfo, columns: readonly TableColumn[]) {
    this.#db = db;
    this.#table = table;
    this.#columns = columns;
    this.#hasIdentity = table.columns.some((column) => column.isIdentity);
  }

  async add(values: readonly (string | null)[]): Promise<void> {
    if (values.length !== this.#columns.length) throw new BackupFormatError(`a row of ${this.#table.name} has ${values.length} values for ${this.#columns.length} columns`);
    this.#rows.push(values);
    this.count += 1;
    for (const value of values) this.#characters += value?.length ?? 0;
    // A self-referencing table is loaded at the end, sorted; others in batches as they come.
    if (this.#table.selfReferences.length === 0 && (this.#rows.length * this.#columns.length >= MAX_PARAMETERS || this.#characters >= MAX_BATCH_CHARACTERS)) {
      await this.#insert(this.#rows);
      this.#rows = [];
      this.#characters = 0;
    }
  }

  async finish(): Promise<void> {
    const rows = parentsFirst(this.#rows, this.#columns, this.#table);
    this.#rows = [];
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, this.#columns.length)));
    for (let index = 0; index < rows.length; index += perStatement) await this.#insert(rows.slice(index, index + perStatement));
  }

  async #insert(rows: readonly (readonly (string | null)[])[]): Promise<void> {
    if (rows.length === 0) return;
    const binary = this.#columns.map(isBinaryColumn);
    const tuples = rows.map((row) => sql`(${sql.join(row.map((value, index): RawBuilder<unknown> => (binary[index] && value !== null ? sql`decode(${value}, 'base64')` : sql`${value}`)))})`);
    const names = sql.join(this.#columns.map((column) => sql.ref(column.name)));
    const overriding = this.#hasIdentity ? sql`overriding system value` : sql``;
    await sql`insert into ${sql.table(this.#table.name)} (${names}) ${overriding} values ${sql.join(tuples)}`.execute(this.#db);
  }
}

/** Restores `filePath` into `handle` (migrated already). Throws BackupFormatError on a bad file; nothing is changed then. */
export async function restoreBackup(handle: DatabaseHandle, filePath: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const nonEmpty = await listNonEmptyTables(handle.db);
  if (nonEmpty.length > 0 && !options.force) {
    throw new BackupFormatError(`the target database is not empty (tables ${nonEmpty.join(', ')} have rows): restore into an empty database, or force it to replace everything`);
  }
  return handle.db.transaction().execute(async (trx) => {
    const tables = new Map((await listTables(trx)).map((table) => [table.name, table]));
    const migrations = await listAppliedMigrations(trx);
    // Opened only now: lines a reader emits before the loop starts would be lost.
    const file = createReadStream(filePath);
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
    let header: BackupHeader | undefined;
    let trailer: BackupTrailer | undefined;
    const loaders = new Map<string, TableLoader>();
    let current: TableLoader | undefined;
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const value = parseLine(line, lineNumber);
        if (!header) {
          header = checkHeader(value, migrations, tables);
          // Replace everything: TRUNCATE skips the append-only row triggers and empties the tables in one step.
          const names = [...tables.keys()].map((name) => sql.table(name));
          if (names.length > 0) await sql`truncate table ${sql.join(names)} restart identity cascade`.execute(trx);
          continue;
        }
        if (trailer) throw new BackupFormatError(`line ${lineNumber} follows the end of the backup`);
        if ((value as BackupTrailer).end === true) {
          trailer = value as BackupTrailer;
          continue;
        }
        const row = value as BackupRowLine;
        let loader = loaders.get(row.t);
        if (!loader) {
          const target = tables.get(row.t);
          const declared = header.tables.find((table) => table.name === row.t);
          if (!target || !declared) throw new BackupFormatError(`line ${lineNumber} is a row of table ${row.t}, which the header does not declare`);
          loader = new TableLoader(trx, target, declared.columns);
          loaders.set(row.t, loader);
        }
        if (current && current !== loader) await current.finish();
        current = loader;
        await loader.add(row.r);
      }
    } catch (error) {
      if (error instanceof Error && /incorrect header check|unexpected end of file/.test(error.message)) {
        throw new BackupFormatError(`the file is not a complete gzip archive: ${error.message}`);
      }
      throw error;
    }
    if (!header) throw new BackupFormatError('the file is empty');
    if (!trailer) throw new BackupFormatError('the backup ends before its last line: the file is truncated');
    await current?.finish();
    const counts: Record<string, number> = {};
    for (const table of header.tables) {
      const loaded = loaders.get(table.name)?.count ?? 0;
      const expected = trailer.counts[table.name] ?? 0;
      if (loaded !== expected) throw new BackupFormatError(`table ${table.name}: ${loaded} rows read, the backup says ${expected}`);
      counts[table.name] = loaded;
    }
    // New rows after the restore get ids past the restored ones.
    for (const table of tables.values()) {
      for (const column of table.columns.filter((item) => item.isIdentity)) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}), coalesce((select max(${sql.ref(column.name)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(trx);
      }
    }
    return { tables: header.tables.length, rows: Object.values(counts).reduce((sum, n) => sum + n, 0), counts };
  });
}
