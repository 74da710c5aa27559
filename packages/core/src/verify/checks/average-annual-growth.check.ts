/**
 * Checks a stated average annual growth (年均增长) against both ends of the period and its number of years.
 * Example: "普惠小微贷款余额从8.2万亿元增加到23.8万亿元、年均增长24%" over 五年 → (23.8 ÷ 8.2)^(1/5) − 1 = 23.7%,
 * with rounding 23.56%–23.97%，报告称 24% ✓. The years come from the sentence ("五年"), the two figures' periods, or a
 * paragraph that opens by naming its span ("这五年，…").
 */
import type { Check, CheckInput } from '../check.ts';
import { divideIntervals, exactInterval, formatRational, intervalsMeet, powerInterval, rational, addIntervals, type Interval, type Rational } from '../interval.ts';
import { indexRelations, type Figure } from '../relation-index.ts';
import { judgeStated, operandTexts, signedInterval, type RelationFinding } from '../relation-finding.ts';

const DIGITS: Readonly<Record<string, number>> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Reads a small year count: '5' → 5, '五' → 5, '十' → 10, '十二' → 12. */
function readCount(words: string): number | undefined {
  if (/^\d+$/.test(words)) return Number(words);
  if (words.length === 1) return DIGITS[words];
  if (words.length === 2 && words.startsWith('十')) return 10 + (DIGITS[words[1] ?? ''] ?? NaN);
  return undefined;
}

/** The integer n-th root of a non-negative bigint, rounded down. */
function integerRoot(value: bigint, n: number): bigint {
  if (value < 2n) return value;
  let x = 1n << BigInt(Math.ceil(value.toString(2).length / n) + 1);
  for (;;) {
    const next = ((BigInt(n) - 1n) * x + value / x ** BigInt(n - 1)) / BigInt(n);
    if (next >= x) break;
    x = next;
  }
  while (x ** BigInt(n) > value) x -= 1n;
  while ((x + 1n) ** BigInt(n) <= value) x += 1n;
  return x;
}

const ROOT_PLACES = 8;

/** Bounds on r^(1/n): [floor, ceil] at 10^-8. */
function rootBounds(value: Rational, n: number): [Rational, Rational] {
  const scale = 10n ** BigInt(ROOT_PLACES);
  const scaled = (value.num * scale ** BigInt(n)) / value.den;
  const low = integerRoot(scaled, n);
  return [rational(low, scale), rational(low + 1n, scale)];
}

/** A paragraph that opens by naming its span of years ("这五年，", "五年来，", "过去五年，") speaks of that span throughout. */
const PARAGRAPH_SPAN = /^\s*(?:这|近|过去)?(\d{1,2}|[一二两三四五六七八九十]{1,2})年(?:来|间|里|中)?[，,：:]/;

/** The number of years a rate compounds over, and the words that gave it when they open the paragraph. */
function yearsOf(text: string, level: Figure, previous: Figure, rate: Figure, sentenceStart: number, paragraphStart: number): { years: number; opening?: string } | undefined {
  const from = previous.quantity.period?.year;
  const to = level.quantity.period?.year;
  if (from !== undefined && to !== undefined && to > from) return { years: to - from };
  const words = text.slice(sentenceStart, rate.quantity.start);
  const match = /(\d{1,2}|[一二两三四五六七八九十]{1,2})年(?:来|间|中|内|里)?[^，。；\d]{0,6}年均/.exec(words) ?? /(?:过去|近)(\d{1,2}|[一二两三四五六七八九十]{1,2})年/.exec(words);
  const years = match ? readCount(match[1] ?? '') : undefined;
  if (years !== undefined) return { years };
  // "这五年，…由2.57万元增加到3.52万元、年均增长6.5%": the paragraph's opening span, unless the sentence names a year
  if (/\d{4}年|[一二三四五六七八九十]五/.test(text.slice(sentenceStart, rate.quantity.end))) return undefined;
  const opening = PARAGRAPH_SPAN.exec(text.slice(paragraphStart, paragraphStart + 12));
  const spanYears = opening ? readCount(opening[1] ?? '') : undefined;
  return opening && spanYears !== undefined ? { years: spanYears, opening: opening[0].trim().replace(/[，,：:]$/, '') } : undefined;
}

/**
 * Finds "从 A 增加到 B，(N年)年均增长 g%" statements with a known N.
 * @example averageAnnualGrowthCheck.run({ text, extraction })[0].verdict // 'consistent'
 */
export const averageAnnualGrowthCheck: Check = {
  id: 'average-annual-growth',
  reading: '按“年均增长X%”为各年复合增速理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const statement of index.statements) {
      const { level, previous } = statement;
      const rate = statement.averageRates.length === 1 ? statement.averageRates[0] : undefined;
      if (!level?.interval || !previous?.interval || !rate || level.quantity.unit !== previous.quantity.unit || level.quantity.unit === '%') continue;
      if (index.isRealGrowth(statement, rate)) continue;
      const sentence = index.segments.sentences[rate.sentence];
      const paragraph = index.segments.paragraphs[rate.paragraph];
      const span = sentence ? yearsOf(text, level, previous, rate, sentence.start, paragraph?.start ?? sentence.start) : undefined;
      const years = span?.years;
      const ratio = divideIntervals(level.interval, previous.interval);
      const stated = signedInterval(rate);
      if (!years || years > 50 || !ratio || !stated || ratio.low.num <= 0n) continue;
      const one = exactInterval(rational(1n));
      const [pointLow] = rootBounds(ratio.point, years);
      const [low] = rootBounds(ratio.low, years);
      const [, high] = rootBounds(ratio.high, years);
      const derived: Interval = { low: rational(low.num - low.den, low.den), point: rational(pointLow.num - pointLow.den, pointLow.den), high: rational(high.num - high.den, high.den) };
      // judged exactly: the stated rate compounded over the years must meet the ratio of the two ends
      const compounded = stated.low.num + stated.low.den > 0n ? powerInterval(addIntervals(one, stated), years) : undefined;
      const exactVerdict = compounded ? intervalsMeet(compounded, ratio) : undefined;
      const [b, a] = operandTexts([level, previous]).texts;
      const judged = judgeStated('average-annual-growth', rate, derived, [level, previous], `(${b} ÷ ${a})^(1/${years}) − 1`);
      const finding = span?.opening ? { ...judged, reading: `按段首“${span.opening}”所说的${years}年为复合增长的年数理解` } : judged;
      if (exactVerdict === undefined || (exactVerdict ? 'consistent' : 'inconsistent') === finding.verdict) findings.push(finding);
      else findings.push({ ...finding, verdict: exactVerdict ? 'consistent' : 'inconsistent', message: `${finding.message}（精确复核：${formatRational(ratio.point, 4)}）` });
    }
    return findings;
  },
};
