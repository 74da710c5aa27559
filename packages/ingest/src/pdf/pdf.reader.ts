/**
 * Reads a PDF: checks that the file is whole, reads the pages' text with pdf.js (CMaps and standard fonts, so Chinese
 * fonts decode) and lays it out in reading order. A PDF whose pages hold images but no text is a scan:
 * "无文字层（扫描件），暂不支持OCR".
 */
import type { ReaderResult } from '../reader-result.ts';
import { layoutPdfPages } from './pdf-layout.ts';
import { PdfError, readPdfPages } from './pdf-pages.ts';

export { PdfError };


export interface PdfReadOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly pageTimeoutMs?: number;
}

/** True when the bytes start with the PDF header (pdf.js also accepts it within the first 1 KB). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.startsWith('%PDF-') || /^[\s\S]{0,1019}%PDF-/.test(head);
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReaderResult> {
  // A whole PDF ends with %%EOF (possibly followed by some padding or junk); a download cut short does not.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 8192)));
  if (!tail.includes('%%EOF')) throw new PdfError('truncated', 'no %%EOF marker at the end of the file');
  const pages = await readPdfPages(bytes, options);
  if (pages.length === 0) throw new PdfError('corrupt', 'the document has no pages');
  if (pages.every((page) => page.error !== undefined)) throw new PdfError('corrupt', pages[0]?.error ?? 'no page could be read');
  const result = layoutPdfPages(pages);
  if (result.text.trim().length === 0) {
    const scanned = pages.some((page) => page.hasImages);
    throw new PdfError('no-text', scanned ? `${pages.length} page(s) of images` : `${pages.length} page(s) without text`);
  }
  const problems = [...result.problems];
  for (const page of pages) {
    if (page.hasImages && page.items.every((item) => item.str.trim().length === 0)) {
      problems.push({ code: 'pdf-page-scanned', message: `第${page.number}页无文字层（扫描件），未读取 / page ${page.number} has no text layer (scanned) and was skipped` });
    }
  }
  return { ...result, problems };
}
