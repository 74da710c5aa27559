/**
 * A covering index for the dashboard's budget sums: a region's year and phase summed by scope and label straight from
 * the index, without visiting the table (a million lines sum in tens of milliseconds).
 * Example query it serves: sum(amount_yuan) where region_code = '630105' and year in (2023, 2022) and phase = 'executed'.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index budget_lines_sums on budget_lines (region_code, phase, year, scope, label, functional_code) include (amount_yuan, span_start)`.execute(db);
}
