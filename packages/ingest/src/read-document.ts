/**
 * Reads one file into normalized text with an offset map back to the source, and its tables. The format is chosen by
 * the content (a PDF header, a ZIP holding word/document.xml, HTML tags, else text); the file name only settles
 * Markdown against plain text. Example: readDocument({ bytes, fileName: '民生账本.pdf' }) →
 * { format: 'pdf', text: '2023年全区一般公共预算支出21.98亿元…', offsetMap, tables: [], problems: [] }.
 */
import type { Problem, Table, TextMark } from '@duixian/core';
import { IngestError, isIngestError, type IngestErrorCode } from './ingest-error.ts';
import type { OffsetMap } from './offset-map.ts';
import type { ReaderResult } from './reader-result.ts';
import { decodeText, isLikelyBinaryText, type TextEncoding } from './text/decode-text.ts';
import { readPlainText } from './text/plain-text.reader.ts';
import { readMarkdown } from './text/markdown.reader.ts';
import { readHtml } from './html/html.reader.ts';
import { DocxError, isDocxArchive, readDocx } from './docx/docx.reader.ts';
import { MAX_NESTING_DEPTH, NestingError } from './nesting-depth.ts';
import { isZip, listZipEntries } from './docx/zip-archive.ts';
import { PdfError, isPdf, readPdf } from './pdf/pdf.reader.ts';

/** The formats ingest reads. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** A file read into text: what `extract` runs on, with the way back to the source. */
export interface IngestedDocument {
  readonly format: DocumentFormat;
  /** For text, Markdown and HTML: the encoding the bytes were decoded from. */
  readonly encoding?: TextEncoding;
  readonly text: string;
  readonly offsetMap: OffsetMap;
  readonly tables: Table[];
  /** What could be read only in part (an unreadable PDF page, a scanned page), never fatal. */
  readonly problems: Problem[];
  /** How spans of the text read in the source (Markdown headings, list items, emphasis), to show it as a document. */
  readonly marks?: readonly TextMark[];
}

export interface ReadDocumentInput {
  readonly bytes: Uint8Array;
  /** Used in error messages, and to tell Markdown (.md) from plain text (.txt). */
  readonly fileName?: string;
}

export interface ReadDocumentOptions {
  /** Largest file read, in bytes (default 50 MB). */
  readonly maxBytes?: number;
  /** Called as pages are read: (pages done, pages in all). Text formats count as one page. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Longest wait for pdf.js to read the next PDF page, in milliseconds (default 20 s). */
  readonly pageTimeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Reads a file of any supported format. Throws an IngestError (never anything else) when the file cannot be read:
 * empty, over the size limit, of no known format, truncated, corrupt, encrypted, or a scan without text.
 */
export async function readDocument(input: ReadDocumentInput, options: ReadDocumentOptions = {}): Promise<IngestedDocument> {
  const { bytes, fileName } = input;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new IngestError('empty-file', fileName);
  if (bytes.length > maxBytes) {
    throw new IngestError('too-large', fileName, {
      zh: `${formatMegabytes(bytes.length)}，上限${formatMegabytes(maxBytes)}`,
      en: `${formatMegabytes(bytes.length)}, limit ${formatMegabytes(maxBytes)}`,
    });
  }
  try {
    if (isPdf(bytes)) return { format: 'pdf', ...(await readPdfAsDocument(bytes, fileName, options)) };
    if (isZip(bytes)) return { format: 'docx', ...readDocxAsDocument(bytes, fileName, options) };
    const binary = knownBinaryFormat(bytes);
    if (binary) throw new IngestError('unknown-format', fileName, binary);
    return readTextDocument(bytes, fileName, options);
  } catch (error) {
    if (isIngestError(error)) throw error;
    // A failure inside a parser that no check above foresaw: still a clear error, never a crash.
    const code: IngestErrorCode = isPdf(bytes) ? 'pdf-corrupt' : isZip(bytes) ? 'docx-corrupt' : 'unknown-format';
    throw new IngestError(code, fileName, { zh: String((error as Error)?.message ?? error), en: String((error as Error)?.message ?? error) }, { cause: error });
  }
}

async function readPdfAsDocument(bytes: Uint8Array, fileName: string | undefined, options: ReadDocumentOptions): Promise<ReaderResult> {
  try {
    return await readPdf(bytes, options);
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    const code: Record<PdfError['reason'], IngestErrorCode> = {
      truncated: 'pdf-truncated',
      corrupt: 'pdf-corrupt',
      encrypted: 'pdf-encrypted',
      'no-text': 'pdf-no-text',
      timeout: 'pdf-timeout',
    };
    throw new IngestError(code[error.reason], fileName, { en: error.message }, { cause: error });
  }
}

function readDocxAsDocument(bytes: Uint8Array, fileName: string | undefined, options: ReadDocumentOptions): ReaderResult {
  options.onProgress?.(0, 1);
  if (!isDocxArchive(bytes)) {
    const other = otherArchiveFormat(bytes);
    if (other) throw new IngestError('unknown-format', fileName, other);
    // A ZIP whose directory cannot be read but whose first entry is a Word part is a cut-off DOCX.
    const firstName = new TextDecoder('latin1').decode(bytes.subarray(30, 30 + Math.min(64, bytes.length)));
    if (/^(\[Content_Types\]\.xml|word\/|_rels\/|docProps\/)/.test(firstName) || /\.docx$/i.test(fileName ?? '')) {
      throw new IngestError(isTruncatedZip(bytes) ? 'docx-truncated' : 'docx-corrupt', fileName, { en: 'the ZIP has no readable word/document.xml' });
    }
    throw new IngestError('unknown-format', fileName, { zh: 'ZIP压缩包，不是DOCX', en: 'a ZIP archive that is not a DOCX' });
  }
  try {
    const result = readDocx(bytes);
    options.onProgress?.(1, 1);
    return result;
  } catch (error) {
    if (error instanceof NestingError) throw new IngestError('too-deep', fileName, { zh: `超过${MAX_NESTING_DEPTH}层`, en: error.message }, { cause: error });
    if (!(error instanceof DocxError)) throw error;
    throw new IngestError(error.reason === 'truncated' ? 'docx-truncated' : 'docx-corrupt', fileName, { en: error.message }, { cause: error });
  }
}

/** Office and e-document formats that are ZIP archives too: Excel, PowerPoint, OFD, OpenDocument. */
function otherArchiveFormat(bytes: Uint8Array): { zh: string; en: string } | undefined {
  let names: string[];
  try {
    names = listZipEntries(bytes).map((entry) => entry.name);
  } catch {
    return undefined;
  }
  if (names.some((name) => name.startsWith('xl/'))) return { zh: 'Excel表格（.xlsx）暂不支持，请另存为PDF或DOCX', en: 'an Excel workbook (.xlsx) is not read; save it as PDF or DOCX' };
  if (names.some((name) => name.startsWith('ppt/'))) return { zh: 'PowerPoint演示文稿（.pptx）暂不支持', en: 'a PowerPoint deck (.pptx) is not read' };
  if (names.some((name) => /^OFD\.xml$/i.test(name))) return { zh: 'OFD版式文件暂不支持，请转换为PDF', en: 'an OFD document is not read; convert it to PDF' };
  if (names.includes('content.xml') && names.includes('mimetype')) return { zh: 'OpenDocument文件（.odt）请另存为DOCX', en: 'an OpenDocument file; save it as DOCX' };
  return undefined;
}

function isTruncatedZip(bytes: Uint8Array): boolean {
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 65557); offset -= 1) {
    if (bytes[offset] === 0x50 && bytes[offset + 1] === 0x4b && bytes[offset + 2] === 0x05 && bytes[offset + 3] === 0x06) return false;
  }
  return true;
}

function readHtmlSource(source: string, fileName: string | undefined): ReaderResult {
  try {
    return readHtml(source);
  } catch (error) {
    if (!(error instanceof NestingError)) throw error;
    throw new IngestError('too-deep', fileName, { zh: `超过${MAX_NESTING_DEPTH}层`, en: error.message }, { cause: error });
  }
}

function readTextDocument(bytes: Uint8Array, fileName: string | undefined, options: ReadDocumentOptions): IngestedDocument {
  options.onProgress?.(0, 1);
  const decoded = decodeText(bytes);
  if (!decoded) {
    if (looksBinary(bytes)) throw new IngestError('unknown-format', fileName);
    throw new IngestError('undecodable-text', fileName);
  }
  if (isLikelyBinaryText(decoded.text)) throw new IngestError('unknown-format', fileName);
  if (decoded.text.trim().length === 0) throw new IngestError('empty-file', fileName, { zh: '只有空白字符', en: 'white space only' });
  const format = textFormat(decoded.text, fileName);
  const result = format === 'html' ? readHtmlSource(decoded.text, fileName) : format === 'markdown' ? readMarkdown(decoded.text) : readPlainText(decoded.text);
  if (format === 'html' && result.text.trim().length === 0) throw new IngestError('html-empty', fileName);
  options.onProgress?.(1, 1);
  const problems = [...result.problems];
  if (decoded.repair === 'truncated-tail') {
    problems.push({ code: 'text-truncated', message: '文件末尾的字符不完整，已略去 / the file ends inside a character, which was left out' });
  } else if (decoded.repair === 'invalid-bytes') {
    problems.push({ code: 'text-invalid-bytes', message: '少量字节不是有效的UTF-8，已替换为� / a few bytes were not valid UTF-8 and were replaced by �' });
  }
  return { format, encoding: decoded.encoding, ...result, problems };
}

/** HTML by its tags; Markdown by the file name, or by its markup when the name does not say. */
function textFormat(text: string, fileName: string | undefined): DocumentFormat {
  const head = text.slice(0, 4096);
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head) || /<(html|head|body)[\s>]/i.test(head)) return 'html';
  if (/^\s*</.test(head) && (head.match(/<\/?(p|div|br|table|span|h[1-6])[\s>/]/gi) ?? []).length >= 3) return 'html';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'markdown' || extension === 'mdown' || extension === 'mkd') return 'markdown';
  if (extension !== undefined && extension !== 'txt' && extension !== 'text' && looksLikeMarkdown(text)) return 'markdown';
  if (extension === undefined && looksLikeMarkdown(text)) return 'markdown';
  return 'text';
}

function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 65536);
  const headings = (sample.match(/^ {0,3}#{1,6}[ \t]+\S/gm) ?? []).length;
  const strong = (sample.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
  const tables = /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(sample) ? 2 : 0;
  return headings + strong + tables >= 3 && (headings >= 1 || strong >= 3);
}

/** Formats that are recognisably something else: images, archives, old Office files. */
function knownBinaryFormat(bytes: Uint8Array): { zh: string; en: string } | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { zh: '旧版Office文件（.doc/.xls），请另存为DOCX', en: 'an old Office file (.doc/.xls); save it as DOCX' };
  }
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38) || starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) {
    return { zh: '图片文件，暂不支持OCR', en: 'an image; OCR is not supported' };
  }
  if (starts(0x1f, 0x8b) || starts(0x52, 0x61, 0x72, 0x21) || starts(0x37, 0x7a, 0xbc, 0xaf)) return { zh: '压缩文件', en: 'a compressed archive' };
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return { zh: 'RTF文件，请另存为DOCX', en: 'an RTF file; save it as DOCX' };
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) controls += 1;
  return controls / Math.max(1, sample.length) > 0.005;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
