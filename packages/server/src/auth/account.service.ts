/**
 * Accounts: one's own password and API tokens, and the admin's users, password resets and other users' tokens — each
 * read through the repositories and each write audited. Example: `await accounts.revokeToken(7, { ownerId: 3, actorId: 3 })`.
 */
import type { ApiTokenRow, DatabaseHandle, UserRow } from '@duixian/storage';
import type { ReadCache } from '../services/cache.ts';
import { createApiToken, hashToken, isApiToken } from './api-tokens.ts';
import type { AuthService } from './auth.service.ts';
import { addUser, resetUserPassword, setUserDisabled, updateUser, type NewUserInput } from './user-admin.service.ts';

/** A token as its owner or an admin sees it: never its hash. */
export type ShownApiToken = Omit<ApiTokenRow, 'token_hash' | 'user_id'>;

/** A user as the admin's list shows one: never the password hash. */
export type ListedUser = Pick<UserRow, 'id' | 'username' | 'role' | 'unit_id' | 'display_name' | 'disabled_at'>;

function listed(user: UserRow): ListedUser {
  return { id: user.id, username: user.username, role: user.role, unit_id: user.unit_id, display_name: user.display_name, disabled_at: user.disabled_at };
}

export class AccountService {
  readonly #database: DatabaseHandle;
  readonly #auth: AuthService;
  readonly #cache: ReadCache;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, auth: AuthService, cache: ReadCache, now: () => Date) {
    this.#database = database;
    this.#auth = auth;
    this.#cache = cache;
    this.#now = now;
  }

  /** Checks the current password (throttled per user and address), then sets the new one: every session ends. */
  async changePassword(userId: number, change: { currentPassword: string; newPassword: string; address: string }): Promise<void> {
    const user = await this.#database.repositories.users.get(userId);
    await this.#auth.verifyCurrentPassword(user, change.currentPassword, change.address);
    await resetUserPassword(this.#database, user.username, { password: change.newPassword, actorId: user.id, mustChange: false, now: this.#now() });
  }

  /** A user's tokens, revoked and expired ones included; 404 for an unknown user. */
  async listTokens(userId: number): Promise<Omit<ApiTokenRow, 'token_hash'>[]> {
    await this.#database.repositories.users.get(userId);
    return this.#database.repositories.apiTokens.listForUser(userId);
  }

  /**
   * Creates a token for `userId`. `callerToken` is the bearer token the request came with, if any: a token made with
   * a token lives no longer than it.
   */
  async createToken(userId: number, options: { name: string; expiresInDays?: number; callerToken?: string }): Promise<ShownApiToken & { token: string }> {
    const caller =
      options.callerToken !== undefined && isApiToken(options.callerToken)
        ? await this.#database.repositories.apiTokens.findByHash(hashToken(options.callerToken))
        : undefined;
    const { token, row } = await createApiToken(this.#database, userId, {
      name: options.name,
      now: this.#now(),
      ...(options.expiresInDays !== undefined ? { expiresInDays: options.expiresInDays } : {}),
      ...(caller ? { notAfter: caller.expires_at } : {}),
    });
    const { token_hash: _hash, user_id: _user, ...shown } = row;
    return { ...shown, token };
  }

  /** Revokes a token of `ownerId` (one's own, or as admin another's), audited as `actorId`'s act. */
  async revokeToken(tokenId: number, who: { ownerId: number; actorId: number }): Promise<void> {
    await this.#database.transaction(async (repositories) => {
      await repositories.apiTokens.revoke(tokenId, who.ownerId, this.#now());
      await repositories.auditEvents.record({
        actorId: who.actorId,
        action: 'revoke',
        entityType: 'api_token',
        entityId: tokenId,
        ...(who.ownerId !== who.actorId ? { after: { user_id: who.ownerId } } : {}),
      });
    });
  }

  async listUsers(): Promise<ListedUser[]> {
    return (await this.#database.repositories.users.list()).map(listed);
  }

  /** Adds a user with the given password, or a generated one-time password (`isGenerated`), shown once. */
  async addUser(input: NewUserInput): Promise<{ user: ListedUser; password: string; isGenerated: boolean }> {
    const { user, password, isGenerated } = await addUser(this.#database, input);
    // As after every write: a cached read must not outlive it.
    this.#cache.clear();
    return { user: listed(user), password, isGenerated };
  }

  /** Sets a user's password by name (the command line's `user passwd`): the given one, or a generated one-time one. */
  async setPassword(username: string, options: { password?: string; actorId: number | null }): Promise<{ user: ListedUser; password: string; isGenerated: boolean }> {
    const { user, password, isGenerated } = await resetUserPassword(this.#database, username, { ...options, now: this.#now() });
    return { user: listed(user), password, isGenerated };
  }

  /** Resets a user's password to a generated one-time password; the user's sessions and tokens end. */
  async resetPassword(userId: number, actorId: number): Promise<{ oneTimePassword: string }> {
    const user = await this.#database.repositories.users.get(userId);
    const { password } = await resetUserPassword(this.#database, user.username, { actorId, now: this.#now() });
    return { oneTimePassword: password };
  }

  /** Changes a user's role, unit and display name (audited); a unit editor moved to another unit sees that unit's items. */
  async updateUser(userId: number, change: { role: UserRow['role']; unitId: number | null; displayName: string | null }, actorId: number): Promise<ListedUser> {
    const user = await updateUser(this.#database, userId, change, actorId);
    this.#cache.clear();
    return listed(user);
  }

  /** Disables a user (sessions end, API tokens revoked) or enables them again; audited. */
  async setDisabled(userId: number, isDisabled: boolean, actorId: number): Promise<ListedUser> {
    const user = await setUserDisabled(this.#database, userId, isDisabled, actorId, this.#now());
    this.#cache.clear();
    return listed(user);
  }
}
