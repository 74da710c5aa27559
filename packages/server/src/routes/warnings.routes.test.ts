import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type TestApp } from '../test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

interface WarningsJson {
  items: { urgency: string; commitment: { id: number; title: string } }[];
  by_unit: { unit_id: number; unit_name: string; overdue: number; missed: number; behind: number; due_soon: number }[];
  unassigned: number;
}

for (const engine of testEngines()) {
  describe(`warnings on ${engine}: the items to chase, most urgent first`, () => {
    let api: TestApp;
    const ids: Record<string, number> = {};
    let units: { forestry: number; civil: number };
    let unassignedBefore: number;

    const warnings = async (withinDays: number, client = api.admin): Promise<WarningsJson> => {
      const answer = await client.request({ method: 'GET', url: `/api/warnings?region=630105&year=2024&within_days=${withinDays}` });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json() as WarningsJson;
    };

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
      const unit = async (name: string) => ((await api.admin.post('/api/units', { region_code: '630105', name })).json() as { id: number }).id;
      units = { forestry: await unit('区林业和草原局'), civil: await unit('区民政局') };
      // The demo's commitments have no unit yet: they are the 未分派 already there.
      unassignedBefore = (await warnings(30)).unassigned;
      const add = async (key: string, payload: Record<string, unknown>, progress?: Record<string, unknown>) => {
        const created = await api.admin.post('/api/commitments', { plan_id: api.demoPlanId, target_value: '100', target_unit: '个', ...payload });
        expect(created.statusCode, created.body).toBe(201);
        ids[key] = (created.json() as { id: number }).id;
        if (progress) expect((await api.admin.post(`/api/commitments/${ids[key]}/progress`, progress)).statusCode).toBe(201);
      };
      await add('overdue', { title: '逾期事项', lead_unit_id: units.forestry, start_date: '2024-01-01', deadline: '2024-05-31' });
      await add('behind', { title: '落后事项', lead_unit_id: units.civil, start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '10' });
      await add('dueSoon', { title: '临期事项', lead_unit_id: units.forestry, start_date: '2024-06-01', deadline: '2024-07-10' }, { reported_on: '2024-06-28', percent: '70' });
      await add('farAway', { title: '按序时事项', lead_unit_id: units.forestry, start_date: '2024-01-01', deadline: '2024-12-31' }, { reported_on: '2024-06-28', percent: '50' });
      await add('done', { title: '已完成事项', lead_unit_id: units.civil, start_date: '2024-01-01', deadline: '2024-05-31' }, { reported_on: '2024-05-20', percent: '100', reported_status: 'done' });
      await add('unassigned', { title: '未分派事项', start_date: '2024-01-01', deadline: '2024-05-31' });
    });
    afterAll(async () => api?.close());

    it('ranks overdue before behind schedule before due soon, and leaves out what is done or on schedule far from its deadline', async () => {
      const answer = await warnings(30);
      expect(answer.items.map((item) => [item.commitment.title, item.urgency])).toEqual([
        ['逾期事项', 'overdue'],
        ['落后事项', 'behind'],
        ['临期事项', 'due_soon'],
      ]);
    });

    it('counts an item without a lead unit as 未分派, never as overdue', async () => {
      const answer = await warnings(30);
      expect(answer.unassigned).toBe(unassignedBefore + 1);
      expect(answer.items.some((item) => item.commitment.id === ids['unassigned'])).toBe(false);
    });

    it('narrows the due-soon items to the time window', async () => {
      expect((await warnings(7)).items.map((item) => item.commitment.title)).toEqual(['逾期事项', '落后事项']);
      expect((await warnings(10)).items.map((item) => item.commitment.title)).toContain('临期事项');
    });

    it('counts warnings per lead unit, the unit with the worst first', async () => {
      expect((await warnings(30)).by_unit).toEqual([
        { unit_id: units.forestry, unit_name: '区林业和草原局', overdue: 1, missed: 0, behind: 0, due_soon: 1 },
        { unit_id: units.civil, unit_name: '区民政局', overdue: 0, missed: 0, behind: 1, due_soon: 0 },
      ]);
    });

    it("shows a unit editor its own unit's warnings only, and nobody signed out any", async () => {
      const created = await api.admin.post('/api/users', { username: 'minzheng', role: 'unit_editor', unit_id: units.civil });
      expect(created.statusCode, created.body).toBe(201);
      const oneTime = (created.json() as { one_time_password: string }).one_time_password;
      const first = await signIn(api.app, 'minzheng', oneTime);
      expect((await first.post('/api/auth/password', { current_password: oneTime, new_password: 'minzheng-own-Pw-2024' })).statusCode).toBeLessThan(300);
      const editor = await signIn(api.app, 'minzheng', 'minzheng-own-Pw-2024');
      expect((await warnings(30, editor)).items.map((item) => item.commitment.title)).toEqual(['落后事项']);
      const anonymous = await api.app.inject({ method: 'GET', url: '/api/warnings?region=630105&year=2024' });
      expect(anonymous.statusCode).toBe(401);
    });
  });
}
