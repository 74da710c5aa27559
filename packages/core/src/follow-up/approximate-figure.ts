/**
 * Reads the ceiling a figure written with 多 or 余 implies: "2800多个" is at least 2800 and less than 2900, "600余项"
 * less than 700, "2400多亿元" less than 2500亿元. A result so written proves a floor (its value) and a ceiling.
 */
import type { Decimal } from '../model/decimal.ts';
import type { Quantity } from '../model/quantity.ts';

/** 多 or 余 right after the digits or after a magnitude word: 2800多, 600余, 1万多, 2400多亿. */
const MORE_THAN = /\d[多余]|[十百千万亿][多余]/u;

/**
 * The value a figure with 多 / 余 stays below: its value plus one unit of its last significant digit; undefined
 * for any other figure.
 * @example readApproximateCeiling({ text: '2800多个', value: 2800, … }) // 2900（不含）
 * @example readApproximateCeiling({ text: '1万多人', value: 10000, … }) // 20000（不含）
 */
export function readApproximateCeiling(quantity: Pick<Quantity, 'text' | 'value'>): Decimal | undefined {
  if (quantity.value.type !== 'exact' || !MORE_THAN.test(quantity.text)) return undefined;
  let { mantissa, exponent } = quantity.value.value;
  if (mantissa <= 0n) return undefined;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa: mantissa + 1n, exponent };
}
