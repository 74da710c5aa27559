/**
 * `followUp`: were last year's targets met? Reads two consecutive work reports of one government and pairs each
 * quantified target of the earlier one's plan (the 主要预期目标, the tasks, the 民生实事; `headlineOnly` for the
 * 主要预期目标 alone) with the result the later one states, with a verdict.
 */
import { extract } from '../extract/pipeline.ts';
import type { FollowUpReport } from './follow-up-pair.ts';
import { matchFollowUp, type FollowUpMatchOptions } from './follow-up-match.ts';

/**
 * Extracts both reports (each with its own year) and matches them.
 * @example followUp(report2023, report2024, { lastYear: 2023, thisYear: 2024 }).pairs
 * // [{ target: { text: '5%', metric: '国内生产总值增长' }, result: { text: '5.2%' }, verdict: 'met', confidence: 1 }, …
 * //  { target: { text: '1.3万亿斤', metric: '粮食产量' }, result: { text: '1.39万亿斤' }, verdict: 'met' }]
 */
export function followUp(lastText: string, thisText: string, options: FollowUpMatchOptions): FollowUpReport {
  return matchFollowUp(
    { text: lastText, extraction: extract(lastText, { reportYear: options.lastYear }) },
    { text: thisText, extraction: extract(thisText, { reportYear: options.thisYear }) },
    options,
  );
}
