/**
 * One writer per embedded data folder: the process that opens a PGlite folder holds `duixian.lock` in it — created
 * atomically (O_EXCL), mode 0600, naming the holder (pid, host, start time; a server adds its URL, port and a local
 * admin key) — and removes it on a clean close. A lock whose process is gone is taken over, and the caller is told.
 * Example: `const lock = await acquireDataFolderLock('.duixian-data')` → throws DataFolderLockedError while
 * `duixian serve` (pid 4242, http://127.0.0.1:8080) holds it; `await lock.release()` when done.
 *
 * Why here, in storage, beside openDatabase, and not in the CLI or the server's start: openDatabase is the one door to
 * a folder — serve, backup, restore, user, scripts and test helpers all come through it — so a lock taken there
 * cannot be forgotten by a new command. The CLI and the server only read the holder from the error to say who it is
 * or to hand the work to that server.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'duixian.lock';

/** What the lock file says about the process holding the folder. */
export interface DataFolderLockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly startedAt: string;
  /** Identifies this taking of the lock, so a release never removes a lock someone else has taken since. */
  readonly token: string;
  /** A serving process: where it answers. */
  readonly url?: string;
  readonly port?: number;
  /** A serving process: the key a command on this machine presents to act as admin (the file is 0600). */
  readonly localKey?: string;
}

/** The folder is held by a live process (or one on another host, which cannot be checked from here). */
export class DataFolderLockedError extends Error {
  readonly folder: string;
  readonly holder: DataFolderLockHolder;

  constructor(folder: string, holder: DataFolderLockHolder) {
    const where = holder.url ? `, ${holder.url}` : '';
    super(
      `数据目录 ${folder} 正被进程 ${holder.pid}（${holder.host}${where}，自 ${holder.startedAt} 起）使用 / ` +
        `data folder ${folder} is in use by process ${holder.pid} (${holder.host}${where}, since ${holder.startedAt})`,
    );
    this.name = 'DataFolderLockedError';
    this.folder = folder;
    this.holder = holder;
  }
}

/** A lock this process holds. */
export interface DataFolderLock {
  readonly folder: string;
  readonly holder: DataFolderLockHolder;
  /** The holder of a stale lock this one replaced (its process was gone), for the caller to report. */
  readonly takenOverFrom?: DataFolderLockHolder;
  /** Adds a server's address and local key to the lock file (replaced whole, atomically, still 0600). */
  publish(details: { url: string; port: number; localKey: string }): Promise<void>;
  /** Removes the lock file if it is still this lock's. */
  release(): Promise<void>;
}

/**
 * Folders this process holds. A lock file naming this very pid is ours only when listed here; otherwise it was left
 * by an earlier process that had the same pid (a container restarted after a crash gets pid 1 again).
 */
const heldHere = new Set<string>();

function lockPath(folder: string): string {
  return join(folder, LOCK_FILE_NAME);
}

/** The holder named by the folder's lock file, or undefined when there is none (or it cannot be read as one). */
export async function readDataFolderLock(folder: string): Promise<DataFolderLockHolder | undefined> {
  return readHolder(lockPath(resolve(folder)));
}

async function readHolder(path: string): Promise<DataFolderLockHolder | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<DataFolderLockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.startedAt !== 'string' || typeof value.token !== 'string') return undefined;
    return value as DataFolderLockHolder;
  } catch {
    // A half-written lock file (the holder died while writing it) is no lock: it is treated as stale.
    return undefined;
  }
}

/** Whether a process with this pid exists on this machine (EPERM: it does, owned by another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process that no longer runs; a lock from another host counts as live, since it cannot be checked. */
function isStale(holder: DataFolderLockHolder | undefined, folder: string): boolean {
  if (!holder) return true;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(folder);
  return !isProcessAlive(holder.pid);
}

/**
 * Creates the lock file only if there is none, already whole: the content goes to a file of our own (O_EXCL, 0600)
 * that is then hard-linked to the lock's name — link(2), like O_EXCL, gives two racing processes one winner, and no
 * reader ever sees a lock file before its content is written (an empty one would look stale).
 */
async function createExclusive(path: string, holder: DataFolderLockHolder): Promise<boolean> {
  const own = `${path}.${holder.token}.new`;
  await writeFile(own, `${JSON.stringify(holder)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

/**
 * Replaces a stale lock. Two processes may both find it stale; the takeover file (itself O_EXCL) lets one of them
 * re-check and replace it at a time, so the second finds the first's fresh, live lock and is refused.
 */
async function takeOver(folder: string, holder: DataFolderLockHolder): Promise<{ taken: boolean; previous?: DataFolderLockHolder }> {
  const guard = join(folder, `${LOCK_FILE_NAME}.takeover`);
  if (!(await createExclusive(guard, holder))) {
    const guardHolder = await readHolder(guard);
    // A takeover whose process died before finishing: remove its guard and let the caller try again.
    if (isStale(guardHolder, folder)) await unlink(guard).catch(() => undefined);
    return { taken: false };
  }
  try {
    const previous = await readDataFolderLock(folder);
    if (!isStale(previous, folder)) return { taken: false };
    await unlink(lockPath(folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const taken = await createExclusive(lockPath(folder), holder);
    return previous ? { taken, previous } : { taken };
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/**
 * Takes the folder's lock (creating the folder when missing), taking over a stale one; throws DataFolderLockedError
 * when a live process holds it.
 */
export async function acquireDataFolderLock(dataDir: string): Promise<DataFolderLock> {
  const folder = resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const path = lockPath(folder);
  let holder: DataFolderLockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(12).toString('hex') };
  let takenOverFrom: DataFolderLockHolder | undefined;
  // A few rounds: each either takes the lock, is refused by a live holder, or found a lock that vanished meanwhile.
  for (let round = 0; ; round += 1) {
    if (await createExclusive(path, holder)) break;
    const current = await readDataFolderLock(folder);
    if (!isStale(current, folder) && current) throw new DataFolderLockedError(folder, current);
    const outcome = await takeOver(folder, holder);
    if (outcome.taken) {
      takenOverFrom = outcome.previous;
      break;
    }
    if (round >= 5) {
      const now = await readDataFolderLock(folder);
      if (now) throw new DataFolderLockedError(folder, now);
      throw new Error(`could not take the lock of data folder ${folder}`);
    }
  }
  heldHere.add(folder);
  let released = false;
  return {
    folder,
    get holder() {
      return holder;
    },
    ...(takenOverFrom ? { takenOverFrom } : {}),
    publish: async (details) => {
      if (released) throw new Error(`the lock of ${folder} was released`);
      holder = { ...holder, ...details };
      // Written beside it and renamed over it: the lock file never disappears or reads half-written meanwhile.
      const temporary = `${path}.${holder.token}`;
      await writeFile(temporary, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    },
    release: async () => {
      if (released) return;
      released = true;
      heldHere.delete(folder);
      const current = await readDataFolderLock(folder).catch(() => undefined);
      if (current?.token === holder.token) await unlink(path).catch(() => undefined);
    },
  };
}
