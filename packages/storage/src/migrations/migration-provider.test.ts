import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../database.ts';
import { PgliteDialect } from '../pglite.dialect.ts';
import type { Schema } from '../schema.ts';
import { ListedMigrationProvider } from './migration-provider.ts';

/** A database as it stood before migration 0006, holding what the later migrations must carry over. */
describe('upgrading a database from 0005', () => {
  let db: Kysely<Schema>;

  beforeAll(async () => {
    db = new Kysely<Schema>({ dialect: new PgliteDialect(await PGlite.create('memory://')) });
    const { error } = await new Migrator({ db, provider: new ListedMigrationProvider() }).migrateTo('0005-schedule-tallies');
    if (error) throw error;
    await sql`insert into regions (code, name) values ('630105', '城北区')`.execute(db);
    await sql`insert into users (username, role, password_hash) values ('jyj', 'unit_editor', 'scrypt$x')`.execute(db);
    await sql`insert into api_tokens (user_id, name, token_hash) select id, '旧脚本', repeat('a', 64) from users`.execute(db);
    await sql`insert into plans (region_code, year, title) values ('630105', 2024, '2024年')`.execute(db);
    await sql`insert into commitments (plan_id, original_text, title) select id, '任务', '任务' from plans`.execute(db);
    await sql`insert into progress_updates (commitment_id, reported_on, percent) select id, '9999-12-31', 1e38 from commitments`.execute(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it('gives a never-expiring token 365 days, keeps an old out-of-range report, and refuses new ones', async () => {
    const before = Date.now();
    expect(await migrateToLatest(db)).toEqual(expect.arrayContaining(['0006-api-token-expiry', '0008-progress-corrections']));
    const token = await db.selectFrom('api_tokens').select('expires_at').executeTakeFirstOrThrow();
    const days = (token.expires_at.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThan(365.1);
    await expect(sql`insert into api_tokens (user_id, name, token_hash) select id, '永久', repeat('b', 64) from users`.execute(db)).rejects.toThrow(/expires_at/);
    const old = await db.selectFrom('progress_updates').select(['id', 'percent', 'commitment_id']).executeTakeFirstOrThrow();
    expect(old.percent).toBe('100000000000000000000000000000000000000');
    await expect(
      db.insertInto('progress_updates').values({ commitment_id: old.commitment_id, reported_on: '2024-06-30', percent: '1000.5' }).execute(),
    ).rejects.toThrow(/percent_at_most_1000/);
    // A correction must name a report of its own commitment and give a reason.
    await expect(
      db.insertInto('progress_updates').values({ commitment_id: old.commitment_id, reported_on: '2024-06-30', percent: '20', corrects_id: old.id }).execute(),
    ).rejects.toThrow(/correction_has_reason/);
    await db
      .insertInto('progress_updates')
      .values({ commitment_id: old.commitment_id, reported_on: '2024-06-30', percent: '20', corrects_id: old.id, correction_reason: '日期与比例误填' })
      .execute();
  });

  it('approves the reports stored before reviews existed (they were public), and only those', async () => {
    const stored = await db.selectFrom('progress_updates').select('id').orderBy('id').execute();
    const reviews = await db.selectFrom('progress_reviews').select(['update_id', 'decision', 'reviewer_id']).orderBy('update_id').execute();
    // The report from before 0006 is approved; the correction inserted after migrating (by the test above) is not.
    expect(reviews).toEqual([{ update_id: stored[0]!.id, decision: 'approved', reviewer_id: null }]);
    expect(stored.length).toBe(2);
  });
});

/** A database as it stood before migration 0013, with a follow-up pair judged on a figure. */
describe('upgrading a database from 0012', () => {
  let db: Kysely<Schema>;

  beforeAll(async () => {
    db = new Kysely<Schema>({ dialect: new PgliteDialect(await PGlite.create('memory://')) });
    const { error } = await new Migrator({ db, provider: new ListedMigrationProvider() }).migrateTo('0012-supervision-notices');
    if (error) throw error;
    await sql`insert into regions (code, name) values ('630105', '城北区')`.execute(db);
    for (const year of [2030, 2031]) {
      await sql`insert into documents (region_code, year, title, file_name, format, sha256, byte_size, content, text, extraction, findings, problems)
        values ('630105', ${year}, ${`${year}年`}, 'a.txt', 'txt', ${String(year).repeat(16)}, 1, ${new Uint8Array([1])}, '增长5%', '{}', '[]', '[]')`.execute(db);
    }
    await sql`insert into follow_up_pairs (region_code, last_year, this_year, last_document_id, this_document_id, position, source, metric,
        target_start, target_end, target_text, target_unit, result_start, result_end, result_text, verdict, confidence, polarity, explanation)
      select '630105', 2030, 2031, min(id), max(id), 0, 'main_targets', '增长', 2, 4, '5%', '%', 2, 4, '5%', 'met', 1, 'higher_is_better', '完成'
      from documents`.execute(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it('gives the pairs already stored the basis figure', async () => {
    expect(await migrateToLatest(db)).toEqual(['0013-follow-up-pair-basis']);
    expect(await db.selectFrom('follow_up_pairs').select(['verdict', 'basis']).execute()).toEqual([{ verdict: 'met', basis: 'figure' }]);
  });
});
