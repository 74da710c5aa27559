/**
 * What a command does when another process holds the embedded data folder (see storage's data-folder.lock.ts): it
 * names that process — pid, address, since when — and, when it is a live server that published its address and local
 * admin key, sends its work there instead. Also reports a stale lock a command took over.
 * Example: `heldBy(error)` on `duixian serve`'s lock → { folder, holder: { pid: 4242, url: 'http://127.0.0.1:8080', … } }.
 */
import { DataFolderLockedError, openDatabase, type DatabaseHandle, type DataFolderLockHolder } from '@duixian/storage';
import type { Language } from '../messages.ts';
import type { DatabaseLocation } from './database-location.ts';

export interface HeldFolder {
  readonly folder: string;
  readonly holder: DataFolderLockHolder;
}

/** A live server that can do the work: its address and the key it wrote for commands on this machine. */
export interface LiveServer {
  readonly url: string;
  readonly localKey: string;
}

const LOCAL_KEY_HEADER = 'x-duixian-local-key';

const TEXT = {
  zh: {
    heldByServer: (folder: string, h: DataFolderLockHolder) => `数据目录 ${folder} 正由 duixian 服务使用（进程 ${h.pid}，${h.url}，自 ${h.startedAt} 起）`,
    heldByProcess: (folder: string, h: DataFolderLockHolder) => `数据目录 ${folder} 正被另一个进程使用（进程 ${h.pid}，主机 ${h.host}，自 ${h.startedAt} 起）`,
    through: (url: string) => `通过正在运行的服务 ${url} 执行`,
    tookOver: (h: DataFolderLockHolder) => `已接管失效的数据目录锁：进程 ${h.pid} 已不在（自 ${h.startedAt} 起持有）`,
    unreachable: (url: string, reason: string) => `无法连接正在运行的服务 ${url}：${reason}`,
    tryLater: '：请稍后再试（它可能是正在启动的服务，或另一个命令）',
  },
  en: {
    heldByServer: (folder: string, h: DataFolderLockHolder) => `data folder ${folder} is in use by a duixian server (process ${h.pid}, ${h.url}, since ${h.startedAt})`,
    heldByProcess: (folder: string, h: DataFolderLockHolder) => `data folder ${folder} is in use by another process (process ${h.pid}, host ${h.host}, since ${h.startedAt})`,
    through: (url: string) => `done through the running server ${url}`,
    tookOver: (h: DataFolderLockHolder) => `took over the stale lock of process ${h.pid} (held since ${h.startedAt}), which is gone`,
    unreachable: (url: string, reason: string) => `cannot reach the running server ${url}: ${reason}`,
    tryLater: ': try again shortly (it may be a server still starting, or another command)',
  },
};

/**
 * Opens the command's database, or — when another process holds its folder — says which, so the command can refuse
 * or send its work to that server. Any other failure to open is thrown.
 */
export async function openOrFindHolder(location: DatabaseLocation): Promise<{ database: DatabaseHandle } | { held: HeldFolder }> {
  try {
    return { database: await openDatabase(location.databaseUrl ? { databaseUrl: location.databaseUrl } : { dataDir: location.dataDir as string }) };
  } catch (error) {
    const held = heldBy(error);
    if (held) return { held };
    throw error;
  }
}

/** The folder and its holder when `error` is a refused lock, else undefined. */
export function heldBy(error: unknown): HeldFolder | undefined {
  return error instanceof DataFolderLockedError ? { folder: error.folder, holder: error.holder } : undefined;
}

/** The server to send the work to: only a holder on this machine that published an address and a key. */
export function liveServerOf(held: HeldFolder): LiveServer | undefined {
  const { url, localKey } = held.holder;
  return url && localKey ? { url, localKey } : undefined;
}

/** "数据目录 … 正由 duixian 服务使用（进程 4242，http://127.0.0.1:8080，自 … 起）". */
export function describeHolder(held: HeldFolder, language: Language): string {
  const text = TEXT[language];
  return held.holder.url ? text.heldByServer(held.folder, held.holder) : text.heldByProcess(held.folder, held.holder);
}

/** For a holder that is not (yet) serving: nothing to hand the work to. */
export function tryLaterNote(language: Language): string {
  return TEXT[language].tryLater;
}

export function throughServerNote(server: LiveServer, language: Language): string {
  return TEXT[language].through(server.url);
}

export function staleLockNote(stale: DataFolderLockHolder | undefined, language: Language): string {
  return stale ? `${TEXT[language].tookOver(stale)}\n` : '';
}

/**
 * Calls the server with the local key; an answer other than 2xx throws with the server's own message (the same
 * domain messages the direct path gives, e.g. "a unit editor needs a unit").
 */
export async function callLiveServer(server: LiveServer, path: string, init: { method?: string; body?: unknown } = {}, language: Language = 'zh'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(path, server.url), {
      method: init.method ?? 'GET',
      headers: { [LOCAL_KEY_HEADER]: server.localKey, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(TEXT[language].unreachable(server.url, reason));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  }
  return response;
}
