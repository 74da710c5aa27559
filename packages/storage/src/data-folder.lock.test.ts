import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderLockedError, LOCK_FILE_NAME, readDataFolderLock, type DataFolderLockHolder } from './data-folder.lock.ts';
import { openDatabase } from './database.ts';

/** The pid of a process that has run and exited: nothing lives under it now (pids are not reused this fast). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function lockOf(pid: number, host = hostname()): DataFolderLockHolder {
  return { pid, host, startedAt: '2026-01-05T08:00:00.000Z', token: 'earlier', url: 'http://127.0.0.1:8080', port: 8080 };
}

describe('data folder lock', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'duixian-lock-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the holder into a 0600 lock file and removes it on release', async () => {
    const lock = await acquireDataFolderLock(folder);
    const written = await readDataFolderLock(folder);
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Number.isNaN(Date.parse(written!.startedAt))).toBe(false);
    expect((await stat(join(folder, LOCK_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect(lock.takenOverFrom).toBeUndefined();
    await lock.release();
    expect(await readDataFolderLock(folder)).toBeUndefined();
    const again = await acquireDataFolderLock(folder);
    await again.release();
  });

  it('refuses a second taker while the holder lives, naming it', async () => {
    const first = await acquireDataFolderLock(folder);
    try {
      const refused = await acquireDataFolderLock(folder).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataFolderLockedError);
      expect((refused as DataFolderLockedError).holder.pid).toBe(process.pid);
    } finally {
      await first.release();
    }
  });

  it('refuses a lock held by another live process (the test runner that started this one)', async () => {
    await writeFile(join(folder, LOCK_FILE_NAME), JSON.stringify(lockOf(process.ppid)));
    const refused = await acquireDataFolderLock(folder).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as DataFolderLockedError).holder).toMatchObject({ pid: process.ppid, url: 'http://127.0.0.1:8080' });
    expect((refused as Error).message).toContain(`进程 ${process.ppid}`);
    expect((await readDataFolderLock(folder))?.pid).toBe(process.ppid);
  });

  it('refuses a lock from another host, whose process cannot be checked from here', async () => {
    await writeFile(join(folder, LOCK_FILE_NAME), JSON.stringify(lockOf(deadPid(), 'another-machine')));
    await expect(acquireDataFolderLock(folder)).rejects.toBeInstanceOf(DataFolderLockedError);
  });

  it('takes over a lock whose process is gone, and says whose it was', async () => {
    const pid = deadPid();
    await writeFile(join(folder, LOCK_FILE_NAME), JSON.stringify(lockOf(pid)));
    const lock = await acquireDataFolderLock(folder);
    try {
      expect(lock.takenOverFrom).toMatchObject({ pid, startedAt: '2026-01-05T08:00:00.000Z' });
      expect((await readDataFolderLock(folder))?.pid).toBe(process.pid);
    } finally {
      await lock.release();
    }
  });

  it('takes over a lock naming its own pid that this process does not hold (a restarted container is pid 1 again)', async () => {
    await writeFile(join(folder, LOCK_FILE_NAME), JSON.stringify(lockOf(process.pid)));
    const lock = await acquireDataFolderLock(folder);
    expect(lock.takenOverFrom?.token).toBe('earlier');
    await lock.release();
  });

  it('publishes a server address and key, still 0600, and a release leaves alone a lock that is no longer its own', async () => {
    const lock = await acquireDataFolderLock(folder);
    await lock.publish({ url: 'http://127.0.0.1:40123', port: 40123, localKey: 'k'.repeat(43) });
    expect(await readDataFolderLock(folder)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:40123', port: 40123, localKey: 'k'.repeat(43) });
    expect((await stat(join(folder, LOCK_FILE_NAME))).mode & 0o777).toBe(0o600);
    await writeFile(join(folder, LOCK_FILE_NAME), JSON.stringify(lockOf(process.ppid)));
    await lock.release();
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.ppid });
  });

  it('is taken by openDatabase on a folder before PGlite starts, refused to a second opener, and released on close', { timeout: 120_000 }, async () => {
    const first = await openDatabase({ dataDir: folder });
    try {
      expect(first.lock?.holder.pid).toBe(process.pid);
      await expect(openDatabase({ dataDir: folder })).rejects.toBeInstanceOf(DataFolderLockedError);
      await first.repositories.regions.ensure({ code: '630105', name: '城北区' });
    } finally {
      await first.close();
    }
    expect(await readDataFolderLock(folder)).toBeUndefined();
    const memory = await openDatabase();
    expect(memory.lock).toBeUndefined();
    await memory.close();
  });
});
