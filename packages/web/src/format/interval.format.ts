/**
 * Writes a derived interval as a person reads it, in the stated figure's unit: ('52.75', '52.85', '%') →
 * '52.75%–52.85%'; ('675000000', '677000000', '元') → '6.75亿元–6.77亿元'. Never '[a, b]'.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatQuantity } from './quantity.format.ts';

/**
 * Formats both ends with formatQuantity; where rounding would write both ends alike, the exact digits are shown
 * instead, so a narrow range never reads as one number.
 * @example formatInterval('675000000', '677000000', '元', 'zh') // '6.75亿元–6.77亿元'
 */
export function formatInterval(low: string, high: string, unit: string, locale: Locale): string {
  const lowText = formatQuantity(low, unit, locale);
  if (low === high) return lowText.short;
  const highText = formatQuantity(high, unit, locale);
  return lowText.short === highText.short ? `${lowText.exact}–${highText.exact}` : `${lowText.short}–${highText.short}`;
}
