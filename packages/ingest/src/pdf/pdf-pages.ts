/**
 * Runs pdf.js on a PDF in a worker thread and collects each page's text items, stopping the worker when it goes
 * quiet for too long: a hostile or broken file cannot hang or crash the caller. Workers are kept warm between files. Example: a 3-page report →
 * [{ number: 1, width: 595.3, height: 841.9, items: [...] }, …].
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ReaderError } from '../reader-error.ts';

/** One text item of a page, in page coordinates (points, origin bottom left). */
export interface PdfItem {
  /** Index in pdf.js getTextContent().items of that page. */
  readonly index: number;
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly fontName: string;
  readonly vertical: boolean;
}

export interface PdfPage {
  /** From 1. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
  readonly hasImages: boolean;
  /** Set when pdf.js could not read this page. */
  readonly error?: string;
}

/** Why a PDF could not be read; `readDocument` turns it into an IngestError. */
export class PdfError extends ReaderError<'truncated' | 'corrupt' | 'encrypted' | 'no-text' | 'timeout'> {
  override readonly name = 'PdfError';
}

export interface PdfPagesOptions {
  /** Longest wait for the next page, in milliseconds (default 20 s). */
  readonly pageTimeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const require = createRequire(import.meta.url);

function pdfjsAssetUrl(folder: 'cmaps' | 'standard_fonts'): string {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return `${path.join(root, folder)}${path.sep}`;
}

/**
 * Workers kept warm between files (pdf.js compiled and its fonts code hot), at most two idle. An idle worker is unref'd
 * so it never keeps the process alive; a worker whose file failed or stalled is terminated, never reused.
 */
const idleWorkers: Worker[] = [];
const MAX_IDLE_WORKERS = 2;
let nextJob = 1;

function takeWorker(): Worker {
  const idle = idleWorkers.pop();
  if (idle) {
    idle.ref();
    return idle;
  }
  const worker = new Worker(new URL('./pdf-text.worker.mjs', import.meta.url), {
    workerData: { cMapUrl: pdfjsAssetUrl('cmaps'), standardFontDataUrl: pdfjsAssetUrl('standard_fonts') },
    // The worker is plain JavaScript: no TypeScript loader hooks needed (they would slow every import in it).
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  // An idle worker that dies is dropped from the pool.
  worker.on('exit', () => {
    const index = idleWorkers.indexOf(worker);
    if (index >= 0) idleWorkers.splice(index, 1);
  });
  worker.on('error', () => undefined);
  return worker;
}

function releaseWorker(worker: Worker, healthy: boolean): void {
  worker.removeAllListeners('message');
  if (healthy && idleWorkers.length < MAX_IDLE_WORKERS) {
    worker.unref();
    idleWorkers.push(worker);
  } else {
    void worker.terminate();
  }
}

/** Reads every page's text items; pages pdf.js fails on come back with `error` set. */
export function readPdfPages(bytes: Uint8Array, options: PdfPagesOptions = {}): Promise<PdfPage[]> {
  const pageTimeoutMs = options.pageTimeoutMs ?? 20_000;
  const copy = new Uint8Array(bytes); // pdf.js takes ownership of its buffer
  const job = nextJob;
  nextJob += 1;
  const worker = takeWorker();
  return new Promise((resolve, reject) => {
    const pages: PdfPage[] = [];
    let total = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: Error | undefined, healthy: boolean): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      worker.off('error', onError);
      worker.off('exit', onExit);
      releaseWorker(worker, healthy);
      if (error) reject(error);
      else resolve(pages.sort((a, b) => a.number - b.number));
    };
    const arm = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(new PdfError('timeout', `no page read within ${pageTimeoutMs} ms`), false), pageTimeoutMs);
    };
    const onError = (error: Error): void => finish(new PdfError('corrupt', `pdf.js stopped: ${error.message}`), false);
    const onExit = (code: number): void => finish(new PdfError('corrupt', `pdf.js worker exited with code ${code}`), false);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.on('message', (message: WorkerMessage) => {
      if (message.job !== job) return;
      arm();
      switch (message.type) {
        case 'meta':
          total = message.numPages;
          options.onProgress?.(0, total);
          break;
        case 'page':
          pages.push({ number: message.page, width: message.width, height: message.height, items: message.items, hasImages: message.hasImages });
          options.onProgress?.(pages.length, total);
          break;
        case 'page-error':
          pages.push({ number: message.page, width: 0, height: 0, items: [], hasImages: false, error: message.message });
          options.onProgress?.(pages.length, total);
          break;
        case 'done':
          finish(undefined, true);
          break;
        case 'error':
          // pdf.js rejected the file cleanly: the worker itself is fine.
          finish(new PdfError(message.name === 'PasswordException' ? 'encrypted' : 'corrupt', `${message.name}: ${message.message}`), true);
          break;
      }
    });
    arm();
    worker.postMessage({ type: 'read', job, bytes: copy }, [copy.buffer]);
  });
}

type WorkerMessage = { job: number } & (
  | { type: 'meta'; numPages: number }
  | { type: 'page'; page: number; width: number; height: number; items: PdfItem[]; hasImages: boolean }
  | { type: 'page-error'; page: number; message: string }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string }
);
