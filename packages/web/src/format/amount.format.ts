/**
 * Writes an exact amount of 元 the way Chinese reports do, with the exact value kept for hover:
 * "2198000000" → { short: '21.98亿元', exact: '2,198,000,000元' }; in English '2.198 billion yuan'.
 */
import { formatRoundedYuan, groupThousands } from '@duixian/core';
import type { Locale } from '../i18n/locale.ts';

/** A figure as shown (`short`) and as stored (`exact`), both ready to print. */
export interface FormattedFigure {
  readonly short: string;
  readonly exact: string;
}

/**
 * Formats an amount of 元 given as an exact decimal string.
 * @example formatAmountYuan('35220000', 'zh') // { short: '3522万元', exact: '35,220,000元' }
 */
export function formatAmountYuan(amountYuan: string, locale: Locale): FormattedFigure {
  const exactDigits = groupThousands(amountYuan) ?? amountYuan;
  return { short: formatRoundedYuan(amountYuan, locale), exact: locale === 'zh' ? `${exactDigits}元` : `${exactDigits} yuan` };
}
