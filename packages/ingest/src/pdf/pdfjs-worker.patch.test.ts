import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { findSoffice, makeFormatFixtures } from '../fixtures/format-fixtures.ts';
import { missingForTrueTypePdf, trueTypePdf } from '../fixtures/truetype-pdf.fixture.ts';
import { PDFJS_WORKER_PATCHES, patchPdfjsWorker } from './pdfjs-worker.patch.mjs';

const require = createRequire(import.meta.url);
const { version } = require('pdfjs-dist/package.json') as { version: string };
const installed = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

describe('patchPdfjsWorker', () => {
  it('finds every snippet exactly once in the installed pdf.js worker and replaces it', () => {
    const patched = patchPdfjsWorker(installed, version);
    for (const patch of PDFJS_WORKER_PATCHES) {
      expect(installed.split(patch.find)).toHaveLength(2);
      expect(patched).toContain(patch.replace);
      // A patch that adds a line after its snippet keeps the snippet.
      if (!patch.replace.includes(patch.find)) expect(patched).not.toContain(patch.find);
    }
    const removed = PDFJS_WORKER_PATCHES.reduce((sum, patch) => sum + patch.find.length - patch.replace.length, 0);
    expect(installed.length - patched.length).toBe(removed);
  });

  it('fails naming the pdfjs-dist version when a snippet is missing, as after an upgrade that changed the code', () => {
    const first = PDFJS_WORKER_PATCHES[0]!;
    const changed = installed.replace(first.find, first.find.replace('this.wrap(', 'this.wrapFont('));
    expect(() => patchPdfjsWorker(changed, '9.9.9')).toThrow(/^pdfjs-dist 9\.9\.9: the text-only patch of pdf\.worker\.mjs no longer fits \(Type1Font: .* found 0 times, expected once\)/);
  });

  it('fails when a snippet occurs twice, rather than patching one of them', () => {
    const last = PDFJS_WORKER_PATCHES.at(-1)!;
    expect(() => patchPdfjsWorker(installed + last.find, version)).toThrow(`pdfjs-dist ${version}: the text-only patch of pdf.worker.mjs no longer fits (${last.why}: snippet`);
    expect(() => patchPdfjsWorker(installed + last.find, version)).toThrow('found 2 times, expected once');
  });
});

/**
 * Every text item pdf.js gives for each page of each file (string, transform, width, height, font, end of line), read
 * in a worker thread of its own so that pdf.js's polyfills stay out of the test process; with `workerSource`, pdf.js
 * uses that worker half instead of its own.
 */
function readTextItems(files: readonly string[], workerSource?: string): Promise<unknown> {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const script = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    (async () => {
      const { root, files, workerSource } = workerData;
      if (workerSource) await import('data:text/javascript;base64,' + Buffer.from(workerSource).toString('base64'));
      const pdfjs = await import(root + '/legacy/build/pdf.mjs');
      const result = [];
      for (const file of files) {
        const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), cMapUrl: root + '/cmaps/', cMapPacked: true,
          standardFontDataUrl: root + '/standard_fonts/', isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
        const doc = await task.promise;
        for (let number = 1; number <= doc.numPages; number += 1) {
          const content = await (await doc.getPage(number)).getTextContent({ includeMarkedContent: false });
          result.push(content.items.map((item) => [item.str, item.transform, item.width, item.height, item.fontName, item.hasEOL]));
        }
        await doc.destroy();
      }
      parentPort.postMessage(result);
    })().catch((error) => parentPort.postMessage({ error: String(error) }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData: { root, files, workerSource }, stdout: true, stderr: true });
    worker.once('message', (message: unknown) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
}

describe.skipIf(process.env.DUIXIAN_SKIP_OFFICE === '1')('the text-only pdf.js worker', () => {
  it('gives the same text items, to the last width and position, as pdf.js\'s own on the PDFs LibreOffice makes', async () => {
    if (!findSoffice()) throw new Error('LibreOffice is needed to make the PDF test files: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk qpdf, or set DUIXIAN_SKIP_OFFICE=1');
    const { files } = await makeFormatFixtures();
    const pdfs = [files.pdf, files.twoColumnPdf, files.budgetPdf];
    const [original, textOnly] = await Promise.all([readTextItems(pdfs), readTextItems(pdfs, patchPdfjsWorker(installed, version))]);
    expect(JSON.stringify(original)).toContain('一般公共预算');
    expect(textOnly).toEqual(original);
  }, 120_000);

  it('gives the same text items on a PDF in an embedded CID TrueType font, as Word and Chrome write them', async () => {
    const missing = missingForTrueTypePdf();
    if (missing.length > 0) throw new Error(`Chromium and a TrueType Chinese font make this test's PDF: apt-get install -y ${missing.join(' ')}, or set DUIXIAN_SKIP_OFFICE=1`);
    const { expectedText } = await makeFormatFixtures();
    const pdf = await trueTypePdf(expectedText.split('\n').filter((line) => line.trim().length > 0));
    expect(readFileSync(pdf, 'latin1')).toContain('/CIDFontType2');
    const [original, textOnly] = await Promise.all([readTextItems([pdf]), readTextItems([pdf], patchPdfjsWorker(installed, version))]);
    expect(JSON.stringify(original)).toContain('一般公共预算');
    expect(textOnly).toEqual(original);
  }, 120_000);
});
