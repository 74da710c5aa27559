/**
 * Marks which paragraphs of a work report state last year's results: "过去一年，…" and "刚刚过去的2025年，…" review
 * one year; "过去五年…", "这五年，…" and "“十四五”时期…" review several; "二、2025年政府工作任务" and the
 * 主要预期目标 open the plan, where no result of last year is stated.
 */

/** A paragraph and what it reviews. */
export interface ReviewPeriod {
  readonly start: number;
  readonly end: number;
  /** 'year': last year's results; 'years': a multi-year review; 'plan': the year ahead or later. */
  readonly scope: 'year' | 'years' | 'plan';
  /** The year under review when the text names it ("一、2024年工作回顾", "刚刚过去的2025年", "2022年是…"). */
  readonly year?: number;
}

const HEADING_MAX = 40;
/** The sentence that states the year's main targets: 今年发展主要预期目标是：… */
const TARGETS_SENTENCE = /主要预期目标(?:建议)?(?:是|为)|主要预期目标[：:]|预期目标作了/u;
/** A heading or sentence that opens the plan part. */
const PLAN_HEADING = /总体要求|主要目标|目标任务|重点工作|重点任务|主要任务|工作任务|工作的建议|工作建议|政策取向|工作安排|预期目标/u;
/** Words of a review in a short line that also names 工作安排 or 任务: "一年来，我们认真落实…工作安排，主要做了以下工作。" */
const REVIEW_WORDS = /回顾|做了|一年来|过去一年|五年来|过去五年/u;
const MULTI_YEAR = /^(?:各位代表！)?(?:——)?(?:[^，。]{0,12})?(?:过去五年|过去的五年|这五年|五年来|五年间|过去十年|十年来|新时代以来|“十[三四五]五”(?:时期|期间|以来|这五年)|十[三四五]五(?:时期|期间|以来))|^——这是[^。]{0,40}的五年/u;
const ONE_YEAR = /^(?:各位代表！)?(?:[^，。]{0,6})?(?:过去一年|过去的一年|刚刚过去的(?:\d{4}年|一年)|一年来|去年|\d{4}年(?:是|，|我们|全[国省市区])|今年以来)/u;

/**
 * Splits `text` into paragraphs and gives each one its scope. The text starts in a one-year review; a paragraph
 * opening with a multi-year marker switches to 'years' until one opens with a one-year marker again; the first plan
 * heading (a short line naming 总体要求 / 重点工作 / 主要目标 …, not 回顾) or 主要预期目标 ends the review for good.
 * @example classifyReviewPeriods('过去一年，GDP增长5.2%。\n过去五年，…\n二、2024年政府工作任务\n…').map((p) => p.scope)
 * // ['year', 'years', 'plan', 'plan']
 */
export function classifyReviewPeriods(text: string): ReviewPeriod[] {
  const periods: ReviewPeriod[] = [];
  let scope: ReviewPeriod['scope'] = 'year';
  let year: number | undefined;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    const paragraph = text.slice(start, end).trim().replace(/^[#\s　]+/u, '');
    if (paragraph.length > 0 && scope !== 'plan') {
      const isHeading = paragraph.length <= HEADING_MAX && !/[。；]/u.test(paragraph.slice(0, -1));
      if ((isHeading && PLAN_HEADING.test(paragraph) && !REVIEW_WORDS.test(paragraph)) || TARGETS_SENTENCE.test(paragraph)) {
        scope = 'plan';
      } else if (isHeading && /回顾/u.test(paragraph) && namedYear(paragraph) !== undefined) {
        // "一、2025年和“十四五”时期工作回顾": the year comes first; the five years open with their own marker.
        scope = 'year';
        year = namedYear(paragraph);
      } else if (MULTI_YEAR.test(paragraph)) {
        scope = 'years';
      } else if (ONE_YEAR.test(paragraph)) {
        scope = 'year';
        year = namedYear(paragraph) ?? year;
      } else if (isHeading && /回顾/u.test(paragraph)) {
        year = namedYear(paragraph) ?? year;
      }
    }
    periods.push({ start, end, scope, ...(year !== undefined && scope === 'year' ? { year } : {}) });
    start = end;
  }
  return periods;
}

/** The one year a paragraph's opening names: "一、2024年工作回顾" → 2024; none or several → undefined. */
function namedYear(paragraph: string): number | undefined {
  const years = [...paragraph.slice(0, 24).matchAll(/((?:19|20)\d{2})年/gu)].map((match) => Number(match[1]));
  return years.length === 1 ? years[0] : undefined;
}
