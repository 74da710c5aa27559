/**
 * Tells which paragraphs look back on results (回顾) and which set out what will be done (部署): a work report
 * reviews last year before it commits to this one, and only the plan holds commitments.
 * "过去一年…" and "2023年以来…" open a review; "新的一年…", "今年…" and "主要预期目标" open a plan.
 * A year earlier than the report's opens a review however it is phrased: in the 2024 report "2023年是…开局之年" looks back.
 */

/** A stretch of text and whether it reviews or plans. */
export interface TenseSpan {
  readonly start: number;
  readonly end: number;
  /** 'gloss': notes that explain terms (名词解释): they describe the plan's programmes rather than commit. */
  readonly tense: 'review' | 'plan' | 'gloss' | 'unknown';
}

const REVIEW_OPENER = /^(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?\s*(?:过去(?:的)?(?:一年|五年|几年)|去年|上年|一年来|五年来|今年以来|\d{4}年(?:以来|，|工作回顾)|回顾|截至目前|截至\d{4}年|[^\n，。]{0,12}工作回顾)/u;
const GLOSS_OPENER = /^(?:名词解释|名词注释|注释|附注|注解)[:：]?$/u;
const PLAN_OPENER = /^(?:附件\s*\d*$|\d{4}年.{0,8}(?:惠民实事|民生实事|为民办实事|民生项目)|(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?\s*(?:新的一年|今年|明年|下一步|今后|未来|\d{4}年(?:是|经济社会发展|主要预期目标|重点工作|工作安排|政府工作任务|的工作|要)|主要预期目标|总体要求|(?:\d{4}年)?(?:重点工作|工作任务|工作安排)|[^\n，。]{0,16}(?:政府工作任务|重点工作|工作安排|主要任务)$))/u;

/** The year a paragraph opens with, after an optional list number: "一、2023年工作回顾" → 2023. */
const OPENING_YEAR = /^(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?\s*((?:19|20)\d{2})年(?!\d{1,2}月)/u;

/**
 * Splits the text into paragraphs and carries the tense forward from the last paragraph that set one.
 * With the report year known, a paragraph that opens with an earlier year ("2023年是…", "2023年，全市…") reviews.
 * @example classifyTense('过去一年，…\n新的一年，…') // [{ tense: 'review' }, { tense: 'plan' }]
 * @example classifyTense('2023年是开局之年。\n', 2024) // [{ tense: 'review' }]
 */
export function classifyTense(text: string, reportYear?: number): TenseSpan[] {
  const spans: TenseSpan[] = [];
  let tense: TenseSpan['tense'] = 'unknown';
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    const paragraph = text.slice(start, end).trim();
    const openingYear = reportYear === undefined ? undefined : OPENING_YEAR.exec(paragraph)?.[1];
    if (GLOSS_OPENER.test(paragraph)) tense = 'gloss';
    else if (REVIEW_OPENER.test(paragraph)) tense = 'review';
    else if (openingYear !== undefined && Number(openingYear) < reportYear!) tense = 'review';
    else if (PLAN_OPENER.test(paragraph)) tense = 'plan';
    if (paragraph.length > 0) spans.push({ start, end, tense });
    start = end;
  }
  return spans;
}
