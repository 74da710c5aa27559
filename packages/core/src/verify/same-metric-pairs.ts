/**
 * Finds one figure stated twice far apart, perhaps in another form: the same metric with the same growth rate, in the
 * text and again in a later paragraph or a table row written "a | b | c".
 * Example: "全年粮食产量3.05万吨，比上年增长2.1%。" … "粮食产量 | 30,500吨 | 2.1%" → the pair [30,500吨, 3.05万吨].
 * A metric's name alone does not make two figures one fact: a work report names the same task in its review of last
 * year and in its plan for this one ("新建改造口袋公园38个" … "新建改造口袋公园30个"), and on the development
 * corpus such same-named pairs differ far more often than they agree. The growth rate stated with each is what ties
 * them to one period and one scope: two different facts seldom share both the name and a rate to two digits.
 */
import { cleanMetric, isPerUnit, significantDigits, type Figure } from './figure.ts';
import type { Statement } from './statement.ts';
import type { TextSegments } from './text-segments.ts';

/** A level and the growth rate stated with it, under the metric's name. */
interface RatedLevel {
  readonly level: Figure;
  readonly rate: Figure;
  readonly metric: string;
}

/** A column header, or a rate cell's own words, that make a table cell's percentage a growth rate. */
const GROWTH_HEADER = /增长|增速|增幅|比上年|同比/;
const CELL_SEPARATOR = /[|｜\t]/;

const ratePoint = (rate: Figure): string | undefined =>
  rate.interval ? `${rate.sign}|${rate.interval.point.num}/${rate.interval.point.den}` : undefined;

/** True when a level can stand for a fact of its own: exact, a whole (not a part, a from-figure or a per-unit figure). */
function isPlainLevel(level: Figure | undefined): level is Figure {
  return level !== undefined && level.role === 'level' && level.interval !== undefined && !level.isPart && !level.isFrom && level.quantity.unit !== '%' && !isPerUnit(level);
}

/** The rated levels the text states in sentences: a level and the one growth rate of its statement. */
function ratedLevelsInSentences(statements: readonly Statement[]): RatedLevel[] {
  const found: RatedLevel[] = [];
  for (const statement of statements) {
    const rate = statement.rates.length === 1 ? statement.rates[0] : undefined;
    if (!isPlainLevel(statement.level) || !rate?.interval || significantDigits(rate.quantity) < 2) continue;
    if (statement.level.metric.length < 2) continue;
    found.push({ level: statement.level, rate, metric: statement.level.metric });
  }
  return found;
}

/** The cells of a table line as [start, end) offsets in the text. */
function cellsOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || CELL_SEPARATOR.test(text[i] ?? '')) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  return cells;
}

/**
 * The rated levels of table rows: "粮食产量 | 30,500吨 | 2.1%", a row naming its metric in the first cell, with one
 * level in a unit and one percentage whose column header (the nearest line of cells above without figures) or own
 * cell says it is a growth rate.
 */
function ratedLevelsInTableRows(text: string, figures: readonly Figure[]): RatedLevel[] {
  const found: RatedLevel[] = [];
  let header: { start: number; end: number }[] | undefined;
  let lineStart = 0;
  let next = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const cells = CELL_SEPARATOR.test(text.slice(lineStart, lineEnd)) ? cellsOf(text, lineStart, lineEnd) : [];
    while (next < figures.length && (figures[next]?.quantity.start ?? Infinity) < lineStart) next++;
    const inLine: Figure[] = [];
    for (let k = next; k < figures.length && (figures[k]?.quantity.end ?? Infinity) <= lineEnd; k++) inLine.push(figures[k] as Figure);
    if (cells.length < 3) header = undefined;
    else if (inLine.length === 0) header = cells;
    else {
      const levels = inLine.filter((f) => f.quantity.unit !== '%');
      const rates = inLine.filter((f) => f.quantity.unit === '%');
      const level = levels.length === 1 ? levels[0] : undefined;
      const rate = rates.length === 1 ? rates[0] : undefined;
      const metric = cleanMetric(text.slice(cells[0]!.start, cells[0]!.end));
      const column = rate ? cells.findIndex((c) => c.start <= rate.quantity.start && rate.quantity.end <= c.end) : -1;
      const cell = cells[column];
      const headerCell = header?.[column];
      const saysGrowth =
        (cell !== undefined && GROWTH_HEADER.test(text.slice(cell.start, cell.end))) ||
        (headerCell !== undefined && GROWTH_HEADER.test(text.slice(headerCell.start, headerCell.end)));
      const levelColumn = level ? cells.findIndex((c) => c.start <= level.quantity.start && level.quantity.end <= c.end) : -1;
      const levelInOwnCell = levelColumn > 0 && levelColumn !== column;
      if (level?.interval && rate?.interval && metric.length >= 2 && saysGrowth && levelInOwnCell && significantDigits(rate.quantity) >= 2) {
        // a table cell's percentage reads as a level to the sentence reader; the row says it is a rise unless marked as a fall
        const sign: 1 | -1 = /[-−－]|下降|减少/.test(text.slice(cell!.start, cell!.end)) ? -1 : 1;
        found.push({ level, rate: { ...rate, sign }, metric });
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return found;
}

/** Words that put a figure in a period or scope other than the year under review: a year, a plan, a span of years. */
const PERIOD_WORDS = /\d{4}年|今年|明年|十[一二三四五六]五|[一二三四五六七八九十两]年来|以来|累计|目标|力争|预计|计划|确保|争取/g;

/**
 * True when the words of a level's sentence up to it name periods or scopes the other's do not ("今年粮食产量…" against
 * "全年粮食产量…"): the two may then be a plan and a result, so a difference between them is no sure error.
 * @example namesOtherPeriod(text, segments, figure35500, figure305) // true for "今年，粮食产量35,500吨" against "全年粮食产量3.05万吨"
 */
export function namesOtherPeriod(text: string, segments: TextSegments, a: Figure, b: Figure): boolean {
  const words = (f: Figure): string => {
    const sentence = segments.sentences[f.sentence];
    const lineStart = text.lastIndexOf('\n', f.quantity.start - 1) + 1;
    const start = Math.max(sentence?.start ?? 0, lineStart);
    return [...new Set(text.slice(start, f.quantity.start).match(PERIOD_WORDS) ?? [])].sort().join('|');
  };
  return words(a) !== words(b);
}

/**
 * Pairs [later, earlier] of levels that state one fact twice: the same metric, the same unit, the same growth rate
 * (to at least two significant digits), in different paragraphs. A later statement that two earlier ones could
 * match (two districts with one name and one rate) is left alone, as is a pair already written side by side.
 * @example findSameMetricPairs(text, segments, statements, figures)
 * // "粮食产量3.05万吨，增长2.1%" … "粮食产量 | 35,500吨 | 2.1%" → [[35,500吨, 3.05万吨]]
 */
export function findSameMetricPairs(text: string, segments: TextSegments, statements: readonly Statement[], figures: readonly Figure[]): [Figure, Figure][] {
  const inTables = ratedLevelsInTableRows(text, figures);
  const inTableRow = new Set(inTables.map((r) => r.level));
  const all = [...ratedLevelsInSentences(statements).filter((r) => !inTableRow.has(r.level)), ...inTables].sort((a, b) => a.level.order - b.level.order);
  const byKey = new Map<string, RatedLevel[]>();
  for (const rated of all) {
    const point = ratePoint(rated.rate);
    if (point === undefined) continue;
    const key = `${rated.metric}|${rated.level.quantity.unit}|${point}`;
    byKey.set(key, [...(byKey.get(key) ?? []), rated]);
  }
  const pairs: [Figure, Figure][] = [];
  for (const group of byKey.values()) {
    // exactly two statements of the name and rate: a third makes the tie ambiguous
    if (group.length !== 2) continue;
    const [earlier, later] = group as [RatedLevel, RatedLevel];
    if (segments.sentenceParagraph[earlier.level.sentence] === segments.sentenceParagraph[later.level.sentence]) continue;
    pairs.push([later.level, earlier.level]);
  }
  return pairs;
}
