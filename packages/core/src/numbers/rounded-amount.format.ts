/**
 * Figures rounded for display with the largest magnitude word they reach — 万亿 / 亿 / 万 in Chinese, trillion /
 * billion / million in English — as the web app and the 民生账本 infographic show them: '2198000000' 元 →
 * '21.98亿元' / '2.198 billion yuan'. Rounds half away from zero on exact decimal text; formatChineseAmount
 * (chinese-amount.format.ts) is the exact, unrounded writer.
 */
import { compareMagnitude, groupThousands, shiftAndRound } from './decimal-text.ts';

export type DisplayLocale = 'zh' | 'en';

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

/**
 * Scales a plain number by the largest magnitude word it reaches, two decimals in Chinese (21.98亿), three in English
 * (2.198 billion) so the same digits survive; below 万 Chinese writes the digits plainly (8040, 9876.5), English
 * groups them (9,876.5). Text that is not a number comes back unchanged.
 * @example formatScaledNumber('35220000', 'zh') // '3522万'
 */
export function formatScaledNumber(text: string, locale: DisplayLocale): string {
  const magnitudes = locale === 'zh' ? CHINESE_MAGNITUDES : ENGLISH_MAGNITUDES;
  const places = locale === 'zh' ? 2 : 3;
  const absolute = text.trim().replace(/^[+-]/, '');
  for (const [power, word] of magnitudes) {
    if (compareMagnitude(absolute, power) >= 0) return `${shiftAndRound(text, power, places) ?? text}${word}`;
  }
  const rounded = shiftAndRound(text, 0, 2) ?? text;
  return locale === 'zh' ? rounded : (groupThousands(rounded) ?? rounded);
}

/**
 * An amount of 元 rounded for display with its unit.
 * @example formatRoundedYuan('2198000000', 'zh') // '21.98亿元'; formatRoundedYuan('2198000000', 'en') // '2.198 billion yuan'
 */
export function formatRoundedYuan(amountYuan: string, locale: DisplayLocale): string {
  return locale === 'zh' ? `${formatScaledNumber(amountYuan, 'zh')}元` : `${formatScaledNumber(amountYuan, 'en')} yuan`;
}
