/**
 * The message key of a check's person-readable name: 'percentage-point-change' → 'check.percentage-point-change'
 * (百分点变化核对 / Percentage-point change). The findings panel shows the name, never the id.
 */
import type { MessageKey } from '../i18n/messages.zh.ts';

/**
 * @example checkNameKey('growth') // 'check.growth', which reads '增长率核对'
 */
export function checkNameKey(checkId: string): MessageKey {
  return `check.${checkId}` as MessageKey;
}
