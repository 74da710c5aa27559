/**
 * Checks that a structure written as a ratio of shares ("三次产业结构比为8.2∶35.6∶56.2") adds up to 100, within
 * the rounding of its terms. Example: "三次产业结构调整为8.2:35.6:57.2" → 8.2 + 35.6 + 57.2 = 101 ≠ 100 → inconsistent.
 * Only ratios that name a structure of the whole (三次产业, 产业结构, 一二三产) and whose terms read as percentages
 * (they add up to between 80 and 120) are judged: "1∶3.4" compares two things and is no share of anything.
 */
import type { Check, CheckInput } from '../check.ts';
import type { SenseFinding } from './sense-text.ts';

/** A ratio of two to four decimal terms separated by a colon of any width. */
const RATIO = /(\d+(?:\.\d+)?)(?:\s*[:：∶]\s*(\d+(?:\.\d+)?)){1,3}/g;
/**
 * Words before the ratio that make its terms the shares of one whole (三产比例 is the short form of 三次产业比例;
 * 第三产业 is one sector, not the structure); a comma may stand between them when the clause after it only says what
 * the structure or its proportion became ("三次产业结构进一步优化，调整为8.3∶41.4∶50.3", "…更加优化，比例为9.7:39.5:50.8").
 */
const STRUCTURE_BEFORE =
  /(?:三次产业|三大产业|一二三产业?|一、二、三产业?|产业结构|(?<!第)三产)[^，。；\d]{0,16}(?:[，,](?:进一步|逐步|持续)?(?:调整|优化|演变|变化|变为|提升)?(?:比例|比重|占比|结构比?)?(?:调整|优化)?(?:为|至|到))?$/;
/**
 * The sums, in hundredths, within which a named structure's terms read as percentages. Wide enough that a misprinted
 * term (51.1 written 61.1) still reads as a share and is judged, narrow enough that "1∶3.4∶5.6" (a comparison of
 * two things) never is.
 */
const PERCENT_SUM = { min: 8000, max: 12000 };

function decimals(term: string): number {
  const point = term.indexOf('.');
  return point < 0 ? 0 : term.length - point - 1;
}

/** Hundredths of a unit, as integers, so that no float rounding enters the sum: "35.6" → 3560. */
function hundredths(term: string): number {
  const [whole = '0', fraction = ''] = term.split('.');
  return Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
}

/**
 * The three sectors' shares, or their contributions to growth, listed after 分别 rather than written a:b:c:
 * "三次产业增加值占地区生产总值的比重分别为8.7%、48.5%、42.8%", "三次产业对GDP增长的贡献率分别为6.9%、49.9%和43.2%".
 * Both add up to 100 by definition; growth rates and pulls (分别增长, 拉动) do not, and are not matched.
 */
const LISTED_SHARES =
  /(?:三次产业|一、二、三产业?|一二三产业?)(?:增加值)?[^，。；\d%]{0,16}?(比重|占比|比例|结构|贡献率)(?:为|是)?[^，。；\d%]{0,2}?分别(?:为|是|达到?)?\s*(\d+(?:\.\d+)?)%\s*[、，,和及]\s*(\d+(?:\.\d+)?)%\s*[、，,和及]\s*(\d+(?:\.\d+)?)%/g;

/** A whole beyond the report's own economy: 全省, 全国, 全区 … of which each sector's share is a share of that sector. */
const WIDER_WHOLE = /全[省国市区州县盟旗]|同类|同行业/;

const SHARE_READING = '按各项为同一整体中的占比（%）理解';
const CONTRIBUTION_READING = '按三次产业对增长的贡献率之和为100%理解';

/** Judges terms that must add up to 100, each to the rounding of its last written digit. */
function judgeHundred(terms: readonly string[], shown: string, stated: string, reading: string, whole: string): SenseFinding | undefined {
  const sum = terms.reduce((total, term) => total + hundredths(term), 0);
  if (sum < PERCENT_SUM.min || sum > PERCENT_SUM.max) return undefined;
  // each term is rounded to its last written digit: half of that digit each way
  const tolerance = terms.reduce((total, term) => total + 50 * 10 ** (2 - decimals(term)) / 100, 0);
  const shownSum = (sum / 100).toString();
  const base = { check: 'structure-ratio', stated, quantities: [], reading };
  if (Math.abs(sum - 10000) <= tolerance) {
    return { ...base, verdict: 'consistent', confidence: 0.8, message: `「${shown}」：各项之和为${shownSum}，在书写精度内等于100 ✓` };
  }
  return {
    ...base,
    verdict: 'inconsistent',
    confidence: 0.8,
    deviation: ((sum - 10000) / 100).toString(),
    message: `「${shown}」：各项之和为${shownSum}，${whole}之和应为100（按书写精度最多相差${tolerance / 100}）`,
  };
}

/**
 * Finds every ratio of shares that names a structure, and every list of the three sectors' shares or contributions,
 * and judges its sum against 100.
 * @example checkStructureRatio({ text: '三次产业结构比为8.2∶35.6∶57.2。', extraction })
 * // [{ check: 'structure-ratio', verdict: 'inconsistent', message: '「8.2∶35.6∶57.2」：各项之和为101，三次产业结构各项占比之和应为100 …' }]
 */
export function checkStructureRatio({ text }: CheckInput): SenseFinding[] {
  const findings: SenseFinding[] = [];
  for (const match of text.matchAll(RATIO)) {
    const terms = match[0].split(/\s*[:：∶]\s*/);
    if (terms.length < 3 || terms.some((term) => decimals(term) > 2)) continue;
    // "由12.1：40.2：47.7调整为9.3：38.4：52.3": an earlier ratio of the same structure stands for its terms
    const before = text.slice(Math.max(0, match.index - 40), match.index).replace(/\s+/g, '').replace(/\d+(?:\.\d+)?(?:[:：∶]\d+(?:\.\d+)?)+/g, '');
    if (!STRUCTURE_BEFORE.test(before)) continue;
    const finding = judgeHundred(terms, match[0], `span:${match.index}-${match.index + match[0].length}`, SHARE_READING, '三次产业结构各项占比');
    if (finding) findings.push(finding);
  }
  for (const match of text.matchAll(LISTED_SHARES)) {
    const terms = [match[2], match[3], match[4]] as string[];
    // "占全省的比重分别为…": each sector's share of the same sector in a wider region, which add up to nothing
    if (terms.some((term) => decimals(term) > 2) || WIDER_WHOLE.test(match[0])) continue;
    const first = match.index + match[0].search(/\d/);
    const shown = text.slice(first, match.index + match[0].length);
    const isContribution = match[1] === '贡献率';
    const finding = judgeHundred(
      terms,
      shown,
      `span:${first}-${match.index + match[0].length}`,
      isContribution ? CONTRIBUTION_READING : SHARE_READING,
      isContribution ? '三次产业对增长的贡献率' : '三次产业各项占比',
    );
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The structure-ratio check, for the registry in verify.ts. */
export const structureRatioCheck: Check = { id: 'structure-ratio', reading: SHARE_READING, run: checkStructureRatio };
