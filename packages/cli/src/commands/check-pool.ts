/**
 * Reads and analyzes the files of `duixian check`: with --jobs 1 one by one in this thread, else on N worker
 * threads; each result is handed over as soon as it is ready, with its index among the files, so the caller can print
 * a JSON line at once or wait and keep the files' order. A file that fails (unreadable, or the analysis threw, or its
 * worker died) is a result like any other and never stops the others.
 * Example: await analyzeFiles(['a.txt', 'b.txt'], 2, {}, (index, result) => …) calls back with
 * (1, { file: 'b.txt', unreadable: '文件不存在 / no such file', code: 'not-found' }) and (0, { file: 'a.txt', text, extraction }).
 */
import { Worker } from 'node:worker_threads';
import { analyze, type Extraction } from '@duixian/core';
import { readInput, UnreadableInputError } from '../read-input.ts';

/** What became of one file. */
export type FileResult =
  | { readonly file: string; readonly text: string; readonly extraction: Extraction }
  | { readonly file: string; readonly unreadable: string; readonly code: string };

export interface AnalyzeOptions {
  readonly year?: number;
  readonly maxBytes?: number;
}

interface PoolMessage {
  readonly index: number;
  readonly file: string;
  readonly text?: string;
  readonly extraction?: Extraction;
  readonly unreadable?: string;
  readonly code?: string;
}

/**
 * Reads and analyzes one file here; what goes wrong with it becomes its result. Used by --jobs 1 and by each worker.
 * @example await analyzeOne('a.txt', {}) // { file: 'a.txt', text: '…', extraction: {…} }
 */
export async function analyzeOne(file: string, options: AnalyzeOptions, onPages?: (done: number, total: number) => void): Promise<FileResult> {
  try {
    const document = await readInput(file, onPages, options.maxBytes);
    const extraction = analyze(document.text, options.year === undefined ? {} : { reportYear: options.year });
    return { file, text: document.text, extraction };
  } catch (error) {
    if (error instanceof UnreadableInputError) return { file, unreadable: error.reason, code: error.code };
    // A bug met on one report must not cost the newsroom the other hundred: the file is reported, the run goes on.
    return { file, unreadable: `分析失败 / analysis failed: ${error instanceof Error ? error.message : String(error)}`, code: 'analysis-failed' };
  }
}

/**
 * Analyzes every file, `jobs` at a time (1: here, one by one), calling `onResult` as each finishes.
 * @example await analyzeFiles(files, 4, { year: 2024 }, (index, result) => results[index] = result)
 */
export async function analyzeFiles(
  files: readonly string[],
  jobs: number,
  options: AnalyzeOptions,
  onResult: (index: number, result: FileResult) => void,
  onPages?: (file: string, done: number, total: number) => void,
): Promise<void> {
  if (jobs <= 1 || files.length <= 1) {
    for (const [index, file] of files.entries()) {
      onResult(index, await analyzeOne(file, options, onPages ? (done, total) => onPages(file, done, total) : undefined));
    }
    return;
  }
  await analyzeOnWorkers(files, Math.min(jobs, files.length), options, onResult);
}

async function analyzeOnWorkers(
  files: readonly string[],
  count: number,
  options: AnalyzeOptions,
  onResult: (index: number, result: FileResult) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const workers = new Set<Worker>();
  try {
    await new Promise<void>((resolve) => {
      const finish = (index: number, result: FileResult): void => {
        onResult(index, result);
        done += 1;
        if (done === files.length) resolve();
      };
      const start = (): void => {
        const worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), {
          workerData: { entry: new URL('./check.worker.ts', import.meta.url).href, ...options },
        });
        workers.add(worker);
        let current: number | undefined;
        const feed = (): void => {
          current = next < files.length ? next++ : undefined;
          if (current !== undefined) worker.postMessage({ index: current, file: files[current] });
        };
        worker.on('message', (message: PoolMessage) => {
          current = undefined;
          finish(
            message.index,
            message.unreadable !== undefined
              ? { file: message.file, unreadable: message.unreadable, code: message.code ?? 'read-failed' }
              : { file: message.file, text: message.text ?? '', extraction: message.extraction as Extraction },
          );
          if (done < files.length) feed();
        });
        // A worker that dies (out of memory on one huge file) costs that file only: a new worker takes the rest.
        worker.on('error', (error) => {
          workers.delete(worker);
          const lost = current;
          current = undefined;
          if (lost !== undefined) finish(lost, { file: files[lost]!, unreadable: `分析失败 / analysis failed: ${error.message}`, code: 'worker-failed' });
          if (next < files.length) start();
        });
        feed();
      };
      for (let k = 0; k < count; k++) start();
    });
  } finally {
    await Promise.all([...workers].map((worker) => worker.terminate()));
  }
}
