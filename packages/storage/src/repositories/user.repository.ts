/**
 * Users with their role and their sign-in sessions (stored by the hash of the session token, never the token).
 * Example: `create({ username: 'admin', role: 'admin', passwordHash: 'scrypt$…' })`.
 */
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../domain-error.ts';
import type { Schema, UserRole, UserRow } from '../schema.ts';

export class UserRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async count(): Promise<number> {
    const row = await this.#db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(user: {
    username: string;
    role: UserRole;
    passwordHash: string;
    displayName?: string;
    unitId?: number;
    mustChangePassword?: boolean;
  }): Promise<UserRow> {
    const existing = await this.findByUsername(user.username);
    if (existing) throw new ConflictError(`user "${user.username}" exists already`);
    return this.#db
      .insertInto('users')
      .values({
        username: user.username,
        role: user.role,
        password_hash: user.passwordHash,
        display_name: user.displayName ?? null,
        unit_id: user.unitId ?? null,
        must_change_password: user.mustChangePassword ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async get(id: number): Promise<UserRow> {
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('user', id);
    return row;
  }

  /** Sets a new password hash (bumping the version) and ends every session of the user. */
  async setPassword(id: number, passwordHash: string, mustChangePassword: boolean): Promise<UserRow> {
    const row = await this.#db
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, must_change_password: mustChangePassword, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('user', id);
    await this.#db.deleteFrom('sessions').where('user_id', '=', id).execute();
    return row;
  }

  /**
   * Changes who a user is in the organisation: role, unit (null for staff without one) and display name, bumping the
   * version. The sessions live on: each request reads the user afresh, so the new role applies at the next call.
   */
  async update(id: number, change: { role: UserRole; unitId: number | null; displayName: string | null }): Promise<UserRow> {
    const row = await this.#db
      .updateTable('users')
      .set((eb) => ({ role: change.role, unit_id: change.unitId, display_name: change.displayName, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('user', id);
    return row;
  }

  /**
   * Disables a user from `at` (ending every session of theirs) or, with null, enables them again. A disabled user's
   * sessions are gone and findBySession refuses them besides, so no session outlives the disabling.
   */
  async setDisabled(id: number, at: Date | null): Promise<UserRow> {
    const row = await this.#db
      .updateTable('users')
      .set((eb) => ({ disabled_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('user', id);
    if (at !== null) await this.#db.deleteFrom('sessions').where('user_id', '=', id).execute();
    return row;
  }

  async list(): Promise<UserRow[]> {
    return this.#db.selectFrom('users').selectAll().orderBy('id').execute();
  }

  async createSession(tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
    await this.#db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
  }

  /** The user of a live session, or undefined when the token is unknown or expired or the user is disabled. */
  async findBySession(tokenHash: string, now: Date): Promise<UserRow | undefined> {
    return this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of every user (the CSRF secret was rotated); returns how many. */
  async deleteAllSessions(): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
