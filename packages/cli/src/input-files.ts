/**
 * Expands the paths given to `duixian check`: a directory stands for the report files directly inside it, sorted by
 * name; any other path is kept as given (a missing file is reported when it is read).
 * Example: await expandInputs(['reports/', 'extra.pdf']) → ['reports/上海.txt', 'reports/北京.docx', 'extra.pdf'].
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file endings ingest reads. */
const REPORT_FILE = /\.(?:txt|md|markdown|html?|pdf|docx)$/i;

/**
 * @example await expandInputs(['reports/']) // ['reports/a.txt', 'reports/b.pdf']
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && REPORT_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}
