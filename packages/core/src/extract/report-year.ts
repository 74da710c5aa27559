/**
 * Infers the year a report speaks from when the caller does not say. In order: the dateline of a work report
 * ("——2024年3月5日在第十四届全国人民代表大会…"), a title ("2022年国民经济和社会发展统计公报" is about 2022), the
 * headings of a work report ("2023年工作回顾" comes from the 2024 report, "2024年政府工作任务" is 2024's), and
 * else the year the text names most often.
 */
import type { DateCandidate } from './parsers/date.parser.ts';

const DATELINE = /(\d{4})年\d{1,2}月\d{1,2}日在/u;
const TITLE = /(\d{4})年(?:[^\n。，]{0,12}政府工作报告|国民经济和社会发展统计公报)/u;
const PLAN_HEADING = /(\d{4})年(?:政府工作任务|重点工作|工作安排|经济社会发展主要预期目标|主要预期目标)/u;
const REVIEW_HEADING = /(\d{4})年工作回顾/u;
/** Where a dateline or title stands: the first lines. */
const HEAD_LENGTH = 400;

/**
 * @example inferReportYear('——2024年3月5日在…', dates) // 2024
 * @example inferReportYear('一、2023年工作回顾…', dates) // 2024
 */
export function inferReportYear(text: string, dates: readonly DateCandidate[]): number | undefined {
  const head = text.slice(0, HEAD_LENGTH);
  const stated = DATELINE.exec(head) ?? TITLE.exec(head) ?? PLAN_HEADING.exec(text);
  if (stated) return Number(stated[1]);
  const review = REVIEW_HEADING.exec(text);
  if (review) return Number(review[1]) + 1;
  return mostNamedYear(dates);
}

function mostNamedYear(dates: readonly DateCandidate[]): number | undefined {
  const counts = new Map<number, number>();
  for (const date of dates) {
    if (date.provenance !== 'parser/date' || date.period.year === undefined || date.period.endYear !== undefined) continue;
    counts.set(date.period.year, (counts.get(date.period.year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, count] of counts) {
    if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  }
  return best;
}
