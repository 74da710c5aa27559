import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PDFJS_WORKER_PATCHES, patchPdfjsWorker } from './pdfjs-worker.patch.mjs';

const require = createRequire(import.meta.url);
const { version } = require('pdfjs-dist/package.json') as { version: string };
const installed = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

describe('patchPdfjsWorker', () => {
  it('finds every snippet exactly once in the installed pdf.js worker and replaces it', () => {
    const patched = patchPdfjsWorker(installed, version);
    for (const patch of PDFJS_WORKER_PATCHES) {
      expect(installed.split(patch.find)).toHaveLength(2);
      expect(patched).not.toContain(patch.find);
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
    expect(() => patchPdfjsWorker(installed + last.find, version)).toThrow(`pdfjs-dist ${version}: the text-only patch of pdf.worker.mjs no longer fits (Font.convert`);
    expect(() => patchPdfjsWorker(installed + last.find, version)).toThrow('found 2 times, expected once');
  });
});
