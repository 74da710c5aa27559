/**
 * How the server's rows come over the wire: a page of a list, and the span columns that name a figure's sentence.
 * Example: sourceOf({ document_id: 3, span_start: 100, span_end: 108 }) → { source: { documentId: 3, start: 100, end: 108 } }.
 */


/** A page of rows as every list endpoint returns it. */
export interface WirePage<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export const PAGE_SIZE = 500;

export type SpanColumns = { document_id: number | null; span_start: number | null; span_end: number | null };

export function sourceOf(row: SpanColumns) {
  return row.document_id !== null && row.span_start !== null && row.span_end !== null
    ? { source: { documentId: row.document_id, start: row.span_start, end: row.span_end } }
    : {};
}
