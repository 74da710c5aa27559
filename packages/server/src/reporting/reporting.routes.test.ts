import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, startSmtpReceiver, TEST_ADMIN_PASSWORD, type SignedInClient, type SmtpReceiver, type TestApp } from '../test-support.ts';

/** A local webhook receiver that answers 500 to the first `failFirst` posts, then 200. */
async function startWebhookReceiver(failFirst: number): Promise<{ server: Server; url: string; posts: unknown[]; refused: number }> {
  const state = { posts: [] as unknown[], refused: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.refused < failFirst) {
        state.refused += 1;
        response.writeHead(500).end('{"errcode":500}');
        return;
      }
      state.posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?access_token=test`;
  return Object.assign(state, { server, url });
}

/** The text of a single-part email, decoded from base64 or quoted-printable. */
function textOf(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  if (/content-transfer-encoding: base64/i.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/content-transfer-encoding: quoted-printable/i.test(headers)) return body;
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index += 1) {
    if (joined[index] === '=') {
      bytes.push(parseInt(joined.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(joined.charCodeAt(index));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Beijing 10:00 on a day of June 2025. */
const june = (day: number) => new Date(Date.UTC(2025, 5, day, 2, 0));

interface Slot { unit_id: number; key: string; status: string; is_late: boolean; report_id: number | null }
interface Notice { id: number; kind: string; title: string; body: string; read_at: string | null }

for (const engine of testEngines()) {
  describe(`the reporting loop on ${engine}`, () => {
    let api: TestApp;
    let clock = june(20);
    let smtp: SmtpReceiver;
    let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let early: SignedInClient;
    let late: SignedInClient;
    let earlyUnit: number;
    let lateUnit: number;
    let commitmentId: number;

    async function editorOf(username: string, unitId: number): Promise<SignedInClient> {
      const account = await api.admin.post('/api/users', { username, role: 'unit_editor', unit_id: unitId });
      const oneTime = (account.json() as { one_time_password: string }).one_time_password;
      const first = await signIn(api.app, username, oneTime);
      expect((await first.post('/api/auth/password', { current_password: oneTime, new_password: `${username}-own-Pw-2025` })).statusCode).toBeLessThan(300);
      return signIn(api.app, username, `${username}-own-Pw-2025`);
    }
    const get = async <T>(client: SignedInClient, url: string) => (await client.request({ method: 'GET', url })).json() as T;
    const slots = (client: SignedInClient) => get<{ items: Slot[] }>(client, '/api/reporting/slots?region=630105&year=2025').then((answer) => answer.items);
    /** Moves the clock; sessions last 12 hours by it, so everyone signs in again. */
    async function advanceTo(instant: Date): Promise<void> {
      clock = instant;
      api.admin = await signIn(api.app, 'admin', TEST_ADMIN_PASSWORD);
      early = await signIn(api.app, 'jiaoyu', 'jiaoyu-own-Pw-2025');
      late = await signIn(api.app, 'zhujian', 'zhujian-own-Pw-2025');
    }
    const run = async () => {
      const response = await api.admin.post('/api/reminders/run');
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { reminders: number; notifications: number; sent: number; failed: number };
    };

    beforeAll(async () => {
      smtp = await startSmtpReceiver();
      hook = await startWebhookReceiver(1);
      api = await openTestApp(engine, {
        now: () => clock,
        seedDemo: false,
        reminderIntervalMs: 0,
        signInsPerMinute: 1000,
        delivery: { smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: '督查室 <duban@cb.example>' }, webhookUrl: hook.url },
      });
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      await api.database.repositories.plans.ensure({ regionCode: '630105', year: 2025, title: '2025年重点任务' });
      const planId = (await api.database.repositories.plans.find('630105', 2025))!.id;
      earlyUnit = ((await api.admin.post('/api/units', { region_code: '630105', name: '区教育局' })).json() as { id: number }).id;
      lateUnit = ((await api.admin.post('/api/units', { region_code: '630105', name: '区住建局' })).json() as { id: number }).id;
      const created = await api.admin.post('/api/commitments', { plan_id: planId, title: '新建幼儿园3所', target_value: '3', target_unit: '所', lead_unit_id: earlyUnit, supporting_unit_ids: [lateUnit] });
      expect(created.statusCode, created.body).toBe(201);
      commitmentId = (created.json() as { id: number }).id;
      early = await editorOf('jiaoyu', earlyUnit);
      late = await editorOf('zhujian', lateUnit);
      expect((await late.request({ method: 'PUT', url: '/api/notifications/email', payload: { email: 'zhujian@cb.example' } })).statusCode).toBe(204);
    }, 120_000);
    afterAll(async () => {
      await api?.close();
      await smtp?.close();
      await new Promise<void>((resolve) => (hook ? hook.server.close(() => resolve()) : resolve()));
    });

    it('sets a monthly cycle due on the 25th and owes each assigned unit a June slot', async () => {
      // Without a start, slots are owed from today's period: setting a cycle in June makes no earlier month overdue.
      const fromToday = await api.admin.request({ method: 'PUT', url: '/api/plans/630105/2025/reporting-cycle', payload: { due_day: 25 } });
      expect(fromToday.json()).toMatchObject({ frequency: 'monthly', starts_on: '2025-06-20', remind_days_before: 3 });
      const cycle = await api.admin.request({ method: 'PUT', url: '/api/plans/630105/2025/reporting-cycle', payload: { frequency: 'monthly', due_day: 25, remind_days_before: 3, starts_on: '2025-06-01' } });
      expect(cycle.statusCode, cycle.body).toBe(200);
      expect(cycle.json()).toMatchObject({ frequency: 'monthly', due_day: 25, remind_days_before: 3, starts_on: '2025-06-01', commitment_id: null });
      expect((await api.admin.request({ method: 'PUT', url: '/api/plans/630105/2025/reporting-cycle', payload: { frequency: 'weekly', due_day: 9 } })).statusCode).toBe(400);
      expect((await early.request({ method: 'PUT', url: '/api/plans/630105/2025/reporting-cycle', payload: { due_day: 25 } })).statusCode).toBe(403);
      expect((await slots(api.admin)).map((slot) => [slot.unit_id, slot.key, slot.status]).sort()).toEqual([[earlyUnit, '2025-06', 'open'], [lateUnit, '2025-06', 'open']].sort());
      // A unit editor sees their own unit's slots only.
      expect((await slots(late)).map((slot) => slot.unit_id)).toEqual([lateUnit]);
    });

    it('fills the slot of the unit that reports on time once its report is approved', async () => {
      const reported = await early.post(`/api/commitments/${commitmentId}/progress`, { reported_on: '2025-06-20', amount: '1', note: '1所已竣工' });
      expect(reported.statusCode, reported.body).toBe(201);
      expect((await slots(early))[0]).toMatchObject({ status: 'submitted', is_late: false });
      expect((await api.admin.post(`/api/progress/${(reported.json() as { id: number }).id}/approve`)).statusCode).toBe(200);
      expect((await slots(early))[0]).toMatchObject({ status: 'approved', is_late: false });
    });

    it('reminds the unit that has not reported three days before the due day, once, in the app, by email and by webhook (retrying a refused post)', async () => {
      await advanceTo(june(23));
      const first = await run();
      expect(first).toMatchObject({ reminders: 1, notifications: 1, sent: 1, failed: 1 });
      expect(smtp.messages.map((message) => message.to)).toEqual([['zhujian@cb.example']]);
      expect(textOf(smtp.messages[0]!.raw)).toContain('区住建局：“新建幼儿园3所”2025-06 的进展请于 2025-06-25（北京时间）前报送');
      // The robot refused the first post: recorded and retried later, the bell has it regardless.
      expect(hook.posts).toEqual([]);
      const bell = await get<{ items: Notice[]; unread: number }>(late, '/api/notifications');
      expect(bell.unread).toBe(1);
      // Dated by the server's clock, like the deadline it speaks of.
      expect(bell.items[0]).toMatchObject({ kind: 'due_soon', read_at: null, created_at: june(23).toISOString() });
      expect(bell.items[0]!.body).toContain('2025-06-25');
      expect((await get<{ unread: number }>(early, '/api/notifications/unread-count')).unread).toBe(0);

      expect(await run()).toMatchObject({ reminders: 0, notifications: 0, sent: 0, failed: 0 });
      await advanceTo(new Date(june(23).getTime() + 2 * 60_000));
      expect(await run()).toMatchObject({ reminders: 0, sent: 1, failed: 0 });
      expect(hook.posts).toHaveLength(1);
      expect(hook.posts[0]).toMatchObject({ msgtype: 'text', duixian: { kind: 'due_soon', unit_id: lateUnit, commitment_id: commitmentId, period_key: '2025-06', due_on: '2025-06-25' } });
      expect((hook.posts[0] as { text: { content: string } }).text.content).toContain('新建幼儿园3所');
    });

    it('counts the slot empty after its due day as 未按时报送 and reminds once that it is overdue', async () => {
      await advanceTo(june(25));
      expect((await run()).reminders).toBe(0);
      await advanceTo(june(26));
      expect(await run()).toMatchObject({ reminders: 1, notifications: 1, sent: 2 });
      expect((await run()).reminders).toBe(0);
      const counts = await get<{ items: { unit_id: number; overdue: number; late: number; missed: number }[] }>(api.admin, '/api/reporting/late?region=630105&year=2025');
      expect(counts.items).toEqual([
        expect.objectContaining({ unit_id: lateUnit, overdue: 1, late: 0, missed: 1 }),
        expect.objectContaining({ unit_id: earlyUnit, overdue: 0, late: 0, missed: 0 }),
      ]);
      expect((await get<typeof counts>(late, '/api/reporting/late?region=630105&year=2025')).items.map((count) => count.unit_id)).toEqual([lateUnit]);
      expect((await get<{ items: Notice[] }>(late, '/api/notifications')).items[0]).toMatchObject({ kind: 'overdue' });
    });

    it('lets the 督查室 send a 催办 with a note (audited), and no one else', async () => {
      expect((await late.post('/api/urges', { commitment_id: commitmentId, note: '请今日报送' })).statusCode).toBe(403);
      expect((await late.post('/api/reminders/run')).statusCode).toBe(403);
      const urged = await api.admin.post('/api/urges', { commitment_id: commitmentId, unit_id: lateUnit, note: '请今日内报送6月进展' });
      expect(urged.statusCode, urged.body).toBe(201);
      const [reminder] = (urged.json() as { items: { id: number; kind: string; note: string }[] }).items;
      expect(reminder).toMatchObject({ kind: 'urge', note: '请今日内报送6月进展' });
      const deliveries = await get<{ items: { channel: string; status: string }[] }>(api.admin, `/api/reminders/${reminder!.id}/deliveries`);
      expect(deliveries.items.map((delivery) => [delivery.channel, delivery.status]).sort()).toEqual([['email', 'sent'], ['webhook', 'sent']]);
      const bell = await get<{ items: Notice[]; unread: number }>(late, '/api/notifications?unread=1');
      expect(bell.unread).toBe(3);
      expect(bell.items[0]!.body).toContain('请今日内报送6月进展');
      const history = await get<{ items: { action: string }[] }>(api.admin, `/api/commitments/${commitmentId}/history`);
      expect(history.items.map((event) => event.action)).toContain('urge');
      // The supporting unit alone was urged.
      expect((await get<{ unread: number }>(early, '/api/notifications/unread-count')).unread).toBe(0);
    });

    it('leaves the slot unfilled by a returned report, and counts the approved resubmission as filled late', async () => {
      const first = await late.post(`/api/commitments/${commitmentId}/progress`, { reported_on: '2025-06-26', percent: '30' });
      expect(first.statusCode, first.body).toBe(201);
      expect((await slots(late))[0]).toMatchObject({ status: 'submitted', is_late: true });
      expect((await api.admin.post(`/api/progress/${(first.json() as { id: number }).id}/return`, { reason: '缺少现场照片' })).statusCode).toBe(200);
      expect((await slots(late))[0]).toMatchObject({ status: 'overdue', is_late: false });
      const second = await late.post(`/api/commitments/${commitmentId}/progress`, { reported_on: '2025-06-26', percent: '30', note: '补充现场照片' });
      const secondId = (second.json() as { id: number }).id;
      expect((await api.admin.post(`/api/progress/${secondId}/approve`)).statusCode).toBe(200);
      expect((await slots(late))[0]).toMatchObject({ status: 'approved', is_late: true, report_id: secondId });
      const counts = await get<{ items: { unit_id: number; overdue: number; late: number; missed: number }[] }>(api.admin, '/api/reporting/late?region=630105&year=2025');
      expect(counts.items.find((count) => count.unit_id === lateUnit)).toMatchObject({ overdue: 0, late: 1, missed: 1 });
    });

    it('marks notifications read one by one and all at once', async () => {
      const bell = await get<{ items: Notice[]; unread: number }>(late, '/api/notifications');
      expect((await late.post(`/api/notifications/${bell.items[0]!.id}/read`)).statusCode).toBe(204);
      expect((await early.post(`/api/notifications/${bell.items[1]!.id}/read`)).statusCode).toBe(404);
      expect((await get<{ unread: number }>(late, '/api/notifications/unread-count')).unread).toBe(bell.unread - 1);
      expect((await late.post('/api/notifications/read-all')).json()).toEqual({ marked: bell.unread - 1 });
      expect((await get<{ unread: number }>(late, '/api/notifications/unread-count')).unread).toBe(0);
    });

    it('closes an item on an approved 销号 request (refused first, with a reason), after which it owes no reports', async () => {
      const asked = await early.post(`/api/commitments/${commitmentId}/closure`, { note: '3所幼儿园已竣工', evidence: [{ kind: 'link', ref: 'https://example.org/yanshou' }] });
      expect(asked.statusCode, asked.body).toBe(201);
      const firstId = (asked.json() as { id: number }).id;
      expect((await early.post(`/api/commitments/${commitmentId}/closure`, { note: '再次申请' })).statusCode).toBe(409);
      expect((await early.post(`/api/closures/${firstId}/approve`)).statusCode).toBe(403);
      const refused = await api.admin.post(`/api/closures/${firstId}/refuse`, { reason: '缺少竣工验收报告' });
      expect(refused.json()).toMatchObject({ status: 'refused', reason: '缺少竣工验收报告' });
      expect((await get<{ items: Notice[] }>(early, '/api/notifications')).items[0]).toMatchObject({ kind: 'closure_decided' });
      const again = await early.post(`/api/commitments/${commitmentId}/closure`, { note: '已补充竣工验收报告' });
      const approved = await api.admin.post(`/api/closures/${(again.json() as { id: number }).id}/approve`);
      expect(approved.json()).toMatchObject({ status: 'approved' });
      const detail = (await api.app.inject(`/api/commitments/${commitmentId}`)).json() as { schedule: { code: string } };
      expect(detail.schedule.code).toMatch(/^done/);
      const history = await get<{ items: { action: string }[] }>(api.admin, `/api/commitments/${commitmentId}/history`);
      expect(history.items.map((event) => event.action)).toEqual(expect.arrayContaining(['request_closure', 'refuse_closure', 'approve_closure']));
      await advanceTo(new Date(Date.UTC(2025, 8, 1, 2)));
      expect([...new Set((await slots(api.admin)).map((slot) => slot.key))]).toEqual(['2025-06']);
      expect((await get<{ items: { status: string }[] }>(early, '/api/closures')).items.map((request) => request.status)).toEqual(['approved', 'refused']);
    });
  });
}
