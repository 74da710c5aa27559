/**
 * Puts a page's lines in reading order as blocks: tables where rows of cells line up, two-column pages read column by
 * column, text blocks by their left edge and line step. Example: a two-column page → the left column's block, then the right's.
 */
import { maxOf, minOf } from './layout-math.ts';
import type { Block, Fragment, Line, TableBlock, TextBlock } from './pdf-layout.model.ts';
import type { PdfPage } from './pdf-pages.ts';
import { findTables } from './pdf-tables.finder.ts';

/** The page's lines as blocks in reading order: tables where rows of cells line up, columns read one after the other. */
export function orderPage(page: PdfPage, lines: readonly Line[]): Block[] {
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
