/**
 * Turns a derived interval and a stated figure into a finding with the arithmetic shown in Chinese.
 * Example: stated 44.4%, derived (21.98 − 15.22) ÷ 15.22 → "(21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓".
 */
import type { Finding } from '../model/finding.ts';
import type { Figure } from './relation-index.ts';
import {
  exactInterval,
  formatRational,
  intervalGap,
  intervalsMeet,
  negateInterval,
  rational,
  ratAdd,
  ratCompare,
  ratSub,
  scaleInterval,
  type Interval,
  type Rational,
} from './interval.ts';
import { plainWords } from './figure-role.ts';

/** A finding as a check returns it, before `verify` numbers it. */
export type RelationFinding = Omit<Finding, 'id'>;

const HUNDRED = rational(100n);
const ONE_HUNDREDTH = rational(1n, 100n);

/** The figure's interval in plain numbers: percents and percentage points as fractions (52.8% → 0.528). */
export function asFraction(figure: Figure): Interval | undefined {
  if (!figure.interval) return undefined;
  const unit = figure.quantity.unit;
  return unit === '%' || unit === 'pp' ? scaleInterval(figure.interval, ONE_HUNDREDTH) : figure.interval;
}

/** The figure's interval with its stated sign: "下降3.2%" → [−3.25, −3.15]. */
export function signedInterval(figure: Figure): Interval | undefined {
  const fraction = asFraction(figure);
  if (!fraction) return undefined;
  const negative = figure.sign === -1 && fraction.point.num > 0n;
  return negative ? negateInterval(fraction) : fraction;
}

/** A figure as the message shows it: its own text without markup ("21.98亿元"). */
export function shownFigure(figure: Figure): string {
  return plainWords(figure.quantity.text);
}

/** The magnitude word and unit a figure is written with: "21.98亿元" → { power: 8, suffix: '亿元' }. */
function writtenScale(figure: Figure): { power: number; suffix: string } {
  const text = shownFigure(figure);
  const unit = figure.quantity.unit;
  if (unit === '%') return { power: -2, suffix: '%' };
  if (unit === 'pp') return { power: -2, suffix: '个百分点' };
  const arabic = /^[-−－]?(\d+)(?:\.(\d+))?/.exec(text);
  const value = figure.quantity.value;
  if (arabic && value.type === 'exact') {
    // the written digits times 10^power give the value: "3477.6千公顷" → 34776 × 10^-1 × 10^3
    const suffix = text.slice(arabic[0].length);
    return { power: value.value.exponent + (arabic[2]?.length ?? 0), suffix: suffix.length > 0 ? suffix : unit };
  }
  const suffix = text.replace(/^[-−－]?[\d.,，]+/, '').replace(/^[零〇一二三四五六七八九十百千两点]+/, '');
  const power = suffix.startsWith('万亿') ? 12 : suffix.startsWith('亿') ? 8 : suffix.startsWith('万') ? 4 : 0;
  return { power, suffix: suffix.length > 0 ? suffix : unit };
}

/** Digits after the point a figure is written with, at its own magnitude. */
function writtenPlaces(figure: Figure): number {
  const value = figure.quantity.value;
  const exponent = value.type === 'exact' ? value.value.exponent : value.low.exponent;
  const unit = figure.quantity.unit;
  return Math.max(0, (unit === '%' || unit === 'pp' ? 0 : writtenScale(figure).power) - exponent);
}

function trimZeros(text: string, keep: number): string {
  if (!text.includes('.')) return text;
  let [whole, fraction = ''] = text.split('.') as [string, string?];
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return fraction.length > 0 ? `${whole}.${fraction}` : (whole ?? text);
}

/**
 * Prints a plain value (fractions for % and pp) in the stated figure's written scale, with one more digit than it
 * states (or exactly, when it is a finite decimal within six more places).
 * @example showInScale(rational(4442n, 10000n), figure44_4) // '44.42%'
 */
export function showInScale(value: Rational, like: Figure, extra = 1): string {
  const { power, suffix } = writtenScale(like);
  const scaled = power >= 0 ? rational(value.num, value.den * 10n ** BigInt(power)) : rational(value.num * 10n ** BigInt(-power), value.den);
  const places = writtenPlaces(like);
  const text = trimZeros(formatRational(scaled, places + extra, 'round'), places);
  return `${text}${suffix}`;
}

/** Shows operands: when all are written with one magnitude and unit, that suffix is left off ("21.98 − 15.22"). */
export function operandTexts(figures: readonly Figure[], _stated?: Figure): { texts: string[]; shared: boolean } {
  const suffixes = new Set(figures.map((f) => writtenScale(f).suffix));
  const shared = suffixes.size === 1;
  const texts = figures.map((f) => {
    const text = shownFigure(f);
    const suffix = writtenScale(f).suffix;
    return shared && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
  });
  return { texts, shared };
}

/** The expected interval in the stated figure's unit (元, or percent numbers for % and pp), outward-rounded. */
function expectedStrings(derived: Interval, stated: Figure): { low: string; high: string } {
  const unit = stated.quantity.unit;
  const inUnit = unit === '%' || unit === 'pp' ? scaleInterval(derived, HUNDRED) : derived;
  const value = stated.quantity.value;
  const exponent = value.type === 'exact' ? value.value.exponent : value.low.exponent;
  const places = Math.max(0, 2 - exponent);
  return { low: formatRational(inUnit.low, places, 'floor'), high: formatRational(inUnit.high, places, 'ceil') };
}

/** The values a stated figure allows when its last digit may be cut off rather than rounded: 42.8 → [42.75, 42.9]. */
function cutOffValues(stated: Interval): Interval {
  const half = ratSub(stated.high, stated.point);
  return ratCompare(stated.point, rational(0n)) >= 0
    ? { ...stated, high: ratAdd(stated.high, half) }
    : { ...stated, low: ratSub(stated.low, half) };
}

/**
 * Judges a stated figure against the interval its relation derives: consistent when the two intervals meet.
 * `derived` is in plain numbers (fractions for % and pp); undefined means an input cannot bound it (a divisor
 * that could be zero), which gives 'unverifiable'.
 * @example judgeStated('growth', figure44_4, derivedInterval, [q21_98, q15_22], '(21.98 − 15.22) ÷ 15.22')
 * // { verdict: 'consistent', message: '(21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓', … }
 */
export function judgeStated(
  check: string,
  stated: Figure,
  derived: Interval | undefined,
  used: readonly Figure[],
  expression: string,
  statedValue: Interval | undefined = signedInterval(stated),
  exactDigits = 1,
): RelationFinding {
  const ids = [...new Set(used.map((f) => f.quantity.id))].filter((id) => id !== stated.quantity.id);
  const shownStated = `${stated.sign === -1 && stated.role !== 'level' ? '−' : ''}${shownFigure(stated)}`;
  if (!derived || !statedValue) {
    return {
      check,
      verdict: 'unverifiable',
      stated: stated.quantity.id,
      quantities: ids,
      message: `${expression}：除数可能为零或缺少数值，无法核对报告所称 ${shownStated}`,
    };
  }
  const expected = expectedStrings(derived, stated);
  const result = `${expression} = ${showInScale(derived.point, stated, exactDigits)}`;
  const meets = intervalsMeet(statedValue, derived);
  // whole counts ("3种 of 7种") give an exact percentage, and a statistical bureau may cut it off instead of rounding it
  const cutOff = !meets && stated.quantity.unit === '%' && ratCompare(derived.low, derived.high) === 0 && intervalsMeet(cutOffValues(statedValue), derived);
  if (meets || cutOff) {
    return {
      check,
      verdict: 'consistent',
      stated: stated.quantity.id,
      quantities: ids,
      expected,
      message: `${result}，报告称 ${shownStated}${cutOff ? '（按舍去尾数的写法）✓' : ' ✓'}`,
      ...(cutOff ? { reading: '按百分数可能舍去尾数（截尾）而非四舍五入理解' } : {}),
    };
  }
  const deviation = ratSub(statedValue.point, derived.point);
  const gap = intervalGap(statedValue, derived);
  const [low, high] = [showInScale(derived.low, stated, 2), showInScale(derived.high, stated, 2)];
  // whole counts give one exact value ("1 + 1 + 1 = 3个"), not a range
  const range = low === high ? `应为 ${low}` : `按各数书写精度应在 ${low}–${high} 之间`;
  return {
    check,
    verdict: 'inconsistent',
    stated: stated.quantity.id,
    quantities: ids,
    expected,
    deviation: expectedStrings(exactInterval(deviation), stated).low,
    message: `${result}，报告称 ${shownStated} ✗（${range}，至少相差 ${showInScale(gap, stated, 2)}）`,
  };
}

/**
 * A relation the text states whose inputs cannot be pinned down: a figure given as a bound or an approximation
 * (超过, 以上, 约, 左右) stands for no interval of its digits.
 * @example unverifiableRelation('growth', rate, [level, previous]) // { verdict: 'unverifiable', message: '…“超过1000亿元”为约数或界限…' }
 */
export function unverifiableRelation(check: string, stated: Figure, used: readonly Figure[]): RelationFinding {
  const loose = [stated, ...used].filter((f) => !f.interval).map((f) => `“${shownFigure(f)}”`);
  return {
    check,
    verdict: 'unverifiable',
    stated: stated.quantity.id,
    quantities: [...new Set(used.map((f) => f.quantity.id))].filter((id) => id !== stated.quantity.id),
    message: `${loose.join('、')}为约数或界限，无法按书写精度核对报告所称 ${shownFigure(stated)}`,
  };
}

