/**
 * Inserts many rows in as many statements as PostgreSQL's 65,535 bind parameters per statement require (the wire
 * protocol counts them in 16 bits), all-or-nothing. Example: 20,000 review items of 5 columns → statements of 13,000
 * and 7,000 rows, in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

/** The protocol's limit, with room to spare for a statement's own parameters (ON CONFLICT, RETURNING). */
const MAX_BIND_PARAMETERS = 65_000;

/** The rows a statement's worth at a time: `columnsPerRow` parameters each, in order. */
export function splitIntoInsertBatches<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columnsPerRow));
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/**
 * Runs `insert` on each batch of `rows` and returns its results in order. More than one batch runs in a transaction
 * (the caller's, or one of its own), so a failure in the last batch leaves none of the earlier ones behind.
 */
export async function insertInBatches<T, R>(
  db: Kysely<Schema>,
  rows: readonly T[],
  columnsPerRow: number,
  insert: (db: Kysely<Schema>, batch: T[]) => Promise<R>,
): Promise<R[]> {
  const batches = splitIntoInsertBatches(rows, columnsPerRow);
  const run = async (target: Kysely<Schema>) => {
    const results: R[] = [];
    for (const batch of batches) results.push(await insert(target, batch));
    return results;
  };
  if (batches.length <= 1 || db.isTransaction) return run(db);
  return db.transaction().execute(run);
}
