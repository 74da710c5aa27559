import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE_NAME, openDatabase, readDataFolderLock } from '@duixian/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { runRestore } from './commands/restore.command.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ADMIN_PASSWORD = 'lock-test-admin-password';
const USER_PASSWORD = 'lock-user-password-1';

/** The environment of a command: no PostgreSQL, no other data folder, Chinese messages. */
function commandEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of ['DATABASE_URL', 'DUIXIAN_DATA', 'DUIXIAN_LANG', 'PORT', 'HOST']) delete environment[name];
  return environment;
}

/** node itself with tsx's loader, not the tsx wrapper: a SIGKILL must reach the process that holds the folder. */
function spawnCommand(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: commandEnvironment() });
}

/** Runs `duixian ARGS…` to its end. */
async function duixian(args: readonly string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCommand(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin!.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}

interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed so far (the admin's one-time password, a stale lock taken over). */
  readonly output: () => string;
}

/** Starts `duixian serve --port 0 --data DIR` and waits for its address. */
async function serve(dataDir: string): Promise<Serving> {
  const child = spawnCommand(['serve', '--port', '0', '--data', dataDir]);
  child.stdin!.end();
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /duixian 已启动：(\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.kill(signal);
  return exit;
}

async function post(url: string, body: unknown, session?: { cookie: string; csrf: string }): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
    body: JSON.stringify(body),
  });
}

async function signIn(base: string, username: string, password: string): Promise<{ status: number; cookie: string; csrf: string; mustChange: boolean }> {
  const response = await post(`${base}/api/auth/sign-in`, { username, password });
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const body = (await response.json()) as { csrf_token?: string; must_change_password?: boolean };
  return { status: response.status, cookie, csrf: body.csrf_token ?? '', mustChange: body.must_change_password === true };
}

describe('one process per data folder, with real processes', () => {
  const running: ChildProcess[] = [];
  const folders: string[] = [];
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) await stopped(child, 'SIGKILL');
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('sends user add, user passwd and backup through the live server, refuses a second serve and a restore, and keeps every accepted write across a kill -9', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'duixian-lock-e2e-'));
    folders.push(folder);
    const dataDir = join(folder, 'data');
    const first = await serve(dataDir);
    running.push(first.child);

    const lock = await readDataFolderLock(dataDir);
    expect(lock).toMatchObject({ pid: first.child.pid, url: first.url });
    expect(lock?.localKey).toMatch(/^[\w-]{43}$/);
    expect((await stat(join(dataDir, LOCK_FILE_NAME))).mode & 0o777).toBe(0o600);

    // user add: through the server, which sees the user at once.
    const added = await duixian(['user', 'add', 'lockuser', '--role', 'supervisor', '--password-stdin', '--data', dataDir], `${USER_PASSWORD}\n`);
    expect(added).toMatchObject({ code: 0, stdout: '已添加用户 lockuser（supervisor）\n' });
    expect(added.stderr).toContain(`通过正在运行的服务 ${first.url} 执行`);
    expect((await signIn(first.url, 'lockuser', USER_PASSWORD)).status).toBe(200);
    const refusedUnit = await duixian(['user', 'add', 'someone', '--role', 'unit_editor', '--data', dataDir]);
    expect(refusedUnit.code).toBe(1);
    expect(refusedUnit.stderr).toContain('单位填报员需要指定单位');

    // user passwd: a generated one-time password, through the server.
    const reset = await duixian(['user', 'passwd', 'lockuser', '--data', dataDir]);
    expect(reset.code).toBe(0);
    const oneTime = /一次性密码（只显示这一次，首次登录后须修改）：(\S+)/.exec(reset.stdout)?.[1];
    expect(oneTime).toBeDefined();
    expect(await signIn(first.url, 'lockuser', oneTime as string)).toMatchObject({ status: 200, mustChange: true });
    expect((await signIn(first.url, 'lockuser', USER_PASSWORD)).status).toBe(401);

    // A second server on the folder is refused, naming the first; so is a restore into it.
    const second = await duixian(['serve', '--port', '0', '--data', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`数据目录 ${dataDir} 正由 duixian 服务使用（进程 ${first.child.pid}，${first.url}，自 ${lock?.startedAt} 起）`);
    expect(second.stderr).toContain('同一数据目录不能再启动一个服务');

    // backup: the server's snapshot, which restores into another folder with the user added through the server.
    const backupFile = join(folder, 'live.duixian.gz');
    const backedUp = await duixian(['backup', backupFile, '--data', dataDir]);
    expect(backedUp.stderr).toContain(`通过正在运行的服务 ${first.url} 执行`);
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/^已备份 \d+ 张表、\d+ 行到 /);
    const refusedRestore = await duixian(['restore', backupFile, '--data', dataDir, '--force']);
    expect(refusedRestore.code).toBe(1);
    expect(refusedRestore.stderr).toContain('不能恢复到正在使用的目录');
    const restoredDir = join(folder, 'restored');
    const restored = await runRestore(backupFile, { dataDir: restoredDir, language: 'zh' }, {});
    expect(restored).toMatchObject({ exitCode: 0, stderr: '' });
    const copy = await openDatabase({ dataDir: restoredDir });
    try {
      expect((await copy.repositories.users.findByUsername('lockuser'))?.role).toBe('supervisor');
    } finally {
      await copy.close();
    }

    // Writes the API accepts, then kill -9.
    const printed = /one-time password \(shown once\): (\S+)/.exec(first.output())?.[1] as string;
    const pending = await signIn(first.url, 'admin', printed);
    expect((await post(`${first.url}/api/auth/password`, { current_password: printed, new_password: ADMIN_PASSWORD }, pending)).status).toBe(204);
    const admin = await signIn(first.url, 'admin', ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
    const list = (await (await fetch(`${first.url}/api/commitments?region=630105&year=2024&page_size=5`, { headers: { cookie: admin.cookie } })).json()) as { items: { id: number }[] };
    expect(list.items.length).toBe(5);
    const accepted: { id: number; note: string }[] = [];
    for (const [index, item] of list.items.entries()) {
      const note = `锁测试进展 ${index + 1}`;
      const response = await post(`${first.url}/api/commitments/${item.id}/progress`, { reported_on: '2024-06-30', percent: String(10 * (index + 1)), note }, admin);
      expect(response.status).toBe(201);
      accepted.push({ id: item.id, note });
    }
    expect((await post(`${first.url}/api/units`, { region_code: '630105', name: '锁测试单位' }, admin)).status).toBe(201);
    // As in the report that prompted the lock: another process runs on the folder after the writes, then the server dies.
    const late = await duixian(['backup', join(folder, 'late.duixian.gz'), '--data', dataDir]);
    expect(late.code).toBe(0);
    expect((await duixian(['serve', '--port', '0', '--data', dataDir])).code).toBe(1);
    expect(await stopped(first.child, 'SIGKILL')).toBeNull();
    expect((await readDataFolderLock(dataDir))?.pid).toBe(first.child.pid);

    // The restarted server takes over the stale lock, says so, and has every accepted write.
    const again = await serve(dataDir);
    running.push(again.child);
    expect(again.output()).toContain(`已接管失效的数据目录锁：进程 ${first.child.pid} 已不在`);
    expect((await readDataFolderLock(dataDir))?.pid).toBe(again.child.pid);
    for (const { id, note } of accepted) {
      const progress = (await (await fetch(`${again.url}/api/commitments/${id}/progress`, { headers: { cookie: admin.cookie } })).json()) as { items: { note: string | null }[] };
      expect(progress.items.map((update) => update.note)).toContain(note);
    }
    const units = (await (await fetch(`${again.url}/api/units?region=630105`)).json()) as { items: { name: string }[] };
    expect(units.items.map((unit) => unit.name)).toContain('锁测试单位');
    expect((await signIn(again.url, 'lockuser', oneTime as string)).status).toBe(200);
    expect((await signIn(again.url, 'admin', ADMIN_PASSWORD)).status).toBe(200);

    // A clean stop releases the lock; the folder is then free for a command of its own.
    expect(await stopped(again.child, 'SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const direct = await duixian(['user', 'add', 'afterstop', '--role', 'supervisor', '--data', dataDir]);
    expect(direct).toMatchObject({ code: 0, stderr: '' });
    expect(direct.stdout).toContain('已添加用户 afterstop（supervisor）');
  }, 900_000);
});
