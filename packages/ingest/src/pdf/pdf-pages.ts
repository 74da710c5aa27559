/**
 * Runs pdf.js on a PDF in a worker thread and collects each page's text items, stopping the worker when it goes
 * quiet for too long: a hostile or broken file cannot hang or crash the caller. Example: a 3-page report →
 * [{ number: 1, width: 595.3, height: 841.9, items: [...] }, …].
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

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

/** Why the pages could not be read. */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
  constructor(
    readonly reason: 'encrypted' | 'corrupt' | 'timeout',
    message: string,
  ) {
    super(message);
  }
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

/** Reads every page's text items; pages pdf.js fails on come back with `error` set. */
export function readPdfPages(bytes: Uint8Array, options: PdfPagesOptions = {}): Promise<PdfPage[]> {
  const pageTimeoutMs = options.pageTimeoutMs ?? 20_000;
  const copy = new Uint8Array(bytes); // pdf.js takes ownership of its buffer
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-text.worker.mjs', import.meta.url), {
      workerData: { bytes: copy, cMapUrl: pdfjsAssetUrl('cmaps'), standardFontDataUrl: pdfjsAssetUrl('standard_fonts') },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
      stdout: true,
      stderr: true,
    });
    // pdf.js prints warnings about broken files; they are not ours to show.
    worker.stdout.resume();
    worker.stderr.resume();
    const pages: PdfPage[] = [];
    let total = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(pages.sort((a, b) => a.number - b.number));
    };
    const arm = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(new PdfReadError('timeout', `no page read within ${pageTimeoutMs} ms`)), pageTimeoutMs);
    };
    arm();
    worker.on('message', (message: WorkerMessage) => {
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
          finish(undefined);
          break;
        case 'error':
          finish(new PdfReadError(message.name === 'PasswordException' ? 'encrypted' : 'corrupt', `${message.name}: ${message.message}`));
          break;
      }
    });
    worker.on('error', (error) => finish(new PdfReadError('corrupt', `pdf.js stopped: ${error.message}`)));
    worker.on('exit', (code) => finish(code === 0 && settled ? undefined : new PdfReadError('corrupt', `pdf.js worker exited with code ${code}`)));
  });
}

type WorkerMessage =
  | { type: 'meta'; numPages: number }
  | { type: 'page'; page: number; width: number; height: number; items: PdfItem[]; hasImages: boolean }
  | { type: 'page-error'; page: number; message: string }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string };
