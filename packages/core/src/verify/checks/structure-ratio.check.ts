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
 * Finds every ratio of shares that names a structure and judges its sum against 100.
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
    const sum = terms.reduce((total, term) => total + hundredths(term), 0);
    if (sum < PERCENT_SUM.min || sum > PERCENT_SUM.max) continue;
    // each term is rounded to its last written digit: half of that digit each way
    const tolerance = terms.reduce((total, term) => total + 50 * 10 ** (2 - decimals(term)) / 100, 0);
    const shownSum = (sum / 100).toString();
    const stated = `span:${match.index}-${match.index + match[0].length}`;
    const base = { check: 'structure-ratio', stated, quantities: [], reading: '按各项为同一整体中的占比（%）理解' };
    if (Math.abs(sum - 10000) <= tolerance) {
      findings.push({ ...base, verdict: 'consistent', confidence: 0.8, message: `「${match[0]}」：各项之和为${shownSum}，在书写精度内等于100 ✓` });
    } else {
      findings.push({
        ...base,
        verdict: 'inconsistent',
        confidence: 0.8,
        deviation: ((sum - 10000) / 100).toString(),
        message: `「${match[0]}」：各项之和为${shownSum}，三次产业结构各项占比之和应为100（按书写精度最多相差${tolerance / 100}）`,
      });
    }
  }
  return findings;
}

/** The structure-ratio check, for the registry in verify.ts. */
export const structureRatioCheck: Check = { id: 'structure-ratio', reading: '按各项为同一整体中的占比（%）理解', run: checkStructureRatio };
