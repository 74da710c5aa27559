/**
 * Writes blocks in reading order as text with its offset map and tables: lines broken inside a sentence joined, a table
 * continued across a page break joined to its start. Example: "全年将87.8%的支出用于保障" / "民生，…" → one sentence.
 */
import type { Problem, Table } from '@duixian/core';
import { TextBuilder, type SourceRange } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';
import { isCjk } from '../text/is-cjk.ts';
import type { Block, Fragment, TextBlock } from './pdf-layout.model.ts';
import { needsSpace } from './pdf-lines.builder.ts';

const SENTENCE_END = /[。！？；：!?;:…][”’」』）)"']*$/;
/** How far short of its column's right edge, in ems, a line may stop and still run on into the next. */
const RAGGED_RIGHT_EM = 2.5;
/** A number or Latin word with the marks that stick to it ("17.3%。"): a layout moves it to the next line whole. */
const UNBREAKABLE_START = /^[0-9A-Za-z][0-9A-Za-z.,%‰+\-]*[。，、；：）%]?/;

/** Width in ems: half an em for Latin letters, digits and ASCII marks, one em for anything else. */
function emWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\x20-\x7e]/.test(char) ? 0.5 : 1;
  return width;
}
const ITEM_START =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[、．]|\d+\.(?!\d)|[①-⑳]|[■□●○◆◇▲△►▶•·★☆※]|第[一二三四五六七八九十百\d]+[章节条部篇])/;

/** Whether `next` continues the sentence of `previous` (a line broken by the layout, not by the writer). */
function continuesLine(previous: TextBlock, next: TextBlock): boolean {
  const previousText = previous.fragments.map((fragment) => fragment.text).join(' ');
  const nextText = next.fragments.map((fragment) => fragment.text).join(' ');
  if (SENTENCE_END.test(previousText)) return false;
  if (ITEM_START.test(nextText)) return false;
  if (Math.abs(previous.fontSize - next.fontSize) > 0.15 * Math.max(previous.fontSize, next.fontSize)) return false;
  // The previous line stopped well short of its column's right edge: the writer ended it. Ragged-right Chinese
  // (a text file set by LibreOffice, Word without justification) stops up to two characters short, since a mark that
  // may not begin a line takes the character before it to the next line.
  // A number or a Latin word at the start of the next line is never split, so it leaves a wider gap, by its width
  // (counted generously: a Chinese font's digits and % are often wider than half an em).
  const leadingToken = UNBREAKABLE_START.exec(nextText)?.[0] ?? '';
  const allowance = RAGGED_RIGHT_EM + emWidth(leadingToken);
  if (previous.x1 < previous.right - allowance * previous.fontSize) return false;
  // The next line is indented from its column's left edge: a new paragraph's first line.
  if (next.x0 > next.left + 1.5 * next.fontSize) return false;
  // A wider gap than the column's line step: paragraph spacing (only within one column of one page).
  const sameColumn = previous.page === next.page && previous.left === next.left && next.y < previous.y;
  if (sameColumn && previous.lineStep > 0 && previous.y - next.y > previous.lineStep * 1.3) return false;
  return true;
}

export function writeBlocks(blocks: readonly Block[], problems: Problem[]): ReaderResult {
  const builder = new TextBuilder('pdf');
  const tables: Table[] = [];
  let previous: TextBlock | undefined;
  let lastTable: { table: Table; page: number; columns: number } | undefined;
  for (const block of blocks) {
    if (block.type === 'table') {
      if (builder.offset > 0 && builder.lastChar !== '\n') builder.appendSeparator('\n');
      const caption = captionBefore(builder.finish().text);
      const recorder = new TableRecorder(builder);
      for (const row of block.rows) {
        recorder.startRow();
        for (const cell of row) recorder.addCell(cell ? fragmentPieces(cell) : []);
        recorder.endRow();
      }
      const table = recorder.finish(`table-${tables.length + 1}`, caption);
      const columns = block.rows[0]?.length ?? 0;
      if (table && lastTable && lastTable.page + 1 === block.page && lastTable.columns === columns) {
        // The same table going on at the top of the next page, its heading row perhaps repeated.
        const merged = continueTable(lastTable.table, table);
        tables[tables.length - 1] = merged;
        lastTable = { table: merged, page: block.page, columns };
      } else if (table) {
        tables.push(table);
        lastTable = { table, page: block.page, columns };
      }
      previous = undefined;
      continue;
    }
    lastTable = undefined;
    if (previous && continuesLine(previous, block)) {
      const lastChar = builder.lastChar;
      const firstChar = (block.fragments[0] as Fragment).text.charAt(0);
      if (needsWordSpace(lastChar, firstChar)) builder.appendSeparator(' ');
    } else if (builder.offset > 0 && builder.lastChar !== '\n') {
      builder.appendSeparator('\n');
    }
    block.fragments.forEach((fragment, index) => {
      // A wide gap inside a line of text (a forcibly justified line): a space between Latin words, nothing next to
      // Chinese, so that "21.98" and "亿元" set far apart still read "21.98亿元".
      if (index > 0 && !isCjk(builder.lastChar) && !isCjk(fragment.text.charAt(0))) builder.appendSeparator(' ');
      for (const piece of fragmentPieces(fragment)) builder.append(piece.text, piece.source);
    });
    previous = block;
  }
  builder.trimTrailingSeparator();
  const { text, offsetMap } = builder.finish();
  return { text, offsetMap, tables, problems };
}

/** Appends the rows of `next` to `table`, leaving out a first row that repeats the table's heading row. */
function continueTable(table: Table, next: Table): Table {
  const heading = table.rows[0]?.map((cell) => cell.text).join('\t');
  const rows = next.rows[0]?.map((cell) => cell.text).join('\t') === heading ? next.rows.slice(1) : next.rows;
  const offset = table.rows.length;
  const moved = rows.map((row, index) => row.map((cell) => ({ ...cell, row: offset + index })));
  return { ...table, rows: [...table.rows, ...moved] };
}

/** A space where a line broke between two Latin words ("grew" / "by"), never inside a number ("87" / ".8%"). */
function needsWordSpace(last: string, first: string): boolean {
  if (/[A-Za-z,;:!?)]/.test(last)) return /[A-Za-z0-9(]/.test(first);
  if (/[0-9%]/.test(last)) return /[A-Za-z]/.test(first);
  return false;
}

function fragmentPieces(fragment: Fragment): { text: string; source: SourceRange }[] {
  const pieces: { text: string; source: SourceRange }[] = [];
  fragment.runs.forEach((run, index) => {
    const previous = fragment.runs[index - 1];
    if (previous && needsSpace(previous, run)) {
      pieces.push({ text: ' ', source: { kind: 'pdf', page: run.page, item: run.item.index, start: run.start, end: run.start } });
    }
    pieces.push({
      text: run.text,
      source: {
        kind: 'pdf',
        page: run.page,
        item: run.item.index,
        start: run.start,
        end: run.end,
        box: { x: run.x0, y: run.y, width: run.x1 - run.x0, height: run.fontSize },
      },
    });
  });
  return pieces;
}
