/**
 * Reads and analyzes many files on N worker threads for `duixian check --jobs N`, and gives the results back in the
 * order of the files, whichever finished first. Example: await analyzeInPool(['a.txt', 'b.txt'], 2, {}) →
 * [{ file: 'a.txt', text, extraction }, { file: 'b.txt', unreadable: '文件不存在 / no such file' }].
 */
import { Worker } from 'node:worker_threads';
import type { Extraction } from '@duixian/core';

/** What a worker made of one file. */
export type PoolResult =
  | { readonly file: string; readonly text: string; readonly extraction: Extraction }
  | { readonly file: string; readonly unreadable: string };

interface PoolMessage {
  readonly index: number;
  readonly file: string;
  readonly text?: string;
  readonly extraction?: Extraction;
  readonly unreadable?: string;
}

/**
 * Sends the files to `jobs` workers, one file at a time each, and ends every worker when all are done.
 * @example await analyzeInPool(files, 4, { year: 2024 }) // one result per file, in the files' order
 */
export async function analyzeInPool(
  files: readonly string[],
  jobs: number,
  options: { readonly year?: number; readonly maxBytes?: number },
): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const count = Math.max(1, Math.min(jobs, files.length));
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      if (files.length === 0) return resolve();
      for (let k = 0; k < count; k++) {
        const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
          workerData: { entry: new URL('./check.worker.ts', import.meta.url).href, ...options },
        });
        workers.push(worker);
        const feed = (): void => {
          if (next < files.length) {
            const index = next++;
            worker.postMessage({ index, file: files[index] });
          }
        };
        worker.on('message', (message: PoolMessage) => {
          results[message.index] =
            message.unreadable !== undefined
              ? { file: message.file, unreadable: message.unreadable }
              : { file: message.file, text: message.text ?? '', extraction: message.extraction as Extraction };
          done += 1;
          if (done === files.length) resolve();
          else feed();
        });
        worker.on('error', reject);
        feed();
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
