/**
 * Dates each figure: "较2022年15.22亿元" → 2022; "2023年全区…支出21.98亿元" → 2023; a figure in an infographic
 * panel takes the year of its panel's heading. Figures with no date nearby are left undated (the report year applies).
 */
import type { Period } from '../../model/quantity.ts';
import type { QuantityCandidate } from '../candidate.ts';
import { isHeadingLine, previousLine, sentenceStart } from '../clauses.ts';
import type { DateCandidate } from '../parsers/date.parser.ts';
import { isSameBlock } from './metric.refiner.ts';

/** 比 / 较 before a year makes it a comparison base, not the figure's own period. */
const COMPARISON_BEFORE = /(?:比|较)$/u;

/**
 * Fills `period` from the dates around each candidate.
 * @example refinePeriods(text, candidates, dates) // 15.22亿元 after 较2022年 → { year: 2022 }
 */
export function refinePeriods(text: string, candidates: QuantityCandidate[], dates: readonly DateCandidate[]): void {
  let previous: QuantityCandidate | undefined;
  let blockPeriod: Period | undefined; // the period the current block is about, not its comparison bases
  for (const candidate of candidates) {
    if (!previous || !isSameBlock(text, previous.end, candidate.start)) {
      blockPeriod = headingPeriod(text, dates, candidate.start);
    }
    const nearest = lastDateBetween(dates, sentenceStart(text, candidate.start), candidate.start);
    const isComparison = nearest !== undefined && COMPARISON_BEFORE.test(text.slice(Math.max(0, nearest.start - 1), nearest.start));
    if (nearest && isComparison && nearest.end === candidate.start) {
      candidate.period = nearest.period; // 较2022年15.22亿元: the number is the base year's
    } else if (nearest && !isComparison) {
      candidate.period = nearest.period;
      blockPeriod = nearest.period;
    } else if (blockPeriod) {
      candidate.period = blockPeriod;
    }
    previous = candidate;
  }
}

/** The last date with a year starting in [from, to); `dates` are in text order, so a binary search finds `to`. */
function lastDateBetween(dates: readonly DateCandidate[], from: number, to: number): DateCandidate | undefined {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((dates[middle]?.start ?? Infinity) < to) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0 && (dates[i]?.start ?? -1) >= from; i--) {
    if (dates[i]?.period.year !== undefined) return dates[i];
  }
  return undefined;
}

/** The year in a short heading line right above the block holding `position`: "■2023年用于民生领域支出". */
function headingPeriod(text: string, dates: readonly DateCandidate[], position: number): Period | undefined {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const line = previousLine(text, lineStart);
  // Only a heading set apart by a blank line: in running prose the line above is just more prose.
  if (!line || text.slice(line.end, lineStart).split('\n').length < 3) return undefined;
  if (!isHeadingLine(text.slice(line.start, line.end))) return undefined;
  return lastDateBetween(dates, line.start, line.end)?.period;
}
