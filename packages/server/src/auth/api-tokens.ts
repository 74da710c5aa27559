/**
 * API tokens for scripts: `dxt_` followed by 32 random bytes in base64url, shown once at creation and stored as its
 * sha256; sent as `Authorization: Bearer dxt_…` (no CSRF header needed: a browser never adds it by itself).
 * Example: `await createApiToken(database, 3, { name: '月度导入脚本', expiresInDays: 90 })` → { token: 'dxt_Qm…', row }.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenRow, DatabaseHandle } from '@duixian/storage';

export const API_TOKEN_PREFIX = 'dxt_';

export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  database: DatabaseHandle,
  userId: number,
  options: { name: string; expiresInDays?: number; now: Date },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = options.expiresInDays !== undefined ? new Date(options.now.getTime() + options.expiresInDays * 86_400_000) : null;
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
