/**
 * Runs the text work of imports on a worker thread, one at a time, each within a time budget and a memory budget, so
 * the server's event loop keeps answering while a large or hostile document is read and analysed.
 * Example: `await pool.run(work)` → a PreparedImport; a document still running after 60 s →
 * ImportBudgetError('文档处理超过60秒，已停止：段落过长或结构过深').
 *
 * One warm worker and a queue, not a worker per import: loading core and ingest under tsx takes seconds, the machine
 * a 督查室 runs has few cores (one stays for requests), and imports are rare. A worker that overran its budget or
 * crashed is dropped and the next import starts a fresh one, so one bad document never slows the next.
 */
import { Worker } from 'node:worker_threads';
import type { ImportWork, PreparedImport } from './import-work.ts';
import type { ImportWorkerMessage } from './import.worker.ts';

/** How long one import's text work may run and how much heap its worker may use. */
export interface ImportBudget {
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

/**
 * The memory budget is best-effort: Node ends a worker past its heap limit with ERR_WORKER_OUT_OF_MEMORY for most
 * allocations, but one array grown past it can still abort the whole process (nodejs/node#47224). It is set well
 * above what the largest upload (MAX_IMPORT_BYTES) needs, so the time budget is what stops a hostile document.
 */
export const DEFAULT_IMPORT_BUDGET: ImportBudget = { timeoutMs: 60_000, memoryMb: 2048 };

/** An import stopped for going past its budget: the document is too long or too deeply nested. The server answers 422. */
export class ImportBudgetError extends Error {
  override readonly name = 'ImportBudgetError';
  readonly code: 'timeout' | 'memory';

  constructor(code: 'timeout' | 'memory', budget: ImportBudget) {
    super(
      code === 'timeout'
        ? `文档处理超过${Math.round(budget.timeoutMs / 1000)}秒，已停止：段落过长或结构过深 / processing took over ${Math.round(budget.timeoutMs / 1000)} s and was stopped: a paragraph too long or a structure too deep`
        : `文档处理所需内存超过${budget.memoryMb}MB，已停止：文档过大或结构过深 / processing needed over ${budget.memoryMb} MB and was stopped: the document is too large or too deep`,
    );
    this.code = code;
  }
}

/** An ingest error raised on the worker: the same name, code and message, so the server maps it as ingest's own. */
class WorkerIngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: string;
  readonly fileName: string;

  constructor(message: string, code: string, fileName: string) {
    super(message);
    this.code = code;
    this.fileName = fileName;
  }
}

interface Job {
  readonly id: number;
  readonly work: ImportWork;
  resolve(prepared: PreparedImport): void;
  reject(error: unknown): void;
}

export class ImportWorkerPool {
  readonly budget: ImportBudget;
  readonly #queue: Job[] = [];
  #worker: Worker | undefined;
  #ready: Promise<Worker> | undefined;
  #active: { job: Job; timer?: NodeJS.Timeout } | undefined;
  #nextId = 1;
  #closed = false;

  constructor(budget: Partial<ImportBudget> = {}) {
    this.budget = { ...DEFAULT_IMPORT_BUDGET, ...budget };
  }

  /**
   * Queues one import's text work; resolves with what it prepared, or rejects with ingest's error, an
   * ImportBudgetError past the budget, or the worker's own failure.
   */
  run(work: ImportWork): Promise<PreparedImport> {
    if (this.#closed) return Promise.reject(new Error('the import worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, work, resolve, reject });
      this.#next();
    });
  }

  /** Stops the worker; queued imports are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the import worker pool is closed'));
    const active = this.#active?.job;
    if (active) this.#finish(active, () => active.reject(new Error('the import worker pool is closed')));
    await this.#drop();
  }

  #next(): void {
    if (this.#active || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#active = { job };
    const starting = this.#start();
    // A job under way keeps the process alive; an idle worker does not (see #finish).
    this.#worker?.ref();
    starting.then(
      (worker) => {
        if (this.#active?.job !== job) return;
        // The budget runs from the moment the worker has the job: starting a fresh worker is not the document's fault.
        this.#active.timer = setTimeout(() => {
          this.#finish(job, () => job.reject(new ImportBudgetError('timeout', this.budget)));
          void this.#drop();
        }, this.budget.timeoutMs);
        worker.postMessage({ id: job.id, work: job.work });
      },
      (error: unknown) => this.#finish(job, () => job.reject(error)),
    );
  }

  /** Settles the active job once, then moves on to the next. */
  #finish(job: Job, settle: () => void): void {
    if (this.#active?.job !== job) return;
    clearTimeout(this.#active.timer);
    settle();
    this.#active = undefined;
    this.#worker?.unref();
    queueMicrotask(() => this.#next());
  }

  /** The running worker, or a new one once it has loaded its modules. */
  #start(): Promise<Worker> {
    if (this.#ready) return this.#ready;
    const worker = new Worker(new URL('./import-worker.boot.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb },
    });
    this.#worker = worker;
    const ready = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: ImportWorkerMessage) => {
        if (message.type === 'ready') resolve(worker);
        else this.#answer(message);
      });
      worker.on('error', (error: Error & { code?: string }) => {
        reject(error);
        this.#fail(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportBudgetError('memory', this.budget) : error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`the import worker stopped (exit code ${code})`);
        reject(error);
        this.#fail(worker, error);
      });
    });
    this.#ready = ready;
    return ready;
  }

  #answer(message: Exclude<ImportWorkerMessage, { type: 'ready' }>): void {
    const job = this.#active?.job;
    if (!job || job.id !== message.id) return;
    if (message.type === 'done') {
      this.#finish(job, () => job.resolve(message.prepared));
    } else {
      const { name, message: text, code, fileName } = message.error;
      const error = name === 'IngestError' && code !== undefined ? new WorkerIngestError(text, code, fileName ?? '') : new Error(text);
      this.#finish(job, () => job.reject(error));
    }
  }

  /** The worker died (out of memory, crashed, terminated): its job fails, and the next import gets a new worker. */
  #fail(worker: Worker, error: unknown): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    this.#ready = undefined;
    const job = this.#active?.job;
    if (job) this.#finish(job, () => job.reject(error));
  }

  async #drop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    if (worker) await worker.terminate();
  }
}

let shared: ImportWorkerPool | undefined;

/**
 * The process's pool with the default budget, started on first use: every server in the process shares its one
 * warm worker (tests build many). Its idle worker does not keep the process alive.
 */
export function sharedImportPool(): ImportWorkerPool {
  shared ??= new ImportWorkerPool();
  return shared;
}
