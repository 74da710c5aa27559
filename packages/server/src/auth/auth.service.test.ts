import type { DatabaseHandle } from '@duixian/storage';
import { openTestDatabase } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Counts the key derivations and their cost parameters: timing a sign-in would be flaky, the work done is not.
const derivations = vi.hoisted(() => [] as number[]);
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const scrypt = (...args: Parameters<typeof crypto.scrypt>) => {
    derivations.push((args[3] as { N: number }).N);
    return (crypto.scrypt as (...rest: unknown[]) => void)(...args);
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const { AuthService } = await import('./auth.service.ts');

describe('AuthService.signIn', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await new AuthService(database, () => new Date('2024-06-30T04:00:00Z')).ensureAdmin({ password: 'the-right-password-1' });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('derives one scrypt key with the same cost for an unknown username as for a real one', async () => {
    const auth = new AuthService(database, () => new Date('2024-06-30T04:00:00Z'));
    derivations.length = 0;
    await expect(auth.signIn('admin', 'a-wrong-password', '10.0.0.1')).rejects.toMatchObject({ statusCode: 401 });
    const forRealUser = [...derivations];
    derivations.length = 0;
    await expect(auth.signIn('nobody-by-this-name', 'a-wrong-password', '10.0.0.1')).rejects.toMatchObject({ statusCode: 401 });
    const forUnknownUser = [...derivations];
    expect(forRealUser).toEqual([32768]);
    expect(forUnknownUser).toEqual(forRealUser);
  });
});
