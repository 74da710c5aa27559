/**
 * `duixian restore FILE [--data DIR] [--force]` (or DATABASE_URL): runs the migrations on the target, then loads the
 * backup in one transaction — all of it or nothing. A target that already holds data is refused unless --force,
 * which replaces everything in it. Example: `duixian restore 2024-06-30.duixian.gz --data ./restored`.
 * A folder another process holds (a live `duixian serve`) is refused: a restore replaces what that server is serving.
 */
import { existsSync } from 'node:fs';
import { restoreBackup } from '@duixian/storage';
import type { Language } from '../messages.ts';
import type { CommandOutcome } from './backup.command.ts';
import { describeHolder, openOrFindHolder, staleLockNote } from './data-folder-holder.ts';
import { databaseLocation } from './database-location.ts';

const TEXT = {
  zh: {
    noFile: (file: string) => `找不到备份文件 ${file}`,
    done: (tables: number, rows: number, where: string) => `已恢复 ${tables} 张表、${rows} 行到 ${where}`,
    failed: (reason: string) => `恢复失败，目标数据库未改动：${reason}`,
    inUse: '：不能恢复到正在使用的目录，请先停止它，或用 --data 恢复到另一个目录',
  },
  en: {
    noFile: (file: string) => `no backup file ${file}`,
    done: (tables: number, rows: number, where: string) => `restored ${tables} tables, ${rows} rows into ${where}`,
    failed: (reason: string) => `restore failed, the target database is unchanged: ${reason}`,
    inUse: ': a folder in use cannot be restored into; stop that process first, or restore into another folder with --data',
  },
};

export async function runRestore(
  file: string,
  options: { dataDir?: string; force?: boolean; language: Language },
  environment: NodeJS.ProcessEnv,
): Promise<CommandOutcome> {
  const text = TEXT[options.language];
  if (!existsSync(file)) return { exitCode: 2, stdout: '', stderr: text.noFile(file) };
  const location = databaseLocation(options, environment);
  try {
    const opened = await openOrFindHolder(location);
    if ('held' in opened) return { exitCode: 1, stdout: '', stderr: text.failed(describeHolder(opened.held, options.language) + text.inUse) };
    const { database } = opened;
    try {
      const summary = await restoreBackup(database, file, { force: options.force === true });
      return { exitCode: 0, stdout: text.done(summary.tables, summary.rows, location.label), stderr: staleLockNote(database.lock?.takenOverFrom, options.language).trimEnd() };
    } finally {
      await database.close();
    }
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: text.failed(error instanceof Error ? error.message : String(error)) };
  }
}
