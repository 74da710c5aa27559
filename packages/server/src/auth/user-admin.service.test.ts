import type { DatabaseHandle } from '@duixian/storage';
import { openTestDatabase, testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './password.ts';
import { addUser, checkPassword, resetUserPassword } from './user-admin.service.ts';

describe('checkPassword', () => {
  it('refuses a password of spaces only, and one whose length comes from surrounding spaces', () => {
    expect(() => checkPassword(' '.repeat(10))).toThrow(/至少 10 个字符/);
    expect(() => checkPassword('\t \u3000'.repeat(5))).toThrow(/至少 10 个字符/);
    expect(() => checkPassword('   abc123   ')).toThrow(/至少 10 个字符/);
  });

  it('refuses one character repeated', () => {
    expect(() => checkPassword('aaaaaaaaaaaa')).toThrow(/同一个字符/);
  });

  it('accepts ten characters of real content, spaces inside included, and Chinese characters', () => {
    expect(() => checkPassword('correct horse')).not.toThrow();
    expect(() => checkPassword('城北区督查室二〇二四年')).not.toThrow();
  });
});

for (const engine of testEngines()) {
  describe(`password changes on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('refuses a new password equal to the current one: a one-time password cannot be "changed" to itself', async () => {
      const { user, password } = await addUser(handle, { username: 'otp-user', role: 'supervisor' });
      await expect(resetUserPassword(handle, user.username, { password, actorId: user.id, mustChange: false })).rejects.toThrow(/不能与当前密码相同/);
      const unchanged = await handle.repositories.users.get(user.id);
      expect(unchanged.must_change_password).toBe(true);
      await resetUserPassword(handle, user.username, { password: 'a-different-password', actorId: user.id, mustChange: false });
      expect(await verifyPassword('a-different-password', (await handle.repositories.users.get(user.id)).password_hash)).toBe(true);
    });
  });
}
