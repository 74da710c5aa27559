import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buildApp } from '@duixian/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup } from './backup.command.ts';
import { runRestore } from './restore.command.ts';
import { runUserAdd, runUserPasswd } from './user.command.ts';

/** A multipart body with one file (the boundary is fixed: one body per request). */
function multipartBody(name: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duixianBackupTest';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');
const ADMIN_PASSWORD = 'backup-test-admin-password';
const noEnvironment: NodeJS.ProcessEnv = {};

interface Signed {
  cookie: string;
  csrf: string;
  get(url: string): Promise<{ status: number; type: string | undefined; body: Buffer }>;
  post(url: string, payload: unknown): Promise<{ status: number; json: any }>;
}

async function signIn(app: FastifyInstance, username: string, password: string): Promise<Signed> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'duixian_session')?.value ?? '';
  const csrf = (response.json() as { csrf_token: string }).csrf_token;
  return {
    cookie,
    csrf,
    get: async (url) => {
      const answer = await app.inject({ url, cookies: { duixian_session: cookie } });
      return { status: answer.statusCode, type: answer.headers['content-type'] as string | undefined, body: answer.rawPayload };
    },
    post: async (url, payload) => {
      const answer = await app.inject({ method: 'POST', url, payload: payload as object, cookies: { duixian_session: cookie }, headers: { 'x-csrf-token': csrf } });
      return { status: answer.statusCode, json: answer.json() };
    },
  };
}

/** Every GET the API answers about the data: lists, details of each listed record, files, exports, the review queue. */
async function collectUrls(client: Signed): Promise<string[]> {
  const json = async (url: string) => JSON.parse((await client.get(url)).body.toString('utf8'));
  const urls = [
    '/api/regions',
    '/api/regions/630105',
    '/api/units',
    '/api/plans',
    '/api/documents?page_size=100',
    '/api/commitments?page_size=500',
    '/api/commitments?region=630105&year=2024&status=ahead',
    '/api/budget-lines?page_size=500',
    '/api/indicators?page_size=500',
    '/api/livelihood/programmes',
    '/api/livelihood/projects?page_size=500',
    '/api/dashboard/summary?region=630105&year=2024',
    '/api/review-items?page_size=500',
    '/api/exports/commitments.csv?region=630105&year=2024',
    '/api/exports/progress.json',
    '/api/exports/budget-lines.xlsx?region=630105',
    '/api/exports/fiscal-data-package/630105/budget-lines.csv',
    '/api/auth/session',
  ];
  for (const plan of (await json('/api/plans')).items) urls.push(`/api/plans/${plan.id}`);
  for (const document of (await json('/api/documents?page_size=100')).items) urls.push(`/api/documents/${document.id}`, `/api/documents/${document.id}/file`);
  for (const commitment of (await json('/api/commitments?page_size=500')).items) {
    urls.push(`/api/commitments/${commitment.id}`, `/api/commitments/${commitment.id}/progress`, `/api/commitments/${commitment.id}/history?page_size=500`);
  }
  for (const indicator of (await json('/api/indicators?page_size=500')).items) urls.push(`/api/indicators/${indicator.id}/measurements`);
  return urls;
}

describe('duixian backup and restore', () => {
  let folder: string;
  let source: string;
  let backupFile: string;
  let evidenceSha: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'duixian-cli-backup-'));
    source = join(folder, 'source');
    backupFile = join(folder, 'backup.duixian.gz');
    // The demo, plus a work item, progress with a note, an edit and a decided review item: more than the seed holds.
    const app = await buildApp({ dataDir: source, adminPassword: ADMIN_PASSWORD, now: () => JUNE_30_2024 });
    try {
      const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
      expect((await admin.post('/api/units', { region_code: '630105', name: '区教育局' })).status).toBe(201);
      const list = JSON.parse((await admin.get('/api/commitments?region=630105&year=2024&page_size=500')).body.toString('utf8'));
      const forest = list.items.find((item: { original_text: string }) => item.original_text === '实施退化林分改造2万亩');
      const item = await admin.post('/api/commitments', { parent_id: forest.id, title: '北山片区改造8000亩', target_value: '8000', target_unit: '亩' });
      expect(item.status).toBe(201);
      expect((await admin.post(`/api/commitments/${item.json.id}/progress`, { reported_on: '2024-06-28', amount: '5000', note: '<b>已完成</b> 5000亩' })).status).toBe(201);
      const evidence = await app.inject({
        method: 'POST',
        url: '/api/evidence',
        ...multipartBody('现场照片.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)])),
        cookies: { duixian_session: admin.cookie },
        headers: { ...multipartBody('现场照片.png', Buffer.alloc(0)).headers, 'x-csrf-token': admin.csrf },
      });
      expect(evidence.statusCode, evidence.body).toBe(201);
      evidenceSha = (evidence.json() as { sha256: string }).sha256;
      expect((await admin.post(`/api/commitments/${item.json.id}/progress`, { reported_on: '2024-06-29', percent: '70', evidence: [{ kind: 'file', ref: evidenceSha, label: '现场照片' }] })).status).toBe(201);
      const review = JSON.parse((await admin.get('/api/review-items?status=pending&page_size=5')).body.toString('utf8'));
      if (review.items[0]) expect((await admin.post(`/api/review-items/${review.items[0].id}/reject`, {})).status).toBe(200);
    } finally {
      await app.close();
    }
  }, 180_000);
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('restores into an empty database with identical API answers, original files included', async () => {
    const backedUp = await runBackup(backupFile, { dataDir: source, language: 'en' }, noEnvironment);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.exitCode).toBe(0);
    expect(backedUp.stdout).toMatch(/^backed up \d+ tables, \d+ rows to /);

    const target = join(folder, 'target');
    const restored = await runRestore(backupFile, { dataDir: target, language: 'en' }, noEnvironment);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored \d+ tables, \d+ rows into PGlite /);

    const before = await buildApp({ dataDir: source, now: () => JUNE_30_2024, seedDemo: false });
    const after = await buildApp({ dataDir: target, now: () => JUNE_30_2024, seedDemo: false, print: () => {} });
    try {
      // The restored password hash signs in with the same password.
      const [beforeAdmin, afterAdmin] = [await signIn(before, 'admin', ADMIN_PASSWORD), await signIn(after, 'admin', ADMIN_PASSWORD)];
      const urls = [...(await collectUrls(beforeAdmin)), `/api/evidence/${evidenceSha}`];
      expect(urls.filter((url) => url.endsWith('/file')).length).toBeGreaterThan(0);
      expect(urls.length).toBeGreaterThan(40);
      for (const url of urls) {
        const [a, b] = [await beforeAdmin.get(url), await afterAdmin.get(url)];
        expect(a.status, url).toBe(200);
        expect({ url, status: b.status, type: b.type }).toEqual({ url, status: a.status, type: a.type });
        if (url.includes('.xlsx')) continue; // a workbook's zip carries its own write time; its rows are compared through the CSV and JSON exports
        if (url === '/api/auth/session') continue; // the CSRF key is new in every process
        expect(b.body.equals(a.body), `${url} differs after restore`).toBe(true);
      }
      // A new record after the restore gets a fresh id rather than clashing with a restored one.
      const plans = JSON.parse((await afterAdmin.get('/api/plans')).body.toString('utf8'));
      const created = await afterAdmin.post('/api/commitments', { plan_id: plans.items[0].id, title: '恢复后新增事项' });
      expect(created.status).toBe(201);
    } finally {
      await before.close();
      await after.close();
    }
  }, 240_000);

  it('refuses to restore over a database that holds data unless forced', async () => {
    const refused = await runRestore(backupFile, { dataDir: source, language: 'en' }, noEnvironment);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^restore failed, the target database is unchanged: the target database is not empty/);
    const forced = await runRestore(backupFile, { dataDir: source, force: true, language: 'en' }, noEnvironment);
    expect(forced.stderr).toBe('');
    expect(forced.exitCode).toBe(0);
    const missing = await runRestore(join(folder, 'nope.gz'), { dataDir: source, language: 'zh' }, noEnvironment);
    expect(missing).toMatchObject({ exitCode: 2, stderr: `找不到备份文件 ${join(folder, 'nope.gz')}` });
    const noData = await runBackup(join(folder, 'x.gz'), { dataDir: join(folder, 'no-such-folder'), language: 'en' }, noEnvironment);
    expect(noData.exitCode).toBe(2);
  }, 120_000);

  it('adds users and sets passwords without the web, from standard input or generated', async () => {
    const added = await runUserAdd('jyj_editor', { role: 'unit_editor', unit: '区教育局', dataDir: source, language: 'en', passwordFrom: Readable.from(['typed-password-123\n']) }, noEnvironment);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('user jyj_editor added (unit_editor)');
    const supervisor = await runUserAdd('duchashi', { role: 'supervisor', dataDir: source, language: 'en' }, noEnvironment);
    const generated = /one-time password \(shown once, to be changed at first sign-in\): (\S+)/.exec(supervisor.stdout)?.[1];
    expect(generated).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect((await runUserAdd('duchashi', { role: 'supervisor', dataDir: source, language: 'en' }, noEnvironment)).stderr).toMatch(/exists already/);
    expect((await runUserAdd('nobody', { role: 'unit_editor', dataDir: source, language: 'en' }, noEnvironment)).stderr).toMatch(/needs a unit/);
    expect((await runUserAdd('short', { role: 'admin', dataDir: source, language: 'en', passwordFrom: Readable.from(['abc\n']) }, noEnvironment)).stderr).toMatch(/at least 10/);

    const app = await buildApp({ dataDir: source, now: () => JUNE_30_2024, seedDemo: false });
    try {
      const editor = await signIn(app, 'jyj_editor', 'typed-password-123');
      const session = JSON.parse((await editor.get('/api/auth/session')).body.toString('utf8'));
      expect(session.user).toMatchObject({ username: 'jyj_editor', role: 'unit_editor' });
      expect(session.user.unit_id).not.toBeNull();
      await signIn(app, 'duchashi', generated as string);
    } finally {
      await app.close();
    }

    const changed = await runUserPasswd('duchashi', { dataDir: source, language: 'zh', passwordFrom: Readable.from(['a-new-password-456\n']) }, noEnvironment);
    expect(changed).toMatchObject({ exitCode: 0, stdout: '已为 duchashi 设置新密码，原有登录已失效' });
    expect((await runUserPasswd('ghost', { dataDir: source, language: 'en' }, noEnvironment)).stderr).toMatch(/no user "ghost"/);
    const again = await buildApp({ dataDir: source, now: () => JUNE_30_2024, seedDemo: false });
    try {
      await signIn(again, 'duchashi', 'a-new-password-456');
      await expect(signIn(again, 'duchashi', generated as string)).rejects.toThrow(/sign-in as duchashi failed/);
    } finally {
      await again.close();
    }
  }, 180_000);
});
