/**
 * Opens the database — embedded PGlite in a folder (the default) or PostgreSQL at a URL — and brings its
 * schema up to date before anything else runs. Example: `const handle = await openDatabase({ dataDir: './data' })`.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type DatabaseIntrospector, type Migration } from 'kysely';
import { CurrentSchemaIntrospector } from './current-schema.introspector.ts';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder.lock.ts';
import pg from 'pg';
import { InvalidError } from './domain-error.ts';
import { ListedMigrationProvider } from './migrations/migration-provider.ts';
import { PgliteDialect } from './pglite.dialect.ts';
import { createRepositories, type Repositories } from './repositories.ts';
import type { Schema } from './schema.ts';

const DATE_OID = 1082;

export interface OpenDatabaseOptions {
  /** PGlite data folder; created when missing. Without it (and without a URL) the database lives in memory. */
  readonly dataDir?: string;
  /** postgres://user:password@host:port/db — takes precedence over `dataDir`. */
  readonly databaseUrl?: string;
  /** PostgreSQL only: work inside this schema (created when missing), so test runs do not meet each other. */
  readonly schema?: string;
  /** Extra migrations after the shipped ones (tests use one that fails). */
  readonly extraMigrations?: Readonly<Record<string, Migration>>;
  /** Connections in the PostgreSQL pool (default 10). */
  readonly poolSize?: number;
}

/** An open, migrated database. */
export interface DatabaseHandle {
  readonly engine: 'pglite' | 'postgres';
  /** Kysely over the schema; only storage code writes SQL with it. */
  readonly db: Kysely<Schema>;
  /** A PGlite folder's lock, held until close (memory databases and PostgreSQL have none). */
  readonly lock?: DataFolderLock;
  /** Repositories outside any transaction. */
  readonly repositories: Repositories;
  /** Runs `work` in one transaction: everything it wrote is kept, or (on a throw) none of it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Brings the schema up to date in one transaction; a failed migration leaves the database as it was. */
export async function migrateToLatest(
  db: Kysely<Schema>,
  options: { schema?: string; extraMigrations?: Readonly<Record<string, Migration>> } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new ListedMigrationProvider(options.extraMigrations),
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed, nothing was changed: ${reason}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** PostgreSQL as Kysely ships it, with an introspector that looks at the current schema only. */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

function createPostgresKysely(options: OpenDatabaseOptions): { db: Kysely<Schema>; ready: Promise<void> } {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new InvalidError(`schema name "${schema}" must be lower-case letters, digits and _`);
  }
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  const ready = schema ? sql.raw(`create schema if not exists ${schema}`).execute(db).then(() => undefined) : Promise.resolve();
  return { db, ready };
}

/**
 * Opens and migrates the database.
 * Example: `openDatabase({ databaseUrl: process.env.DATABASE_URL })` or `openDatabase({ dataDir: '.duixian-data' })`.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  let db: Kysely<Schema>;
  let engine: DatabaseHandle['engine'];
  let lock: DataFolderLock | undefined;
  if (options.databaseUrl) {
    engine = 'postgres';
    const created = createPostgresKysely(options);
    db = created.db;
    try {
      await created.ready;
    } catch (error) {
      await db.destroy();
      throw error;
    }
  } else {
    engine = 'pglite';
    // The lock before the folder is touched: a second process must not even start PGlite on it (its recovery run
    // alone can overwrite what the first process is writing).
    lock = options.dataDir ? await acquireDataFolderLock(options.dataDir) : undefined;
    try {
      const client = await PGlite.create(options.dataDir ?? 'memory://', {
        parsers: { [DATE_OID]: (value: string) => value },
      });
      db = new Kysely<Schema>({ dialect: new PgliteDialect(client) });
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }
  try {
    await migrateToLatest(db, {
      ...(options.schema && engine === 'postgres' ? { schema: options.schema } : {}),
      ...(options.extraMigrations ? { extraMigrations: options.extraMigrations } : {}),
    });
  } catch (error) {
    await db.destroy();
    await lock?.release();
    throw error;
  }
  let closed = false;
  return {
    engine,
    db,
    ...(lock ? { lock } : {}),
    repositories: createRepositories(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRepositories(trx))),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
      } finally {
        // Released only once PGlite has closed the folder, so the next process finds it whole.
        await lock?.release();
      }
    },
  };
}
