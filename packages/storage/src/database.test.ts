import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.ts';
import { ConflictError, InvalidError, NotFoundError } from './domain-error.ts';
import { openTestDatabase, testEngines } from './test-database.ts';

for (const engine of testEngines()) {
  describe(`storage on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    async function seedPlan() {
      const { regions, plans } = handle.repositories;
      await regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      return plans.ensure({ regionCode: '630105', year: 2024, title: '2024年工作' });
    }

    it('runs every migration once: a second run finds nothing to do', async () => {
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const tables = await handle.db.introspection.getTables();
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['commitments', 'budget_lines', 'audit_events']));
    });

    it('leaves the database as it was when a migration fails', async () => {
      const broken = {
        async up(db: Parameters<typeof migrateToLatest>[0]) {
          await sql`create table half_done (id integer)`.execute(db);
          await sql`insert into regions (code, name) values ('999999', '半途')`.execute(db);
          await sql`select * from table_that_does_not_exist`.execute(db);
        },
      };
      await expect(migrateToLatest(handle.db, { extraMigrations: { '9999-broken': broken } })).rejects.toThrow(
        /9999-broken failed, nothing was changed/,
      );
      const tables = await handle.db.introspection.getTables();
      expect(tables.map((table) => table.name)).not.toContain('half_done');
      const region = await handle.db.selectFrom('regions').select('code').where('code', '=', '999999').executeTakeFirst();
      expect(region).toBeUndefined();
    });

    it('rejects a region code that is not six digits', async () => {
      await expect(handle.repositories.regions.ensure({ code: '6301', name: '坏' })).rejects.toBeInstanceOf(InvalidError);
    });

    it('keeps budget amounts exact beyond 2^53 and sums them exactly', async () => {
      await seedPlan();
      const { budgetLines } = handle.repositories;
      for (const amount of ['123456789012345678.91', '0.09']) {
        await budgetLines.create({
          region_code: '630105',
          year: 2030,
          phase: 'executed',
          scope: 'category',
          label: '精度测试',
          amount_yuan: amount,
        });
      }
      const [sum] = await budgetLines.sumByLabel({ regionCode: '630105', years: [2030] });
      expect(sum?.amount_yuan).toBe('123456789012345679.00');
      const page = await budgetLines.list({ regionCode: '630105', year: 2030 });
      expect(page.items.map((line) => line.amount_yuan).sort()).toEqual(['0.09', '123456789012345678.91']);
    });

    it('updates a commitment only at the version the writer read, and never its original text', async () => {
      const plan = await seedPlan();
      const { commitments, regions } = handle.repositories;
      const unit = await regions.ensureUnit('630105', '区林业和草原局');
      const created = await commitments.create({
        plan_id: plan.id,
        original_text: '实施退化林分改造2万亩',
        title: '实施退化林分改造2万亩',
        target_value: '20000',
        target_unit: '亩',
        target_comparator: '=',
        deadline: '2024-12-31',
        leadUnitId: unit.id,
      });
      expect(created.version).toBe(1);
      expect(created.deadline).toBe('2024-12-31');
      expect(created.units).toEqual([{ unit_id: unit.id, name: '区林业和草原局', role: 'lead' }]);

      const { after } = await commitments.update(created.id, 1, { title: '退化林分改造', weight: '2' });
      expect(after.version).toBe(2);
      expect(after.original_text).toBe('实施退化林分改造2万亩');

      const stale = commitments.update(created.id, 1, { title: '覆盖' });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await stale.catch((error: ConflictError) => expect((error.current as { title: string }).title).toBe('退化林分改造'));

      await expect(
        handle.db.updateTable('commitments').set({ original_text: '改写' }).where('id', '=', created.id).execute(),
      ).rejects.toThrow(/never overwritten/);
    });

    it('refuses a work item that would become its own ancestor', async () => {
      const plan = await seedPlan();
      const { commitments } = handle.repositories;
      const parent = await commitments.create({ plan_id: plan.id, original_text: '任务', title: '任务' });
      const child = await commitments.create({ plan_id: plan.id, original_text: '工作项', title: '工作项', parent_id: parent.id });
      await expect(commitments.update(parent.id, parent.version, { parent_id: child.id })).rejects.toBeInstanceOf(InvalidError);
      const children = await commitments.list({ parentId: parent.id });
      expect(children.items.map((item) => item.id)).toEqual([child.id]);
    });

    it('keeps progress updates append-only and lists them newest first', async () => {
      const plan = await seedPlan();
      const { commitments, progressUpdates } = handle.repositories;
      const item = await commitments.create({ plan_id: plan.id, original_text: '增加学位2100个', title: '增加学位2100个' });
      await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-03-31', amount: '500' });
      await progressUpdates.append({
        commitment_id: item.id,
        reported_on: '2024-06-30',
        percent: '60',
        reported_status: 'in_progress',
        evidence: [{ kind: 'link', ref: 'https://example.org/photo' }],
      });
      const page = await progressUpdates.list(item.id);
      expect(page.items.map((update) => update.reported_on)).toEqual(['2024-06-30', '2024-03-31']);
      expect(page.items[0]?.evidence).toEqual([{ kind: 'link', ref: 'https://example.org/photo' }]);
      await expect(
        handle.db.deleteFrom('progress_updates').where('commitment_id', '=', item.id).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(progressUpdates.append({ commitment_id: item.id, reported_on: '2024-07-01' })).rejects.toBeInstanceOf(
        InvalidError,
      );
      const [first, second] = (await progressUpdates.list(item.id)).items.reverse();
      await progressUpdates.decide(first!.id, { decision: 'approved', reviewerId: null });
      await progressUpdates.decide(second!.id, { decision: 'approved', reviewerId: null });
      const facts = await commitments.listScheduleFacts({ ids: [item.id] });
      expect(facts[0]).toMatchObject({ latest_reported_on: '2024-06-30', latest_percent: '60', latest_status: 'in_progress' });
    });

    it('keeps a report pending until it is approved: the public reading and the schedule facts leave it out until then', async () => {
      const plan = await seedPlan();
      const { commitments, progressUpdates, users } = handle.repositories;
      const reviewer = await users.create({ username: `reviewer-${Date.now()}`, passwordHash: 'x', role: 'supervisor' });
      const item = await commitments.create({ plan_id: plan.id, original_text: '新建公园3个', title: '新建公园3个', target_value: '3' });
      const approved = await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-03-31', amount: '1' });
      await progressUpdates.decide(approved.id, { decision: 'approved', reviewerId: reviewer.id });
      const sha = 'a'.repeat(64);
      const pending = await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-06-30', amount: '2', evidence: [{ kind: 'file', ref: sha }] });

      expect((await progressUpdates.list(item.id, {}, 'approved')).items.map((u) => u.id)).toEqual([approved.id]);
      expect((await progressUpdates.list(item.id)).items.map((u) => [u.id, u.review_status])).toEqual([[pending.id, 'pending'], [approved.id, 'approved']]);
      expect((await commitments.listScheduleFacts({ ids: [item.id] }))[0]).toMatchObject({ latest_amount: '1' });
      expect(await progressUpdates.isFileCitedByApproved(sha)).toBe(false);
      const queue = await progressUpdates.listByReview({ status: 'pending', regionCode: '630105', year: 2024 });
      expect(queue.items.map((u) => u.id)).toContain(pending.id);
      expect(queue.items.find((u) => u.id === pending.id)).toMatchObject({ commitment_title: '新建公园3个', target_value: '3', plan_year: 2024 });

      await expect(progressUpdates.decide(pending.id, { decision: 'returned', reason: ' ', reviewerId: reviewer.id })).rejects.toBeInstanceOf(InvalidError);
      await progressUpdates.decide(pending.id, { decision: 'approved', reviewerId: reviewer.id });
      await expect(progressUpdates.decide(pending.id, { decision: 'returned', reason: '数据有误', reviewerId: reviewer.id })).rejects.toBeInstanceOf(ConflictError);
      expect((await commitments.listScheduleFacts({ ids: [item.id] }))[0]).toMatchObject({ latest_amount: '2' });
      expect(await progressUpdates.isFileCitedByApproved(sha)).toBe(true);
      expect((await progressUpdates.listByReview({ status: 'pending', regionCode: '630105', year: 2024 })).items.map((u) => u.id)).not.toContain(pending.id);
      await expect(handle.db.deleteFrom('progress_reviews').where('update_id', '=', pending.id).execute()).rejects.toThrow(/append-only/);
    });

    it('shows a returned report with its reason, never counted, and a pending correction leaves the corrected report counting', async () => {
      const plan = await seedPlan();
      const { commitments, progressUpdates } = handle.repositories;
      const item = await commitments.create({ plan_id: plan.id, original_text: '改造管网10公里', title: '改造管网10公里', target_value: '10' });
      const original = await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-04-30', amount: '4' });
      await progressUpdates.decide(original.id, { decision: 'approved', reviewerId: null });
      const returned = await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-05-31', amount: '9' });
      await progressUpdates.decide(returned.id, { decision: 'returned', reason: '佐证材料不清晰', reviewerId: null });
      const correction = await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-04-30', amount: '5', corrects_id: original.id, correction_reason: '少报一公里' });

      const all = (await progressUpdates.list(item.id)).items;
      expect(all.find((u) => u.id === returned.id)).toMatchObject({ review_status: 'returned', review_reason: '佐证材料不清晰' });
      const publicOriginal = (await progressUpdates.list(item.id, {}, 'approved')).items;
      expect(publicOriginal.map((u) => [u.id, u.corrected_by_id])).toEqual([[original.id, null]]);
      expect((await commitments.listScheduleFacts({ ids: [item.id] }))[0]).toMatchObject({ latest_amount: '4' });
      await progressUpdates.decide(correction.id, { decision: 'approved', reviewerId: null });
      expect((await commitments.listScheduleFacts({ ids: [item.id] }))[0]).toMatchObject({ latest_amount: '5' });
    });

    it('counts a saved schedule tally only until something it counts changes', async () => {
      const { regions, plans, commitments, progressUpdates, scheduleTallies } = handle.repositories;
      await regions.ensure({ code: '630106', name: '城西区', parentCode: null });
      const plan = await plans.ensure({ regionCode: '630106', year: 2024, title: '2024年工作' });
      const counts = [{ theme: '宜居城区', total: 1, red: 0, yellow: 1, green: 0, unknown: 0 }];
      expect(await scheduleTallies.revision(plan.id)).toBe('0');
      const item = await commitments.create({ plan_id: plan.id, original_text: '新建公园3个', title: '新建公园3个' });
      const afterCreate = await scheduleTallies.revision(plan.id);
      expect(afterCreate).not.toBe('0');
      await scheduleTallies.save(plan.id, '2024-06-30', afterCreate, counts);
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toEqual(counts);
      expect(await scheduleTallies.findValid(plan.id, '2024-07-01')).toBeUndefined();

      // A progress report in the same plan, from any code path, makes the saved tally stale.
      await progressUpdates.append({ commitment_id: item.id, reported_on: '2024-06-29', percent: '40' });
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toBeUndefined();
      const afterReport = await scheduleTallies.revision(plan.id);
      expect(BigInt(afterReport)).toBeGreaterThan(BigInt(afterCreate));

      // A tally computed before the report cannot replace the one computed after it.
      const fresh = [{ ...counts[0]!, yellow: 0, green: 1 }];
      await scheduleTallies.save(plan.id, '2024-06-30', afterReport, fresh);
      await scheduleTallies.save(plan.id, '2024-06-30', afterCreate, counts);
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toEqual(fresh);
      // Edits to a commitment and bulk inserts bump the revision once per statement.
      await handle.db.updateTable('commitments').set({ weight: '2' }).where('plan_id', '=', plan.id).execute();
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toBeUndefined();
      // So does a report's review: an approval changes what the status counts.
      const afterEdit = await scheduleTallies.revision(plan.id);
      await scheduleTallies.save(plan.id, '2024-06-30', afterEdit, counts);
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toEqual(counts);
      const [report] = (await progressUpdates.list(item.id)).items;
      await progressUpdates.decide(report!.id, { decision: 'approved', reviewerId: null });
      expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toBeUndefined();
    });

    it('keeps the audit trail append-only', async () => {
      await handle.repositories.auditEvents.record({ actorId: null, action: 'create', entityType: 'test', entityId: 1, after: { a: 1 } });
      const page = await handle.repositories.auditEvents.list({ entityType: 'test', entityId: 1 });
      expect(page.items[0]?.after).toEqual({ a: 1 });
      await expect(handle.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    });

    it('rolls back every write of a failed transaction', async () => {
      const plan = await seedPlan();
      await expect(
        handle.transaction(async (repositories) => {
          await repositories.commitments.create({ plan_id: plan.id, original_text: '回滚', title: '回滚', external_id: 'rollback-1' });
          throw new Error('forced failure');
        }),
      ).rejects.toThrow('forced failure');
      expect(await handle.repositories.commitments.findByExternalId('rollback-1')).toBeUndefined();
    });

    it('throws NotFound for a missing record', async () => {
      await expect(handle.repositories.commitments.get(987654)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}

describe('storage on a PGlite folder', () => {
  it('keeps its data across a restart', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'duixian-storage-'));
    try {
      const first = await openDatabase({ dataDir });
      await first.repositories.regions.ensure({ code: '630105', name: '城北区' });
      await first.close();
      const second = await openDatabase({ dataDir });
      try {
        expect((await second.repositories.regions.get('630105')).name).toBe('城北区');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
