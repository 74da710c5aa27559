/**
 * Finds one figure stated twice far apart, perhaps in another form: the same metric with the same growth rate, in the
 * text and again in a later paragraph or a table row written "a | b | c".
 * Example: "全年粮食产量3.05万吨，比上年增长2.1%。" … "粮食产量 | 30,500吨 | 2.1%" or "粮食产量（万吨） | 3.05 | 2.1"
 * → one metric stated twice.
 * A metric's name alone does not make two figures one fact: a work report names the same task in its review of last
 * year and in its plan for this one ("新建改造口袋公园38个" … "新建改造口袋公园30个"), and on the development
 * corpus such same-named levels differ far more often than they agree. The growth rate stated with each is what ties
 * them to one period and one scope: two different facts seldom share both the name and a rate to two digits.
 */
import type { Decimal } from '../model/decimal.ts';
import { parseDecimal, scaleDecimal } from '../numbers/decimal.ts';
import { matchUnit } from '../numbers/units.ts';
import { cleanMetric, isPerUnit, significantDigits, type Figure } from './figure.ts';
import { intervalFromDecimal, ratNeg, type Interval } from './interval.ts';
import type { Statement } from './statement.ts';
import type { TextSegments } from './text-segments.ts';

/** A level stated with its growth rate under a metric's name: in a sentence, or in a table row. */
export interface MetricStatement {
  readonly metric: string;
  /** The level's unit as extraction normalises it: 吨 for 万吨, 元 for 亿元. */
  readonly unit: string;
  /** The values the level stands for, in that unit. */
  readonly values: Interval;
  /** The level's quantity id, or "span:start-end" for a bare number in a table cell ("3.05" under 万吨). */
  readonly stated: string;
  /** The level's quantity, when extraction found it. */
  readonly figure?: Figure;
  /** The level as the text writes it, with the unit a bare cell takes from its row or column: "3.05（万吨）". */
  readonly shown: string;
  readonly start: number;
  readonly end: number;
  /** The growth rate's sign and value in percent, as a key: "1|21/10". */
  readonly rate: string;
}

/** A column header, or a rate cell's own words, that make a table cell's number a growth rate. */
const GROWTH_HEADER = /增长|增速|增幅|比上年|同比/;
const CELL_SEPARATOR = /[|｜\t]/;
const BARE_NUMBER = /^\s*(-?[\d,，]*\d(?:\.\d+)?)\s*$/;
const MAGNITUDES: Readonly<Record<string, number>> = { 万亿: 12, 亿: 8, 万: 4, 千: 3, 百: 2 };

type Cell = { readonly start: number; readonly end: number };

function rateKey(sign: number, percent: Interval): string {
  return `${sign}|${percent.point.num}/${percent.point.den}`;
}

/** True when a level can stand for a fact of its own: exact, a whole (not a part, a from-figure or a per-unit figure). */
function isPlainLevel(level: Figure | undefined): level is Figure {
  return level !== undefined && level.role === 'level' && level.interval !== undefined && !level.isPart && !level.isFrom && level.quantity.unit !== '%' && !isPerUnit(level);
}

function fromFigure(level: Figure, metric: string, rate: string): MetricStatement {
  return {
    metric,
    unit: level.quantity.unit,
    values: level.interval as Interval,
    stated: level.quantity.id,
    figure: level,
    shown: level.quantity.text.replace(/\s+/g, ''),
    start: level.quantity.start,
    end: level.quantity.end,
    rate,
  };
}

/** The levels the text states in sentences, each with the one growth rate of its statement. */
function statementsInSentences(statements: readonly Statement[]): MetricStatement[] {
  const found: MetricStatement[] = [];
  for (const statement of statements) {
    const rate = statement.rates.length === 1 ? statement.rates[0] : undefined;
    if (!isPlainLevel(statement.level) || !rate?.interval || significantDigits(rate.quantity) < 2) continue;
    if (statement.level.metric.length < 2) continue;
    found.push(fromFigure(statement.level, statement.level.metric, rateKey(rate.sign, rate.interval)));
  }
  return found;
}

/** The cells of a table line as [start, end) offsets in the text. */
function cellsOf(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || CELL_SEPARATOR.test(text[i] ?? '')) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  return cells;
}

/** A unit word with an optional magnitude, alone or in brackets: "万吨", "（亿元）" → { power: 4, unit: '吨' }. */
function readUnitWord(words: string): { power: number; unit: string; surface: string } | undefined {
  const inner = /[（(]\s*(?:单位[：:]\s*)?([^（）()]+?)\s*[）)]/.exec(words)?.[1] ?? words.trim();
  const magnitude = /^(万亿|亿|万|千|百)?/.exec(inner)?.[1] ?? '';
  const rest = inner.slice(magnitude.length);
  const unit = rest.length > 0 ? matchUnit(rest, 0) : undefined;
  if (!unit || unit.surface !== rest || unit.unit === '%') return undefined;
  return { power: MAGNITUDES[magnitude] ?? 0, unit: unit.unit, surface: inner };
}

/** A bare number of a cell, exactly as written: "30,500" → 30500, "3.05" → 3.05. */
function bareNumber(text: string, cell: Cell): Decimal | undefined {
  const match = BARE_NUMBER.exec(text.slice(cell.start, cell.end));
  return match ? parseDecimal((match[1] ?? '').replace(/[,，]/g, '')) : undefined;
}

const within = (cell: Cell, figure: Figure): boolean => cell.start <= figure.quantity.start && figure.quantity.end <= cell.end;

/**
 * The levels of table rows, each with a growth rate in its row: "粮食产量 | 30,500吨 | 2.1%", or bare numbers whose
 * unit the row's label or the column header gives ("粮食产量（万吨） | 3.05 | 2.1" under "比上年增长（%）"). The
 * metric is the first cell; the row must hold exactly one level and one rate, and the rate's own cell or its column
 * header (the nearest line of cells above that holds no number) must say it is a growth rate.
 */
function statementsInTableRows(text: string, figures: readonly Figure[]): MetricStatement[] {
  const found: MetricStatement[] = [];
  let header: Cell[] | undefined;
  let next = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const cells = CELL_SEPARATOR.test(text.slice(lineStart, lineEnd)) ? cellsOf(text, lineStart, lineEnd) : [];
    while (next < figures.length && (figures[next]?.quantity.start ?? Infinity) < lineStart) next++;
    const inLine: Figure[] = [];
    for (let k = next; k < figures.length && (figures[k]?.quantity.end ?? Infinity) <= lineEnd; k++) inLine.push(figures[k] as Figure);
    const numbered = cells.map((cell) => inLine.some((f) => within(cell, f)) || bareNumber(text, cell) !== undefined);
    if (cells.length < 3) header = undefined;
    else if (!numbered.some(Boolean)) header = cells;
    else {
      const row = readTableRow(text, cells, inLine, header);
      if (row) found.push(row);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return found;
}

function readTableRow(text: string, cells: readonly Cell[], inLine: readonly Figure[], header: readonly Cell[] | undefined): MetricStatement | undefined {
  const words = (cell: Cell | undefined): string => (cell ? text.slice(cell.start, cell.end) : '');
  const label = cells[0] as Cell;
  const metric = cleanMetric(words(label));
  if (metric.length < 2) return undefined;
  const isGrowthColumn = (column: number): boolean => GROWTH_HEADER.test(words(cells[column])) || GROWTH_HEADER.test(words(header?.[column]));
  // a unit named once for the row: in the label's brackets, or in a cell of its own ("粮食产量 | 万吨 | 3.05 | 2.1")
  const rowUnit = readUnitWord(words(label)) ?? cells.slice(1).map((cell) => readUnitWord(words(cell))).find((unit) => unit !== undefined);
  let level: MetricStatement | undefined;
  let rate: string | undefined;
  let levels = 0;
  let rates = 0;
  for (let column = 1; column < cells.length; column++) {
    const cell = cells[column] as Cell;
    const figure = inLine.find((f) => within(cell, f));
    const bare = figure ? undefined : bareNumber(text, cell);
    if (isGrowthColumn(column) && (figure?.quantity.unit === '%' || bare)) {
      rates += 1;
      const values = figure ? figure.interval : bare && intervalFromDecimal(bare);
      if (!values || (figure ? significantDigits(figure.quantity) : significantDigitsOf(bare)) < 2) return undefined;
      // a fall is written with a minus sign or 下降 in its cell; the value itself is then read as its size
      const isFall = /[-−－]|下降|减少/.test(words(cell));
      const size = values.point.num < 0n ? { low: ratNeg(values.high), point: ratNeg(values.point), high: ratNeg(values.low) } : values;
      rate = rateKey(isFall ? -1 : 1, size);
    } else if (figure && figure.quantity.unit !== '%' && figure.interval && !isPerUnit(figure)) {
      levels += 1;
      level = fromFigure(figure, metric, '');
    } else if (bare) {
      const unit = readUnitWord(words(header?.[column])) ?? rowUnit;
      if (!unit) return undefined;
      levels += 1;
      const value = scaleDecimal(bare, unit.power);
      level = {
        metric,
        unit: unit.unit,
        values: intervalFromDecimal(value),
        stated: `span:${cell.start}-${cell.end}`,
        shown: `${words(cell).trim()}（${unit.surface}）`,
        start: cell.start,
        end: cell.end,
        rate: '',
      };
    }
  }
  if (levels !== 1 || rates !== 1 || !level || rate === undefined) return undefined;
  return { ...level, rate };
}

function significantDigitsOf(value: Decimal | undefined): number {
  if (!value) return 0;
  const digits = (value.mantissa < 0n ? -value.mantissa : value.mantissa).toString().replace(/^0+/, '');
  return digits.length;
}

/** Words that put a figure in a period other than the year under review: a year, a plan, a span of years. */
const PERIOD_WORDS = /\d{4}年|今年|明年|十[一二三四五六]五|[一二三四五六七八九十两]年来|以来|累计|目标|力争|预计|计划|确保|争取/g;
/** A place that narrows the scope: "高新区", "城关镇", "XX县" (the report's own 全市 / 全省 and words that only end in 区 are not). */
const PLACE_WORDS = /[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|旗|盟|镇|乡)/g;
const NOT_PLACES = /全[国省市区县州旗盟]|地区|市场|城区|社区|园区|景区|辖区|城市|市民|县域|区域|州域|乡村|城镇|镇村/g;
/** The longest line read as a heading above a statement: "（三）高新区", "表2 主要农产品产量". */
const HEADING_LENGTH = 24;

/** The sentence (or table line) up to a statement, and the nearest heading line above it that is not part of a table. */
function wordsBefore(text: string, s: MetricStatement): string {
  let start = s.start;
  while (start > 0 && !/[。！？；\n]/.test(text[start - 1] ?? '')) start--;
  let heading = '';
  for (let end = text.lastIndexOf('\n', s.start - 1); end > 0; ) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(lineStart, end).trim();
    if (line.length > 0 && !CELL_SEPARATOR.test(line)) {
      if (line.length <= HEADING_LENGTH && !/[。；]$/.test(line)) heading = line;
      break;
    }
    end = lineStart - 1;
  }
  return `${heading}|${text.slice(start, s.start)}`;
}

function wordSet(words: string, pattern: RegExp): string {
  return [...new Set(words.match(pattern) ?? [])].sort().join('|');
}

/**
 * True when the words of a statement's sentence (or table line) up to it, or the heading just above it, name periods
 * or places the other's do not ("今年，粮食产量…" against "全年粮食产量…"; a section "（三）高新区" against the whole
 * city): the two may then be a plan and a result, or a part and the whole, so a difference between them is no sure
 * error.
 * @example namesOtherPeriod('全年粮食产量3.05万吨…今年，粮食产量3.15万吨…', later, earlier) // true
 */
export function namesOtherPeriod(text: string, a: MetricStatement, b: MetricStatement): boolean {
  const [wordsA, wordsB] = [wordsBefore(text, a), wordsBefore(text, b)];
  if (wordSet(wordsA, PERIOD_WORDS) !== wordSet(wordsB, PERIOD_WORDS)) return true;
  const places = (words: string): string => wordSet(words.replace(NOT_PLACES, '，'), PLACE_WORDS);
  return places(wordsA) !== places(wordsB);
}

function paragraphAt(segments: TextSegments, offset: number): number {
  let low = 0;
  let high = segments.paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments.paragraphs[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Pairs [later, earlier] of statements of one fact: the same metric, the same unit, the same growth rate (to at least
 * two significant digits), in different paragraphs. A name and rate stated more than twice (two districts with one
 * name and one rate) is left alone, as ambiguous.
 * @example findSameMetricPairs(text, segments, statements, figures)
 * // "粮食产量3.05万吨，增长2.1%" … "粮食产量 | 35,500吨 | 2.1%" → [[35,500吨, 3.05万吨]]
 */
export function findSameMetricPairs(text: string, segments: TextSegments, statements: readonly Statement[], figures: readonly Figure[]): [MetricStatement, MetricStatement][] {
  const inTables = statementsInTableRows(text, figures);
  const inTableRow = new Set(inTables.map((s) => s.stated));
  const all = [...statementsInSentences(statements).filter((s) => !inTableRow.has(s.stated)), ...inTables].sort((a, b) => a.start - b.start);
  const byKey = new Map<string, MetricStatement[]>();
  for (const statement of all) {
    const key = `${statement.metric}|${statement.unit}|${statement.rate}`;
    byKey.set(key, [...(byKey.get(key) ?? []), statement]);
  }
  const pairs: [MetricStatement, MetricStatement][] = [];
  for (const group of byKey.values()) {
    if (group.length !== 2) continue;
    const [earlier, later] = group as [MetricStatement, MetricStatement];
    if (paragraphAt(segments, earlier.start) === paragraphAt(segments, later.start)) continue;
    pairs.push([later, earlier]);
  }
  return pairs;
}
