/**
 * Turns the positioned text items of PDF pages into reading-order text: lines by baseline, two-column pages read
 * column by column, running headers, footers and page numbers left out, tables as rows and cells, and lines broken
 * inside a sentence joined. Example: two lines "全年将87.8%的支出用于保障" / "民生，支出占比提高了4.8个百分点。" →
 * "全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点。".
 */
import type { Problem, Table } from '@duixian/core';
import { TextBuilder, type SourceRange } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';
import { isCjk } from '../text/is-cjk.ts';
import type { PdfItem, PdfPage } from './pdf-pages.ts';

/** A piece of one text item, white space trimmed off. */
interface Run {
  readonly page: number;
  readonly item: PdfItem;
  readonly text: string;
  /** Offsets of `text` in the item's string. */
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
}

/** Runs on one baseline, separated from the next fragment of the same baseline by a wide gap. */
interface Fragment {
  readonly runs: readonly Run[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
  readonly text: string;
}

interface Line {
  readonly page: number;
  readonly y: number;
  readonly fontSize: number;
  readonly fragments: readonly Fragment[];
}

/** A line of running text in reading order, with the edges of the column it sits in. */
interface TextBlock {
  readonly type: 'text';
  readonly page: number;
  readonly fragments: readonly Fragment[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
  readonly left: number;
  readonly right: number;
  /** Typical distance between baselines in this column, for telling paragraph gaps from line gaps. */
  readonly lineStep: number;
}

interface TableBlock {
  readonly type: 'table';
  readonly page: number;
  readonly rows: readonly (readonly (Fragment | undefined)[])[];
}

type Block = TextBlock | TableBlock;

/** Gap between runs, in ems, that splits a line into fragments (table cells, columns). */
const FRAGMENT_GAP_EM = 0.9;
/** Share of the page height at the top and bottom where running headers, footers and page numbers sit. */
const MARGIN_SHARE = 0.12;

/** Lays out the pages and writes the text, offset map and tables. */
export function layoutPdfPages(pages: readonly PdfPage[]): ReaderResult {
  const problems: Problem[] = [];
  const pageLines = pages.map((page) => {
    if (page.error) problems.push({ code: 'pdf-page-unreadable', message: `第${page.number}页无法读取 / page ${page.number} could not be read: ${page.error}` });
    return buildLines(page);
  });
  removeRunningLines(pages, pageLines);
  const blocks: Block[] = [];
  pages.forEach((page, index) => blocks.push(...orderPage(page, pageLines[index] ?? [])));
  return writeBlocks(blocks, problems);
}

/** Items trimmed into runs, grouped into lines by baseline, left to right. */
function buildLines(page: PdfPage): Line[] {
  const runs: Run[] = [];
  for (const item of page.items) {
    if (item.vertical) continue;
    const text = normalizeGlyphs(item.str);
    if (text.trim().length === 0) continue;
    const fontSize = item.fontSize > 0 ? item.fontSize : item.height > 0 ? item.height : 10;
    const width = item.width > 0 ? item.width : fontSize * text.length * 0.5;
    const perChar = width / text.length;
    // A normalized item of another length maps as a whole; otherwise each part maps character by character.
    if (text.length !== item.str.length) {
      const trimmed = text.trim();
      runs.push({ page: page.number, item, text: trimmed, start: 0, end: item.str.length, x0: item.x, x1: item.x + width, y: item.y, fontSize });
      continue;
    }
    for (const part of splitAtLayoutSpaces(text)) {
      runs.push({
        page: page.number,
        item,
        text: part.text,
        start: part.start,
        end: part.start + part.text.length,
        x0: item.x + perChar * part.start,
        x1: item.x + perChar * (part.start + part.text.length),
        y: item.y,
        fontSize,
      });
    }
  }
  runs.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Run[][] = [];
  let current: Run[] = [];
  let baseline = Number.NaN;
  for (const run of runs) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.35 * Math.min(run.fontSize, (current[0] as Run).fontSize)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [run];
    baseline = run.y;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => {
    line.sort((a, b) => a.x0 - b.x0);
    const fontSize = median(line.map((run) => run.fontSize));
    return { page: page.number, y: median(line.map((run) => run.y)), fontSize, fragments: splitFragments(line, fontSize) };
  });
}

function splitFragments(runs: readonly Run[], fontSize: number): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Run[] = [];
  for (const run of runs) {
    const previous = current[current.length - 1];
    // Parts of one item are one run of text in the file: never cells apart.
    if (previous && previous.item !== run.item && run.x0 - previous.x1 > FRAGMENT_GAP_EM * Math.max(fontSize, run.fontSize) * 1) {
      fragments.push(makeFragment(current));
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) fragments.push(makeFragment(current));
  return fragments;
}

function makeFragment(runs: readonly Run[]): Fragment {
  let text = '';
  runs.forEach((run, index) => {
    const previous = runs[index - 1];
    if (previous && needsSpace(previous, run)) text += ' ';
    text += run.text;
  });
  return {
    runs,
    x0: minOf(runs, (run) => run.x0),
    x1: maxOf(runs, (run) => run.x1),
    y: median(runs.map((run) => run.y)),
    fontSize: median(runs.map((run) => run.fontSize)),
    text,
  };
}

/**
 * The parts of an item's string without the spaces a layout engine puts between Chinese and Latin or digits
 * ("全年将 87.8%的" → "全年将", "87.8%的"), which the writer did not type; spaces between Latin words stay.
 */
function splitAtLayoutSpaces(text: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const pattern = /[\s\u00a0]+/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const before = text.charAt(match.index - 1);
    const after = text.charAt(match.index + match[0].length);
    const atEdge = match.index === 0 || match.index + match[0].length === text.length;
    if (!atEdge && !isCjk(before) && !isCjk(after)) continue;
    if (match.index > start) parts.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  if (start < text.length) parts.push({ text: text.slice(start), start });
  return parts;
}

/** A word space between two runs: a visible gap, and Latin letters or digits on both sides (never between Chinese). */
function needsSpace(previous: Run, next: Run): boolean {
  if (previous.item === next.item) return false; // the space between them was left out on purpose
  const gap = next.x0 - previous.x1;
  if (gap < 0.2 * Math.min(previous.fontSize, next.fontSize)) return false;
  return !isCjk(previous.text.charAt(previous.text.length - 1)) && !isCjk(next.text.charAt(0));
}

const PAGE_NUMBER =
  /^[-—–_·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_·\s]*$|^page\s+\d+(\s+of\s+\d+)?$|^[-—–]\s*[ivxlc]+\s*[-—–]$/i;

/**
 * Removes running headers and footers (the same line, digits aside, in the top or bottom margin of at least half the
 * pages, at least two) and page numbers ("- 3 -", "第3页 共12页", "3/12") at the top or bottom of a page.
 */
function removeRunningLines(pages: readonly PdfPage[], pageLines: Line[][]): void {
  const keyCounts = new Map<string, number>();
  const marginKeys = pageLines.map((lines, index) => {
    const page = pages[index] as PdfPage;
    const keys = new Set<string>();
    for (const line of lines) {
      const zone = marginZone(page, line);
      if (zone) keys.add(`${zone}:${lineKey(line)}`);
    }
    for (const key of keys) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    return keys;
  });
  const pagesWithText = pageLines.filter((lines) => lines.length > 0).length;
  pageLines.forEach((lines, index) => {
    const page = pages[index] as PdfPage;
    const keys = marginKeys[index] as Set<string>;
    const first = lines[0];
    const last = lines[lines.length - 1];
    const kept = lines.filter((line) => {
      const zone = marginZone(page, line);
      if (!zone) return true;
      const count = keyCounts.get(`${zone}:${lineKey(line)}`) ?? 0;
      if (keys.size > 0 && pagesWithText >= 2 && count >= 2 && count >= pagesWithText / 2) return false;
      const text = line.fragments.map((fragment) => fragment.text).join(' ').trim();
      if ((line === first || line === last) && PAGE_NUMBER.test(text)) return false;
      return true;
    });
    lines.splice(0, lines.length, ...kept);
  });
}

function marginZone(page: PdfPage, line: Line): 'top' | 'bottom' | undefined {
  if (page.height <= 0) return undefined;
  if (line.y >= page.height * (1 - MARGIN_SHARE)) return 'top';
  if (line.y <= page.height * MARGIN_SHARE) return 'bottom';
  return undefined;
}

function lineKey(line: Line): string {
  return line.fragments
    .map((fragment) => fragment.text)
    .join('')
    .replace(/\s+/g, '')
    .replace(/\d+/g, '#');
}

const MAX_TABLE_COLUMNS = 60;

const NUMERIC_CELL = /^[-−–+]?[(（]?[\d,，]*\d(?:\.\d+)?[)）]?\s*[%％]?$|^[-—–]{1,2}$/;

/** The page's lines as blocks in reading order: tables where rows of cells line up, columns read one after the other. */
function orderPage(page: PdfPage, lines: readonly Line[]): Block[] {
  if (lines.length === 0) return [];
  const tableOf = findTables(lines);
  const blocks: Block[] = [];
  const emitted = new Set<TableBlock>();
  // Text between tables is laid out on its own: a table across the page ends one arrangement of columns.
  let region: Entry[] = [];
  lines.forEach((line, index) => {
    const table = tableOf.get(index);
    if (!table) {
      region.push({ line, fragments: [...line.fragments] });
      return;
    }
    if (emitted.has(table)) return;
    blocks.push(...orderColumns(region, 0), table);
    emitted.add(table);
    region = [];
  });
  blocks.push(...orderColumns(region, 0));
  return blocks;
}

/** A line, or the part of it that falls in one column. */
interface Entry {
  readonly line: Line;
  readonly fragments: Fragment[];
}

/**
 * Reads a region column by column: split at its gutter, each side read in turn (and split again, so three or more
 * columns come out left to right), lines across the gutter read where they stand.
 */
function orderColumns(entries: readonly Entry[], depth: number): TextBlock[] {
  if (entries.length === 0) return [];
  const gutter = depth < 4 ? findGutter(entries.flatMap((entry) => entry.fragments)) : undefined;
  if (gutter === undefined) return textBlocks(entries);
  const blocks: TextBlock[] = [];
  const leftColumn: Entry[] = [];
  const rightColumn: Entry[] = [];
  const full: Entry[] = [];
  const flushColumns = (): void => {
    blocks.push(...orderColumns(leftColumn.splice(0), depth + 1), ...orderColumns(rightColumn.splice(0), depth + 1));
  };
  const flushFull = (): void => {
    blocks.push(...textBlocks(full.splice(0)));
  };
  const crosses = (fragment: Fragment): boolean => fragment.x0 < gutter && fragment.x1 > gutter;
  /** Whether an entry after `index`, before the next one across the gutter, has text right of the gutter. */
  const hasRightTextAfter = (index: number): boolean => {
    for (let next = index + 1; next < entries.length; next += 1) {
      const fragments = (entries[next] as Entry).fragments;
      if (fragments.some(crosses)) return false;
      if (fragments.some((fragment) => fragment.x0 >= gutter)) return true;
    }
    return false;
  };
  entries.forEach((entry, index) => {
    const { line } = entry;
    if (entry.fragments.some(crosses)) {
      flushColumns();
      full.push(entry);
      return;
    }
    const left = entry.fragments.filter((fragment) => fragment.x1 <= gutter);
    const right = entry.fragments.filter((fragment) => fragment.x0 >= gutter);
    // A left-only line more than a line below the end of the right column, with no right-column text after it before
    // the next full-width line, follows the two-column block (a closing line under balanced columns, which end within
    // a line of each other): it is read after both.
    const lowestRight = rightColumn[rightColumn.length - 1]?.line.y;
    if (right.length === 0 && lowestRight !== undefined && line.y < lowestRight - 1.5 * line.fontSize && !hasRightTextAfter(index)) {
      flushColumns();
      full.push(entry);
      return;
    }
    flushFull();
    if (left.length > 0) leftColumn.push({ line, fragments: left });
    if (right.length > 0) rightColumn.push({ line, fragments: right });
  });
  flushColumns();
  flushFull();
  return blocks;
}

/** Text blocks of one column (or of the full width) with the column's edges and line step. */
function textBlocks(column: readonly Entry[]): TextBlock[] {
  if (column.length === 0) return [];
  const left = minOf(column, (entry) => minOf(entry.fragments, (fragment) => fragment.x0));
  const right = maxOf(column, (entry) => maxOf(entry.fragments, (fragment) => fragment.x1));
  const steps: number[] = [];
  for (let index = 1; index < column.length; index += 1) {
    const step = (column[index - 1] as { line: Line }).line.y - (column[index] as { line: Line }).line.y;
    if (step > 0 && step < 4 * (column[index] as { line: Line }).line.fontSize) steps.push(step);
  }
  const lineStep = steps.length > 0 ? minOf(steps, (step) => step) : 0;
  return column.map(({ line, fragments }) => ({
    type: 'text',
    page: line.page,
    fragments,
    x0: minOf(fragments, (fragment) => fragment.x0),
    x1: maxOf(fragments, (fragment) => fragment.x1),
    y: line.y,
    fontSize: line.fontSize,
    left,
    right,
    lineStep,
  }));
}

/**
 * An x position between two columns of text: a band in the middle half of the text area that (almost) no fragment
 * crosses, with at least three fragments wholly on each side. Headings across both columns may cross it.
 */
function findGutter(fragments: readonly Fragment[]): number | undefined {
  if (fragments.length < 6) return undefined;
  const left = minOf(fragments, (fragment) => fragment.x0);
  const right = maxOf(fragments, (fragment) => fragment.x1);
  const width = right - left;
  if (width < 100) return undefined;
  const bins = Math.ceil(width);
  const cover = new Int32Array(bins + 1);
  for (const fragment of fragments) {
    for (let x = Math.max(0, Math.floor(fragment.x0 - left) + 1); x < Math.min(bins, Math.ceil(fragment.x1 - left) - 1); x += 1) cover[x] = (cover[x] ?? 0) + 1;
  }
  // The widest band that at most a few fragments (headings across both columns) cross.
  const allowed = Math.max(1, Math.floor(fragments.length * 0.1));
  let best: { x: number; run: number } | undefined;
  const from = Math.floor(width * 0.25);
  const to = Math.ceil(width * 0.75);
  for (let x = from; x <= to; x += 1) {
    if ((cover[x] ?? 0) > allowed) continue;
    let run = 0;
    while (x + run <= to && (cover[x + run] ?? 0) <= allowed) run += 1;
    if (!best || run > best.run) best = { x: x + run / 2, run };
    x += run;
  }
  if (!best || best.run < 4) return undefined;
  const gutter = left + best.x;
  const leftCount = fragments.filter((fragment) => fragment.x1 <= gutter).length;
  const rightCount = fragments.filter((fragment) => fragment.x0 >= gutter).length;
  if (leftCount < 3 || rightCount < 3) return undefined;
  // Text columns are wide: fragments on each side fill a good part of it (a third: one side may hold two columns).
  const wideLeft = fragments.filter((fragment) => fragment.x1 <= gutter && fragment.x1 - fragment.x0 > (gutter - left) * 0.3).length;
  const wideRight = fragments.filter((fragment) => fragment.x0 >= gutter && fragment.x1 - fragment.x0 > (right - gutter) * 0.3).length;
  if (wideLeft < 2 || wideRight < 2) return undefined;
  return gutter;
}

/**
 * Runs of lines that form a table: at least two rows with a number after the first cell or with three cells or more,
 * with up to two heading rows of several cells just above. Returns, for each line index, its table.
 */
function findTables(lines: readonly Line[]): Map<number, TableBlock> {
  const result = new Map<number, TableBlock>();
  const cellsByLine = new Map(lines.map((line) => [line, cellsOf(line)]));
  const cells = (line: Line | undefined): Cell[] => (line ? (cellsByLine.get(line) ?? []) : []);
  // A row of data: a number after the label, or three cells or more that line up with the row above or below (a list
  // of projects with their lead units) and are not lines of justified text in columns.
  const dataRows = new Set<Line>();
  lines.forEach((line, index) => {
    const own = cells(line);
    // More cells than any table has columns: a line of scattered glyphs, not a row (and not worth pairing up).
    if (own.length > MAX_TABLE_COLUMNS) return;
    if (own.length >= 2 && own.slice(1).some((cell) => NUMERIC_CELL.test(cell.text))) dataRows.add(line);
    else if (own.length >= 3) {
      const neighbours = [cells(lines[index - 1]), cells(lines[index + 1])];
      const lined = neighbours.some((other) => other.length >= 3 && alignedCells(own, other) >= 3);
      if (lined && !neighbours.some((other) => isJustifiedWith(own, other))) dataRows.add(line);
    }
  });
  const isDataRow = (line: Line): boolean => dataRows.has(line);
  let index = 0;
  while (index < lines.length) {
    if (!isDataRow(lines[index] as Line)) {
      index += 1;
      continue;
    }
    let end = index;
    while (end + 1 < lines.length) {
      const next = lines[end + 1] as Line;
      const gap = (lines[end] as Line).y - next.y;
      if (gap > 3.5 * next.fontSize) break;
      if (isDataRow(next)) {
        end += 1;
        continue;
      }
      // A label-only row (a group heading inside the table) between data rows.
      const after = lines[end + 2];
      if (next.fragments.length === 1 && after && isDataRow(after) && next.y - after.y < 3.5 * after.fontSize) {
        end += 2;
        continue;
      }
      break;
    }
    const dataRows = lines.slice(index, end + 1).filter(isDataRow).length;
    if (dataRows < 2) {
      index = end + 1;
      continue;
    }
    let start = index;
    for (let heading = 0; heading < 2 && start > 0 && !result.has(start - 1); heading += 1) {
      const above = lines[start - 1] as Line;
      if (above.fragments.length < 2 || above.y - (lines[start] as Line).y > 3.5 * above.fontSize) break;
      start -= 1;
    }
    const rows = lines.slice(start, end + 1);
    const table: TableBlock = { type: 'table', page: (lines[index] as Line).page, rows: alignCells(rows, isDataRow) };
    for (let row = start; row <= end; row += 1) result.set(row, table);
    index = end + 1;
  }
  return result;
}

/**
 * The texts of a line cut wherever items are more than a third of an em apart: the cells of a table row, even where
 * a narrow table leaves less than an em between them ("合计 | 152,030 | 157,210").
 */
function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let previous: Run | undefined;
  for (const run of line.fragments.flatMap((fragment) => fragment.runs)) {
    const last = cells[cells.length - 1];
    if (last && previous && (previous.item === run.item || run.x0 - previous.x1 <= run.fontSize / 3)) {
      last.text += run.text;
      last.x1 = run.x1;
    } else cells.push({ text: run.text, x0: run.x0, x1: run.x1 });
    previous = run;
  }
  return cells;
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

/**
 * Whether two stretches of Chinese text in `row` end at the same right edge as cells of `other`: justified text in
 * columns, not a table of words (whose words are left-aligned and ragged on the right).
 */
function isJustifiedWith(row: readonly Cell[], other: readonly Cell[]): boolean {
  const justified = row.filter(
    (cell) => (cell.text.match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 6 && other.some((candidate) => Math.abs(cell.x1 - candidate.x1) <= 2),
  );
  return justified.length >= 2;
}

/** How many cells of `row` start, end or centre within 2 points of a cell of `other`. */
function alignedCells(row: readonly Cell[], other: readonly Cell[]): number {
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  return row.filter((cell) =>
    other.some((candidate) => near(cell.x0, candidate.x0) || near(cell.x1, candidate.x1) || near(cell.x0 + cell.x1, candidate.x0 + candidate.x1)),
  ).length;
}

/**
 * Puts each fragment in a column. Columns are the bands of x that the data rows' fragments cover (heading rows, often
 * centred and run together, do not define them); a heading fragment across several bands is split between its items.
 */
function alignCells(rows: readonly Line[], isDataRow: (line: Line) => boolean): (Fragment | undefined)[][] {
  // Bands from the data rows' text items: items closer than a third of an em belong to one cell.
  const dataRuns = rows.filter(isDataRow).flatMap((row) => row.fragments.flatMap((fragment) => fragment.runs));
  const bands: { x0: number; x1: number }[] = [];
  for (const run of [...dataRuns].sort((a, b) => a.x0 - b.x0)) {
    const slack = run.fontSize / 3;
    const band = bands.find((candidate) => run.x0 < candidate.x1 + slack && run.x1 > candidate.x0 - slack);
    if (band) {
      band.x0 = Math.min(band.x0, run.x0);
      band.x1 = Math.max(band.x1, run.x1);
    } else bands.push({ x0: run.x0, x1: run.x1 });
  }
  bands.sort((a, b) => a.x0 - b.x0);
  for (let index = 1; index < bands.length; index += 1) {
    const previous = bands[index - 1] as { x0: number; x1: number };
    const band = bands[index] as { x0: number; x1: number };
    if (band.x0 < previous.x1) {
      previous.x1 = Math.max(previous.x1, band.x1);
      bands.splice(index, 1);
      index -= 1;
    }
  }
  const nearestBand = (x0: number, x1: number): number => {
    let best = 0;
    let bestDistance = Infinity;
    bands.forEach((band, index) => {
      const overlap = Math.min(x1, band.x1) - Math.max(x0, band.x0);
      const distance = overlap > 0 ? -overlap : Math.min(Math.abs(band.x0 - x1), Math.abs(x0 - band.x1));
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    });
    return best;
  };
  return rows.map((row) => {
    const cells: (Fragment | undefined)[] = bands.map(() => undefined);
    const place = (fragment: Fragment, column: number): void => {
      const existing = cells[column];
      cells[column] = existing ? makeFragment([...existing.runs, ...fragment.runs]) : fragment;
    };
    for (const fragment of row.fragments) {
      const spanned = bands.filter((band) => fragment.x0 < band.x1 && fragment.x1 > band.x0).length;
      if (spanned <= 1 || fragment.runs.length === 1) {
        place(fragment, nearestBand(fragment.x0, fragment.x1));
        continue;
      }
      // Runs go to the band nearest their centre.
      const byBand = new Map<number, Run[]>();
      for (const run of fragment.runs) {
        const column = nearestBand((run.x0 + run.x1) / 2, (run.x0 + run.x1) / 2);
        byBand.set(column, [...(byBand.get(column) ?? []), run]);
      }
      for (const [column, runs] of byBand) place(makeFragment(runs), column);
    }
    return cells;
  });
}

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

function writeBlocks(blocks: readonly Block[], problems: Problem[]): ReaderResult {
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

/**
 * CJK radical code points some PDF fonts map their glyphs to, and the ideograph each stands for in running text
 * (Unicode's EquivalentUnifiedIdeograph, simplified forms where the radical is the simplified one): "⺠" → "民".
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '⺁厂', '⺅亻', '⺆冂', '⺇几', '⺉刂', '⺊卜', '⺋㔾', '⺌小', '⺍小', '⺎兀', '⺐尢', '⺒巳', '⺓幺', '⺔彑', '⺕彐',
    '⺖忄', '⺗心', '⺘扌', '⺙攵', '⺛旡', '⺜日', '⺝月', '⺞歺', '⺟母', '⺠民', '⺡氵', '⺢氺', '⺣灬', '⺤爫', '⺥爫',
    '⺦丬', '⺧牛', '⺨犭', '⺩王', '⺪疋', '⺫罒', '⺬示', '⺭礻', '⺮竹', '⺯糸', '⺰纟', '⺱罓', '⺲罒', '⺶羊', '⺷羊',
    '⺹耂', '⺺肀', '⺻聿', '⺼月', '⺽臼', '⺾艹', '⺿艹', '⻀艹', '⻁虎', '⻂衤', '⻃覀', '⻄西', '⻅见', '⻆角', '⻈讠',
    '⻉贝', '⻋车', '⻌辶', '⻍辶', '⻎辶', '⻏阝', '⻐钅', '⻑長', '⻒镸', '⻓长', '⻔门', '⻖阝', '⻗雨', '⻘青', '⻙韦',
    '⻚页', '⻛风', '⻜飞', '⻝食', '⻟飠', '⻠饣', '⻢马', '⻣骨', '⻤鬼', '⻥鱼', '⻦鸟', '⻧卤', '⻨麦', '⻩黄', '⻪黾',
    '⻫斉', '⻬齐', '⻭歯', '⻮齿', '⻯竜', '⻰龙', '⻱龜', '⻲亀', '⻳龟',
  ].map((pair) => [pair.charAt(0), pair.charAt(1)]),
);

/**
 * Maps presentation forms some PDF fonts use back to ordinary characters, one for one so offsets stay exact:
 * Kangxi radicals ("⼀" U+2F00 → "一"), CJK radical supplements ("⺠" → "民"); Latin ligatures ("ﬁ" → "fi") change
 * the length and map as a whole.
 */
function normalizeGlyphs(text: string): string {
  if (!/[\u2e80-\u2fdf\ufb00-\ufb06]/.test(text)) return text;
  return text.replace(/[\u2e80-\u2fdf\ufb00-\ufb06]/g, (char) => RADICAL_SUPPLEMENT[char] ?? char.normalize('NFKC'));
}

/** The smallest of `values` by `key`, without spreading arrays onto the call stack (pages can hold many items). */
function minOf<T>(values: readonly T[], key: (value: T) => number): number {
  let result = Infinity;
  for (const value of values) result = Math.min(result, key(value));
  return result;
}

function maxOf<T>(values: readonly T[], key: (value: T) => number): number {
  let result = -Infinity;
  for (const value of values) result = Math.max(result, key(value));
  return result;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
