import type { DatabaseHandle } from '@duixian/storage';
import { openTestDatabase } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScheduleIndex } from './schedule-index.ts';

const now = () => new Date('2024-06-30T04:00:00Z');

type NewReport = Parameters<DatabaseHandle['repositories']['progressUpdates']['append']>[0];

/** A report written and approved, as a staff report is (only approved reports count in the schedule status). */
async function reportApproved(database: DatabaseHandle, update: NewReport): Promise<void> {
  const row = await database.repositories.progressUpdates.append(update);
  await database.repositories.progressUpdates.decide(row.id, { decision: 'approved', reviewerId: null });
}

describe('ScheduleIndex', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  }, 60_000);

  it('keeps statuses and colour counts after writes equal to a fresh build', async () => {
    const { regions, plans, commitments } = database.repositories;
    await regions.ensure({ code: '630105', name: '城北区' });
    const plan = await plans.ensure({ regionCode: '630105', year: 2024, title: '2024年工作任务' });
    const green = await plans.ensureTheme({ planId: plan.id, name: '生态环境保护' });
    const livable = await plans.ensureTheme({ planId: plan.id, name: '宜居城区' });
    const forest = await commitments.create({ plan_id: plan.id, theme_id: green.id, original_text: '改造2万亩', title: '改造2万亩', target_value: '20000' });
    const pipes = await commitments.create({ plan_id: plan.id, theme_id: livable.id, original_text: '管网改造', title: '管网改造' });
    const item = await commitments.create({ plan_id: plan.id, theme_id: green.id, parent_id: forest.id, original_text: '北山片区', title: '北山片区' });

    const index = new ScheduleIndex(database, now);
    const before = await index.forPlan(plan.id);
    expect(before.tally.get('生态环境保护')).toMatchObject({ total: 1, yellow: 1 });

    await reportApproved(database, { commitment_id: item.id, reported_on: '2024-06-29', percent: '100', reported_status: 'done' });
    await index.refreshCommitment(plan.id, item.id);
    expect(before.schedules.get(forest.id)).toMatchObject({ is_rolled_up: true, code: 'done_early', colour: 'green' });

    // The work item becomes a commitment of its own under another theme: it now counts, its old parent loses it.
    await commitments.update(item.id, 1, { parent_id: null, theme_id: livable.id });
    await index.refreshCommitment(plan.id, item.id);
    await reportApproved(database, { commitment_id: pipes.id, reported_on: '2024-06-29', percent: '10' });
    await index.refreshCommitment(plan.id, pipes.id);

    const fresh = await new ScheduleIndex(database, now).forPlan(plan.id);
    expect(Object.fromEntries(before.tally)).toEqual(Object.fromEntries(fresh.tally));
    expect(Object.fromEntries(before.schedules)).toEqual(Object.fromEntries(fresh.schedules));
    expect(fresh.tally.get('宜居城区')).toMatchObject({ total: 2 });
  });

  it('picks up another process\'s writes once its build is older than maxAgeMs, serving the old build meanwhile', async () => {
    const { plans, commitments } = database.repositories;
    const plan = await plans.ensure({ regionCode: '630105', year: 2025, title: '2025年工作任务' });
    const item = await commitments.create({ plan_id: plan.id, original_text: '新建托养机构5家', title: '新建托养机构5家' });
    const later = () => new Date('2025-06-30T04:00:00Z');
    const index = new ScheduleIndex(database, later, { maxAgeMs: 0 });
    const first = await index.forPlan(plan.id);
    expect(first.schedules.get(item.id)?.has_progress).toBe(false);

    // Another server process reports progress: this index has not seen it.
    await reportApproved(database, { commitment_id: item.id, reported_on: '2025-06-29', percent: '80' });
    const stale = await index.forPlan(plan.id);
    expect(stale).toBe(first);
    let current = stale;
    for (let attempt = 0; attempt < 100 && current === first; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      current = await index.forPlan(plan.id);
    }
    expect(current.schedules.get(item.id)).toMatchObject({ has_progress: true, actual_percent: '80.00' });
  });

  it('starts a new process from the tally a build saved, and not once anything it counts has changed', async () => {
    const { regions, plans, commitments, scheduleTallies } = database.repositories;
    await regions.ensure({ code: '630107', name: '城南区' });
    const plan = await plans.ensure({ regionCode: '630107', year: 2024, title: '2024年工作任务' });
    const theme = await plans.ensureTheme({ planId: plan.id, name: '民生改善保障' });
    const item = await commitments.create({ plan_id: plan.id, theme_id: theme.id, original_text: '增加学位2100个', title: '增加学位2100个' });

    const first = new ScheduleIndex(database, now);
    const built = await first.forPlan(plan.id);
    expect(built.tally.get('民生改善保障')).toMatchObject({ total: 1, yellow: 1 });
    expect(await scheduleTallies.findValid(plan.id, '2024-06-30')).toEqual([{ theme: '民生改善保障', total: 1, red: 0, yellow: 1, green: 0, unknown: 0 }]);

    // A new process reads the saved tally: put a marked one in its place to see that it is the one answered.
    const marked = [{ theme: '民生改善保障', total: 1, red: 0, yellow: 0, green: 0, unknown: 1 }];
    await scheduleTallies.save(plan.id, '2024-06-30', await scheduleTallies.revision(plan.id), marked);
    const second = new ScheduleIndex(database, now);
    expect(Object.fromEntries(await second.tally(plan.id))).toEqual({ 民生改善保障: { total: 1, red: 0, yellow: 0, green: 0, unknown: 1 } });

    // A progress report written past every index (another process, a script): the saved tally no longer counts.
    await reportApproved(database, { commitment_id: item.id, reported_on: '2024-06-29', percent: '100', reported_status: 'done' });
    const third = new ScheduleIndex(database, now);
    expect((await third.tally(plan.id)).get('民生改善保障')).toMatchObject({ total: 1, green: 1, yellow: 0, unknown: 0 });
    // …and a new day does not read yesterday's.
    const tomorrow = new ScheduleIndex(database, () => new Date('2024-07-01T04:00:00Z'));
    expect(await scheduleTallies.findValid(plan.id, '2024-07-01')).toBeUndefined();
    expect((await tomorrow.tally(plan.id)).get('民生改善保障')).toMatchObject({ total: 1, green: 1 });
    for (const index of [first, second, third, tomorrow]) index.stop();
  });

  it('builds the plans it holds for the new day just after midnight in China, before anyone asks', async () => {
    const { regions, plans, commitments, scheduleTallies } = database.repositories;
    await regions.ensure({ code: '630108', name: '城东区' });
    const plan = await plans.ensure({ regionCode: '630108', year: 2024, title: '2024年工作任务' });
    await commitments.create({ plan_id: plan.id, original_text: '新建公园3个', title: '新建公园3个' });
    let clock = new Date('2024-06-30T15:59:00Z'); // 23:59 in Beijing
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const index = new ScheduleIndex(database, () => clock);
    try {
      expect((await index.forPlan(plan.id)).today).toBe('2024-06-30');
      expect(await scheduleTallies.findValid(plan.id, '2024-07-01')).toBeUndefined();
      clock = new Date('2024-06-30T16:00:06Z');
      vi.advanceTimersByTime(60_000 + 5_000);
      vi.useRealTimers();
      let saved: Awaited<ReturnType<typeof scheduleTallies.findValid>>;
      for (let attempt = 0; attempt < 100 && !saved; attempt += 1) {
        saved = await scheduleTallies.findValid(plan.id, '2024-07-01');
        if (!saved) await new Promise((resume) => setTimeout(resume, 50));
      }
      expect(saved).toEqual([{ theme: null, total: 1, red: 0, yellow: 1, green: 0, unknown: 0 }]);
    } finally {
      vi.useRealTimers();
      index.stop();
    }
  });
});
