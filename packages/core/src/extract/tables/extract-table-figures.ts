/**
 * Reads the figures of a table: each numeric cell becomes a quantity with its row label, its column header, its
 * budget phase and its unit from the cell, the header, the row label or the caption ("单位：万元").
 * Example: caption "单位：万元", header "项目 | 预算数 | 执行数", row "教育支出 | 33,500 | 34,200" →
 * 教育支出 · 执行数 = 342000000 元, phase 'executed'.
 */
import type { Decimal } from '../../model/decimal.ts';
import type { Problem } from '../../model/problem.ts';
import type { Period, Quantity, QuantityKind } from '../../model/quantity.ts';
import type { Table, TableCell } from '../../model/table.ts';
import { parseDecimal, scaleDecimal, negateDecimal } from '../../numbers/decimal.ts';
import { matchUnit } from '../../numbers/units.ts';
import type { BudgetPhase } from '../../model/vocabulary.ts';

/** Budget phases, as in the Fiscal Data Package: 预算草案 · 预算 / 年初预算 · 调整预算 · 执行数 / 决算数. */
export type { BudgetPhase } from '../../model/vocabulary.ts';

/** One numeric cell of a table, read as a quantity. Its span is the cell's span in the extracted text. */
export interface TableFigure extends Quantity {
  readonly tableId: string;
  readonly row: number;
  readonly column: number;
  /** The text of the row's label cell: 教育支出. */
  readonly rowLabel: string;
  /** The column's header, header rows joined by a space: "2023年 预算数". */
  readonly columnHeader: string;
  readonly phase?: BudgetPhase;
  /** A 合计 / 总计 / 小计 row. */
  readonly isTotal: boolean;
}

/** Figures of one table, and what could not be read. */
export interface TableFigures {
  readonly items: readonly TableFigure[];
  readonly problems: readonly Problem[];
}

interface UnitReading {
  readonly unit: string;
  readonly kind: QuantityKind;
  /** Power of ten the written number is multiplied by: 万元 → 4. */
  readonly power: number;
}

const MAGNITUDES: readonly [string, number][] = [
  ['万亿', 12],
  ['千亿', 11],
  ['百亿', 10],
  ['亿', 8],
  ['千万', 7],
  ['百万', 6],
  ['十万', 5],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];

/** A cell that holds one number: "33,500", "-1.2", "（120）", "98.8%", "１２３". */
const NUMBER_CELL = /^(?<negative>[-−–])?(?<open>[(（])?(?<digits>\d+(?:\.\d+)?)(?<close>[)）])?(?<unit>%|％|[^\d\s]{1,6})?$/;

/**
 * Reads every numeric cell of `table` as a figure. Pure: `text` is the document text the table's spans point into.
 * @example
 * // caption '单位：万元', rows [['项目','调整预算数','执行数'], ['教育支出','34,600','34,200']]
 * extractTableFigures(text, table).items[1]
 * // → { rowLabel: '教育支出', columnHeader: '执行数', phase: 'executed', unit: '元', kind: 'money',
 * //     value: { type: 'exact', value: { mantissa: 34200n, exponent: 4 } }, text: '34,200', … }
 */
export function extractTableFigures(text: string, table: Table): TableFigures {
  const items: TableFigure[] = [];
  const problems: Problem[] = [];
  const rows = table.rows;
  const headerCount = countHeaderRows(rows);
  const headers = columnHeaders(rows.slice(0, headerCount));
  const tableUnit = unitFromNote(table.caption ?? '') ?? firstDefined(rows.slice(0, headerCount).flat().map((cell) => unitFromNote(cell.text)));
  const tableYear = yearIn(table.caption ?? '');
  for (const row of rows.slice(headerCount)) {
    const labelCell = row.find((cell) => cell.text.trim().length > 0 && parseNumberCell(cell.text) === undefined);
    const rowLabel = labelCell ? cleanLabel(labelCell.text) : '';
    const isTotal = /^(合\s*计|总\s*计|小\s*计|共\s*计|全区合计|全市合计|支出合计|收入合计)/.test(rowLabel);
    for (const cell of row) {
      if (cell === labelCell) continue;
      const number = parseNumberCell(cell.text);
      if (!number) continue;
      const columnHeader = headers[cell.column] ?? '';
      const unit = number.unit ?? unitFromHeader(columnHeader) ?? unitFromHeader(labelCell?.text ?? '') ?? tableUnit;
      if (!unit) {
        problems.push({ code: 'table-unit-unknown', message: `表格单元格“${cell.text}”（${rowLabel} · ${columnHeader}）没有单位`, span: spanOf(cell) });
        continue;
      }
      if (text.slice(cell.start, cell.end) !== cell.text) {
        problems.push({ code: 'table-cell-span', message: `表格单元格“${cell.text}”的位置与文本不符`, span: spanOf(cell) });
      }
      const value = scaleDecimal(number.value, unit.power);
      const year = yearIn(columnHeader) ?? tableYear;
      const period: Period | undefined = year === undefined ? undefined : { year };
      const phase = unit.kind === 'money' || unit.kind === 'count' || unit.kind === 'measure' ? phaseOf(columnHeader) : undefined;
      const growth = unit.kind === 'percent' && /增[长减幅]|增速|同比|比上年/.test(columnHeader);
      items.push({
        id: `${table.id}-r${cell.row}c${cell.column}`,
        start: cell.start,
        end: cell.end,
        text: cell.text,
        value: { type: 'exact', value },
        unit: unit.unit,
        kind: unit.kind,
        ...(rowLabel ? { metric: rowLabel } : {}),
        ...(growth ? { role: 'growth_rate' as const } : {}),
        ...(period ? { period } : {}),
        provenance: 'table/figure',
        tableId: table.id,
        row: cell.row,
        column: cell.column,
        rowLabel,
        columnHeader,
        ...(phase ? { phase } : {}),
        isTotal,
      });
    }
  }
  return { items, problems };
}

/** Header rows: those before the first row with a number after its first cell (at most three). */
function countHeaderRows(rows: readonly (readonly TableCell[])[]): number {
  for (let index = 0; index < rows.length && index < 4; index += 1) {
    const row = rows[index] as readonly TableCell[];
    if (row.slice(1).some((cell) => parseNumberCell(cell.text) !== undefined && !/^(19|20)\d{2}$/.test(cell.text.trim()))) return index;
  }
  return Math.min(1, rows.length);
}

/** Each column's header: its header cells joined; an empty cell of an upper header row takes its left neighbour's. */
function columnHeaders(headerRows: readonly (readonly TableCell[])[]): string[] {
  const width = Math.max(0, ...headerRows.map((row) => row.length));
  const headers: string[][] = Array.from({ length: width }, () => []);
  headerRows.forEach((row, rowIndex) => {
    let carried = '';
    for (let column = 0; column < width; column += 1) {
      const cell = row.find((candidate) => candidate.column === column);
      let text = cell ? cell.text.trim() : '';
      // A unit note sitting in a header cell ("单位：万元") is the table's unit, not a column's name.
      if (/^(金额)?单位\s*[：:]/.test(text)) text = '';
      if (text.length === 0 && rowIndex < headerRows.length - 1 && column > 0) text = carried;
      if (text.length > 0) carried = text;
      const parts = headers[column] as string[];
      if (text.length > 0 && !parts.includes(text)) parts.push(text);
    }
  });
  return headers.map((parts) => parts.join(' '));
}

function parseNumberCell(raw: string): { value: Decimal; unit?: UnitReading } | undefined {
  const text = raw
    .replace(/[０-９．]/g, (char) => (char === '．' ? '.' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s\u00a0\u3000]/g, '');
  const match = NUMBER_CELL.exec(text);
  if (!match?.groups) return undefined;
  const { negative, open, digits, close, unit: unitText } = match.groups;
  if ((open === undefined) !== (close === undefined)) return undefined;
  let value = parseDecimal(digits as string);
  if (!value) return undefined;
  if (negative || open) value = negateDecimal(value);
  if (unitText === undefined) return { value };
  const unit = readUnit(unitText);
  return unit && unit.consumed === unitText.length ? { value, unit } : undefined;
}

/** "万元" → 元 ×10^4; "%" → percent; "个百分点" → pp; "亩" → measure. */
function readUnit(text: string): (UnitReading & { consumed: number }) | undefined {
  if (text.startsWith('%') || text.startsWith('％')) return { unit: '%', kind: 'percent', power: 0, consumed: 1 };
  let power = 0;
  let offset = 0;
  for (const [word, magnitude] of MAGNITUDES) {
    if (text.startsWith(word)) {
      power = magnitude;
      offset = word.length;
      break;
    }
  }
  const entry = matchUnit(text, offset);
  if (!entry) return undefined;
  const unit = entry.kind === 'money' && entry.unit === '元' ? '元' : entry.unit;
  return { unit, kind: entry.kind, power, consumed: offset + entry.surface.length };
}

/** The unit of a note: "单位：万元", "金额单位：亿元". */
function unitFromNote(text: string): UnitReading | undefined {
  const match = /单位\s*[：:]\s*(\S+)/.exec(text);
  return match ? readUnit(match[1] as string) : undefined;
}

/** The unit a header or label states: "预算数（万元）", "增长(%)", "完成预算%", "面积（亩）". */
function unitFromHeader(text: string): UnitReading | undefined {
  const note = unitFromNote(text);
  if (note) return note;
  const bracket = /[(（]\s*([^()（）]{1,8}?)\s*[)）]/.exec(text);
  if (bracket) {
    const unit = readUnit(bracket[1] as string);
    if (unit && unit.consumed === (bracket[1] as string).length) return unit;
  }
  if (/[%％]\s*$|百分比|比重|占比|增长率|增幅|完成率/.test(text)) return { unit: '%', kind: 'percent', power: 0 };
  return undefined;
}

/** 调整预算 → adjusted; 执行数 / 决算数 / 完成数 → executed; 预算草案 → proposed; 预算数 / 年初预算 → approved. */
function phaseOf(header: string): BudgetPhase | undefined {
  if (/调整预算|调整后|变动后/.test(header)) return 'adjusted';
  if (/执行|决算|完成数|完成额|实际|实绩/.test(header)) return 'executed';
  if (/草案|预算建议|建议数/.test(header)) return 'proposed';
  if (/预算|年初/.test(header)) return 'approved';
  return undefined;
}

function yearIn(text: string): number | undefined {
  const match = /((?:19|20)\d{2})\s*年/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A row label without its numbering and unit note: "1.教育支出（万元）" → "教育支出". */
function cleanLabel(text: string): string {
  return text
    .trim()
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))\s*/, '')
    .replace(/[(（][^()（）]*[)）]\s*$/, '')
    .replace(/^其中[：:]\s*/, '')
    .trim();
}

function spanOf(cell: TableCell): { start: number; end: number; text: string } {
  return { start: cell.start, end: cell.end, text: cell.text };
}

function firstDefined<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}
