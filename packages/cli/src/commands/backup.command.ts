/**
 * `duixian backup FILE [--data DIR]` (or DATABASE_URL): writes the whole database — every table, the original
 * documents and evidence files — into one gzip'd JSON-lines file from one consistent snapshot.
 * Example: `duixian backup 2024-06-30.duixian.gz` → 已备份 19 张表、1234 行到 2024-06-30.duixian.gz（56 KB）.
 * The embedded database is one process's at a time: stop `duixian serve` before backing up a PGlite folder.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, writeBackup } from '@duixian/storage';
import type { Language } from '../messages.ts';
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
  try {
    const database = await openDatabase(location.databaseUrl ? { databaseUrl: location.databaseUrl } : { dataDir: location.dataDir as string });
    try {
      const target = resolve(file);
      const summary = await writeBackup(database, target);
      return { exitCode: 0, stdout: text.done(summary.tables, summary.rows, target, Math.ceil(summary.bytes / 1024)), stderr: '' };
    } finally {
      await database.close();
    }
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}
