import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../app.ts';
import { openTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../test-support.ts';

describe('sign-in cookies', () => {
  let api: TestApp | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  /** The session and CSRF cookies of one sign-in: name → whether it is Secure. */
  async function cookiesOf(options: Omit<AppOptions, 'database'>, headers: Record<string, string> = {}): Promise<Record<string, boolean>> {
    api = await openTestApp('pglite', { seedDemo: false, secureCookies: false, ...options });
    const response = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: TEST_ADMIN_PASSWORD }, headers });
    expect(response.statusCode, response.body).toBe(200);
    return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.secure === true]));
  }

  it('marks both cookies Secure when a trusted proxy says the request came over HTTPS', async () => {
    expect(await cookiesOf({ trustProxy: true }, { 'x-forwarded-proto': 'https' })).toEqual({ duixian_session: true, duixian_csrf: true });
  });

  it('leaves them plain over HTTP, and ignores x-forwarded-proto unless the proxy is trusted', async () => {
    expect(await cookiesOf({ trustProxy: true }, { 'x-forwarded-proto': 'http' })).toEqual({ duixian_session: false, duixian_csrf: false });
    await api?.close();
    expect(await cookiesOf({}, { 'x-forwarded-proto': 'https' })).toEqual({ duixian_session: false, duixian_csrf: false });
  });

  it('marks them Secure always when secure cookies are switched on', async () => {
    expect(await cookiesOf({ secureCookies: true })).toEqual({ duixian_session: true, duixian_csrf: true });
  });
});
