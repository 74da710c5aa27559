// Reads the text items of every page of a PDF with pdf.js, in a worker thread so that the caller can stop it on a
// time limit. Plain JavaScript: worker threads load it without a TypeScript loader. Example message out:
// { type: 'page', page: 1, width: 595.3, height: 841.9, items: [{ str: '一般公共预算支出', x: 56.8, y: 773.1, ... }] }.
import { parentPort, workerData } from 'node:worker_threads';

const { bytes, cMapUrl, standardFontDataUrl } = workerData;

function post(message) {
  parentPort.postMessage(message);
}

async function run() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
    post({ type: 'error', name: error?.name ?? 'Error', message: String(error?.message ?? error) });
    return;
  }
  post({ type: 'meta', numPages: doc.numPages });
  for (let number = 1; number <= doc.numPages; number += 1) {
    try {
      const page = await doc.getPage(number);
      const [, , width, height] = page.view;
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
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
          hasEOL: item.hasEOL,
          vertical: Math.abs(b) > Math.abs(a),
        });
      });
      let hasImages = false;
      if (items.every((item) => item.str.trim().length === 0)) {
        const operators = await page.getOperatorList();
        const paintImage = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
        hasImages = operators.fnArray.some((op) => paintImage.has(op));
      }
      post({ type: 'page', page: number, width: viewport.width || width, height: viewport.height || height, items, hasImages });
      page.cleanup();
    } catch (error) {
      post({ type: 'page-error', page: number, message: String(error?.message ?? error) });
    }
  }
  await doc.destroy();
  post({ type: 'done' });
}

run().catch((error) => post({ type: 'error', name: error?.name ?? 'Error', message: String(error?.message ?? error) }));
