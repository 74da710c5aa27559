/**
 * Finds tables among a page's lines: rows of cells that line up, numbers after the first cell, with up to two heading
 * rows above, cells aligned into columns. Example: "项目 预算数 执行数" over "教育 3.42 3.50" → one table of two rows.
 */
import { makeFragment } from './pdf-lines.builder.ts';
import type { Fragment, Line, Run, TableBlock } from './pdf-layout.model.ts';

const MAX_TABLE_COLUMNS = 60;

const NUMERIC_CELL = /^[-−–+]?[(（]?[\d,，]*\d(?:\.\d+)?[)）]?\s*[%％]?$|^[-—–]{1,2}$/;

/**
 * Runs of lines that form a table: at least two rows with a number after the first cell or with three cells or more,
 * with up to two heading rows of several cells just above. Returns, for each line index, its table.
 */
export function findTables(lines: readonly Line[]): Map<number, TableBlock> {
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
