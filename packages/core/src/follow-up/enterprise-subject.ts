/**
 * Tells whose target a figure of the plan is when a sentence sets a task for one enterprise: in "某某集团要当好能源企业的
 * “顶梁柱”，力争电力总装机超过3000万千瓦" the 3000万千瓦 is the group's, and the region's "电力总装机规模2亿千瓦" is no
 * result for it.
 */
import { sentenceStart } from '../extract/clauses.ts';

/** A sentence opening with an enterprise told what to do: "某某集团要…", "某某公司将…". */
const ENTERPRISE_TASK = /^([\u4e00-\u9fff]{2,6}?(?:集团|公司))(?:要|将|必须|应当|应)/u;

/**
 * The enterprise a figure's sentence sets its task for, or undefined when the sentence opens with none.
 * @example readEnterpriseSubject('某某集团要全力突围，力争营收达到900亿元。', 18) // '某某集团'
 * @example readEnterpriseSubject('力争电力总装机超过2亿千瓦。', 9) // undefined
 */
export function readEnterpriseSubject(text: string, position: number): string | undefined {
  return ENTERPRISE_TASK.exec(text.slice(sentenceStart(text, position), position))?.[1];
}

/**
 * Whether a result in this year's report can answer an enterprise's target: its sentence must name the enterprise
 * (by its name without 集团 / 公司, as a review may shorten it).
 * @example namesEnterprise('某某集团电力总装机达到3100万千瓦。', 12, '某某集团') // true
 * @example namesEnterprise('电力总装机规模2亿千瓦。', 7, '某某集团') // false
 */
export function namesEnterprise(text: string, position: number, enterprise: string): boolean {
  const name = enterprise.replace(/(?:集团|公司)$/u, '');
  return text.slice(sentenceStart(text, position), position).includes(name);
}
