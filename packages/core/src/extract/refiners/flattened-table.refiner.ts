/**
 * Reads tables that a web page or a converter flattened into one cell per line:
 * "产品名称 / 计量单位 / 产量 / 较上年±% / 饮料酒 / 千升 / 15767 / 18.64 / …" → 15767 千升 and 18.64 %.
 * The header row is the run of lines without digits; every later group of as many lines is a row. A column headed
 * 单位 gives the unit of the row's figures; a column headed with % (or 增长, ±) holds percentages.
 */
import { scaleDecimal } from '../../numbers/decimal.ts';
import { matchUnit } from '../../numbers/units.ts';
import type { QuantityCandidate } from '../candidate.ts';

interface Cell {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A cell is short and holds no sentence. */
const MAX_CELL = 16;
const SENTENCE_MARK = /[。，；：！？]/u;
const MIN_COLUMNS = 3;
const UNIT_HEADER = /单位/u;
const PERCENT_HEADER = /[%％±]|增长|增速|增幅|比重|占比/u;
const MAGNITUDE = /^(万亿|亿|万)?(.+)$/u;
const MAGNITUDE_POWER: Readonly<Record<string, number>> = { 万亿: 12, 亿: 8, 万: 4 };

/**
 * Gives the bare numbers inside flattened tables the unit their row or column states; others stay bare.
 * @example refineFlattenedTables(text, candidates) // 15767 under 计量单位 千升 → unit 千升
 */
export function refineFlattenedTables(text: string, candidates: QuantityCandidate[]): void {
  const bare = new Map<number, QuantityCandidate>();
  for (const candidate of candidates) if (candidate.unit === undefined) bare.set(candidate.start, candidate);
  if (bare.size === 0) return;
  for (const run of cellRuns(text)) {
    // A caption (主要工业产品产量) may stand above the header: the header is the choice of first line and width
    // under which every row has its numbers in the same columns.
    const layout = findLayout(run);
    if (!layout) continue;
    const header = run.slice(layout.start, layout.start + layout.columns);
    const body = run.slice(layout.start + layout.columns);
    const headerCount = layout.columns;
    const rows = Math.floor(body.length / headerCount);
    const unitColumn = header.findIndex((cell) => UNIT_HEADER.test(cell.text));
    for (let row = 0; row < rows; row++) {
      const cells = body.slice(row * headerCount, (row + 1) * headerCount);
      const rowUnit = unitColumn >= 0 ? cells[unitColumn]?.text : undefined;
      cells.forEach((cell, column) => {
        const candidate = bare.get(cell.start);
        if (!candidate || candidate.end !== cell.end) return;
        if (PERCENT_HEADER.test(header[column]!.text)) {
          Object.assign(candidate, { unit: '%', kind: 'percent', provenance: 'refiner/flattened-table' });
        } else if (rowUnit) {
          applyUnit(candidate, rowUnit);
        }
      });
    }
  }
}

const NUMBER_CELL = /^-?[\d,.]+$/u;
const MAX_CAPTION_LINES = 2;
const MAX_COLUMNS = 8;
const MIN_ROWS = 2;

function findLayout(run: readonly Cell[]): { start: number; columns: number } | undefined {
  for (let start = 0; start <= MAX_CAPTION_LINES; start++) {
    for (let columns = MIN_COLUMNS; columns <= MAX_COLUMNS; columns++) {
      const header = run.slice(start, start + columns);
      if (header.length < columns || header.some((cell) => /\d/u.test(cell.text))) break;
      const body = run.slice(start + columns);
      const rows = Math.floor(body.length / columns);
      if (rows < MIN_ROWS) continue;
      const shapes = new Set<string>();
      for (let row = 0; row < rows; row++) {
        shapes.add(body.slice(row * columns, (row + 1) * columns).map((cell) => (NUMBER_CELL.test(cell.text) ? 'n' : 't')).join(''));
      }
      const [shape] = shapes;
      if (shapes.size === 1 && shape!.includes('n') && shape!.includes('t')) return { start, columns };
    }
  }
  return undefined;
}

/** "万度" → ×10^4 in 度; "千升" stays 千升 (a unit of its own). */
function applyUnit(candidate: QuantityCandidate, unitText: string): void {
  const known = matchUnit(unitText, 0);
  if (known && known.surface === unitText) {
    Object.assign(candidate, { unit: known.unit, kind: known.kind, provenance: 'refiner/flattened-table' });
    return;
  }
  const [, magnitude, rest = ''] = MAGNITUDE.exec(unitText) ?? [];
  const inner = matchUnit(rest, 0);
  if (!magnitude || !inner || inner.surface !== rest || candidate.value.type !== 'exact') {
    // A unit the lexicon does not know (千升, 万箱 without 箱) is kept as written.
    const tail = [...unitText].map((_, index) => matchUnit(unitText, index)).find((unit) => unit !== undefined);
    const kind = tail?.kind === 'measure' ? 'measure' : 'count';
    if (/^\p{Script=Han}{1,4}$/u.test(unitText)) Object.assign(candidate, { unit: unitText, kind, provenance: 'refiner/flattened-table' });
    return;
  }
  const value = scaleDecimal(candidate.value.value, MAGNITUDE_POWER[magnitude]!);
  Object.assign(candidate, { value: { type: 'exact', value }, unit: inner.unit, kind: inner.kind, provenance: 'refiner/flattened-table' });
}

/** Runs of consecutive short lines (blank lines between them allowed), each a cell. */
function cellRuns(text: string): Cell[][] {
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line.length > 0) {
      if (line.length <= MAX_CELL && !SENTENCE_MARK.test(line)) {
        const offset = start + text.slice(start, end).indexOf(line);
        run.push({ start: offset, end: offset + line.length, text: line });
      } else {
        if (run.length >= MIN_COLUMNS * 2) runs.push(run);
        run = [];
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (run.length >= MIN_COLUMNS * 2) runs.push(run);
  return runs;
}
