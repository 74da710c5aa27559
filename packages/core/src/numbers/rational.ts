/**
 * Exact fractions of bigints, for the verifier's intervals and the tracker's schedule arithmetic.
 * Example: 6.66 ÷ (19.3 − 6.66) → rational(666n, 1264n) = 333/632, printed to 4 places as '0.5269'.
 */
import type { Decimal } from '../model/decimal.ts';

/** An exact fraction num / den with den > 0, always in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Builds a fraction in lowest terms; throws on a zero denominator (a bug in the caller, never bad text).
 * @example rational(6n, 4n) // { num: 3n, den: 2n }
 */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational with zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** The exact value of a written decimal: 21.98 → 2198/100. */
export function rationalFromDecimal(value: Decimal): Rational {
  return value.exponent >= 0
    ? rational(value.mantissa * 10n ** BigInt(value.exponent))
    : rational(value.mantissa, 10n ** BigInt(-value.exponent));
}

export const ratAdd = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratSub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const ratMul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
/** a ÷ b; undefined when b is zero. */
export const ratDiv = (a: Rational, b: Rational): Rational | undefined =>
  b.num === 0n ? undefined : rational(a.num * b.den, a.den * b.num);
export const ratNeg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
/** Three-way comparison: -1, 0, 1. */
export function ratCompare(a: Rational, b: Rational): -1 | 0 | 1 {
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
}
/** a^n for a whole n ≥ 0. */
export function ratPow(a: Rational, n: number): Rational {
  return rational(a.num ** BigInt(n), a.den ** BigInt(n));
}

/**
 * Prints a rational as a decimal with `places` digits after the point, rounded down, up or to nearest.
 * @example formatRational(rational(2n, 3n), 2, 'floor') // '0.66'
 */
export function formatRational(value: Rational, places: number, mode: 'floor' | 'ceil' | 'round' = 'round'): string {
  const scale = 10n ** BigInt(Math.max(0, places));
  const scaled = value.num * scale;
  let quotient = scaled / value.den;
  const remainder = scaled % value.den;
  if (remainder !== 0n) {
    // bigint division truncates toward zero; fix up to the requested rounding
    if (mode === 'floor' && scaled < 0n) quotient -= 1n;
    else if (mode === 'ceil' && scaled > 0n) quotient += 1n;
    else if (mode === 'round') {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n;
      if (twice >= value.den) quotient += scaled < 0n ? -1n : 1n;
    }
  }
  const negative = quotient < 0n;
  const digits = (negative ? -quotient : quotient).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}` : digits;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
