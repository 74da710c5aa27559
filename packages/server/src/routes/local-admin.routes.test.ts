import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreBackup } from '@duixian/storage';
import { openTestDatabase } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../auth/user-admin.service.ts';
import { openTestApp, signIn, type TestApp } from '../test-support.ts';

async function firstLine(gzipped: Buffer): Promise<unknown> {
  const lines = createInterface({ input: Readable.from(gzipped).pipe(createGunzip()) });
  for await (const line of lines) return JSON.parse(line);
  return undefined;
}

describe('GET /api/backup and the local-key routes', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await openTestApp('pglite', { seedDemo: false });
    await addUser(api.database, { username: 'ducha', role: 'supervisor', password: 'supervisor-password-1' });
  }, 60_000);
  afterAll(async () => api?.close());

  it('streams the whole database to an admin, a file that restores', async () => {
    const response = await api.admin.request({ method: 'GET', url: '/api/backup' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="duixian-\d{4}-\d{2}-\d{2}\.duixian\.gz"$/);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(Number(response.headers['x-duixian-backup-rows'])).toBeGreaterThan(0);
    expect(await firstLine(response.rawPayload)).toMatchObject({ format: 'duixian-backup', engine: 'pglite' });

    const folder = await mkdtemp(join(tmpdir(), 'duixian-api-backup-'));
    const target = await openTestDatabase('pglite');
    try {
      await writeFile(join(folder, 'b.gz'), response.rawPayload);
      await restoreBackup(target, join(folder, 'b.gz'));
      expect((await target.repositories.users.findByUsername('ducha'))?.role).toBe('supervisor');
    } finally {
      await target.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses the backup to anyone else, and a local key the server does not have', async () => {
    expect((await api.app.inject({ url: '/api/backup' })).statusCode).toBe(401);
    const supervisor = await signIn(api.app, 'ducha', 'supervisor-password-1');
    expect((await supervisor.request({ method: 'GET', url: '/api/backup' })).statusCode).toBe(403);
    // An in-memory database has no lock file, so its server has no local key: every key is wrong.
    expect(api.app.duixian.localKey).toBeUndefined();
    const guessed = await api.app.inject({ url: '/api/backup', headers: { 'x-duixian-local-key': 'a'.repeat(43) } });
    expect(guessed.statusCode).toBe(403);
  });

  it('opens the command line\'s account routes to the local key only, not to a signed-in admin', async () => {
    const body = { username: 'jyj', role: 'supervisor' };
    expect((await api.app.inject({ method: 'POST', url: '/api/local/users', payload: body })).statusCode).toBe(401);
    expect((await api.admin.post('/api/local/users', body)).statusCode).toBe(403);
    const guessed = await api.app.inject({ method: 'POST', url: '/api/local/users/password', payload: { username: 'ducha' }, headers: { 'x-duixian-local-key': 'x' } });
    expect(guessed.statusCode).toBe(403);
    expect(await api.database.repositories.users.findByUsername('jyj')).toBeUndefined();
  });
});
