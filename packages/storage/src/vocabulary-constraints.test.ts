import { CLOSURE_STATUSES, DELIVERY_CHANNELS, DELIVERY_STATUSES, FOLLOW_UP_BASES, FOLLOW_UP_VERDICTS, NOTIFICATION_KINDS, PROGRESS_REVIEW_STATUSES, REPORTING_FREQUENCIES, TARGET_COMPARATORS, USER_ROLES } from '@duixian/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.ts';
import { openTestDatabase, testEngines } from './test-database.ts';

/**
 * The closed sets of words are defined once, in core (model/vocabulary.ts); the database's CHECK constraints, written
 * by migrations, must accept exactly those words, or a value the API accepts would fail at insert (or the reverse).
 */
for (const engine of testEngines()) {
  describe(`the database accepts exactly core's words, on ${engine}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => { handle = await openTestDatabase(engine); }, 60_000);
    afterAll(async () => { await handle?.close(); }, 60_000);

    /** The quoted words of the CHECK constraints on one column. */
    async function allowed(table: string, column: string): Promise<string[]> {
      const rows = await sql<{ definition: string }>`
        select pg_get_constraintdef(c.oid) as definition
        from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
        join pg_attribute a on a.attrelid = t.oid and a.attnum = any(c.conkey)
        where c.contype = 'c' and t.relname = ${table} and a.attname = ${column} and n.nspname = current_schema()`.execute(handle.db);
      const words = rows.rows.flatMap((row) => [...row.definition.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!));
      // Only the words a column may take: the empty string of "reason <> ''" is no value.
      return [...new Set(words)].filter((word) => word !== '').sort();
    }

    it.each([
      ['users', 'role', USER_ROLES],
      ['commitments', 'target_comparator', TARGET_COMPARATORS],
      ['follow_up_pairs', 'verdict', FOLLOW_UP_VERDICTS],
      ['follow_up_pairs', 'basis', FOLLOW_UP_BASES],
      ['reminders', 'kind', NOTIFICATION_KINDS],
      ['deliveries', 'channel', DELIVERY_CHANNELS],
      ['deliveries', 'status', DELIVERY_STATUSES],
      ['closure_requests', 'status', CLOSURE_STATUSES],
    ] as const)('%s.%s', async (table, column, words) => {
      expect(await allowed(table, column)).toEqual([...words].sort());
    });

    it('reporting_cycles.frequency (its weekly-due-day check names one of them again)', async () => {
      expect(await allowed('reporting_cycles', 'frequency')).toEqual([...REPORTING_FREQUENCIES].sort());
    });

    it('progress_reviews.decision: the decided states, every one but pending', async () => {
      expect(await allowed('progress_reviews', 'decision')).toEqual(PROGRESS_REVIEW_STATUSES.filter((s) => s !== 'pending').sort());
    });
  });
}
