/**
 * Saved schedule tallies (a cache of what core computed, see migration 0005): read back only while the plan's
 * revision is still the one they were computed at. Read the revision BEFORE reading what the tally is computed from:
 * a write in between then makes the saved tally count as stale, never a stale tally count as fresh.
 * Example: `const revision = await tallies.revision(1); …compute…; await tallies.save(1, '2024-06-30', revision, counts)`.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema, ScheduleTallyCount } from '../schema.ts';

export class ScheduleTallyRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** The plan's current revision, as text (a bigint); '0' before its first change. */
  async revision(planId: number): Promise<string> {
    const row = await this.#db
      .selectFrom('plan_revisions')
      .select(sql<string>`revision::text`.as('revision'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return row?.revision ?? '0';
  }

  /** The tally saved for `computedOn`, when nothing it counts has changed since. */
  async findValid(planId: number, computedOn: string): Promise<ScheduleTallyCount[] | undefined> {
    const row = await this.#db
      .selectFrom('schedule_tallies as t')
      .leftJoin('plan_revisions as r', 'r.plan_id', 't.plan_id')
      .select('t.counts')
      .where('t.plan_id', '=', planId)
      .where('t.computed_on', '=', computedOn)
      .where(sql<boolean>`t.revision = coalesce(r.revision, 0)`)
      .executeTakeFirst();
    return row?.counts;
  }

  /** Keeps the newest tally of a plan: one computed on an earlier day or at an older revision never replaces it. */
  async save(planId: number, computedOn: string, revision: string, counts: readonly ScheduleTallyCount[]): Promise<void> {
    await this.#db
      .insertInto('schedule_tallies')
      .values({ plan_id: planId, computed_on: computedOn, revision, counts: JSON.stringify(counts) })
      .onConflict((conflict) =>
        conflict.column('plan_id').doUpdateSet({
          computed_on: (eb) => eb.ref('excluded.computed_on'),
          revision: (eb) => eb.ref('excluded.revision'),
          counts: (eb) => eb.ref('excluded.counts'),
        }).where(sql<boolean>`(excluded.computed_on, excluded.revision) >= (schedule_tallies.computed_on, schedule_tallies.revision)`),
      )
      .execute();
  }
}
