/**
 * Writes an exact value the way a Chinese report does, without rounding: 2198000000 元 → "21.98亿元",
 * 35220000 元 → "3522万元", 4.8 pp → "4.8个百分点", 20000 亩 → "2万亩". Parsing the result gives the value back.
 */
import type { Decimal } from '../model/decimal.ts';
import type { QuantityValue } from '../model/quantity.ts';
import type { GradeValue } from '../model/commitment.ts';
import { formatDecimal, scaleDecimal } from './decimal.ts';

const MAGNITUDES: readonly (readonly [number, string])[] = [[12, '万亿'], [8, '亿'], [4, '万']];
const UNIT_WORDS: Readonly<Record<string, string>> = { pp: '个百分点' };

/** The magnitude a value is written in: the largest whose integer part is not zero. */
function magnitudeOf(value: Decimal): readonly [number, string] | undefined {
  const absolute = value.mantissa < 0n ? -value.mantissa : value.mantissa;
  const digits = absolute.toString().length + value.exponent; // digits before the decimal point
  return MAGNITUDES.find(([power]) => digits > power);
}

/** Drops zeros after the decimal point that say nothing about the value: "21.980" → "21.98". */
function trimFraction(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/u, '') : text;
}

/**
 * One exact number with its unit word.
 * @example formatChineseAmount({ mantissa: 2198n, exponent: 6 }, '元') // '21.98亿元'
 */
export function formatChineseAmount(value: Decimal, unit: string): string {
  const word = UNIT_WORDS[unit] ?? unit;
  if (unit === '%' || unit === 'pp' || unit === '‰' || unit === '倍') return `${trimFraction(formatDecimal(value))}${word}`;
  const magnitude = magnitudeOf(value);
  if (!magnitude) return `${trimFraction(formatDecimal(value))}${word}`;
  return `${trimFraction(formatDecimal(scaleDecimal(value, -magnitude[0])))}${magnitude[1]}${word}`;
}

/**
 * A quantity's value, exact or a range, the Chinese way.
 * @example formatQuantityValue({ type: 'range', low: 10万, high: 15万 }, '元') // '10万元—15万元'
 */
export function formatQuantityValue(value: QuantityValue | GradeValue, unit: string): string {
  if (value.type === 'grade') return value.grade;
  return value.type === 'exact'
    ? formatChineseAmount(value.value, unit)
    : `${formatChineseAmount(value.low, unit)}—${formatChineseAmount(value.high, unit)}`;
}
