import { testEngines } from '@duixian/storage/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type SignedInClient, type TestApp } from '../test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

const listedUsers = (response: LightMyRequestResponse) => (response.json() as { items: { id: number; username: string }[] }).items;
const DAY_MS = 86_400_000;

interface CreatedToken {
  id: number;
  token: string;
  expires_at: string | null;
}

for (const engine of testEngines()) {
  describe(`accounts and API tokens on ${engine}`, () => {
    let api: TestApp;
    let counter = 0;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024, seedDemo: false });
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    let address = 0;
    /** Signs in from an address of its own, so the per-address sign-in limit stays out of the way. */
    async function signIn(username: string, password: string): Promise<SignedInClient> {
      const response = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: `10.7.0.${++address}` });
      expect(response.statusCode, response.body).toBe(200);
      const session = response.cookies.find((cookie) => cookie.name === 'duixian_session')?.value ?? '';
      const csrf = (response.json() as { csrf_token: string }).csrf_token;
      const request: SignedInClient['request'] = (options) =>
        api.app.inject({ ...options, cookies: { duixian_session: session }, headers: { ...(options.headers ?? {}), 'x-csrf-token': csrf } });
      return {
        request,
        post: (url, payload) => request({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
        patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
      };
    }

    /** A supervisor who has chosen a password of their own, signed in. */
    async function newSupervisor(): Promise<{ id: number; username: string; password: string; client: SignedInClient }> {
      const created = await api.admin.post('/api/users', { username: `sup${++counter}`, role: 'supervisor' });
      expect(created.statusCode, created.body).toBe(201);
      const { user, one_time_password } = created.json() as { user: { id: number; username: string }; one_time_password: string };
      const password = `own-password-${counter}`;
      const first = await signIn(user.username, one_time_password);
      expect((await first.post('/api/auth/password', { current_password: one_time_password, new_password: password })).statusCode).toBe(204);
      return { id: user.id, username: user.username, password, client: await signIn(user.username, password) };
    }

    const bearer = (token: string, url = '/api/auth/tokens'): Promise<LightMyRequestResponse> =>
      api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    async function createToken(client: SignedInClient, payload: object): Promise<CreatedToken> {
      const response = await client.post('/api/auth/tokens', payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as CreatedToken;
    }

    it("ends a user's API tokens when an admin resets the password: they stay dead once the user has chosen a new one", async () => {
      const user = await newSupervisor();
      const { token } = await createToken(user.client, { name: '月度导入脚本', expires_in_days: 30 });
      expect((await bearer(token)).statusCode).toBe(200);
      const reset = await api.admin.post(`/api/users/${user.id}/password-reset`);
      expect(reset.statusCode).toBe(200);
      const oneTime = (reset.json() as { one_time_password: string }).one_time_password;
      const pending = await signIn(user.username, oneTime);
      expect((await pending.post('/api/auth/password', { current_password: oneTime, new_password: 'chosen-after-reset' })).statusCode).toBe(204);
      expect((await bearer(token)).statusCode).toBe(401);
    });

    it("ends a user's API tokens when the user changes the password", async () => {
      const user = await newSupervisor();
      const { token } = await createToken(user.client, { name: '脚本', expires_in_days: 30 });
      const changed = await user.client.post('/api/auth/password', { current_password: user.password, new_password: 'another-password-1' });
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await bearer(token)).statusCode).toBe(401);
    });

    it('caps a token at 365 days and gives one without an expiry 90 days', async () => {
      const user = await newSupervisor();
      const tooLong = await user.client.post('/api/auth/tokens', { name: '永久', expires_in_days: 3650 });
      expect(tooLong.statusCode).toBe(400);
      const longest = await createToken(user.client, { name: '一年', expires_in_days: 365 });
      expect(Date.parse(longest.expires_at as string)).toBe(JUNE_30_2024.getTime() + 365 * DAY_MS);
      const unstated = await createToken(user.client, { name: '默认' });
      expect(Date.parse(unstated.expires_at as string)).toBe(JUNE_30_2024.getTime() + 90 * DAY_MS);
    });

    it('lets a token mint a token that lives no longer than itself', async () => {
      const user = await newSupervisor();
      const oneDay = await createToken(user.client, { name: '一天', expires_in_days: 1 });
      const minted = await api.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        payload: { name: '由令牌创建', expires_in_days: 365 },
        headers: { authorization: `Bearer ${oneDay.token}` },
      });
      expect(minted.statusCode, minted.body).toBe(201);
      const child = minted.json() as CreatedToken;
      expect(child.expires_at).not.toBeNull();
      expect(Date.parse(child.expires_at as string)).toBeLessThanOrEqual(Date.parse(oneDay.expires_at as string));
    });

    it("lets an admin list and revoke another user's tokens, and nobody else", async () => {
      const user = await newSupervisor();
      const other = await newSupervisor();
      const created = await createToken(user.client, { name: '被吊销', expires_in_days: 30 });
      const listed = await api.admin.request({ method: 'GET', url: `/api/users/${user.id}/tokens` });
      expect(listed.statusCode, listed.body).toBe(200);
      expect((listed.json() as { items: { id: number; name: string }[] }).items).toEqual([expect.objectContaining({ id: created.id, name: '被吊销' })]);
      expect((await other.client.request({ method: 'GET', url: `/api/users/${user.id}/tokens` })).statusCode).toBe(403);
      expect((await other.client.request({ method: 'DELETE', url: `/api/users/${user.id}/tokens/${created.id}` })).statusCode).toBe(403);
      expect((await bearer(created.token)).statusCode).toBe(200);
      expect((await api.admin.request({ method: 'DELETE', url: `/api/users/${user.id}/tokens/${created.id}` })).statusCode).toBe(204);
      expect((await bearer(created.token)).statusCode).toBe(401);
      expect((await api.admin.request({ method: 'DELETE', url: `/api/users/${other.id}/tokens/${created.id}` })).statusCode).toBe(404);
    });

    it("disables a user: their session and API token stop working, sign-in is refused, and it is audited; enabled again, they sign in", async () => {
      const user = await newSupervisor();
      const { token } = await createToken(user.client, { name: '数据上报脚本', expires_in_days: 30 });
      const disabled = await api.admin.post(`/api/users/${user.id}/disable`);
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json()).toMatchObject({ id: user.id, disabled_at: JUNE_30_2024.toISOString() });
      expect((await user.client.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      expect((await bearer(token)).statusCode).toBe(401);
      const refused = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: user.password }, remoteAddress: `10.7.1.${++address}` });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'account_disabled' } });
      // A wrong password gets the usual answer: whether an account is disabled is told only to its owner.
      const guessed = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: 'not-the-password' }, remoteAddress: `10.7.1.${++address}` });
      expect(guessed.statusCode).toBe(401);
      const listed = (await api.admin.request({ method: 'GET', url: '/api/users' })).json() as { items: { id: number; disabled_at: string | null }[] };
      expect(listed.items.find((item) => item.id === user.id)?.disabled_at).toBe(JUNE_30_2024.toISOString());

      expect((await api.admin.post(`/api/users/${user.id}/enable`)).statusCode).toBe(200);
      const back = await signIn(user.username, user.password);
      expect((await back.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
      expect((await bearer(token)).statusCode).toBe(401); // revoked on disabling, not revived
      const audit = await api.database.repositories.auditEvents.list({ entityType: 'user', entityId: user.id, pageSize: 50 });
      expect(audit.items.map((event) => event.action)).toEqual(expect.arrayContaining(['disable', 'enable']));
      expect(audit.items.find((event) => event.action === 'disable')?.after).toMatchObject({ revoked_api_tokens: 1 });
    });

    it("lets the admin change a user's role and unit but not take the admin role from themselves, nor disable themselves; only the admin", async () => {
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区' });
      const education = await api.database.repositories.regions.ensureUnit('630105', '城北区教育局');
      const housing = await api.database.repositories.regions.ensureUnit('630105', '城北区住建局');
      const created = await api.admin.post('/api/users', { username: `editor${++counter}`, role: 'unit_editor', unit_id: education.id });
      const { user, one_time_password } = created.json() as { user: { id: number; username: string }; one_time_password: string };
      const editor = await signIn(user.username, one_time_password);

      const moved = await api.admin.patch(`/api/users/${user.id}`, { role: 'unit_editor', unit_id: housing.id, display_name: '住建局 李明' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ role: 'unit_editor', unit_id: housing.id, display_name: '住建局 李明', disabled_at: null });
      // The session stays; it carries the new unit from the next request on.
      expect((await editor.request({ method: 'GET', url: '/api/auth/session' })).json()).toMatchObject({ user: { unit_id: housing.id } });

      expect((await api.admin.patch(`/api/users/${user.id}`, { role: 'unit_editor', unit_id: null })).statusCode).toBe(400);
      expect((await api.admin.patch(`/api/users/${user.id}`, { role: 'unit_editor', unit_id: 999_999 })).statusCode).toBe(404);
      expect((await api.admin.patch(`/api/users/${user.id}`, { role: 'chief', unit_id: null })).statusCode).toBe(400);
      const adminId = (listedUsers(await api.admin.request({ method: 'GET', url: '/api/users' })).find((item) => item.username === 'admin') as { id: number }).id;
      expect((await api.admin.patch(`/api/users/${adminId}`, { role: 'supervisor', unit_id: null })).statusCode).toBe(400);
      expect((await api.admin.post(`/api/users/${adminId}/disable`)).statusCode).toBe(400);
      const supervisor = await newSupervisor();
      expect((await supervisor.client.patch(`/api/users/${user.id}`, { role: 'admin', unit_id: null })).statusCode).toBe(403);
      expect((await supervisor.client.post(`/api/users/${user.id}/disable`)).statusCode).toBe(403);
      const audit = await api.database.repositories.auditEvents.list({ entityType: 'user', entityId: user.id, pageSize: 50 });
      expect(audit.items.find((event) => event.action === 'update')).toMatchObject({ before: { unit_id: education.id }, after: { unit_id: housing.id } });
    });

    it('rotates the CSRF secret by an admin only, ending every session', async () => {
      const user = await newSupervisor();
      expect((await user.client.post('/api/auth/csrf-secret/rotate')).statusCode).toBe(403);
      const admin = await signIn('admin', 'test-admin-password-1');
      const rotated = await admin.post('/api/auth/csrf-secret/rotate');
      expect(rotated.statusCode, rotated.body).toBe(200);
      expect((rotated.json() as { ended_sessions: number }).ended_sessions).toBeGreaterThanOrEqual(2);
      expect((await user.client.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      const again = await signIn(user.username, user.password);
      expect((await again.post('/api/auth/tokens', { name: '重新登录后', expires_in_days: 1 })).statusCode).toBe(201);
    });
  });
}
