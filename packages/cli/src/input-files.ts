/**
 * Expands the paths given to `duixian check`: a directory stands for the report files anywhere under it (its
 * subfolders too), sorted by path; other files under it are skipped and counted; any other path is kept as given (a
 * missing file is reported when it is read).
 * Example: await expandInputs(['reports/', 'extra.pdf']) →
 * { files: ['reports/上海.txt', 'reports/2024/北京.docx', 'extra.pdf'], skipped: 1 } (reports/logo.png).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file endings ingest reads. */
export const REPORT_FILE = /\.(?:txt|md|markdown|html?|pdf|docx)$/i;

/** The files to check, in order, and how many files inside the directories were not report files. */
export interface ExpandedInputs {
  readonly files: string[];
  readonly skipped: number;
}

/**
 * @example await expandInputs(['reports/']) // { files: ['reports/a.txt', 'reports/sub/b.pdf'], skipped: 0 }
 */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  let skipped = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    // Node 20's readdir({ recursive }) gives every file below; a file's path relative to the folder sorts it.
    const entries = await readdir(path, { withFileTypes: true, recursive: true });
    const found: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = join(entry.parentPath, entry.name);
      if (REPORT_FILE.test(entry.name)) found.push(relative);
      else skipped += 1;
    }
    files.push(...found.sort());
  }
  return { files, skipped };
}
