/**
 * Writes an exact amount of 元 the way Chinese reports do, with the exact value kept for hover:
 * "2198000000" → { short: '21.98亿元', exact: '2,198,000,000元' }; in English '2.198 billion yuan'.
 */
import { compareMagnitude, groupThousands, shiftAndRound } from './decimal-text.ts';
import type { Locale } from '../i18n/locale.ts';

/** A figure as shown (`short`) and as stored (`exact`), both ready to print. */
export interface FormattedFigure {
  readonly short: string;
  readonly exact: string;
}

/** Largest magnitude first: 万亿 (10^12), 亿 (10^8), 万 (10^4). */
const CHINESE_MAGNITUDES: readonly [number, string][] = [
  [12, '万亿'],
  [8, '亿'],
  [4, '万'],
];

const ENGLISH_MAGNITUDES: readonly [number, string][] = [
  [12, ' trillion'],
  [9, ' billion'],
  [6, ' million'],
];

function absolute(text: string): string {
  return text.trim().replace(/^[+-]/, '');
}

/**
 * Scales a plain number by the largest magnitude word it reaches, two decimals in Chinese (21.98亿),
 * three in English (2.198 billion) so the same digits survive.
 */
export function formatScaledNumber(text: string, locale: Locale): string {
  const magnitudes = locale === 'zh' ? CHINESE_MAGNITUDES : ENGLISH_MAGNITUDES;
  const places = locale === 'zh' ? 2 : 3;
  for (const [power, word] of magnitudes) {
    if (compareMagnitude(absolute(text), power) >= 0) {
      return `${shiftAndRound(text, power, places) ?? text}${word}`;
    }
  }
  const rounded = shiftAndRound(text, 0, 2) ?? text;
  // Below 万, Chinese reports write the digits plainly (8040套, 9876元); English groups them.
  return locale === 'zh' ? rounded : (groupThousands(rounded) ?? rounded);
}

/**
 * Formats an amount of 元 given as an exact decimal string.
 * @example formatAmountYuan('35220000', 'zh') // { short: '3522万元', exact: '35,220,000元' }
 */
export function formatAmountYuan(amountYuan: string, locale: Locale): FormattedFigure {
  const exactDigits = groupThousands(amountYuan) ?? amountYuan;
  if (locale === 'zh') {
    return { short: `${formatScaledNumber(amountYuan, 'zh')}元`, exact: `${exactDigits}元` };
  }
  return { short: `${formatScaledNumber(amountYuan, 'en')} yuan`, exact: `${exactDigits} yuan` };
}
