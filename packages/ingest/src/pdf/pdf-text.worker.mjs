// Reads the text items of every page of a PDF with pdf.js, in a worker thread that the caller keeps warm between
// files and stops when a file takes too long. Plain JavaScript: worker threads load it without a TypeScript loader.
// In: { type: 'read', job: 1, bytes }. Out: { job: 1, type: 'meta', numPages: 3 }, then per page
// { job: 1, type: 'page', page: 1, width: 595.3, height: 841.9, items: [{ str: '一般公共预算支出', x: 56.8, ... }] },
// then { job: 1, type: 'done' } (or { job: 1, type: 'error', name, message }).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { patchPdfjsWorker } from './pdfjs-worker.patch.mjs';

// pdf.js prints warnings about broken files; they are not ours to show. (Piping the worker's stdout instead would
// keep the parent process alive while an idle worker waits.)
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => undefined;

const { cMapUrl, standardFontDataUrl } = workerData;
const pdfjsLoading = loadPdfjs();

/**
 * pdf.js in this thread: its "fake worker" takes the worker half from globalThis.pdfjsWorker, which a text-only copy
 * of pdf.worker.mjs sets (pdfjs-worker.patch.mjs: font programs read only as far as text needs and compiled into no
 * font file, streams inflated by zlib in one call; the same text items in half the time on 42 test PDFs). The copy
 * is imported from a data: URL, so nothing is written to disk.
 *
 * Both halves of the legacy build bring core-js polyfills. The ones that add what Node 20 lacks (Promise.withResolvers,
 * Uint8Array.fromBase64 …) pdf.js needs; the ones that replace Array.prototype.push, JSON.parse and JSON.stringify
 * work around engine bugs that do not matter here and make every push several times slower, so the native ones go
 * back once both halves are loaded (the worker half, loaded later, would install them again).
 */
async function loadPdfjs() {
  const native = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const require = createRequire(import.meta.url);
  const { version } = require('pdfjs-dist/package.json');
  const source = patchPdfjsWorker(readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8'), version);
  await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  Object.defineProperty(Array.prototype, 'push', { value: native.push, writable: true, configurable: true, enumerable: false });
  JSON.parse = native.parse;
  JSON.stringify = native.stringify;
  return pdfjs;
}

parentPort.on('message', (message) => {
  if (message?.type !== 'read') return;
  const post = (reply) => parentPort.postMessage({ job: message.job, ...reply });
  readPages(message.bytes, post).catch((error) => post({ type: 'error', name: error?.name ?? 'Error', message: String(error?.message ?? error) }));
});

async function readPages(bytes, post) {
  const pdfjs = await pdfjsLoading;
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    post({ type: 'error', name: error?.name ?? 'Error', message: String(error?.message ?? error) });
    return;
  }
  try {
    post({ type: 'meta', numPages: doc.numPages });
    for (let number = 1; number <= doc.numPages; number += 1) {
      try {
        post({ type: 'page', ...(await readPage(pdfjs, doc, number)) });
      } catch (error) {
        post({ type: 'page-error', page: number, message: String(error?.message ?? error) });
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  post({ type: 'done' });
}

async function readPage(pdfjs, doc, number) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ includeMarkedContent: false });
  const items = [];
  content.items.forEach((item, index) => {
    if (typeof item.str !== 'string') return;
    const [a, b, c, d, e, f] = item.transform;
    // Page coordinates with the origin at the bottom left of the crop box, whatever the page's offset or rotation.
    const [x, y] = viewport.convertToViewportPoint(e, f);
    items.push({
      index,
      str: item.str,
      x,
      y: viewport.height - y,
      width: item.width,
      height: item.height,
      fontSize: Math.hypot(c, d) || Math.hypot(a, b),
      fontName: item.fontName,
      vertical: Math.abs(b) > Math.abs(a),
    });
  });
  let hasImages = false;
  if (items.every((item) => item.str.trim().length === 0)) {
    const operators = await page.getOperatorList();
    const paintImage = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
    hasImages = operators.fnArray.some((op) => paintImage.has(op));
  }
  page.cleanup();
  return { page: number, width: viewport.width, height: viewport.height, items, hasImages };
}
