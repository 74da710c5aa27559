/**
 * Account administration shared by the admin's web pages and `duixian user`: adding a user with a role (a unit
 * editor belongs to one unit), changing role and unit, disabling and enabling, and setting a password — given, or
 * generated and shown once — each recorded in the audit trail.
 * Example: `addUser(database, { username: 'jyj', role: 'unit_editor', unit: '区教育局' })` → { user, password }.
 */
import type { DatabaseHandle, UnitRow, UserRole, UserRow } from '@duixian/storage';
import { InvalidError } from '@duixian/storage';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

/** Shortest password accepted, counted in characters without the spaces around it. */
export const MIN_PASSWORD_LENGTH = 10;

export interface NewUserInput {
  readonly username: string;
  readonly role: UserRole;
  /** The unit's id or exact name (a unit editor needs one). */
  readonly unit?: string | number;
  readonly displayName?: string;
  /** Without one, a password is generated (and must be changed at first sign-in). */
  readonly password?: string;
  /** Who does it (null from the command line). */
  readonly actorId?: number | null;
}

/** The user as the audit trail keeps it: never the password hash. */
function auditView(user: UserRow) {
  return { id: user.id, username: user.username, role: user.role, unit_id: user.unit_id, display_name: user.display_name, disabled_at: user.disabled_at, version: user.version };
}

/**
 * A password needs real content: at least MIN_PASSWORD_LENGTH characters once the whitespace around it is set aside
 * (ten spaces, or 'abc' padded with spaces, are not a password), and not one character repeated. It is stored as
 * typed, spaces included. Example: checkPassword('correct horse') passes; checkPassword(' '.repeat(10)) throws.
 */
export function checkPassword(password: string): void {
  const content = [...password.trim()];
  if (content.length < MIN_PASSWORD_LENGTH) {
    throw new InvalidError(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符（不计首尾空格）/ a password needs at least ${MIN_PASSWORD_LENGTH} characters besides surrounding spaces`);
  }
  if (new Set(content).size === 1) throw new InvalidError('密码不能只由同一个字符组成 / a password cannot be one character repeated');
  if (password.length > 200) throw new InvalidError('密码最多 200 个字符 / a password has at most 200 characters');
}

async function findUnit(database: DatabaseHandle, unit: string | number): Promise<UnitRow> {
  const units = await database.repositories.regions.listUnits();
  const byId = typeof unit === 'number' || /^\d+$/.test(unit) ? units.filter((item) => item.id === Number(unit)) : [];
  const matches = byId.length > 0 ? byId : units.filter((item) => item.name === String(unit));
  if (matches.length === 0) throw new InvalidError(`没有单位“${unit}” / no unit "${unit}" (give its id or exact name)`);
  if (matches.length > 1) {
    throw new InvalidError(`单位“${unit}”不唯一，请用编号 / unit "${unit}" is ambiguous, give its id: ${matches.map((item) => `${item.id} (${item.region_code})`).join(', ')}`);
  }
  return matches[0] as UnitRow;
}

export async function addUser(database: DatabaseHandle, input: NewUserInput): Promise<{ user: UserRow; password: string; isGenerated: boolean }> {
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}_.@-]{1,100}$/u.test(username)) throw new InvalidError(`用户名只能含字母、数字和 _ . @ - / username "${input.username}" may hold letters, digits and _ . @ - only`);
  if (input.role === 'unit_editor' && input.unit === undefined) throw new InvalidError('单位填报员需要指定单位 / a unit editor needs a unit');
  const unit = input.unit !== undefined ? await findUnit(database, input.unit) : undefined;
  const password = input.password ?? generatePassword();
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = await hashPassword(password);
  const user = await database.transaction(async (repositories) => {
    const created = await repositories.users.create({
      username,
      role: input.role,
      passwordHash,
      ...(input.displayName ? { displayName: input.displayName } : {}),
      ...(unit ? { unitId: unit.id } : {}),
      mustChangePassword: input.password === undefined,
    });
    await repositories.auditEvents.record({ actorId: input.actorId ?? null, action: 'create', entityType: 'user', entityId: created.id, after: auditView(created) });
    return created;
  });
  return { user, password, isGenerated: input.password === undefined };
}

/**
 * Sets a user's password (given, or generated to be changed at next sign-in; never the current one) and ends the
 * user's sessions and API tokens.
 */
export async function resetUserPassword(
  database: DatabaseHandle,
  username: string,
  options: { password?: string; actorId?: number | null; mustChange?: boolean; now?: Date } = {},
): Promise<{ user: UserRow; password: string; isGenerated: boolean }> {
  const password = options.password ?? generatePassword();
  if (options.password !== undefined) checkPassword(options.password);
  const current = await database.repositories.users.findByUsername(username);
  if (!current) throw new InvalidError(`没有用户“${username}” / no user "${username}"`);
  // A one-time password "changed" to itself would stay known to whoever handed it out (a generated one is new).
  if (options.password !== undefined && (await verifyPassword(password, current.password_hash))) throw new InvalidError('新密码不能与当前密码相同 / the new password must differ from the current one');
  const passwordHash = await hashPassword(password);
  const user = await database.transaction(async (repositories) => {
    const existing = await repositories.users.findByUsername(username);
    if (!existing) throw new InvalidError(`没有用户“${username}” / no user "${username}"`);
    const updated = await repositories.users.setPassword(existing.id, passwordHash, options.mustChange ?? options.password === undefined);
    // A token is as good as the password: left alive, it would outlast a reset meant to lock someone out.
    const revokedTokens = await repositories.apiTokens.revokeAllForUser(existing.id, options.now ?? new Date());
    await repositories.auditEvents.record({
      actorId: options.actorId ?? null,
      action: 'set_password',
      entityType: 'user',
      entityId: existing.id,
      before: { version: existing.version },
      after: { version: updated.version, must_change_password: updated.must_change_password, revoked_api_tokens: revokedTokens },
    });
    return updated;
  });
  return { user, password, isGenerated: options.password === undefined };
}

/**
 * Changes a user's role, unit and display name (audited). A unit editor needs a unit; an admin cannot take the admin
 * role from themselves (the last way in could go with it). Moving a unit editor to another unit takes effect at their
 * next request: what they may see and write is read from their user each time.
 * Example: updateUser(database, 9, { role: 'unit_editor', unitId: 4, displayName: null }, 1) → the user, unit 4.
 */
export async function updateUser(
  database: DatabaseHandle,
  id: number,
  change: { role: UserRole; unitId: number | null; displayName: string | null },
  actorId: number,
): Promise<UserRow> {
  if (change.role === 'unit_editor' && change.unitId === null) throw new InvalidError('单位填报员需要指定单位 / a unit editor needs a unit');
  if (id === actorId && change.role !== 'admin') throw new InvalidError('不能取消自己的管理员角色 / you cannot take the admin role from yourself');
  return database.transaction(async (repositories) => {
    const before = await repositories.users.get(id);
    if (change.unitId !== null) await repositories.regions.getUnit(change.unitId);
    const displayName = change.displayName?.trim() || null;
    const after = await repositories.users.update(id, { role: change.role, unitId: change.unitId, displayName });
    await repositories.auditEvents.record({ actorId, action: 'update', entityType: 'user', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/**
 * Disables a user (离岗、调岗) or enables them again, audited. Disabling ends their sessions and revokes their API
 * tokens — re-enabling does not bring those back: they sign in afresh — and a disabled user cannot sign in. An admin
 * cannot disable themselves. Example: setUserDisabled(database, 9, true, 1, now) → { disabled_at: now, … }.
 */
export async function setUserDisabled(database: DatabaseHandle, id: number, isDisabled: boolean, actorId: number, now: Date): Promise<UserRow> {
  if (id === actorId && isDisabled) throw new InvalidError('不能停用自己的账号 / you cannot disable your own account');
  return database.transaction(async (repositories) => {
    const before = await repositories.users.get(id);
    if ((before.disabled_at !== null) === isDisabled) return before;
    const after = await repositories.users.setDisabled(id, isDisabled ? now : null);
    const revokedTokens = isDisabled ? await repositories.apiTokens.revokeAllForUser(id, now) : 0;
    await repositories.auditEvents.record({
      actorId,
      action: isDisabled ? 'disable' : 'enable',
      entityType: 'user',
      entityId: id,
      before: { version: before.version, disabled_at: before.disabled_at },
      after: { version: after.version, disabled_at: after.disabled_at, ...(isDisabled ? { revoked_api_tokens: revokedTokens } : {}) },
    });
    return after;
  });
}
