/**
 * Sign-in: the single admin account (created on first start with a one-time password), sessions kept as the sha256
 * of a random token, and a CSRF token bound to each session by a secret kept in the database (so it holds across
 * restarts and server processes) and rotated on purpose. Example: `signIn('admin', 'k3Qm…')` → { token, csrfToken, user }.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseHandle, UserRow } from '@duixian/storage';
import { HttpError } from '../http-error.ts';
import { hashToken, isApiToken } from './api-tokens.ts';
import { generatePassword, hashPassword, UNMATCHABLE_PASSWORD_HASH, verifyPassword } from './password.ts';
import { SignInThrottle } from './sign-in-throttle.ts';

/** Sessions last 12 hours. */
export const SESSION_HOURS = 12;

/** The name of the CSRF key among the server's secrets. */
const CSRF_SECRET = 'csrf';

/** A signed-in user as the API shows it. */
export interface SessionUser {
  id: number;
  username: string;
  role: UserRow['role'];
  unit_id: number | null;
  display_name: string | null;
  /** Signed in with a one-time password: nothing but changing it (and signing out) is allowed until it is changed. */
  must_change_password: boolean;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function hmac(key: string, text: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(text).digest('base64url');
}

function isSameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function present(user: UserRow): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    unit_id: user.unit_id,
    display_name: user.display_name,
    must_change_password: user.must_change_password,
  };
}

export class AuthService {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;
  /** The CSRF key as this process last read it from the database (drawn and stored by whichever process needs it first). */
  #csrfKey: Promise<string> | undefined;

  /** Repeated failures for one username slow its sign-in down. */
  readonly throttle: SignInThrottle;
  /** Wrong current passwords given to change a password are slowed down the same way (a stolen session must not guess freely). */
  readonly passwordChangeThrottle: SignInThrottle;

  constructor(database: DatabaseHandle, now: () => Date) {
    this.#database = database;
    this.#now = now;
    this.throttle = new SignInThrottle(now);
    this.passwordChangeThrottle = new SignInThrottle(now);
  }

  /**
   * Creates the admin account when there is no user at all and returns its one-time password (to print once);
   * returns undefined when users exist already.
   */
  async ensureAdmin(options: { username?: string; password?: string } = {}): Promise<{ username: string; password: string } | undefined> {
    const { users } = this.#database.repositories;
    if ((await users.count()) > 0) return undefined;
    const username = options.username ?? 'admin';
    const password = options.password ?? generatePassword();
    await users.create({
      username,
      role: 'admin',
      passwordHash: await hashPassword(password),
      displayName: '管理员',
      mustChangePassword: options.password === undefined,
    });
    return { username, password };
  }

  /** `address`: the caller's IP address, which the throttle counts failures by (with the username). */
  async signIn(username: string, password: string, address: string): Promise<{ token: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
    const wait = this.throttle.waitFor(username, address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'sign_in_throttled', `登录失败次数过多，请 ${seconds} 秒后再试 / too many failed sign-ins: try again in ${seconds} s`);
    }
    const user = await this.#database.repositories.users.findByUsername(username);
    // Verify against a dummy hash for unknown users too, so timing does not tell which usernames exist.
    const stored = user?.password_hash ?? UNMATCHABLE_PASSWORD_HASH;
    const isValid = await verifyPassword(password, stored);
    if (!user || !isValid) {
      this.throttle.recordFailure(username, address);
      throw new HttpError(401, 'unauthenticated', '用户名或密码错误 / wrong username or password');
    }
    this.throttle.recordSuccess(username, address);
    // Said only to whoever knows the password: a disabled account is not told apart from a wrong password otherwise.
    if (user.disabled_at !== null) throw new HttpError(403, 'account_disabled', '账号已停用，请联系管理员 / this account is disabled: ask your admin');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.#now().getTime() + SESSION_HOURS * 3600_000);
    await this.#database.repositories.users.createSession(sha256(token), user.id, expiresAt);
    return { token, csrfToken: await this.csrfTokenFor(token), user: present(user), expiresAt };
  }

  /** Checks the current password a user gives to change it: 403 when wrong, 429 after repeated wrong ones. */
  async verifyCurrentPassword(user: UserRow, password: string, address: string): Promise<void> {
    const wait = this.passwordChangeThrottle.waitFor(user.username, address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'password_change_throttled', `当前密码错误次数过多，请 ${seconds} 秒后再试 / too many wrong current passwords: try again in ${seconds} s`);
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      this.passwordChangeThrottle.recordFailure(user.username, address);
      throw new HttpError(403, 'wrong_password', '当前密码不正确 / the current password is wrong');
    }
    this.passwordChangeThrottle.recordSuccess(user.username, address);
  }

  async userForToken(token: string): Promise<SessionUser | undefined> {
    if (isApiToken(token)) {
      const owner = await this.#database.repositories.apiTokens.findUser(hashToken(token), this.#now());
      return owner ? present(owner) : undefined;
    }
    const user = await this.#database.repositories.users.findBySession(sha256(token), this.#now());
    return user ? present(user) : undefined;
  }

  async signOut(token: string): Promise<void> {
    await this.#database.repositories.users.deleteSession(sha256(token));
  }

  /**
   * The CSRF token of a session: an HMAC of its token, sent back in the x-csrf-token header on writes. Issued with the
   * key read afresh, so a process never hands out a token made with a key another process has rotated away.
   */
  async csrfTokenFor(sessionToken: string): Promise<string> {
    return hmac(await this.#readCsrfKey(true), sessionToken);
  }

  async isValidCsrfToken(sessionToken: string, csrfToken: string | undefined): Promise<boolean> {
    if (!csrfToken) return false;
    const cached = await this.#readCsrfKey(false);
    if (isSameText(hmac(cached, sessionToken), csrfToken)) return true;
    // Another process may have rotated the key since this one read it: check once against the stored one.
    const stored = await this.#readCsrfKey(true);
    return stored !== cached && isSameText(hmac(stored, sessionToken), csrfToken);
  }

  /**
   * Draws a new CSRF key for every process on this database and ends every session (their CSRF tokens die with the
   * old key): everyone signs in again. Recorded in the audit trail, never the key.
   */
  async rotateCsrfSecret(actorId: number | null = null): Promise<{ endedSessions: number }> {
    const endedSessions = await this.#database.transaction(async (repositories) => {
      await repositories.serverSecrets.replace(CSRF_SECRET, newSecret());
      const ended = await repositories.users.deleteAllSessions();
      await repositories.auditEvents.record({ actorId, action: 'rotate', entityType: 'server_secret', entityId: CSRF_SECRET, after: { ended_sessions: ended } });
      return ended;
    });
    this.#csrfKey = undefined;
    return { endedSessions };
  }

  async #readCsrfKey(fresh: boolean): Promise<string> {
    if (fresh || !this.#csrfKey) {
      const reading = this.#database.repositories.serverSecrets.ensure(CSRF_SECRET, newSecret());
      this.#csrfKey = reading;
      // A failed read is not remembered: the next request tries again.
      reading.catch(() => {
        if (this.#csrfKey === reading) this.#csrfKey = undefined;
      });
    }
    return this.#csrfKey;
  }
}
