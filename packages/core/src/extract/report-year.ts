/**
 * Infers the year a report speaks from when the caller does not say: the dateline of a work report
 * ("——2024年3月5日在第十四届全国人民代表大会…") or else the year the text names most often.
 */
import type { DateCandidate } from './parsers/date.parser.ts';

const DATELINE = /(\d{4})年\d{1,2}月\d{1,2}日在/u;

/**
 * @example inferReportYear('——2024年3月5日在…', dates) // 2024
 */
export function inferReportYear(text: string, dates: readonly DateCandidate[]): number | undefined {
  const dateline = DATELINE.exec(text.slice(0, 400));
  if (dateline) return Number(dateline[1]);
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
