import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from './server.ts';

const OWN_PASSWORD = 'the-admin-own-password-1';
const cookieOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');

describe('startServer on a data folder', () => {
  it('serves the demo over HTTP, and keeps data, the admin and the demo single across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'duixian-server-'));
    const lines: string[] = [];
    try {
      const first = await startServer({ port: 0, dataDir, print: (line) => lines.push(line) });
      let password: string | undefined;
      try {
        expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
        password = /one-time password \(shown once\): (\S+)/.exec(lines.join('\n'))?.[1];
        expect(password).toBeDefined();
        const signIn = await fetch(`${first.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        expect(signIn.status).toBe(200);
        const pending = (await signIn.json()) as { csrf_token: string; must_change_password: boolean };
        expect(pending.must_change_password).toBe(true);
        // The printed password is one-time: it is changed first, and the new one signs in.
        const change = await fetch(`${first.url}/api/auth/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookieOf(signIn), 'x-csrf-token': pending.csrf_token },
          body: JSON.stringify({ current_password: password, new_password: OWN_PASSWORD }),
        });
        expect(change.status).toBe(204);
        password = OWN_PASSWORD;
        const again = await fetch(`${first.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        const { csrf_token: csrf } = (await again.json()) as { csrf_token: string };
        const cookie = cookieOf(again);
        const unit = await fetch(`${first.url}/api/units`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({ region_code: '630105', name: '区林业和草原局' }),
        });
        expect(unit.status).toBe(201);
      } finally {
        await first.close();
      }

      lines.length = 0;
      const second = await startServer({ port: 0, dataDir, print: (line) => lines.push(line) });
      try {
        expect(lines).toEqual([]);
        const documents = (await (await fetch(`${second.url}/api/documents`)).json()) as { total: number };
        expect(documents.total).toBe(1);
        const units = (await (await fetch(`${second.url}/api/units?region=630105`)).json()) as { items: { name: string }[] };
        expect(units.items.map((unit) => unit.name)).toEqual(['区林业和草原局']);
        const signIn = await fetch(`${second.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        expect(signIn.status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
