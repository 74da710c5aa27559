import type { Span } from './span.ts';

/** One cell of a table as read from a PDF, DOCX or HTML file, with its place in the extracted text. */
export interface TableCell extends Span {
  readonly row: number;
  readonly column: number;
}

/**
 * A table found in a document: "项目 | 预算数 | 执行数 | 完成预算%".
 * `caption` keeps the lines above it that name the table or its unit ("单位：万元").
 */
export interface Table {
  readonly id: string;
  readonly caption?: string;
  readonly rows: readonly (readonly TableCell[])[];
}
