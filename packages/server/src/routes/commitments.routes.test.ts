import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support.ts';

/** 12:00 in Beijing on 2024-06-30. */
const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

interface Progress {
  id: number;
  reported_on: string;
  percent: string | null;
  corrects_id: number | null;
  corrected_by_id: number | null;
  correction_reason: string | null;
}

for (const engine of testEngines()) {
  describe(`progress reports on ${engine}`, () => {
    let api: TestApp;
    let planId: number;
    let counter = 0;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024, seedDemo: false });
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      planId = (await api.database.repositories.plans.ensure({ regionCode: '630105', year: 2024, title: '2024年政府工作报告重点任务' })).id;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    async function newCommitment(target?: string): Promise<number> {
      const created = await api.admin.post('/api/commitments', {
        plan_id: planId,
        title: `新建幼儿园${++counter}所`,
        ...(target ? { target_value: target, target_unit: '所' } : {}),
      });
      expect(created.statusCode, created.body).toBe(201);
      return (created.json() as { id: number }).id;
    }

    const report = (id: number, body: object) => api.admin.post(`/api/commitments/${id}/progress`, body);
    /** The percent done the schedule status reads from the latest report, as a number. */
    const actualPercent = async (id: number) =>
      Number(((await api.app.inject(`/api/commitments/${id}`)).json() as { schedule: { actual_percent: string } }).schedule.actual_percent);

    it('refuses a report dated after tomorrow in China, or before the plan year, with a Chinese message', async () => {
      const id = await newCommitment();
      for (const reportedOn of ['9999-12-31', '2024-07-02', '2023-12-31', '2024-02-30']) {
        const refused = await report(id, { reported_on: reportedOn, percent: '50' });
        expect(refused.statusCode, reportedOn).toBe(400);
        expect((refused.json() as { error: { message: string } }).error.message, reportedOn).toMatch(/填报日期/);
      }
      // Tomorrow is allowed (a report written late in the evening for the next morning's meeting), and the year's first day.
      expect((await report(id, { reported_on: '2024-07-01', percent: '50' })).statusCode).toBe(201);
      expect((await report(id, { reported_on: '2024-01-01', percent: '10' })).statusCode).toBe(201);
    });

    it('takes percents from 0 to 1000 (over-delivery is real), refuses the rest and amounts beyond ten times the target', async () => {
      const id = await newCommitment();
      for (const percent of ['1' + '0'.repeat(38), '1000.01', '-5']) {
        const refused = await report(id, { reported_on: '2024-06-30', percent });
        expect(refused.statusCode, percent).toBe(400);
        expect((refused.json() as { error: { message: string } }).error.message, percent).toMatch(/完成比例/);
      }
      expect(await actualPercent(id)).toBe(0);
      expect((await report(id, { reported_on: '2024-06-30', percent: '120' })).statusCode).toBe(201);
      const counted = await newCommitment('10');
      expect((await report(counted, { reported_on: '2024-06-30', amount: '101' })).statusCode).toBe(400);
      expect((await report(counted, { reported_on: '2024-06-30', amount: '-1' })).statusCode).toBe(400);
      expect((await report(counted, { reported_on: '2024-06-30', amount: '12' })).statusCode).toBe(201);
    });

    it('corrects a report by appending a correction that takes its place; the original stays, marked', async () => {
      const id = await newCommitment();
      expect((await report(id, { reported_on: '2024-06-10', percent: '40' })).statusCode).toBe(201);
      const wrong = (await report(id, { reported_on: '2024-06-20', percent: '4' })).json() as Progress;
      expect(await actualPercent(id)).toBe(4);
      const corrected = await api.admin.post(`/api/progress/${wrong.id}/correction`, { reported_on: '2024-06-20', percent: '45', reason: '多输了一个零，应为45%' });
      expect(corrected.statusCode, corrected.body).toBe(201);
      const correction = corrected.json() as Progress;
      expect(correction).toMatchObject({ corrects_id: wrong.id, percent: '45', correction_reason: '多输了一个零，应为45%' });
      expect(await actualPercent(id)).toBe(45);
      const list = (await api.app.inject(`/api/commitments/${id}/progress`)).json() as { items: Progress[] };
      expect(list.items.find((item) => item.id === wrong.id)).toMatchObject({ percent: '4', corrected_by_id: correction.id });
      // A report is corrected once; a second correction corrects the correction.
      expect((await api.admin.post(`/api/progress/${wrong.id}/correction`, { reported_on: '2024-06-20', percent: '46', reason: '再改' })).statusCode).toBe(409);
      expect((await api.admin.post(`/api/progress/${correction.id}/correction`, { reported_on: '2024-06-21', percent: '46', reason: '日期也错了' })).statusCode).toBe(201);
      expect(await actualPercent(id)).toBe(46);
      const history = (await api.app.inject(`/api/commitments/${id}/history`)).json() as { items: { action: string }[] };
      expect(history.items.filter((event) => event.action === 'correct_progress')).toHaveLength(2);
    });

    it('frees later reports from one stored with a far-future date, once it is corrected', async () => {
      const id = await newCommitment();
      // A report stored before dates were checked.
      const stray = await api.database.repositories.progressUpdates.append({ commitment_id: id, reported_on: '9999-12-31', percent: '100', reported_status: 'done' });
      expect((await report(id, { reported_on: '2024-06-30', percent: '30' })).statusCode).toBe(201);
      expect(await actualPercent(id)).toBe(100);
      const corrected = await api.admin.post(`/api/progress/${stray.id}/correction`, { reported_on: '2024-06-01', percent: '20', reason: '日期误填为9999年' });
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(await actualPercent(id)).toBe(30);
    });
  });
}
