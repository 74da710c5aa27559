import { readFileSync } from 'node:fs';
import { testEngines } from '@duixian/storage/testing';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOCUMENT_PATH } from './services/demo.service.ts';
import { multipart, openTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');
const demoText = readFileSync(DEMO_DOCUMENT_PATH, 'utf8');

type Role = 'admin' | 'supervisor' | 'unit_editor';
/** Who calls: anonymous, a session of each role (cookie + CSRF header), and a unit editor's API token (Bearer). */
type Caller = 'anonymous' | Role | 'unit_editor_token';
const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'supervisor', 'unit_editor', 'unit_editor_token'];
const roleOf = (caller: Caller): Role | undefined => (caller === 'unit_editor_token' ? 'unit_editor' : caller === 'anonymous' ? undefined : caller);

interface Client {
  send(options: InjectOptions): Promise<LightMyRequestResponse>;
}

interface Rule {
  /** Roles that may call it; everybody else gets 401 (anonymous) or 403. */
  readonly allowed: readonly Role[] | 'everyone';
  /** A fresh, valid request for this caller (ids of records made for it, unique names). */
  readonly build: (caller: Caller) => Promise<InjectOptions & { client?: Client }>;
  /** Run after the request, to restore what it ended for the endpoints that follow. */
  readonly after?: () => Promise<void>;
}

/** Writes that touch only the caller's session, not a record. */
const SESSION_ONLY = new Set(['POST /api/auth/sign-in', 'POST /api/auth/sign-out']);
/** Posts that write nothing at all: an upload read for a preview. */
const READ_ONLY = new Set(['POST /api/staff/task-sheet/preview']);
/** Writes of a person's own reading state (a notification marked read): no record of the office changes. */
const OWN_READ_STATE = new Set(['POST /api/notifications/{id}/read', 'POST /api/notifications/read-all']);

/** A one-row 任务分解表 for the demo plan (2024, 城北区), its 序号 and task new each time. */
async function taskSheet(serial: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分解表');
  sheet.addRow(['序号', '任务', '牵头单位', '完成时限']);
  sheet.addRow([serial, `分解表任务${serial}`, '区教育局', '2024年12月底']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let ip = 0;
/** Each sign-in from its own address, so the per-address sign-in limit stays out of the way. */
const nextAddress = () => `10.0.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`;

for (const engine of testEngines()) {
  describe(`access on ${engine}`, () => {
    let api: TestApp;
    const clients = new Map<Caller, Client>();
    let planId: number;
    let unitA: number;
    let unitB: number;
    /** Commitments of unit A and unit B, published and unpublished. */
    const ids = { ownPublished: 0, otherPublished: 0, ownHidden: 0, otherHidden: 0 };
    let counter = 0;
    const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

    const admin = () => clients.get('admin') as Client;

    async function sessionClient(username: string, password: string): Promise<Client> {
      const response = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: nextAddress() });
      if (response.statusCode !== 200) throw new Error(`sign-in ${username}: ${response.body}`);
      const cookie = response.cookies.find((item) => item.name === 'duixian_session')?.value ?? '';
      const csrf = (response.json() as { csrf_token: string }).csrf_token;
      return {
        send: (options) =>
          api.app.inject({ ...options, cookies: { duixian_session: cookie }, headers: { ...(options.headers ?? {}), 'x-csrf-token': csrf } }),
      };
    }

    /**
     * A brand-new account of this role, made as the admin makes one (a one-time password), with the one-time password
     * already replaced by its own: { username, password }.
     */
    async function activeAccount(role: Role): Promise<{ username: string; password: string }> {
      const created = await admin().send({
        method: 'POST',
        url: '/api/users',
        payload: { username: `u${unique()}`, role, ...(role === 'unit_editor' ? { unit_id: unitA } : {}) },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, one_time_password } = created.json() as { user: { username: string }; one_time_password: string };
      const password = `own-${unique()}-password`;
      const change = await (await sessionClient(user.username, one_time_password)).send({
        method: 'POST',
        url: '/api/auth/password',
        payload: { current_password: one_time_password, new_password: password },
      });
      expect(change.statusCode, change.body).toBe(204);
      return { username: user.username, password };
    }

    /** A brand-new account of this caller's kind (for sign-out and password change, which end sessions). */
    async function freshClient(caller: Caller): Promise<Client> {
      const role = roleOf(caller);
      if (!role) return { send: (options) => api.app.inject(options) };
      const account = await activeAccount(role);
      const session = await sessionClient(account.username, account.password);
      if (caller !== 'unit_editor_token') return session;
      const token = (await session.send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script' } })).json() as { token: string };
      return { send: (options) => api.app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token.token}` } }) };
    }

    /** New sessions for the shared clients (a rotated CSRF secret ends every session; tokens live on). */
    async function signInAgain(): Promise<void> {
      clients.set('admin', await sessionClient('admin', TEST_ADMIN_PASSWORD));
      for (const caller of ['supervisor', 'unit_editor'] as const) clients.set(caller, await freshClient(caller));
    }

    const pending: number[] = [];
    async function nextPendingReviewItem(): Promise<number> {
      if (pending.length === 0) {
        const text = `${demoText}\n\n附：${unique()}号补充说明。实施幼儿园新建工程3所，增加学位1200个。`;
        const upload = await admin().send({ method: 'POST', url: '/api/documents', ...multipart({ name: `r${unique()}.txt`, content: text }, { region_code: '630105', year: '2025' }) });
        expect(upload.statusCode, upload.body).toBe(201);
        const documentId = (upload.json() as { document: { id: number } }).document.id;
        const queue = (await admin().send({ method: 'GET', url: `/api/review-items?document_id=${documentId}&status=pending&page_size=500` })).json() as { items: { id: number; kind: string }[] };
        pending.push(...queue.items.filter((item) => item.kind === 'commitment').map((item) => item.id));
      }
      return pending.pop() as number;
    }

    /** A unit editor's new report on its own commitment: pending until a reviewer decides it. */
    async function unitReport(): Promise<number> {
      const editor = clients.get('unit_editor') as Client;
      const reported = await editor.send({ method: 'POST', url: `/api/commitments/${ids.ownPublished}/progress`, payload: { reported_on: '2024-06-28', percent: '20' } });
      expect(reported.statusCode, reported.body).toBe(201);
      return (reported.json() as { id: number }).id;
    }

    /** A notification of the caller's own (every user is sent one), read back through the caller's own client. */
    async function ownNotification(caller: Caller): Promise<number> {
      if (caller === 'anonymous') return 1;
      const reminders = api.database.repositories.reminders;
      const reminder = await reminders.create({ kind: 'urge', unit_id: unitA, note: '请报送' });
      const users = await api.database.repositories.users.list();
      await reminders.notify(reminder.id, users.map((user) => ({ userId: user.id, title: '催办', body: '请报送' })));
      const client = clients.get(caller) as Client;
      const mine = (await client.send({ method: 'GET', url: '/api/notifications?unread=1' })).json() as { items: { id: number }[] };
      return mine.items[0]?.id ?? 1;
    }

    /** A waiting 销号 request of unit A's editor, on an item of its own. */
    async function closureRequest(): Promise<number> {
      const editor = clients.get('unit_editor') as Client;
      const made = await editor.send({ method: 'POST', url: `/api/commitments/${await newCommitment(unitA)}/closure`, payload: { note: '已全部完成' } });
      expect(made.statusCode, made.body).toBe(201);
      return (made.json() as { id: number }).id;
    }

    async function newCommitment(unitId: number, published = true): Promise<number> {
      const created = await admin().send({ method: 'POST', url: '/api/commitments', payload: { plan_id: planId, title: `事项${unique()}`, target_value: '100', target_unit: '个', lead_unit_id: unitId } });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json() as { id: number; version: number };
      if (!published) expect((await admin().send({ method: 'PATCH', url: `/api/commitments/${id}`, payload: { version, published: false } })).statusCode).toBe(200);
      return id;
    }

    const rules: Record<string, Rule> = {
      'POST /api/auth/sign-in': {
        allowed: 'everyone',
        build: async (caller) => {
          const role = roleOf(caller) ?? 'unit_editor';
          const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `s${unique()}`, role, ...(role === 'unit_editor' ? { unit_id: unitA } : {}) } })).json() as {
            user: { username: string };
            one_time_password: string;
          };
          return { method: 'POST', url: '/api/auth/sign-in', payload: { username: created.user.username, password: created.one_time_password }, remoteAddress: nextAddress() };
        },
      },
      'POST /api/auth/sign-out': { allowed: ['admin', 'supervisor', 'unit_editor'], build: async (caller) => ({ method: 'POST', url: '/api/auth/sign-out', client: await freshClient(caller) }) },
      'POST /api/auth/password': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async (caller) => {
          // A fresh account's own password, changed once more (a changed password ends its sessions).
          const role = roleOf(caller);
          if (!role) return { method: 'POST', url: '/api/auth/password', payload: { current_password: 'whatever-123', new_password: 'brand-new-password-1' } };
          const account = await activeAccount(role);
          let client = await sessionClient(account.username, account.password);
          if (caller === 'unit_editor_token') {
            const token = (await client.send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script' } })).json() as { token: string };
            client = { send: (options) => api.app.inject({ ...options, headers: { authorization: `Bearer ${token.token}` } }) };
          }
          return { method: 'POST', url: '/api/auth/password', payload: { current_password: account.password, new_password: 'brand-new-password-1' }, client };
        },
      },
      'POST /api/auth/tokens': { allowed: ['admin', 'supervisor', 'unit_editor'], build: async () => ({ method: 'POST', url: '/api/auth/tokens', payload: { name: `t${unique()}`, expires_in_days: 30 } }) },
      'DELETE /api/auth/tokens/{id}': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async (caller) => {
          const client = await freshClient(caller === 'anonymous' ? 'unit_editor' : caller);
          const token = (await client.send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'to revoke' } })).json() as { id: number };
          return { method: 'DELETE', url: `/api/auth/tokens/${token.id}`, ...(caller === 'anonymous' ? {} : { client }) };
        },
      },
      // The command line's account routes: the local admin key only (tested with it in packages/cli), no role.
      'POST /api/local/users': { allowed: [], build: async () => ({ method: 'POST', url: '/api/local/users', payload: { username: `l${unique()}`, role: 'supervisor' } }) },
      'POST /api/local/users/password': { allowed: [], build: async () => ({ method: 'POST', url: '/api/local/users/password', payload: { username: 'admin' } }) },
      'DELETE /api/users/{id}/tokens/{token_id}': {
        allowed: ['admin'],
        build: async () => {
          const client = await freshClient('unit_editor');
          const token = (await client.send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'revoked by the admin' } })).json() as { id: number };
          const owner = (await client.send({ method: 'GET', url: '/api/auth/session' })).json() as { user: { id: number } };
          return { method: 'DELETE', url: `/api/users/${owner.user.id}/tokens/${token.id}` };
        },
      },
      'POST /api/auth/csrf-secret/rotate': {
        allowed: ['admin'],
        // Ends every session: the admin acts through a session of its own, and the callers' clients are signed in again.
        build: async (caller) => ({ method: 'POST', url: '/api/auth/csrf-secret/rotate', client: await freshClient(caller) }),
        after: signInAgain,
      },
      'POST /api/users': { allowed: ['admin'], build: async () => ({ method: 'POST', url: '/api/users', payload: { username: `n${unique()}`, role: 'supervisor' } }) },
      'POST /api/users/{id}/password-reset': {
        allowed: ['admin'],
        build: async () => {
          const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `r${unique()}`, role: 'supervisor' } })).json() as { user: { id: number } };
          return { method: 'POST', url: `/api/users/${created.user.id}/password-reset` };
        },
      },
      'PATCH /api/users/{id}': {
        allowed: ['admin'],
        build: async () => {
          const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `m${unique()}`, role: 'supervisor' } })).json() as { user: { id: number } };
          return { method: 'PATCH', url: `/api/users/${created.user.id}`, payload: { role: 'unit_editor', unit_id: unitA } };
        },
      },
      'POST /api/users/{id}/disable': {
        allowed: ['admin'],
        build: async () => {
          const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `d${unique()}`, role: 'supervisor' } })).json() as { user: { id: number } };
          return { method: 'POST', url: `/api/users/${created.user.id}/disable` };
        },
      },
      'POST /api/users/{id}/enable': {
        allowed: ['admin'],
        build: async () => {
          const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `e${unique()}`, role: 'supervisor' } })).json() as { user: { id: number } };
          expect((await admin().send({ method: 'POST', url: `/api/users/${created.user.id}/disable` })).statusCode).toBe(200);
          return { method: 'POST', url: `/api/users/${created.user.id}/enable` };
        },
      },
      'PATCH /api/units/{id}': {
        allowed: ['admin'],
        build: async () => {
          const created = (await admin().send({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name: `单位${unique()}` } })).json() as { id: number };
          return { method: 'PATCH', url: `/api/units/${created.id}`, payload: { name: `单位${unique()}`, contact_name: '王芳', contact_phone: '0971-1234567' } };
        },
      },
      'POST /api/regions': {
        allowed: ['admin'],
        build: async () => ({ method: 'POST', url: '/api/regions', payload: { code: String(110000 + counter++), name: `区${unique()}` } }),
      },
      'POST /api/units': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name: `单位${unique()}` } }) },
      'POST /api/documents': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({
          method: 'POST',
          url: '/api/documents',
          ...multipart({ name: `d${unique()}.txt`, content: `2024年全区一般公共预算支出12.5亿元。编号${unique()}。` }, { region_code: '630105', year: '2024' }),
        }),
      },
      'POST /api/review-items/{id}/accept': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: `/api/review-items/${await nextPendingReviewItem()}/accept`, payload: {} }) },
      'POST /api/review-items/{id}/reject': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: `/api/review-items/${await nextPendingReviewItem()}/reject` }) },
      'POST /api/review-items/decisions': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/review-items/decisions', payload: { decisions: [{ id: await nextPendingReviewItem(), decision: 'reject' }] } }),
      },
      'POST /api/review-items/publish': {
        allowed: ['admin', 'supervisor'],
        build: async () => {
          const id = await nextPendingReviewItem();
          expect((await admin().send({ method: 'POST', url: `/api/review-items/${id}/accept`, payload: {} })).statusCode).toBe(200);
          return { method: 'POST', url: '/api/review-items/publish', payload: { ids: [id] } };
        },
      },
      'POST /api/commitments': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: '/api/commitments', payload: { plan_id: planId, title: `新增${unique()}` } }) },
      'PATCH /api/commitments/{id}': {
        allowed: ['admin', 'supervisor'],
        build: async () => {
          const id = await newCommitment(unitA);
          return { method: 'PATCH', url: `/api/commitments/${id}`, payload: { version: 1, title: `改后${unique()}` } };
        },
      },
      'PUT /api/plans/{region}/{year}/reporting-cycle': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'PUT', url: `/api/plans/630105/2024/reporting-cycle`, payload: { due_day: 25 } }),
      },
      'PUT /api/commitments/{id}/reporting-cycle': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'PUT', url: `/api/commitments/${ids.ownPublished}/reporting-cycle`, payload: { frequency: 'weekly', due_day: 5, starts_on: '2024-06-01' } }),
      },
      'POST /api/reminders/run': { allowed: ['admin'], build: async () => ({ method: 'POST', url: '/api/reminders/run' }) },
      'POST /api/urges': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: '/api/urges', payload: { unit_id: unitA, note: '请按时报送' } }) },
      'POST /api/notifications/{id}/read': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async (caller) => ({ method: 'POST', url: `/api/notifications/${await ownNotification(caller)}/read` }),
      },
      'POST /api/notifications/read-all': { allowed: ['admin', 'supervisor', 'unit_editor'], build: async () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
      'PUT /api/notifications/email': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async () => ({ method: 'PUT', url: '/api/notifications/email', payload: { email: `u${unique()}@cb.gov.cn` } }),
      },
      'POST /api/commitments/{id}/closure': {
        allowed: ['unit_editor'],
        build: async () => ({ method: 'POST', url: `/api/commitments/${await newCommitment(unitA)}/closure`, payload: { note: '已全部完成' } }),
      },
      'POST /api/closures/{id}/approve': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: `/api/closures/${await closureRequest()}/approve` }),
      },
      'POST /api/closures/{id}/refuse': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: `/api/closures/${await closureRequest()}/refuse`, payload: { reason: '佐证不足' } }),
      },
      'POST /api/supervision-notices': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/supervision-notices', payload: { unit_id: unitA, plan_year: 2024 } }),
      },
      'PUT /api/notice-numbering/{region}': {
        allowed: ['admin'],
        build: async () => ({ method: 'PUT', url: '/api/notice-numbering/630105', payload: { prefix: null, issuer: null } }),
      },
      'POST /api/commitments/assignments': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/commitments/assignments', payload: { ids: [await newCommitment(unitA), await newCommitment(unitA)], lead_unit_id: unitB } }),
      },
      'POST /api/commitments/{id}/progress': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async () => ({ method: 'POST', url: `/api/commitments/${ids.ownPublished}/progress`, payload: { reported_on: '2024-06-30', amount: '10', note: '本单位填报' } }),
      },
      'POST /api/progress/{id}/correction': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async () => {
          const reported = await admin().send({ method: 'POST', url: `/api/commitments/${ids.ownPublished}/progress`, payload: { reported_on: '2024-06-29', percent: '5' } });
          const { id } = reported.json() as { id: number };
          return { method: 'POST', url: `/api/progress/${id}/correction`, payload: { reported_on: '2024-06-29', percent: '50', reason: '少输了一个零' } };
        },
      },
      'POST /api/progress/{id}/approve': { allowed: ['admin', 'supervisor'], build: async () => ({ method: 'POST', url: `/api/progress/${await unitReport()}/approve` }) },
      'POST /api/progress/{id}/return': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: `/api/progress/${await unitReport()}/return`, payload: { reason: '佐证材料不清晰' } }),
      },
      'POST /api/indicators/{id}/measurements': {
        allowed: ['admin', 'supervisor'],
        build: async () => {
          const indicators = (await api.app.inject('/api/indicators?page_size=1')).json() as { items: { id: number }[] };
          return { method: 'POST', url: `/api/indicators/${indicators.items[0]?.id}/measurements`, payload: { measured_on: '2024-06-30', value: '93.5' } };
        },
      },
      'POST /api/livelihood/projects': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/livelihood/projects', payload: { region_code: '630105', year: 2024, title: `实事${unique()}` } }),
      },
      'POST /api/evidence': {
        allowed: ['admin', 'supervisor', 'unit_editor'],
        build: async () => ({ method: 'POST', url: '/api/evidence', ...multipart({ name: 'photo.png', content: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(unique())]) }, {}) }),
      },
      'POST /api/staff/task-sheet/preview': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/staff/task-sheet/preview', ...multipart({ name: '分解表.xlsx', content: await taskSheet(unique()) }, { region_code: '630105', year: '2024' }) }),
      },
      'POST /api/staff/task-sheet/import': {
        allowed: ['admin', 'supervisor'],
        build: async () => ({ method: 'POST', url: '/api/staff/task-sheet/import', ...multipart({ name: '分解表.xlsx', content: await taskSheet(unique()) }, { region_code: '630105', year: '2024' }) }),
      },
    };

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
      clients.set('admin', { send: (options) => api.admin.request(options) });
      const unit = async (name: string) => ((await admin().send({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name } })).json() as { id: number }).id;
      unitA = await unit('区教育局');
      unitB = await unit('区卫健委');
      planId = api.demoPlanId as number;
      ids.ownPublished = await newCommitment(unitA);
      ids.otherPublished = await newCommitment(unitB);
      ids.ownHidden = await newCommitment(unitA, false);
      ids.otherHidden = await newCommitment(unitB, false);
      for (const caller of CALLERS) if (caller !== 'admin') clients.set(caller, await freshClient(caller));
    }, 180_000);
    afterAll(async () => {
      await api?.close();
    });

    it('lets only the allowed roles through every write endpoint of the OpenAPI document', async () => {
      const openapi = (await api.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
      const endpoints = Object.entries(openapi.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(endpoints.length).toBeGreaterThanOrEqual(18);
      // A write endpoint without a rule here fails the test: every new one must say who may call it.
      expect(endpoints.filter((endpoint) => !rules[endpoint])).toEqual([]);
      const outcomes: string[] = [];
      const audited: string[] = [];
      const auditCount = async () => Number((await api.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const expected: string[] = [];
      for (const endpoint of endpoints) {
        const rule = rules[endpoint] as Rule;
        for (const caller of CALLERS) {
          const { client, ...request } = await rule.build(caller);
          const auditBefore = await auditCount();
          const response = await (client ?? (clients.get(caller) as Client)).send(request);
          await rule.after?.();
          // Every accepted change leaves an audit event (signing in and out change no record).
          if (response.statusCode < 300 && !SESSION_ONLY.has(endpoint) && !READ_ONLY.has(endpoint) && !OWN_READ_STATE.has(endpoint)) {
            audited.push(`${endpoint} as ${caller}: ${(await auditCount()) > auditBefore ? 'audited' : 'NOT AUDITED'}`);
          }
          const role = roleOf(caller);
          const isAllowed = rule.allowed === 'everyone' || (role !== undefined && rule.allowed.includes(role));
          const outcome = response.statusCode < 300 ? 'ok' : response.statusCode === 401 ? 'unauthenticated' : response.statusCode === 403 ? 'forbidden' : `status ${response.statusCode}: ${response.body.slice(0, 200)}`;
          outcomes.push(`${endpoint} as ${caller}: ${outcome}`);
          expected.push(`${endpoint} as ${caller}: ${isAllowed ? 'ok' : caller === 'anonymous' ? 'unauthenticated' : 'forbidden'}`);
        }
      }
      expect(outcomes).toEqual(expected);
      expect(audited.filter((line) => line.endsWith('NOT AUDITED'))).toEqual([]);
      expect(audited.length).toBeGreaterThan(40);
    }, 300_000);

    it('authenticates before it validates: an anonymous or CSRF-less write with a bad body gets 401 or 403, never the schema', async () => {
      const openapi = (await api.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
      const signIn = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'test-admin-password-1' }, remoteAddress: nextAddress() });
      const cookie = signIn.cookies.find((item) => item.name === 'duixian_session')?.value ?? '';
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [path, methods] of Object.entries(openapi.paths)) {
        for (const method of Object.keys(methods).filter((name) => ['post', 'put', 'patch', 'delete'].includes(name))) {
          const endpoint = `${method.toUpperCase()} ${path}`;
          if (rules[endpoint]?.allowed === 'everyone') continue;
          // Path parameters and body both wrong: a schema that ran first would answer 400.
          const request = { method: method.toUpperCase() as 'POST', url: path.replace(/\{[^}]+\}/g, 'not-an-id'), payload: { unexpected: ['\u00e9', -1] } };
          const anonymous = await api.app.inject(request);
          const withoutCsrf = await api.app.inject({ ...request, cookies: { duixian_session: cookie } });
          outcomes.push(`${endpoint}: ${anonymous.statusCode} ${(anonymous.json() as { error: { code: string } }).error.code}, ${withoutCsrf.statusCode} ${(withoutCsrf.json() as { error: { code: string } }).error.code}`);
          // The CLI's routes of a live server answer only to the local key (no cookie, so no CSRF): a session without
          // it is refused as not allowed.
          expected.push(`${endpoint}: 401 unauthenticated, 403 ${path.startsWith('/api/local/') ? 'forbidden' : 'csrf'}`);
        }
      }
      expect(outcomes.length).toBeGreaterThanOrEqual(18);
      expect(outcomes).toEqual(expected);
    });

    it('keeps a unit editor to its own unit: reads and reports on its items, not on another unit\'s', async () => {
      const editor = clients.get('unit_editor') as Client;
      const anonymous = clients.get('anonymous') as Client;
      const progress = (id: number) => editor.send({ method: 'POST', url: `/api/commitments/${id}/progress`, payload: { reported_on: '2024-06-30', percent: '40' } });
      expect((await progress(ids.ownHidden)).statusCode).toBe(201);
      expect((await progress(ids.otherPublished)).statusCode).toBe(403);
      expect((await progress(ids.otherHidden)).statusCode).toBe(404);
      for (const suffix of ['', '/progress', '/history']) {
        expect((await editor.send({ method: 'GET', url: `/api/commitments/${ids.ownHidden}${suffix}` })).statusCode, suffix).toBe(200);
        expect((await editor.send({ method: 'GET', url: `/api/commitments/${ids.otherHidden}${suffix}` })).statusCode, suffix).toBe(404);
        expect((await anonymous.send({ method: 'GET', url: `/api/commitments/${ids.ownHidden}${suffix}` })).statusCode, suffix).toBe(404);
        expect((await anonymous.send({ method: 'GET', url: `/api/commitments/${ids.otherPublished}${suffix}` })).statusCode, suffix).toBe(200);
        expect((await clients.get('supervisor')!.send({ method: 'GET', url: `/api/commitments/${ids.otherHidden}${suffix}` })).statusCode, suffix).toBe(200);
      }
      const list = (await editor.send({ method: 'GET', url: '/api/commitments?page_size=500' })).json() as { items: { id: number }[] };
      expect(list.items.map((item) => item.id)).not.toContain(ids.otherHidden);
    });

    it('shows a published commitment\'s unpublished work items to staff and their unit only', async () => {
      const parent = await newCommitment(unitB);
      const child = await admin().send({ method: 'POST', url: '/api/commitments', payload: { parent_id: parent, title: `未公开工作项${unique()}`, lead_unit_id: unitA } });
      const { id, version } = child.json() as { id: number; version: number };
      expect((await admin().send({ method: 'PATCH', url: `/api/commitments/${id}`, payload: { version, published: false } })).statusCode).toBe(200);
      const childrenFor = async (caller: Caller) =>
        ((await (clients.get(caller) as Client).send({ method: 'GET', url: `/api/commitments/${parent}` })).json() as { children: { id: number }[] }).children.map((item) => item.id);
      expect(await childrenFor('anonymous')).not.toContain(id);
      expect(await childrenFor('supervisor')).toContain(id);
      expect(await childrenFor('unit_editor')).toContain(id);
      expect(await childrenFor('anonymous')).not.toContain(id);
    });

    it('lists unpublished items in the staff task table to admins and supervisors only, never in the public list', async () => {
      const url = `/api/staff/commitments?plan_id=${planId}&page_size=500`;
      const statuses = await Promise.all(CALLERS.map(async (caller) => [caller, (await (clients.get(caller) as Client).send({ method: 'GET', url })).statusCode]));
      expect(statuses).toEqual([['anonymous', 401], ['admin', 200], ['supervisor', 200], ['unit_editor', 403], ['unit_editor_token', 403]]);
      const staffIds = ((await clients.get('supervisor')!.send({ method: 'GET', url })).json() as { items: { id: number }[] }).items.map((item) => item.id);
      expect(staffIds).toEqual(expect.arrayContaining([ids.ownHidden, ids.otherHidden, ids.ownPublished]));
      // The same filters on the public list, asked after the staff's: no unpublished item, whoever asks.
      for (const caller of ['anonymous', 'supervisor'] as const) {
        const publicIds = ((await (clients.get(caller) as Client).send({ method: 'GET', url: `/api/commitments?plan_id=${planId}&page_size=500` })).json() as { items: { id: number }[] }).items.map((item) => item.id);
        expect(publicIds, caller).toContain(ids.ownPublished);
        expect(publicIds, caller).not.toContain(ids.otherHidden);
      }
    });

    it('shows the user list, the review queue and API tokens only to those entitled', async () => {
      const status = async (caller: Caller, url: string) => (await (clients.get(caller) as Client).send({ method: 'GET', url })).statusCode;
      const matrix = await Promise.all(
        CALLERS.map(async (caller) => [caller, await status(caller, '/api/users'), await status(caller, '/api/review-items'), await status(caller, '/api/auth/tokens')]),
      );
      expect(matrix).toEqual([
        ['anonymous', 401, 401, 401],
        ['admin', 200, 200, 200],
        ['supervisor', 403, 200, 200],
        ['unit_editor', 403, 403, 200],
        ['unit_editor_token', 403, 403, 200],
      ]);
    });

    it('refuses a cookie write without the CSRF header, and a revoked API token', async () => {
      const signIn = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'test-admin-password-1' }, remoteAddress: nextAddress() });
      const session = signIn.cookies.find((cookie) => cookie.name === 'duixian_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const noHeader = await api.app.inject({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name: `无令牌${unique()}` }, cookies: { duixian_session: session?.value ?? '' } });
      expect(noHeader.statusCode).toBe(403);
      expect(noHeader.json()).toMatchObject({ error: { code: 'csrf' } });

      const created = (await admin().send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'to revoke' } })).json() as { id: number; token: string };
      const bearer = (url: string) => api.app.inject({ method: 'POST', url, payload: { region_code: '630105', name: `令牌${unique()}` }, headers: { authorization: `Bearer ${created.token}` } });
      expect((await bearer('/api/units')).statusCode).toBe(201);
      expect((await admin().send({ method: 'DELETE', url: `/api/auth/tokens/${created.id}` })).statusCode).toBe(204);
      expect((await bearer('/api/units')).statusCode).toBe(401);
    });

    it('lets a one-time password do nothing but be changed, then the account works', async () => {
      const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `otp${unique()}`, role: 'supervisor' } })).json() as {
        user: { username: string };
        one_time_password: string;
      };
      const pending = await sessionClient(created.user.username, created.one_time_password);
      const session = (await pending.send({ method: 'GET', url: '/api/auth/session' })).json() as { must_change_password: boolean };
      expect(session.must_change_password).toBe(true);
      for (const write of [
        { method: 'POST' as const, url: '/api/units', payload: { region_code: '630105', name: `待改密${unique()}` } },
        { method: 'POST' as const, url: '/api/auth/tokens', payload: { name: 'script' } },
      ]) {
        const refused = await pending.send(write);
        expect(refused.statusCode, write.url).toBe(403);
        expect(refused.json()).toMatchObject({ error: { code: 'password_change_required' } });
      }
      const password = `own-${unique()}-password`;
      const changed = await pending.send({ method: 'POST', url: '/api/auth/password', payload: { current_password: created.one_time_password, new_password: password } });
      expect(changed.statusCode, changed.body).toBe(204);
      const active = await sessionClient(created.user.username, password);
      expect(((await active.send({ method: 'GET', url: '/api/auth/session' })).json() as { must_change_password: boolean }).must_change_password).toBe(false);
      expect((await active.send({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name: `已改密${unique()}` } })).statusCode).toBe(201);
    });

    it('resets a password by an admin and ends the old sessions', async () => {
      const created = (await admin().send({ method: 'POST', url: '/api/users', payload: { username: `reset${unique()}`, role: 'supervisor' } })).json() as {
        user: { id: number; username: string };
        one_time_password: string;
      };
      const before = await sessionClient(created.user.username, created.one_time_password);
      expect((await before.send({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
      const reset = (await admin().send({ method: 'POST', url: `/api/users/${created.user.id}/password-reset` })).json() as { one_time_password: string };
      expect(reset.one_time_password).not.toBe(created.one_time_password);
      expect((await before.send({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      await expect(sessionClient(created.user.username, created.one_time_password)).rejects.toThrow(/401|wrong/);
      await sessionClient(created.user.username, reset.one_time_password);
    });
  });
}
