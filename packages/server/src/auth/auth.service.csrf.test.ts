import type { DatabaseHandle } from '@duixian/storage';
import { openTestDatabase, testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from './auth.service.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');
const PASSWORD = 'test-admin-password-1';

for (const engine of testEngines()) {
  describe(`sessions and CSRF tokens on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      await new AuthService(handle, () => JUNE_30_2024).ensureAdmin({ password: PASSWORD });
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('accepts a CSRF token issued by another server process on the same database, and after a restart', async () => {
      const first = new AuthService(handle, () => JUNE_30_2024);
      const { token, csrfToken } = await first.signIn('admin', PASSWORD, '10.0.0.1');
      const second = new AuthService(handle, () => JUNE_30_2024);
      expect(await second.isValidCsrfToken(token, csrfToken)).toBe(true);
      expect(await second.csrfTokenFor(token)).toBe(csrfToken);
      const restarted = new AuthService(handle, () => JUNE_30_2024);
      expect(await restarted.isValidCsrfToken(token, csrfToken)).toBe(true);
      expect(await restarted.isValidCsrfToken(token, `${csrfToken.slice(0, -1)}x`)).toBe(false);
    });

    it('rotates the secret on purpose: every session ends, and new ones work on every process', async () => {
      const first = new AuthService(handle, () => JUNE_30_2024);
      const second = new AuthService(handle, () => JUNE_30_2024);
      const before = await first.signIn('admin', PASSWORD, '10.0.0.1');
      expect(await second.isValidCsrfToken(before.token, before.csrfToken)).toBe(true);
      await first.rotateCsrfSecret();
      expect(await first.userForToken(before.token)).toBeUndefined();
      expect(await first.isValidCsrfToken(before.token, before.csrfToken)).toBe(false);
      const after = await first.signIn('admin', PASSWORD, '10.0.0.1');
      expect(await first.csrfTokenFor(before.token)).not.toBe(before.csrfToken);
      // The second process still holds the old secret in memory: it reads the new one instead of refusing.
      expect(await second.isValidCsrfToken(after.token, after.csrfToken)).toBe(true);
      expect(await second.isValidCsrfToken(before.token, before.csrfToken)).toBe(false);
    });
  });
}
