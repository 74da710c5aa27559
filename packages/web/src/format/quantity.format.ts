/**
 * Writes any stored figure with its unit: 元 amounts with 亿/万, '%' as "44.4%", 'pp' as "4.8个百分点",
 * counts and measures as written ("2100个", "2万亩"). Example: formatQuantity('4.8', 'pp', 'en') → '4.8 pp'.
 */
import { compareMagnitude, formatScaledNumber, groupThousands, shiftAndRound } from '@duixian/core';
import { formatAmountYuan, type FormattedFigure } from './amount.format.ts';
import type { Locale } from '../i18n/locale.ts';

/** Formats a percentage given as a decimal string: '87.8' → '87.8%'. */
export function formatPercent(value: string): string {
  return `${shiftAndRound(value, 0, 2) ?? value}%`;
}

/**
 * Formats a figure by its normalized unit, keeping the exact value for hover.
 * @example formatQuantity('20000', '亩', 'zh') // { short: '2万亩', exact: '20,000亩' }
 */
export function formatQuantity(value: string, unit: string, locale: Locale): FormattedFigure {
  if (unit === '元') return formatAmountYuan(value, locale);
  if (unit === '%') {
    const text = formatPercent(value);
    return { short: text, exact: `${value}%` };
  }
  if (unit === 'pp') {
    const number = shiftAndRound(value, 0, 2) ?? value;
    return locale === 'zh'
      ? { short: `${number}个百分点`, exact: `${value}个百分点` }
      : { short: `${number} pp`, exact: `${value} percentage points` };
  }
  const exact = `${groupThousands(value) ?? value}${locale === 'zh' ? '' : ' '}${unit}`;
  if (locale === 'zh') {
    const scaled = formatScaledNumber(value, 'zh');
    // 万 and 亿 only where the text would write them: the scaled value must still be exact.
    const isExactScaled = /[万亿]$/.test(scaled) && shiftAndRound(value, scaled.endsWith('万') ? 4 : 8, 12) === scaled.slice(0, -1);
    const plain = compareMagnitude(value.replace(/^[+-]/, ''), 4) >= 0 ? (groupThousands(value) ?? value) : value;
    return { short: `${isExactScaled ? scaled : plain}${unit}`, exact };
  }
  return { short: exact, exact };
}
