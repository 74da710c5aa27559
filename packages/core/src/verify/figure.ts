/**
 * A quantity with what the words around it say about it: its role, sign, the noun phrase it measures, the interval its
 * written digits stand for, and where it sits (sentence, paragraph, after 其中 or not).
 * Example: "较2022年增加**6.66亿元**" → role change, sign +1, interval 6.655亿–6.665亿.
 */
import type { Quantity } from '../model/quantity.ts';
import { plainWords, readFigureRole } from './figure-role.ts';
import type { FigureRole } from './figure-role.ts';
import { exactInterval, intervalFromValue, type Interval } from './interval.ts';
import { positionsOf, type TextSegments } from './text-segments.ts';

/** A quantity with what the text around it says about it. */
export interface Figure {
  readonly quantity: Quantity;
  /** Position in reading order among all figures. */
  readonly order: number;
  readonly sentence: number;
  readonly paragraph: number;
  readonly role: FigureRole;
  /** −1 for a fall (下降 / 减少) or a written minus sign. */
  readonly sign: 1 | -1;
  /** For a share: the whole the text names (占财政总支出 → 财政总支出). */
  readonly shareOf?: string;
  /** The noun phrase before the figure in its clause, or its heading: 一般公共预算支出. */
  readonly metric: string;
  /** The values the figure stands for, in its unit (元, %, pp …); absent for bounds and approximations (以上, 约). */
  readonly interval?: Interval;
  /** Also for figures said to be approximate (约 / 左右): the values their written digits allow. Parts and wholes use it. */
  readonly looseInterval?: Interval;
  readonly isFrom: boolean;
  /** True when the words before it name a new subject, so it does not attach to the statement before. */
  readonly hasSubject: boolean;
  /** True when the figure follows a 其中 in its sentence: it is a part of something. */
  readonly isPart: boolean;
  /** The plain words between the previous figure (or the clause start) and this one: 较2022年增加. */
  readonly before: string;
  /** The plain words of its clause up to the figure: 全县农业总产值. */
  readonly clause: string;
  /** The plain words right after it, up to six characters: "/人月". */
  readonly after: string;
}

const CLAUSE_BREAK = /[，,；;：:、\n]/;
/** The longest clause read before a figure (as extraction's MAX_LOOK_BACK): report clauses are far shorter. */
const MAX_CLAUSE = 1000;
/** Per-unit and ratio words: figures they name do not add up (人均, 标准, 比重 …). */
export const NOT_ADDITIVE = /人均|平均|每|率|指数|价格|均价|单价|密度|增速|增幅|比重|占比|标准/;
const METRIC_NOISE =
  /(?:\d{4}|[一二三四五六七八九〇零]{4})年(?:末|底|初|度)?|全(?:国|省|市|县|区|州|盟|旗|年)|年末|年初|今年|去年|上年|本年|当年|实现|完成|达到|累计|共计|其中|用于|投入资金|投入|资金|[：:，,、（）()]|的|为|达/g;

/** Words that make a figure this year's increment of a stock rather than the stock: 新增, 净增, 新登记 … */
const INCREMENT = /新增|净增|新登记|新注册|新引进|新认定|新培育|新开工|新签约|新招引|新备案|新设立|新发展/;

/**
 * True when a figure is an increment of the year, "全年新增市场主体3.2万户"; "总数达到28.5万户" is not.
 * @example isIncrementFigure(figureOf('新增上市公司3家')) // true
 */
export function isIncrementFigure(figure: Figure): boolean {
  return INCREMENT.test(figure.clause);
}

/** Cleans a noun phrase for comparison: 2023年全区一般公共预算支出 → 一般公共预算支出. */
export function cleanMetric(words: string): string {
  return plainWords(words.replace(/[（(][^（）()]*[）)]/g, '')).replace(METRIC_NOISE, '').replace(/[^\u4e00-\u9fffA-Za-z]/g, '');
}

/** Length of the longest common substring of two short phrases. */
export function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** Significant digits of a stated figure: 87.8 → 3, 10.0 → 3 (zeros after the point count), 2万 → 1, 8040 → 3. */
export function significantDigits(quantity: Quantity): number {
  if (quantity.value.type !== 'exact') return 0;
  let m = quantity.value.value.mantissa < 0n ? -quantity.value.value.mantissa : quantity.value.value.mantissa;
  if (quantity.value.value.exponent >= 0) while (m !== 0n && m % 10n === 0n) m /= 10n;
  return m === 0n ? 0 : m.toString().length;
}

/** Measure words that count the same thing: 名 and 人 both count people. */
const SAME_UNITS: Readonly<Record<string, string>> = { 名: '人', 位: '人' };

/** The unit a figure adds up in: 1550名 and 6000人 are both people. */
export function additiveUnit(figure: Figure): string {
  return SAME_UNITS[figure.quantity.unit] ?? figure.quantity.unit;
}

export function sameUnit(a: Figure, b: Figure): boolean {
  return a.quantity.unit === b.quantity.unit;
}

export function isAdditiveKind(figure: Figure): boolean {
  const kind = figure.quantity.kind;
  return kind === 'money' || kind === 'count' || kind === 'measure';
}

/** A figure per person, per month or per unit ("780元/人月", "人均…") does not add up with others. */
export function isPerUnit(figure: Figure): boolean {
  return /^[/／每]/.test(figure.after) || NOT_ADDITIVE.test(figure.metric);
}

/**
 * Reads every quantity of a text, in order, as a figure, grouped by sentence.
 * @example readFigures(text, quantities, segmentText(text)).figures[0].role // 'level'
 */
export function readFigures(text: string, quantities: readonly Quantity[], segments: TextSegments): { figures: Figure[]; figuresBySentence: Figure[][] } {
  const figures: Figure[] = [];
  const figuresBySentence: Figure[][] = segments.sentences.map(() => []);
  const cues = positionsOf(text, '其中');
  let cueIndex = 0;
  let sentenceIndex = 0;
  for (const quantity of quantities) {
    while (sentenceIndex < segments.sentences.length && (segments.sentences[sentenceIndex]?.end ?? 0) <= quantity.start) sentenceIndex++;
    while (cueIndex < cues.length && (cues[cueIndex] ?? Infinity) + 2 <= quantity.start) cueIndex++;
    const sentence = segments.sentences[sentenceIndex];
    if (!sentence || quantity.start < sentence.start) continue;
    const inSentence = figuresBySentence[sentenceIndex] ?? [];
    const previous = inSentence[inSentence.length - 1];
    // the last 其中 before the figure, if it lies in the figure's sentence, makes the figure a part
    const isPart = (cues[cueIndex - 1] ?? -1) >= sentence.start;
    const figure = readFigure(text, quantity, figures.length, sentenceIndex, segments, previous, sentence.start, isPart);
    figures.push(figure);
    inSentence.push(figure);
  }
  const withHeadings = figures.map((figure) => withHeadingMetric(text, segments, figure, figures[figure.order - 1]));
  const bySentence = figuresBySentence.map((list) => list.map((f) => withHeadings[f.order] ?? f));
  return { figures: withHeadings, figuresBySentence: bySentence };
}

/**
 * The values an exact figure stands for. A count of things written to its units ("7种", "3个") is a whole number and
 * stands for itself: the half unit either side a measured figure keeps would let "1个、1个、1个" add up to 4, and
 * "3种 of 7种" be anything from 33% to 54%. A count in a larger magnitude ("3.2万户") keeps its rounding.
 */
function valuesOf(quantity: Quantity): Interval {
  const value = quantity.value;
  const interval = intervalFromValue(value);
  return quantity.kind === 'count' && value.type === 'exact' && value.value.exponent === 0 ? exactInterval(interval.point) : interval;
}

function readFigure(
  text: string,
  quantity: Quantity,
  order: number,
  sentence: number,
  segments: TextSegments,
  previous: Figure | undefined,
  sentenceStart: number,
  isPart: boolean,
): Figure {
  // A clause is looked for at most MAX_CLAUSE back: in a text without stops the sentence is the whole text.
  const limit = Math.max(sentenceStart, quantity.start - MAX_CLAUSE);
  let clauseStart = quantity.start;
  while (clauseStart > limit && !CLAUSE_BREAK.test(text[clauseStart - 1] ?? '')) clauseStart--;
  const beforeStart = Math.max(clauseStart, previous?.quantity.end ?? 0);
  const before = text.slice(beforeStart, quantity.start).replace(/[（(][^（）()]*[）)]/g, '');
  const sentenceEnd = segments.sentences[sentence]?.end ?? text.length;
  const after = text.slice(quantity.end, Math.min(sentenceEnd, quantity.end + 6));
  let reading = readFigureRole(before, after, quantity.unit, quantity.text);
  const between = plainWords(before);
  if (previous && previous.quantity.unit === quantity.unit && /^(和|及|与|、|，)?$/.test(between) && /[、和及与]/.test(text.slice(previous.quantity.end, quantity.start))) {
    // a list "4.0%、9.2%、12.3%" or "6.9%、49.9%和43.2%": each takes the role of the first
    reading = { role: previous.role, sign: previous.sign, hasSubject: false, isFrom: false, ...(previous.shareOf !== undefined ? { shareOf: previous.shareOf } : {}) };
  }
  const comparator = quantity.comparator;
  const interval = comparator === undefined ? valuesOf(quantity) : undefined;
  const looseInterval = interval ?? (comparator === '~' ? intervalFromValue(quantity.value) : undefined);
  return {
    quantity,
    order,
    sentence,
    paragraph: segments.sentenceParagraph[sentence] ?? 0,
    role: reading.role,
    sign: reading.sign,
    ...(reading.shareOf !== undefined ? { shareOf: reading.shareOf } : {}),
    metric: cleanMetric(text.slice(beforeStart, quantity.start)),
    ...(interval ? { interval } : {}),
    ...(looseInterval ? { looseInterval } : {}),
    isFrom: reading.isFrom,
    hasSubject: reading.hasSubject,
    isPart,
    before: plainWords(before),
    clause: plainWords(text.slice(clauseStart, quantity.start)),
    after: plainWords(after),
  };
}

/** True when [start, end) holds anything plainWords keeps: stops at the first such character, not at `end`. */
function hasPlainWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (plainWords(text[i] ?? '').length > 0) return true;
  return false;
}

/** A figure that opens its paragraph with no words before it takes its metric from the heading just above. */
function withHeadingMetric(text: string, segments: TextSegments, figure: Figure, previous: Figure | undefined): Figure {
  if (figure.metric.length > 0) return figure;
  const paragraph = segments.paragraphs[figure.paragraph];
  if (!paragraph || hasPlainWords(text, paragraph.start, figure.quantity.start)) return figure;
  const heading = segments.paragraphs[figure.paragraph - 1];
  if (!heading) return figure;
  const words = text.slice(heading.start, heading.end);
  // a heading holds no figure: the figure before this one, if any, lies in an earlier paragraph
  const hasFigures = previous !== undefined && previous.paragraph === figure.paragraph - 1;
  if (hasFigures || plainWords(words).length > 40) return figure;
  return { ...figure, metric: cleanMetric(words) };
}
