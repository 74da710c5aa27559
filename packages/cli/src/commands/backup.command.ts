/**
 * `duixian backup FILE [--data DIR]` (or DATABASE_URL): writes the whole database — every table, the original
 * documents and evidence files — into one gzip'd JSON-lines file from one consistent snapshot.
 * Example: `duixian backup 2024-06-30.duixian.gz` → 已备份 19 张表、1234 行到 2024-06-30.duixian.gz（56 KB）.
 * A PGlite folder a live `duixian serve` holds is backed up through that server (GET /api/backup, with the local key
 * from the folder's lock file): the same file, from one snapshot of the running database.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writeBackup } from '@duixian/storage';
import type { Language } from '../messages.ts';
import { callLiveServer, describeHolder, liveServerOf, openOrFindHolder, staleLockNote, throughServerNote, tryLaterNote, type LiveServer } from './data-folder-holder.ts';
import { databaseLocation } from './database-location.ts';

export interface CommandOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const TEXT = {
  zh: {
    noData: (dir: string) => `没有数据目录 ${dir}：请用 --data 指定，或设置 DATABASE_URL`,
    done: (tables: number, rows: number, file: string, kb: number) => `已备份 ${tables} 张表、${rows} 行到 ${file}（${kb} KB）`,
    failed: (reason: string) => `备份失败：${reason}`,
  },
  en: {
    noData: (dir: string) => `no data folder ${dir}: give one with --data, or set DATABASE_URL`,
    done: (tables: number, rows: number, file: string, kb: number) => `backed up ${tables} tables, ${rows} rows to ${file} (${kb} KB)`,
    failed: (reason: string) => `backup failed: ${reason}`,
  },
};

export async function runBackup(file: string, options: { dataDir?: string; language: Language }, environment: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  const text = TEXT[options.language];
  const location = databaseLocation(options, environment);
  if (location.dataDir && !existsSync(location.dataDir)) return { exitCode: 2, stdout: '', stderr: text.noData(location.dataDir) };
  const target = resolve(file);
  try {
    const opened = await openOrFindHolder(location);
    if ('held' in opened) {
      const { held } = opened;
      const server = liveServerOf(held);
      if (!server) return { exitCode: 1, stdout: '', stderr: text.failed(describeHolder(held, options.language) + tryLaterNote(options.language)) };
      const summary = await downloadBackup(server, target, options.language);
      return { exitCode: 0, stdout: text.done(summary.tables, summary.rows, target, Math.ceil(summary.bytes / 1024)), stderr: throughServerNote(server, options.language) };
    }
    const { database } = opened;
    try {
      const summary = await writeBackup(database, target);
      return { exitCode: 0, stdout: text.done(summary.tables, summary.rows, target, Math.ceil(summary.bytes / 1024)), stderr: staleLockNote(database.lock?.takenOverFrom, options.language).trimEnd() };
    } finally {
      await database.close();
    }
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}

/** Downloads the live server's backup into `target` (through a temporary file, so a broken download leaves no half file). */
async function downloadBackup(server: LiveServer, target: string, language: Language): Promise<{ tables: number; rows: number; bytes: number }> {
  const response = await callLiveServer(server, '/api/backup', {}, language);
  if (!response.body) throw new Error('empty answer');
  const temporary = `${target}.partial-${process.pid}`;
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(temporary));
    const { size } = await stat(temporary);
    const expected = Number(response.headers.get('content-length'));
    if (Number.isFinite(expected) && expected > 0 && size !== expected) throw new Error(`received ${size} of ${expected} bytes`);
    await rename(temporary, target);
    return { tables: Number(response.headers.get('x-duixian-backup-tables')), rows: Number(response.headers.get('x-duixian-backup-rows')), bytes: size };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
