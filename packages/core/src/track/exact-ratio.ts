/**
 * Exact fractions for schedule arithmetic: elapsed days ÷ total days, amount ÷ target, Σ weight × percent ÷ Σ weight.
 * Example: 182 of 366 days → { numerator: 18200n, denominator: 366n } percent → rounded 49.73.
 */
import type { Decimal } from '../model/decimal.ts';
import { formatDecimal, parseDecimal } from '../numbers/decimal.ts';

/** An exact fraction numerator ÷ denominator with a positive denominator. */
export interface ExactRatio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

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
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`${field}: '${String(input)}' is not a decimal number`);
  // parseDecimal writes the exponent of a whole number as -0; normalise so equal values compare equal.
  return { mantissa: parsed.mantissa, exponent: parsed.exponent === 0 ? 0 : parsed.exponent };
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

/** The fraction a Decimal denotes: 21.98 → 2198 / 100. */
export function ratioFromDecimal(value: Decimal): ExactRatio {
  return value.exponent >= 0
    ? { numerator: value.mantissa * 10n ** BigInt(value.exponent), denominator: 1n }
    : { numerator: value.mantissa, denominator: 10n ** BigInt(-value.exponent) };
}

/** a × b. */
export function multiplyRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}

/** a + b. */
export function addRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

/** a − b. */
export function subtractRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  return addRatios(a, { numerator: -b.numerator, denominator: b.denominator });
}

/** a ÷ b; throws when b is zero (callers check first: a broken invariant, not bad text). */
export function divideRatios(a: ExactRatio, b: ExactRatio): ExactRatio {
  if (b.numerator === 0n) throw new RangeError('division by zero');
  const negative = b.numerator < 0n;
  return {
    numerator: a.numerator * b.denominator * (negative ? -1n : 1n),
    denominator: a.denominator * b.numerator * (negative ? -1n : 1n),
  };
}

/** Exact three-way comparison of two fractions. */
export function compareRatios(a: ExactRatio, b: ExactRatio): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds half away from zero to `places` decimals, keeping them as stated precision.
 * Example: 18200/366 at 2 places → 49.73 ({ mantissa: 4973n, exponent: -2 }).
 */
export function roundRatio(value: ExactRatio, places: number): Decimal {
  const scale = 10n ** BigInt(places);
  const scaled = value.numerator * scale;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const quotient = (2n * magnitude + value.denominator) / (2n * value.denominator);
  return { mantissa: negative ? -quotient : quotient, exponent: places === 0 ? 0 : -places };
}

/** A whole number as a fraction. */
export function ratioOf(whole: number | bigint): ExactRatio {
  return { numerator: BigInt(whole), denominator: 1n };
}
