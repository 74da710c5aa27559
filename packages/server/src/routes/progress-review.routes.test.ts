import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, signIn, type SignedInClient, type TestApp } from '../test-support.ts';

/** 12:00 in Beijing on 2024-06-30. */
const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

interface Progress {
  id: number;
  review_status?: string;
  review_reason?: string | null;
  evidence: { kind: string; ref: string }[];
}

for (const engine of testEngines()) {
  describe(`progress review on ${engine}`, () => {
    let api: TestApp;
    let editor: SignedInClient;
    let commitmentId: number;
    let photo: string;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024, seedDemo: false });
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      const planId = (await api.database.repositories.plans.ensure({ regionCode: '630105', year: 2024, title: '2024年政府工作报告重点任务' })).id;
      const unitId = ((await api.admin.post('/api/units', { region_code: '630105', name: '区教育局' })).json() as { id: number }).id;
      const created = await api.admin.post('/api/commitments', { plan_id: planId, title: '新建幼儿园10所', target_value: '10', target_unit: '所', lead_unit_id: unitId });
      expect(created.statusCode, created.body).toBe(201);
      commitmentId = (created.json() as { id: number }).id;
      const account = await api.admin.post('/api/users', { username: 'jiaoyu', role: 'unit_editor', unit_id: unitId });
      const oneTime = (account.json() as { one_time_password: string }).one_time_password;
      const first = await signIn(api.app, 'jiaoyu', oneTime);
      expect((await first.post('/api/auth/password', { current_password: oneTime, new_password: 'jiaoyu-own-Pw-2024' })).statusCode).toBeLessThan(300);
      editor = await signIn(api.app, 'jiaoyu', 'jiaoyu-own-Pw-2024');
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('幼儿园竣工照片')]);
      const upload = await editor.request({ method: 'POST', url: '/api/evidence', ...multipart({ name: '竣工照片.png', content: png }, {}) });
      expect(upload.statusCode, upload.body).toBe(201);
      photo = (upload.json() as { sha256: string }).sha256;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    const publicProgress = async () => ((await api.app.inject(`/api/commitments/${commitmentId}/progress`)).json() as { items: Progress[] }).items;
    const editorProgress = async () => ((await editor.request({ method: 'GET', url: `/api/commitments/${commitmentId}/progress` })).json() as { items: Progress[] }).items;
    const publicDetail = async () =>
      (await api.app.inject(`/api/commitments/${commitmentId}`)).json() as { recent_progress: Progress[]; schedule: { actual_percent: string | null } };
    const publicHistory = async () => ((await api.app.inject(`/api/commitments/${commitmentId}/history`)).json() as { items: { action: string }[] }).items.map((event) => event.action);
    const queue = async () => ((await api.admin.request({ method: 'GET', url: '/api/progress?status=pending&region=630105&year=2024' })).json() as { items: (Progress & { commitment_title: string })[] }).items;

    it("keeps a unit's report and its evidence from the public until a reviewer approves it", async () => {
      const reported = await editor.post(`/api/commitments/${commitmentId}/progress`, {
        reported_on: '2024-06-30',
        amount: '4',
        note: '4所已竣工',
        evidence: [{ kind: 'file', ref: photo, label: '竣工照片' }],
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const { id } = reported.json() as Progress;

      // The public sees nothing of it: not in the list, the detail, the schedule, the history, the export or the file.
      expect(await publicProgress()).toEqual([]);
      expect((await publicDetail()).recent_progress).toEqual([]);
      expect(Number((await publicDetail()).schedule.actual_percent ?? 0)).toBe(0);
      expect(await publicHistory()).not.toContain('report_progress');
      expect((await api.app.inject(`/api/evidence/${photo}`)).statusCode).toBe(404);
      expect((await api.app.inject('/api/exports/progress.csv?region=630105&year=2024')).body).not.toContain('4所已竣工');
      // The reporting unit and the reviewers see it, marked pending; the reviewer's queue holds it.
      expect((await editorProgress()).map((update) => [update.id, update.review_status])).toEqual([[id, 'pending']]);
      expect((await editor.request({ method: 'GET', url: `/api/evidence/${photo}` })).statusCode).toBe(200);
      expect((await queue()).map((update) => [update.id, update.commitment_title])).toEqual([[id, '新建幼儿园10所']]);
      expect((await editor.request({ method: 'GET', url: '/api/progress?status=pending' })).statusCode).toBe(403);
      expect((await api.app.inject('/api/progress?status=pending')).statusCode).toBe(401);

      const approved = await api.admin.post(`/api/progress/${id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ update_id: id, decision: 'approved', reason: null });
      expect((await publicProgress()).map((update) => [update.id, update.review_status])).toEqual([[id, 'approved']]);
      expect(Number((await publicDetail()).schedule.actual_percent)).toBe(40);
      expect(await publicHistory()).toEqual(expect.arrayContaining(['report_progress', 'approve_progress']));
      const file = await api.app.inject(`/api/evidence/${photo}`);
      expect(file.statusCode).toBe(200);
      expect((await api.app.inject('/api/exports/progress.csv?region=630105&year=2024')).body).toContain('4所已竣工');
      expect(await queue()).toEqual([]);
      expect((await api.admin.post(`/api/progress/${id}/return`, { reason: '晚了' })).statusCode).toBe(409);
    });

    it('returns a report with a reason (audited), shown to the unit and never to the public; a decision is taken once', async () => {
      const reported = await editor.post(`/api/commitments/${commitmentId}/progress`, { reported_on: '2024-06-30', amount: '9', note: '9所已竣工' });
      const { id } = reported.json() as Progress;
      expect((await api.admin.post(`/api/progress/${id}/return`, { reason: ' ' })).statusCode).toBe(400);
      expect((await api.admin.post(`/api/progress/${id}/return`, {})).statusCode).toBe(400);
      const returned = await api.admin.post(`/api/progress/${id}/return`, { reason: '与验收单不符，请核实后重报' });
      expect(returned.statusCode, returned.body).toBe(200);
      expect((await api.admin.post(`/api/progress/${id}/approve`)).statusCode).toBe(409);

      expect((await editorProgress()).find((update) => update.id === id)).toMatchObject({ review_status: 'returned', review_reason: '与验收单不符，请核实后重报' });
      expect((await publicProgress()).map((update) => update.id)).not.toContain(id);
      expect(Number((await publicDetail()).schedule.actual_percent)).toBe(40);
      expect(await publicHistory()).not.toContain('return_progress');
      const staffHistory = (await api.admin.request({ method: 'GET', url: `/api/commitments/${commitmentId}/history` })).json() as {
        items: { action: string; actor_id: number | null; after: { reason?: string } }[];
      };
      expect(staffHistory.items.find((event) => event.action === 'return_progress')).toMatchObject({ after: { reason: '与验收单不符，请核实后重报' } });
      expect((await api.admin.request({ method: 'GET', url: '/api/progress?status=returned&region=630105' })).json()).toMatchObject({ items: [{ id }] });
    });

    it("publishes staff reports at once: they are the reviewers", async () => {
      const reported = await api.admin.post(`/api/commitments/${commitmentId}/progress`, { reported_on: '2024-06-30', amount: '5', note: '督查室核实' });
      expect(reported.statusCode, reported.body).toBe(201);
      const { id } = reported.json() as Progress;
      expect((await publicProgress()).map((update) => update.id)).toContain(id);
      expect(Number((await publicDetail()).schedule.actual_percent)).toBe(50);
      expect((await api.admin.post(`/api/progress/${id}/approve`)).statusCode).toBe(409);
    });
  });
}
