import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type TestApp } from '../test-support.ts';

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

    it("names each history event's author by display name, never by username, and the system's by null", async () => {
      const id = await newCommitment();
      const created = await api.admin.post('/api/users', { username: 'history-sup', role: 'supervisor', display_name: '督查室 李明' });
      expect(created.statusCode, created.body).toBe(201);
      const { user, one_time_password } = created.json() as { user: { username: string }; one_time_password: string };
      const first = await signIn(api.app, user.username, one_time_password);
      expect((await first.post('/api/auth/password', { current_password: one_time_password, new_password: 'history-sup-password-1' })).statusCode).toBe(204);
      const supervisor = await signIn(api.app, user.username, 'history-sup-password-1');
      expect((await supervisor.post(`/api/commitments/${id}/progress`, { reported_on: '2024-06-30', percent: '30' })).statusCode).toBe(201);
      await api.database.repositories.auditEvents.record({ actorId: null, action: 'report_progress', entityType: 'commitment', entityId: id, after: { percent: '35' } });
      // Read by staff: the public's history leaves out reports that were not approved (this audit-only one included).
      const history = (await api.admin.request({ method: 'GET', url: `/api/commitments/${id}/history` })).json() as { items: { action: string; actor_id: number | null; actor_name: string | null }[] };
      expect(history.items.map((event) => [event.action, event.actor_name])).toEqual([
        ['create', '管理员'],
        ['report_progress', '督查室 李明'],
        ['report_progress', null],
      ]);
      expect(JSON.stringify(history.items)).not.toContain('history-sup');
    });

    it('frees later reports from one stored with a far-future date, once it is corrected', async () => {
      const id = await newCommitment();
      // A report stored before dates were checked.
      const stray = await api.database.repositories.progressUpdates.append({ commitment_id: id, reported_on: '9999-12-31', percent: '100', reported_status: 'done' });
      // Public before reviews existed, so approved by migration 0009.
      await api.database.repositories.progressUpdates.decide(stray.id, { decision: 'approved', reviewerId: null });
      expect((await report(id, { reported_on: '2024-06-30', percent: '30' })).statusCode).toBe(201);
      expect(await actualPercent(id)).toBe(100);
      const corrected = await api.admin.post(`/api/progress/${stray.id}/correction`, { reported_on: '2024-06-01', percent: '20', reason: '日期误填为9999年' });
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(await actualPercent(id)).toBe(30);
    });
  });
}

interface Listed {
  id: number;
  version: number;
  deadline: string | null;
  schedule: { deadline: string | null };
  units: { unit_id: number; role: 'lead' | 'supporting' }[];
}

for (const engine of testEngines()) {
  describe(`the task table and bulk assignment on ${engine}`, () => {
    let api: TestApp;
    let planId: number;
    /** Units of 城北区, and one of another district. */
    const units = { forestry: 0, water: 0, education: 0, elsewhere: 0 };
    let counter = 0;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024, seedDemo: false });
      const { regions, plans } = api.database.repositories;
      await regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      await regions.ensure({ code: '630102', name: '城东区', parentCode: null });
      planId = (await plans.ensure({ regionCode: '630105', year: 2024, title: '2024年政府工作报告重点任务' })).id;
      units.forestry = (await regions.ensureUnit('630105', '区林业局')).id;
      units.water = (await regions.ensureUnit('630105', '区水务局')).id;
      units.education = (await regions.ensureUnit('630105', '区教育局')).id;
      units.elsewhere = (await regions.ensureUnit('630102', '城东区林业局')).id;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    async function newCommitment(options: { lead?: number; supporting?: number[]; published?: boolean } = {}): Promise<number> {
      const created = await api.admin.post('/api/commitments', {
        plan_id: planId,
        title: `植树造林${++counter}万亩`,
        ...(options.lead ? { lead_unit_id: options.lead } : {}),
        ...(options.supporting ? { supporting_unit_ids: options.supporting } : {}),
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json() as { id: number; version: number };
      if (options.published === false) expect((await api.admin.patch(`/api/commitments/${id}`, { version, published: false })).statusCode).toBe(200);
      return id;
    }

    const staffList = async (filter: string) =>
      ((await api.admin.request({ method: 'GET', url: `/api/staff/commitments?plan_id=${planId}&page_size=500${filter}` })).json() as { items: Listed[] }).items;
    const publicList = async (filter: string) => ((await api.app.inject(`/api/commitments?plan_id=${planId}&page_size=500${filter}`)).json() as { items: Listed[] }).items;
    const idsOf = (items: Listed[]) => items.map((item) => item.id);
    const byId = async (ids: number[]) => (await staffList('')).filter((item) => ids.includes(item.id));
    const auditCount = async () => Number((await api.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('filters by 未分派 (no lead unit) and lists unpublished items for staff only', async () => {
      const led = await newCommitment({ lead: units.forestry });
      const supportedOnly = await newCommitment({ supporting: [units.water] });
      const hidden = await newCommitment({ published: false });
      expect(idsOf(await publicList('&assigned=false'))).toEqual([supportedOnly]);
      expect(idsOf(await publicList('&assigned=true'))).toEqual([led]);
      expect(idsOf(await staffList('&assigned=false'))).toEqual([supportedOnly, hidden]);
      expect(idsOf(await staffList(''))).toEqual([led, supportedOnly, hidden]);
      expect(idsOf(await staffList(`&assigned=false&q=${encodeURIComponent(`植树造林${counter}万亩`)}`))).toEqual([hidden]);
      expect(idsOf(await publicList(''))).toEqual([led, supportedOnly]);
      expect((await api.app.inject(`/api/commitments?assigned=maybe`)).statusCode).toBe(400);
    });

    it('assigns many at once: lead, supporting units and deadline, versions bumped, one audit event each', async () => {
      const a = await newCommitment();
      const b = await newCommitment({ published: false });
      const before = await byId([a, b]);
      const audits = await auditCount();
      const answer = await api.admin.post('/api/commitments/assignments', {
        ids: [a, b],
        lead_unit_id: units.forestry,
        supporting_unit_ids: [units.water, units.forestry],
        deadline: '2024-10-31',
      });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toEqual({ assigned: 2 });
      const after = await byId([a, b]);
      for (const item of after) {
        expect(item.deadline).toBe('2024-10-31');
        // The schedule statuses held in memory follow the new deadline.
        expect(item.schedule.deadline).toBe('2024-10-31');
        expect(item.units.map(({ unit_id, role }) => ({ unit_id, role }))).toEqual([
          { unit_id: units.forestry, role: 'lead' },
          { unit_id: units.water, role: 'supporting' },
        ]);
        expect(item.version).toBe(before.find((old) => old.id === item.id)!.version + 1);
      }
      expect(await auditCount()).toBe(audits + 2);
      for (const id of [a, b]) {
        const history = (await api.admin.request({ method: 'GET', url: `/api/commitments/${id}/history` })).json() as {
          items: { action: string; before: { units: unknown[] }; after: { units: { unit_id: number }[]; deadline: string } }[];
        };
        const event = history.items.at(-1)!;
        expect(event.action).toBe('update');
        expect(event.before.units).toEqual([]);
        expect(event.after).toMatchObject({ deadline: '2024-10-31', units: [{ unit_id: units.forestry }, { unit_id: units.water }] });
      }
      expect(idsOf(await staffList('&assigned=false'))).not.toContain(a);
    });

    it('keeps each item\'s own supporting units when none are given, less the new lead', async () => {
      const a = await newCommitment({ lead: units.water, supporting: [units.forestry, units.education] });
      const answer = await api.admin.post('/api/commitments/assignments', { ids: [a], lead_unit_id: units.forestry });
      expect(answer.statusCode, answer.body).toBe(200);
      const [item] = await byId([a]);
      expect(item!.units.map(({ unit_id, role }) => [unit_id, role])).toEqual([[units.forestry, 'lead'], [units.education, 'supporting']]);
    });

    it('changes nothing when one unit or one commitment of the batch is wrong', async () => {
      const a = await newCommitment();
      const b = await newCommitment({ lead: units.water });
      const before = await byId([a, b]);
      const audits = await auditCount();
      const attempts = [
        { body: { ids: [a, b], lead_unit_id: units.forestry, supporting_unit_ids: [units.water, 999_999] }, status: 400, message: /单位 999999 不存在/ },
        { body: { ids: [a, b], lead_unit_id: units.elsewhere }, status: 400, message: /不属于/ },
        { body: { ids: [a, b, 999_999], lead_unit_id: units.forestry, deadline: '2024-12-31' }, status: 404, message: /999999/ },
        { body: { ids: [a, b], lead_unit_id: units.forestry, deadline: '2024-02-30' }, status: 400, message: /时限/ },
      ];
      for (const attempt of attempts) {
        const refused = await api.admin.post('/api/commitments/assignments', attempt.body);
        expect(refused.statusCode, refused.body).toBe(attempt.status);
        expect((refused.json() as { error: { message: string } }).error.message).toMatch(attempt.message);
      }
      expect(await byId([a, b])).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });
  });
}
