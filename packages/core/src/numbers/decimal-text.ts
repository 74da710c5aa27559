/**
 * Exact decimal strings for display, on decimal.ts's one exact form ({ mantissa, exponent }, BigInt, no floats):
 * "2198000000" ÷ 10^8 rounded to 2 places → "21.98". The web app, the server's exports and the infographic get amounts
 * as plain decimal strings ("35220000", "-6.5", NUMERIC's "1930000000.00", a user's "1,234.5"); this file reads them
 * into a Decimal, and shifts, rounds, groups and adds them as text.
 */
import type { Decimal } from '../model/decimal.ts';
import { addDecimals, compareDecimals, formatDecimal } from './decimal.ts';

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads "2198000000", "-6.5", "44.40", "1,234.5" or "1e3" (what people and databases write); undefined for anything else.
 * @example parseDecimalText('-6.50') // { mantissa: -650n, exponent: -2 }
 */
export function parseDecimalText(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim().replace(/,/g, ''));
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', power = '0'] = match;
  const digits = BigInt(whole + fraction);
  return { mantissa: sign === '-' ? -digits : digits, exponent: Number(power) - fraction.length };
}

/** True for a value below zero (a written "-0" is zero). */
export function isNegativeDecimal(value: Decimal): boolean {
  return value.mantissa < 0n;
}

/** Rounds half away from zero to `places` decimals: { mantissa: 21985n, exponent: -3 } at 2 → { 2199n, -2 }. */
function roundDecimal(value: Decimal, places: number): Decimal {
  if (value.exponent >= -places) return { mantissa: value.mantissa * 10n ** BigInt(value.exponent + places), exponent: -places };
  const drop = 10n ** BigInt(-places - value.exponent);
  const magnitude = value.mantissa < 0n ? -value.mantissa : value.mantissa;
  let rounded = magnitude / drop;
  if ((magnitude % drop) * 2n >= drop) rounded += 1n;
  return { mantissa: value.mantissa < 0n ? -rounded : rounded, exponent: -places };
}

/** Plain notation without trailing zeros after the point, and no "-0". */
function formatTrimmed(value: Decimal): string {
  const text = formatDecimal(value);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * The decimal written without superfluous zeros: '0035.50' → '35.5', '-0.0' → '0', '1,234.50' → '1234.5'.
 * @example canonicalDecimalText('2198000000.00') // '2198000000'
 */
export function canonicalDecimalText(text: string): string | undefined {
  const value = parseDecimalText(text);
  return value === undefined ? undefined : formatTrimmed(value);
}

/**
 * Divides by 10^power and rounds half away from zero to at most `places` decimals, dropping trailing zeros.
 * @example shiftAndRound('2198000000', 8, 2) // '21.98'
 */
export function shiftAndRound(text: string, power: number, places: number): string | undefined {
  const value = parseDecimalText(text);
  if (!value) return undefined;
  return formatTrimmed(roundDecimal({ mantissa: value.mantissa, exponent: value.exponent - power }, places));
}

/**
 * The exact value in plain notation with thousands separators: "2198000000" → "2,198,000,000"; "1234.5" → "1,234.5".
 */
export function groupThousands(text: string): string | undefined {
  const value = parseDecimalText(text);
  if (!value) return undefined;
  const plain = formatTrimmed(value);
  const negative = plain.startsWith('-');
  const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Compares the magnitude (absolute value) of a decimal string with 10^power: "35220000" vs 8 → -1; not a number → -1. */
export function compareMagnitude(text: string, power: number): -1 | 0 | 1 {
  const value = parseDecimalText(text);
  if (!value || value.mantissa === 0n) return -1;
  const magnitude = { mantissa: value.mantissa < 0n ? -value.mantissa : value.mantissa, exponent: value.exponent };
  return compareDecimals(magnitude, { mantissa: 1n, exponent: power });
}

/**
 * Exact sum of two decimal strings: addDecimalTexts('342000000', '35220000.5') → '377220000.5'.
 * Text that is not a number yields the other operand unchanged.
 */
export function addDecimalTexts(a: string, b: string): string {
  const x = parseDecimalText(a);
  const y = parseDecimalText(b);
  if (!x) return b;
  if (!y) return a;
  return formatTrimmed(addDecimals(x, y));
}
