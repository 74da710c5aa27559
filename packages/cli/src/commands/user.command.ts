/**
 * `duixian user add NAME --role ROLE [--unit UNIT]` and `duixian user passwd NAME`: account administration without
 * the web. The password is read from standard input with --password-stdin, otherwise generated and printed once
 * (and must be changed at first sign-in). Example: `duixian user add jyj --role unit_editor --unit 区教育局`.
 * On a PGlite folder a live `duixian serve` holds, the same change goes through that server (POST /api/local/users…,
 * with the local key from the folder's lock file), so the server sees the user at once and nothing is lost.
 */
import { addUser, resetUserPassword } from '@duixian/server';
import type { DatabaseHandle, UserRole } from '@duixian/storage';
import type { Language } from '../messages.ts';
import type { CommandOutcome } from './backup.command.ts';
import { callLiveServer, describeHolder, liveServerOf, openOrFindHolder, staleLockNote, throughServerNote, tryLaterNote, type LiveServer } from './data-folder-holder.ts';
import { databaseLocation } from './database-location.ts';

const TEXT = {
  zh: {
    added: (name: string, role: string) => `已添加用户 ${name}（${role}）`,
    passwordSet: (name: string) => `已为 ${name} 设置新密码，原有登录已失效`,
    generated: (password: string) => `一次性密码（只显示这一次，首次登录后须修改）：${password}`,
    failed: (reason: string) => `操作失败：${reason}`,
    emptyPassword: '标准输入中没有密码',
  },
  en: {
    added: (name: string, role: string) => `user ${name} added (${role})`,
    passwordSet: (name: string) => `new password set for ${name}; existing sessions ended`,
    generated: (password: string) => `one-time password (shown once, to be changed at first sign-in): ${password}`,
    failed: (reason: string) => `failed: ${reason}`,
    emptyPassword: 'no password on standard input',
  },
};

/** The first line of a stream (the password piped in), without its line end. */
export async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** What one account change returned, whichever way it went. */
interface AccountChange {
  readonly username: string;
  readonly role: string;
  /** Generated (one-time) password, to print once. */
  readonly oneTimePassword?: string;
  /** A line for standard error: the server it went through, or the stale lock taken over. */
  readonly note: string;
}

/**
 * Runs `direct` on the database, or — when a live server holds the PGlite folder — `viaServer` through it; a folder
 * held by a process that is not serving (another command) is refused, naming it.
 */
async function changeAccount(
  options: UserCommandOptions,
  environment: NodeJS.ProcessEnv,
  direct: (database: DatabaseHandle) => Promise<{ user: { username: string; role: string }; password: string; isGenerated: boolean }>,
  viaServer: (server: LiveServer) => Promise<{ username: string; role: string; one_time_password?: string }>,
): Promise<AccountChange> {
  const location = databaseLocation(options.dataDir ? { dataDir: options.dataDir } : {}, environment);
  const opened = await openOrFindHolder(location);
  if ('held' in opened) {
    const server = liveServerOf(opened.held);
    if (!server) throw new Error(describeHolder(opened.held, options.language) + tryLaterNote(options.language));
    const answer = await viaServer(server);
    return { username: answer.username, role: answer.role, ...(answer.one_time_password ? { oneTimePassword: answer.one_time_password } : {}), note: throughServerNote(server, options.language) };
  }
  const { database } = opened;
  try {
    const result = await direct(database);
    return {
      username: result.user.username,
      role: result.user.role,
      ...(result.isGenerated ? { oneTimePassword: result.password } : {}),
      note: staleLockNote(database.lock?.takenOverFrom, options.language).trimEnd(),
    };
  } finally {
    await database.close();
  }
}

export interface UserCommandOptions {
  readonly dataDir?: string;
  readonly language: Language;
  /** Read the password from this stream (--password-stdin). */
  readonly passwordFrom?: NodeJS.ReadableStream;
}

async function passwordOf(options: UserCommandOptions, text: (typeof TEXT)['zh']): Promise<string | undefined> {
  if (!options.passwordFrom) return undefined;
  const password = await readFirstLine(options.passwordFrom);
  if (password === '') throw new Error(text.emptyPassword);
  return password;
}

export async function runUserAdd(
  name: string,
  options: UserCommandOptions & { role: UserRole; unit?: string; displayName?: string },
  environment: NodeJS.ProcessEnv,
): Promise<CommandOutcome> {
  const text = TEXT[options.language];
  try {
    const password = await passwordOf(options, text);
    const change = await changeAccount(
      options,
      environment,
      (database) =>
        addUser(database, {
          username: name,
          role: options.role,
          ...(options.unit !== undefined ? { unit: options.unit } : {}),
          ...(options.displayName ? { displayName: options.displayName } : {}),
          ...(password !== undefined ? { password } : {}),
        }),
      async (server) => {
        const body = { username: name, role: options.role, unit: options.unit, display_name: options.displayName, password };
        return (await (await callLiveServer(server, '/api/local/users', { method: 'POST', body }, options.language)).json()) as { username: string; role: string; one_time_password?: string };
      },
    );
    const lines = [text.added(change.username, change.role)];
    if (change.oneTimePassword) lines.push(text.generated(change.oneTimePassword));
    return { exitCode: 0, stdout: lines.join('\n'), stderr: change.note };
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}

export async function runUserPasswd(name: string, options: UserCommandOptions, environment: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  const text = TEXT[options.language];
  try {
    const password = await passwordOf(options, text);
    const change = await changeAccount(
      options,
      environment,
      (database) => resetUserPassword(database, name, password !== undefined ? { password } : {}),
      async (server) => {
        const body = { username: name, password };
        return (await (await callLiveServer(server, '/api/local/users/password', { method: 'POST', body }, options.language)).json()) as { username: string; role: string; one_time_password?: string };
      },
    );
    const lines = [text.passwordSet(change.username)];
    if (change.oneTimePassword) lines.push(text.generated(change.oneTimePassword));
    return { exitCode: 0, stdout: lines.join('\n'), stderr: change.note };
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}
