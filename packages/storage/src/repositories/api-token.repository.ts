/**
 * API tokens for scripts: each belongs to a user, is stored as the sha256 of the token, expires and can be revoked
 * (the only change a token row ever gets). Example: `findUser(hash, now)` → the user of a live token.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import type { ApiTokenRow, Schema, UserRow } from '../schema.ts';

export class ApiTokenRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(token: { userId: number; name: string; tokenHash: string; expiresAt: Date }): Promise<ApiTokenRow> {
    return this.#db
      .insertInto('api_tokens')
      .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, expires_at: token.expiresAt })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The user of a token that is neither revoked nor expired, when that user is not disabled. */
  async findUser(tokenHash: string, now: Date): Promise<UserRow | undefined> {
    return this.#db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('api_tokens.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  /** A token by its hash, live or not (never the hash itself). */
  async findByHash(tokenHash: string): Promise<Omit<ApiTokenRow, 'token_hash'> | undefined> {
    return this.#db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** A user's tokens, newest first (never the hash). */
  async listForUser(userId: number): Promise<Omit<ApiTokenRow, 'token_hash'>[]> {
    return this.#db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Revokes one live token of the user; NotFound when the user has no such live token. */
  async revoke(id: number, userId: number, now: Date): Promise<void> {
    const result = await this.#db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('api token', id);
  }

  /** Revokes every live token of a user (a new password ends them all); returns how many. */
  async revokeAllForUser(userId: number, now: Date): Promise<number> {
    const result = await this.#db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
