/**
 * Exact percentages of decimal strings, rounded half away from zero: `percentOf('1930000000', '2198000000', 1)` → '87.8'.
 */
import { addDecimals, formatDecimal, negateDecimal, parseDecimal, type Decimal } from '@duixian/core';

function read(text: string): Decimal {
  const value = parseDecimal(text);
  if (!value) throw new RangeError(`not a decimal: ${text}`);
  return value;
}

/** part ÷ whole × 100 with `decimals` digits; null when the whole is zero. */
export function percentOf(part: string, whole: string, decimals: number): string | null {
  const a = read(part);
  const b = read(whole);
  if (b.mantissa === 0n) return null;
  // (a.m × 10^a.e) / (b.m × 10^b.e) × 100 × 10^decimals, as one integer division.
  const shift = a.exponent - b.exponent + 2 + decimals;
  let numerator = a.mantissa;
  let denominator = b.mantissa;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return formatDecimal({ mantissa: negative ? -quotient : quotient, exponent: -decimals });
}

/** (current − previous) ÷ previous × 100: `growthPercent('2198000000', '1522000000', 1)` → '44.4'. */
export function growthPercent(current: string, previous: string, decimals: number): string | null {
  return percentOf(subtract(current, previous), previous, decimals);
}

/** current − previous, exactly: '2198000000' − '1522000000' → '676000000'. */
export function subtract(current: string, previous: string): string {
  return formatDecimal(addDecimals(read(current), negateDecimal(read(previous))));
}
