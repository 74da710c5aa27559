// Types of pdfjs-worker.patch.mjs (plain JavaScript, loaded by the pdf.js worker thread without a TypeScript loader).

export interface PdfjsWorkerPatch {
  readonly why: string;
  readonly find: string;
  readonly replace: string;
}

export declare const PDFJS_WORKER_PATCHES: readonly PdfjsWorkerPatch[];

export declare function patchPdfjsWorker(source: string, version: string): string;
