/**
 * `duixian user add NAME --role ROLE [--unit UNIT]` and `duixian user passwd NAME`: account administration without
 * the web. The password is read from standard input with --password-stdin, otherwise generated and printed once
 * (and must be changed at first sign-in). Example: `duixian user add jyj --role unit_editor --unit 区教育局`.
 */
import { addUser, resetUserPassword } from '@duixian/server';
import { openDatabase, type UserRole } from '@duixian/storage';
import type { Language } from '../messages.ts';
import type { CommandOutcome } from './backup.command.ts';
import { databaseLocation } from './database-location.ts';

export const USER_ROLES: readonly UserRole[] = ['admin', 'supervisor', 'unit_editor'];

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

async function withDatabase<T>(dataDir: string | undefined, environment: NodeJS.ProcessEnv, work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const location = databaseLocation(dataDir ? { dataDir } : {}, environment);
  const database = await openDatabase(location.databaseUrl ? { databaseUrl: location.databaseUrl } : { dataDir: location.dataDir as string });
  try {
    return await work(database);
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
    const result = await withDatabase(options.dataDir, environment, (database) =>
      addUser(database, {
        username: name,
        role: options.role,
        ...(options.unit !== undefined ? { unit: options.unit } : {}),
        ...(options.displayName ? { displayName: options.displayName } : {}),
        ...(password !== undefined ? { password } : {}),
      }),
    );
    const lines = [text.added(result.user.username, result.user.role)];
    if (result.isGenerated) lines.push(text.generated(result.password));
    return { exitCode: 0, stdout: lines.join('\n'), stderr: '' };
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}

export async function runUserPasswd(name: string, options: UserCommandOptions, environment: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  const text = TEXT[options.language];
  try {
    const password = await passwordOf(options, text);
    const result = await withDatabase(options.dataDir, environment, (database) =>
      resetUserPassword(database, name, password !== undefined ? { password } : {}),
    );
    const lines = [text.passwordSet(result.user.username)];
    if (result.isGenerated) lines.push(text.generated(result.password));
    return { exitCode: 0, stdout: lines.join('\n'), stderr: '' };
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}
