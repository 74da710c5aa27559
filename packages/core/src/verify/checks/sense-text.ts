/**
 * Reading helpers shared by the common-sense checks (issue 9): sentences, the words between two figures,
 * the bounds a figure's written precision allows, and exact order between two figures.
 * Example: in "优良天数比例从87.5%下降至89.1%", the words between the two figures are "下降至",
 * and 89.1% (89.05–89.15) lies wholly above 87.5% (87.45–87.55).
 */
import { isSentenceEnd } from '../../extract/clauses.ts';
import type { Decimal } from '../../model/decimal.ts';
import type { Finding } from '../../model/finding.ts';
import type { Quantity } from '../../model/quantity.ts';
import { addDecimals, compareDecimals, formatDecimal, negateDecimal } from '../../numbers/decimal.ts';

/** A finding as a check returns it, before `verify` numbers it. */
export type SenseFinding = Omit<Finding, 'id'>;

/** A stretch of text ended by 。！？； (or a blank line), with the figures inside it in reading order. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly quantities: readonly Quantity[];
}


/**
 * Splits a text into sentences: at 。！？； and at blank lines or heading lines, but not at the single line breaks
 * of wrapped text ("比上年增\n长7.4%"). Each sentence carries the figures whose spans start inside it.
 * @example splitSentences('收入5亿元。支出6亿元。', qs).length // 2
 */
export function splitSentences(text: string, quantities: readonly Quantity[]): Sentence[] {
  // Every common-sense check splits the same text: split it once per extraction.
  const cached = sentencesByQuantities.get(quantities);
  if (cached && cached.text === text) return cached.sentences;
  const sentences = splitSentencesOnce(text, quantities);
  sentencesByQuantities.set(quantities, { text, sentences });
  return sentences;
}

const sentencesByQuantities = new WeakMap<readonly Quantity[], { readonly text: string; readonly sentences: Sentence[] }>();

function splitSentencesOnce(text: string, quantities: readonly Quantity[]): Sentence[] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    // A line break ends a sentence here only at a paragraph's or heading's end (below), not by itself.
    let cut = ch !== '\n' && isSentenceEnd(text, i);
    if (!cut && ch === '\n') {
      const next = text[i + 1] ?? '\n';
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const line = text.slice(lineStart, i).trim();
      cut = next === '\n' || next === '#' || line.startsWith('#') || line.length === 0 || /[：:]$/.test(line);
    }
    if (cut) {
      if (i + 1 > start) bounds.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) bounds.push([start, text.length]);
  const sorted = [...quantities].sort((a, b) => a.start - b.start || a.end - b.end);
  const sentences: Sentence[] = [];
  let k = 0;
  for (const [s, e] of bounds) {
    const inside: Quantity[] = [];
    while (k < sorted.length && (sorted[k]?.start ?? 0) < e) {
      const q = sorted[k];
      if (q && q.start >= s) inside.push(q);
      k++;
    }
    if (text.slice(s, e).trim().length > 0) sentences.push({ start: s, end: e, quantities: inside });
  }
  return sentences;
}

/**
 * The text between two offsets without layout: spaces, line breaks and Markdown emphasis removed.
 * @example plainText('较2022年**15.22亿元**', 0, 9) // '较2022年'
 */
export function plainText(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start), Math.max(0, end)).replace(/[\s*_#>　]/g, '');
}

/** An interval of exact values; an end left out is unbounded (a figure stated with 以上 has no upper end). */
export interface Bounds {
  readonly low?: Decimal;
  readonly high?: Decimal;
}

/** Half a unit of the last written digit below and above: 19.3 → 19.25 and 19.35. */
function halfUnit(value: Decimal, sign: 1n | -1n): Decimal {
  return { mantissa: value.mantissa * 10n + sign * 5n, exponent: value.exponent - 1 };
}

/**
 * The values a figure can stand for, given its written precision and its qualifier: 19.3亿元 → 19.25–19.35亿;
 * 92%以上 → from 91.95%, unbounded above; 约2万亿元 → within a tenth of 2万亿 either side.
 * @example boundsOf(q('87.8%')) // { low: 87.75, high: 87.85 }
 */
export function boundsOf(q: Quantity): Bounds {
  const low = q.value.type === 'exact' ? q.value.value : q.value.low;
  const high = q.value.type === 'exact' ? q.value.value : q.value.high;
  const lowBound = halfUnit(low, -1n);
  const highBound = halfUnit(high, 1n);
  // "5千多户", "2300余人": more than the written figure, less than one more unit of its last digit.
  if ((q.comparator === '>' || q.comparator === '>=') && /[多余]/.test(q.text.replace(/余额/g, ''))) {
    return { low, high: { mantissa: high.mantissa + 1n, exponent: high.exponent } };
  }
  if (q.comparator === '>=' || q.comparator === '>') return { low: lowBound };
  if (q.comparator === '<=' || q.comparator === '<') return { high: highBound };
  if (q.comparator === '~') {
    const tenthLow = { mantissa: low.mantissa < 0n ? -low.mantissa : low.mantissa, exponent: low.exponent - 1 };
    const tenthHigh = { mantissa: high.mantissa < 0n ? -high.mantissa : high.mantissa, exponent: high.exponent - 1 };
    return { low: addDecimals(lowBound, negateDecimal(tenthLow)), high: addDecimals(highBound, tenthHigh) };
  }
  return { low: lowBound, high: highBound };
}

/**
 * The figure without a qualifier it shares with `other`: two floors (or two ceilings) are compared as written,
 * as in "2万个以上，其中农村1万个以上" or "由5千多户增加到1万6千多户".
 */
export function withoutSharedBound(q: Quantity, other: Quantity): Quantity {
  const bound = (c: Quantity['comparator']) => (c === '>' ? '>=' : c === '<' ? '<=' : c);
  if (q.comparator === undefined || q.comparator === '~' || bound(q.comparator) !== bound(other.comparator)) return q;
  const { comparator: _dropped, ...rest } = q;
  return rest;
}

/** How two figures stand once their precision is taken into account. */
export type Order = 'less' | 'greater' | 'overlap';

/**
 * 'less' when every value `a` can stand for is below every value `b` can; 'greater' the other way; else 'overlap'.
 * @example orderOf(q('468亿元'), q('500亿元')) // 'less'
 */
export function orderOf(a: Quantity, b: Quantity): Order {
  const x = boundsOf(a);
  const y = boundsOf(b);
  if (x.high && y.low && compareDecimals(x.high, y.low) <= 0) return 'less';
  if (x.low && y.high && compareDecimals(x.low, y.high) >= 0) return 'greater';
  return 'overlap';
}

/** The exact difference a − b of two exact figures, as a decimal string; undefined for ranges. */
export function differenceText(a: Quantity, b: Quantity): string | undefined {
  if (a.value.type !== 'exact' || b.value.type !== 'exact') return undefined;
  return formatDecimal(addDecimals(a.value.value, negateDecimal(b.value.value)));
}

/** True when two figures can be compared at all: same unit and kind. */
export function isSameMeasure(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && a.kind === b.kind;
}

const CHANGE_BEFORE =
  /(?:增长|增加|减少|下降|提高|降低|上升|上涨|回落|增支|减支|增收|减收|增产|减产|净增|新增|净减|扩大|缩小|提升|多|少|增|减|降|升|涨|跌)(?:了)?(?:近|约|超过?|逾)?$/;

/** "新增就业", "市场主体新登记": the figure counts what was added, not the stock. */
const NEW_IN_CLAUSE = /(?:新增|净增|净减|新登记|新注册|新设立)[^\d]{0,6}$/;

/**
 * True when the figure is a change rather than a level: the words just before it say 增加 / 减少 / 新增 …,
 * or extraction gave it the role of a change or a rate.
 * @example isChangeFigure('比上年增加6.66亿元', q('6.66亿元')) // true
 */
export function isChangeFigure(text: string, q: Quantity): boolean {
  if (q.role === 'change' || q.role === 'growth_rate' || q.role === 'pp_change' || q.role === 'multiple') return true;
  if (q.kind === 'percentage_point') return true;
  const before = plainText(text, q.start - 12, q.start).split(/[，。；：、,;:]/).pop() ?? '';
  return CHANGE_BEFORE.test(before) || NEW_IN_CLAUSE.test(before);
}

/**
 * The clause before a figure: from the last comma-like stop (，、：；。) up to the figure, without layout.
 * @example clauseBefore('今年，受理诉求1.2万件', q) // '受理诉求'
 */
export function clauseBefore(text: string, position: number, limit = 30): string {
  return plainText(text, position - limit, position).split(/[，。；：、,;:！？!?]/).pop() ?? '';
}

/** The Chinese message's rendering of a figure: its own text, without layout. */
export function shown(q: Quantity): string {
  return q.text.replace(/[\s*]/g, '');
}

/** True when the figure is a rank or an ordinal (第9名, 369位), where a smaller number is the better one. */
export function isRank(text: string, q: Quantity): boolean {
  return /^[名位]/.test(q.unit) || q.unit === '名次' || plainText(text, q.start - 1, q.start) === '第' || q.text.includes('第');
}
