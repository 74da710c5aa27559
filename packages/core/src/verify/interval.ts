/**
 * Interval arithmetic on exact rationals: a stated number stands for every value its written precision allows.
 * Example: "19.3亿元" → [19.25亿, 19.35亿]; 6.66 ÷ (19.3 − 6.66) → [52.42%, 52.96%], which meets "52.8%".
 */
import type { Decimal } from '../model/decimal.ts';
import type { QuantityValue } from '../model/quantity.ts';
import { formatRational, ratAdd, ratCompare, ratDiv, ratMul, ratNeg, ratPow, ratSub, rational, rationalFromDecimal, type Rational } from '../numbers/rational.ts';

// The arithmetic itself lives in numbers/rational.ts; the checks import it from here with the intervals.
export { formatRational, ratAdd, ratCompare, ratDiv, ratMul, ratNeg, ratPow, ratSub, rational, rationalFromDecimal, type Rational };

/**
 * The values a figure can stand for, and the value computed from the figures as written.
 * Example: "21.98" → { low: 21.975, point: 21.98, high: 21.985 }.
 */
export interface Interval {
  readonly low: Rational;
  readonly point: Rational;
  readonly high: Rational;
}

const ratMin = (...values: Rational[]): Rational => values.reduce((m, v) => (ratCompare(v, m) < 0 ? v : m));
const ratMax = (...values: Rational[]): Rational => values.reduce((m, v) => (ratCompare(v, m) > 0 ? v : m));

/** An interval that is one exact value (a constant of the arithmetic, such as 100 or 1). */
export function exactInterval(value: Rational): Interval {
  return { low: value, point: value, high: value };
}

/**
 * The interval a written decimal stands for: its value ± half a unit of its last written digit.
 * Every decimal is read so here; a figure that counts things to its units ("7种") is then taken as the whole number it
 * is, in readFigures (figure.ts).
 * @example intervalFromDecimal({ mantissa: 193n, exponent: 7 }) // 19.3亿 → [1.925e9, 1.935e9]
 */
export function intervalFromDecimal(value: Decimal): Interval {
  const point = rationalFromDecimal(value);
  const half = value.exponent >= 0 ? rational(10n ** BigInt(value.exponent), 2n) : rational(1n, 2n * 10n ** BigInt(-value.exponent));
  return { low: ratSub(point, half), point, high: ratAdd(point, half) };
}

/**
 * The interval a quantity's value stands for: an exact value ± half its last digit, a range from its low end's
 * low to its high end's high (point: the middle).
 * @example intervalFromValue({ type: 'range', low: 10万, high: 15万 }) // [95000, 155000]
 */
export function intervalFromValue(value: QuantityValue): Interval {
  if (value.type === 'exact') return intervalFromDecimal(value.value);
  const low = intervalFromDecimal(value.low);
  const high = intervalFromDecimal(value.high);
  return { low: low.low, point: ratMul(ratAdd(low.point, high.point), rational(1n, 2n)), high: high.high };
}

/** [a] + [b]. */
export function addIntervals(a: Interval, b: Interval): Interval {
  return { low: ratAdd(a.low, b.low), point: ratAdd(a.point, b.point), high: ratAdd(a.high, b.high) };
}

/** [a] − [b]: the low end takes b's high end. */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return { low: ratSub(a.low, b.high), point: ratSub(a.point, b.point), high: ratSub(a.high, b.low) };
}

/** −[a]. */
export function negateInterval(a: Interval): Interval {
  return { low: ratNeg(a.high), point: ratNeg(a.point), high: ratNeg(a.low) };
}

/** [a] × [b]: the extremes of the four corner products, whatever the signs. */
export function multiplyIntervals(a: Interval, b: Interval): Interval {
  const corners = [ratMul(a.low, b.low), ratMul(a.low, b.high), ratMul(a.high, b.low), ratMul(a.high, b.high)];
  return { low: ratMin(...corners), point: ratMul(a.point, b.point), high: ratMax(...corners) };
}

/** True when the interval contains zero (a divisor that could be zero makes a quotient unbounded). */
export function containsZero(a: Interval): boolean {
  return a.low.num <= 0n && a.high.num >= 0n;
}

/**
 * [a] ÷ [b]; undefined when b can be zero, since the quotient is then unbounded.
 * @example divideIntervals(6.66, 19.3 − 6.66) // [52.42%, 52.96%] as fractions
 */
export function divideIntervals(a: Interval, b: Interval): Interval | undefined {
  if (containsZero(b)) return undefined;
  const inverse: Interval = {
    low: rational(b.high.den, b.high.num),
    point: rational(b.point.den, b.point.num),
    high: rational(b.low.den, b.low.num),
  };
  return multiplyIntervals(a, inverse);
}

/** [a] × a constant. */
export function scaleInterval(a: Interval, factor: Rational): Interval {
  return multiplyIntervals(a, exactInterval(factor));
}

/** [a]^n for a whole n ≥ 1 and a ≥ 0 (growth factors): monotone, so the ends map to the ends. */
export function powerInterval(a: Interval, n: number): Interval {
  if (a.low.num < 0n) throw new RangeError('powerInterval needs a non-negative interval');
  return { low: ratPow(a.low, n), point: ratPow(a.point, n), high: ratPow(a.high, n) };
}

/** The common part of two intervals (its point is a's, clamped), or undefined when they do not meet. */
export function intersectIntervals(a: Interval, b: Interval): Interval | undefined {
  const low = ratMax(a.low, b.low);
  const high = ratMin(a.high, b.high);
  if (ratCompare(low, high) > 0) return undefined;
  return { low, point: ratMin(ratMax(a.point, low), high), high };
}

/** True when the two intervals share at least one value. */
export function intervalsMeet(a: Interval, b: Interval): boolean {
  return intersectIntervals(a, b) !== undefined;
}

/** How far apart two intervals are: 0 when they meet, otherwise the gap between the nearer ends. */
export function intervalGap(a: Interval, b: Interval): Rational {
  if (ratCompare(a.high, b.low) < 0) return ratSub(b.low, a.high);
  if (ratCompare(b.high, a.low) < 0) return ratSub(a.low, b.high);
  return rational(0n);
}

