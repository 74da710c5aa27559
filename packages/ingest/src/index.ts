/** @duixian/ingest — files (text, Markdown, HTML, PDF, DOCX; UTF-8 / UTF-16 / GB18030) to text with an offset map. */
export { readDocument, DEFAULT_MAX_BYTES } from './read-document.ts';
export type { DocumentFormat, IngestedDocument, ReadDocumentInput, ReadDocumentOptions } from './read-document.ts';
export { IngestError, isIngestError } from './ingest-error.ts';
export type { IngestErrorCode } from './ingest-error.ts';
export { locateInSource } from './offset-map.ts';
export type { OffsetMap, OffsetSegment, SourceRange, PdfBox } from './offset-map.ts';
export type { TextEncoding } from './text/decode-text.ts';
