/**
 * Each check's name as a person reads it, in Chinese and English, for every place a finding is shown (the CLI, the web
 * app's findings panel): never the check's id. Example: checkName('percentage-point-change', 'zh') → '百分点变化核对'.
 */
import type { DisplayLocale } from '../numbers/rounded-amount.format.ts';

/** Every check of the registry, and the across-documents check (it runs outside the registry, over several files). */
export const CHECK_NAMES = {
  growth: { zh: '增长率核对', en: 'Growth rate' },
  difference: { zh: '增减额核对', en: 'Change in amount' },
  'growth-from-increase': { zh: '由增量推算增长率', en: 'Growth rate from the increase' },
  share: { zh: '占比核对', en: 'Share' },
  'percentage-point-change': { zh: '百分点变化核对', en: 'Percentage-point change' },
  'parts-sum': { zh: '分项合计核对', en: 'Parts add up to the total' },
  restatement: { zh: '前后表述一致', en: 'Same figure stated twice' },
  'average-annual-growth': { zh: '年均增长核对', en: 'Average annual growth' },
  multiple: { zh: '倍数核对', en: 'Multiple' },
  direction: { zh: '升降方向核对', en: 'Direction of change' },
  threshold: { zh: '突破/不足用语核对', en: 'Threshold wording (over / under)' },
  enumeration: { zh: '列举项数核对', en: 'Count of listed items' },
  'part-of-whole': { zh: '部分不大于整体', en: 'Part not larger than its whole' },
  'unit-logic': { zh: '计量单位合理性', en: 'Unit makes sense' },
  'structure-ratio': { zh: '结构占比合计', en: 'Shares of one whole' },
  'cross-document': { zh: '跨文件一致核对', en: 'Same figure across documents' },
} as const satisfies Readonly<Record<string, { readonly zh: string; readonly en: string }>>;

/** The check's name in `locale`; an id without a name (a check added without one) is shown as it is. */
export function checkName(checkId: string, locale: DisplayLocale): string {
  return (CHECK_NAMES as Readonly<Record<string, { zh: string; en: string }>>)[checkId]?.[locale] ?? checkId;
}
