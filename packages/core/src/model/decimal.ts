/**
 * An exact decimal as written: value = mantissa × 10^exponent.
 * "21.98亿" → { mantissa: 2198n, exponent: 6 }. The exponent also states the
 * precision the text gives: the last written digit is worth 10^exponent.
 */
export interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}
