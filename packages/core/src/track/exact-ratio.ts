/**
 * Numbers for schedule arithmetic (elapsed days ÷ total days, amount ÷ target, Σ weight × percent ÷ Σ weight),
 * exact, on the rationals of numbers/rational.ts. Example: 182 of 366 days → 9100/183 percent → rounded 49.73.
 */
import type { Decimal } from '../model/decimal.ts';
import { formatDecimal, parseDecimal } from '../numbers/decimal.ts';
import { formatRational, ratDiv, type Rational } from '../numbers/rational.ts';

/** What callers may pass where a number is meant: an exact Decimal, a decimal string ('92.5') or a finite number. */
export type DecimalInput = Decimal | string | number;

/**
 * Reads a caller's number exactly; throws a RangeError naming `field` when it is not a finite decimal.
 * Example: toDecimal('92.5', 'target') → { mantissa: 925n, exponent: -1 }; toDecimal(1e21, 'x') → 10^21 exactly.
 */
export function toDecimal(input: DecimalInput, field: string): Decimal {
  if (typeof input === 'object') return input;
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`${field}: ${input} is not a finite number`);
    text = Math.abs(input) >= 1e21 || (input !== 0 && Math.abs(input) < 1e-6) ? expandExponent(input) : String(input);
  } else {
    text = input.trim();
  }
  const parsed = readDecimalText(text);
  if (!parsed) throw new RangeError(`${field}: '${String(input)}' is not a decimal number`);
  return parsed;
}

/**
 * What parseDecimal reads (`-?digits(.digits)?`, nothing around), read character by character: the schedule reads
 * one or two figures a commitment, and a regex match with its groups costs more than the arithmetic that follows.
 * The exponent of a whole number is 0, never -0, so that equal values compare equal.
 */
function readDecimalText(text: string): Decimal | undefined {
  const length = text.length;
  let index = text.charCodeAt(0) === MINUS ? 1 : 0;
  const wholeStart = index;
  while (index < length && isDigitAt(text, index)) index += 1;
  if (index === wholeStart) return undefined;
  if (index === length) return { mantissa: BigInt(text), exponent: 0 };
  if (text.charCodeAt(index) !== POINT) return undefined;
  const point = index;
  index += 1;
  while (index < length && isDigitAt(text, index)) index += 1;
  if (index !== length || index === point + 1) return undefined;
  return { mantissa: BigInt(text.slice(0, point) + text.slice(point + 1)), exponent: point + 1 - length };
}

const MINUS = 45;
const POINT = 46;

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** Prints a double in plain notation from its shortest round-trip form: 1.5e-7 → '0.00000015'. */
function expandExponent(input: number): string {
  const [mantissaText = '', exponentText = '0'] = input.toExponential().split('e');
  const negative = mantissaText.startsWith('-');
  const [whole = '', fraction = ''] = mantissaText.replace('-', '').split('.');
  const digits = whole + fraction;
  const exponent = Number(exponentText) - fraction.length;
  const decimal: Decimal = { mantissa: BigInt(digits) * (negative ? -1n : 1n), exponent };
  return formatDecimal(decimal);
}

/** a ÷ b for the schedule, where b is never zero (callers check first: a broken invariant, not bad text). */
export function divideRatios(a: Rational, b: Rational): Rational {
  const quotient = ratDiv(a, b);
  if (!quotient) throw new RangeError('division by zero');
  return quotient;
}

/**
 * Rounds half away from zero to `places` decimals, keeping them as stated precision; the fraction need not be in
 * lowest terms. Example: 18200/366 at 2 places → 49.73 ({ mantissa: 4973n, exponent: -2 }).
 */
export function roundRatio(value: Ratio, places: number): Decimal {
  if (!Number.isInteger(places) || places < 0) {
    const rounded = parseDecimal(formatRational(value, places))!;
    return { mantissa: rounded.mantissa, exponent: places === 0 ? 0 : -places };
  }
  // formatRational's rounding to nearest, kept as a bigint instead of printed and read back.
  const scaled = value.num * powerOfTen(places);
  let quotient = scaled / value.den;
  const remainder = scaled % value.den;
  if (remainder !== 0n && (remainder < 0n ? -remainder : remainder) * 2n >= value.den) quotient += scaled < 0n ? -1n : 1n;
  return { mantissa: quotient, exponent: places === 0 ? 0 : -places };
}

/**
 * A fraction not necessarily in lowest terms, den > 0: what comparing and rounding need, without the gcd that
 * `rational` takes at every step. Example: 60.00% read from '60.00' → 6000/100.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** The exact value of a decimal as a Ratio, without reducing it: 49.73 → 4973/100. */
export function ratioOfDecimal(value: Decimal): Ratio {
  if (value.exponent === 0) return { num: value.mantissa, den: 1n };
  return value.exponent > 0
    ? { num: value.mantissa * powerOfTen(value.exponent), den: 1n }
    : { num: value.mantissa, den: powerOfTen(-value.exponent) };
}

/** a − b. */
export function subtractRatios(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** Three-way comparison: -1, 0, 1. */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
}

const POWERS_OF_TEN = Array.from({ length: 32 }, (_, power) => 10n ** BigInt(power));

/** 10^power for a whole power ≥ 0. */
function powerOfTen(power: number): bigint {
  return POWERS_OF_TEN[power] ?? 10n ** BigInt(power);
}

/**
 * A percent rounded to two places, as the explanations write it: 50.00 → '50', 49.70 → '49.7', -0.50 → '-0.5'.
 * Any other precision is printed whole and its trailing zeros dropped.
 */
export function showPercent(value: Decimal): string {
  if (value.exponent !== -2) {
    const text = formatDecimal(value);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }
  const negative = value.mantissa < 0n;
  const hundredths = negative ? -value.mantissa : value.mantissa;
  const whole = (hundredths / 100n).toString();
  const fraction = Number(hundredths % 100n);
  const text = fraction === 0 ? whole : fraction % 10 === 0 ? `${whole}.${fraction / 10}` : `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
  return negative ? `-${text}` : text;
}
