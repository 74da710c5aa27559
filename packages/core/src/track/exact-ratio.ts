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

/** a ÷ b for the schedule, where b is never zero (callers check first: a broken invariant, not bad text). */
export function divideRatios(a: Rational, b: Rational): Rational {
  const quotient = ratDiv(a, b);
  if (!quotient) throw new RangeError('division by zero');
  return quotient;
}

/**
 * Rounds half away from zero to `places` decimals, keeping them as stated precision.
 * Example: 18200/366 at 2 places → 49.73 ({ mantissa: 4973n, exponent: -2 }).
 */
export function roundRatio(value: Rational, places: number): Decimal {
  const rounded = parseDecimal(formatRational(value, places))!;
  return { mantissa: rounded.mantissa, exponent: places === 0 ? 0 : -places };
}
