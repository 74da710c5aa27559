/**
 * Records a table's cells as they are written into the extracted text, one row a line and cells separated by tabs:
 * rows [["项目","预算数"],["教育","3420"]] → "项目\t预算数\n教育\t3420", each cell with its span.
 */
import type { Table, TableCell } from '@duixian/core';
import type { SourceRange, TextBuilder } from './offset-map.ts';

export class TableRecorder {
  private readonly rows: TableCell[][] = [];
  private current: TableCell[] | undefined;

  constructor(private readonly builder: TextBuilder) {}

  startRow(): void {
    if (this.current !== undefined) this.endRow();
    this.current = [];
  }

  /** Appends one cell from its source pieces; leading and trailing white space is left out. */
  addCell(pieces: readonly { text: string; source: SourceRange }[]): void {
    if (this.current === undefined) this.startRow();
    const row = this.current as TableCell[];
    if (row.length > 0) this.builder.appendSeparator('\t');
    const trimmed = trimPieces(pieces);
    const start = this.builder.offset;
    for (const piece of trimmed) this.builder.append(piece.text, piece.source);
    const text = trimmed.map((piece) => piece.text).join('');
    row.push({ start, end: this.builder.offset, text, row: this.rows.length, column: row.length });
  }

  endRow(): void {
    if (this.current === undefined) return;
    if (this.current.length > 0 && this.current.some((cell) => cell.text.length > 0)) {
      this.rows.push(this.current);
      this.builder.appendSeparator('\n');
    } else if (this.current.length > 0) {
      this.builder.appendSeparator('\n');
    }
    this.current = undefined;
  }

  finish(id: string, caption: string | undefined): Table | undefined {
    this.endRow();
    if (this.rows.length === 0) return undefined;
    return caption && caption.length > 0 ? { id, caption, rows: this.rows } : { id, rows: this.rows };
  }
}

/** Trims white space (including ideographic space U+3000 and NBSP) off both ends of a run of pieces. */
export function trimPieces<T extends { text: string; source: SourceRange }>(pieces: readonly T[]): T[] {
  const result = pieces.filter((piece) => piece.text.length > 0).map((piece) => ({ ...piece }));
  while (result.length > 0) {
    const first = result[0] as T;
    const trimmed = first.text.replace(/^[\s\u3000\u00a0]+/, '');
    const cut = first.text.length - trimmed.length;
    if (cut === 0) break;
    if (trimmed.length === 0) {
      result.shift();
      continue;
    }
    first.text = trimmed;
    first.source = shiftStart(first.source, cut, first.text.length + cut);
    break;
  }
  while (result.length > 0) {
    const last = result[result.length - 1] as T;
    const trimmed = last.text.replace(/[\s\u3000\u00a0]+$/, '');
    const cut = last.text.length - trimmed.length;
    if (cut === 0) break;
    if (trimmed.length === 0) {
      result.pop();
      continue;
    }
    last.source = shiftEnd(last.source, cut, last.text.length);
    last.text = trimmed;
    break;
  }
  return result;
}

function shiftStart(source: SourceRange, cut: number, textLength: number): SourceRange {
  if (source.end - source.start !== textLength) return source;
  return { ...source, start: source.start + cut } as SourceRange;
}

function shiftEnd(source: SourceRange, cut: number, textLength: number): SourceRange {
  if (source.end - source.start !== textLength) return source;
  return { ...source, end: source.end - cut } as SourceRange;
}

/**
 * The caption of a table from the text just before it: the last one or two short lines ("表1 2023年一般公共预算支出表",
 * "单位：万元"), or undefined when the text before it is a long paragraph.
 */
export function captionBefore(textBefore: string): string | undefined {
  const lines = textBefore.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const picked: string[] = [];
  for (let index = lines.length - 1; index >= 0 && picked.length < 2; index -= 1) {
    const line = lines[index] as string;
    // A caption is a short line that is not a sentence: "表1 …", "单位：万元".
    if (line.includes('\t') || (!/单位/.test(line) && (line.length > 40 || /[。；！？，]$/.test(line)))) break;
    picked.unshift(line);
  }
  return picked.length > 0 ? picked.join('\n') : undefined;
}
