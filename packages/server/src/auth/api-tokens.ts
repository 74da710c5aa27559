/**
 * API tokens for scripts: `dxt_` followed by 32 random bytes in base64url, shown once at creation and stored as its
 * sha256; sent as `Authorization: Bearer dxt_…` (no CSRF header needed: a browser never adds it by itself).
 * Example: `await createApiToken(database, 3, { name: '月度导入脚本', expiresInDays: 90 })` → { token: 'dxt_Qm…', row }.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenRow, DatabaseHandle } from '@duixian/storage';
import { InvalidError } from '@duixian/storage';

export const API_TOKEN_PREFIX = 'dxt_';

export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The longest life of a token, and the life of one made without saying. */
export const MAX_API_TOKEN_DAYS = 365;
export const DEFAULT_API_TOKEN_DAYS = 90;

/**
 * Creates a token of `expiresInDays` (default 90, at most 365) that expires no later than `notAfter`: a token
 * created by a request that was itself authenticated by a token gets at most that token's remaining life, so a
 * 1-day token cannot mint a longer-lived one.
 */
export async function createApiToken(
  database: DatabaseHandle,
  userId: number,
  options: { name: string; expiresInDays?: number; now: Date; notAfter?: Date },
): Promise<{ token: string; row: ApiTokenRow }> {
  const days = options.expiresInDays ?? DEFAULT_API_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_API_TOKEN_DAYS) {
    throw new InvalidError(`令牌有效期为 1 至 ${MAX_API_TOKEN_DAYS} 天 / a token lives 1 to ${MAX_API_TOKEN_DAYS} days`);
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const requested = options.now.getTime() + days * 86_400_000;
  const expiresAt = new Date(options.notAfter ? Math.min(requested, options.notAfter.getTime()) : requested);
  const row = await database.transaction(async (repositories) => {
    const created = await repositories.apiTokens.create({ userId, name: options.name, tokenHash: hashToken(token), expiresAt });
    await repositories.auditEvents.record({
      actorId: userId,
      action: 'create',
      entityType: 'api_token',
      entityId: created.id,
      after: { id: created.id, user_id: userId, name: created.name, expires_at: created.expires_at },
    });
    return created;
  });
  return { token, row };
}
