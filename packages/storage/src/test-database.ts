/**
 * Opens a fresh, migrated database for a test on either engine: an in-memory PGlite, or a schema of its own on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again on close). Imported as @duixian/storage/testing, kept out
 * of the production entry.
 * Example: `for (const engine of testEngines()) describe(engine, () => { … openTestDatabase(engine) … })`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from './database.ts';

export type TestEngine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  return process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/** The options that open a fresh database on `engine`, and a cleanup to run after closing it. */
export function testDatabaseOptions(
  engine: TestEngine,
  options: Omit<OpenDatabaseOptions, 'databaseUrl' | 'schema'> = {},
): OpenDatabaseOptions {
  if (engine === 'pglite') return options;
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return { ...options, databaseUrl: url, schema: `test_${randomBytes(6).toString('hex')}`, poolSize: 4 };
}

/** Drops a test schema left on the PostgreSQL server (no-op for PGlite). */
export async function dropTestSchema(options: OpenDatabaseOptions): Promise<void> {
  if (!options.databaseUrl || !options.schema) return;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${options.schema} cascade`);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database whose close() also drops its PostgreSQL schema. */
export async function openTestDatabase(
  engine: TestEngine,
  options: Omit<OpenDatabaseOptions, 'databaseUrl' | 'schema'> = {},
): Promise<DatabaseHandle> {
  const resolved = testDatabaseOptions(engine, options);
  const handle = await openDatabase(resolved);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropTestSchema(resolved);
    },
  };
}
