/**
 * The text half of follow-up on import: a new report's text matched against the region's reports of the year before
 * and after (core's followUp). Pure, without the database, so the import worker runs it off the event loop.
 * Example: matchFollowUps(text2025, 2025, [2024's report]) → its pairs, e.g. 地区生产总值增长 5%左右 ↔ 5.2% (met).
 */
import { followUp, type FollowUpReport } from '@duixian/core';

/** One match computed before the import's transaction: the new text against another document of the region. */
export interface PreparedFollowUp {
  /** The other document's id; the new document is the earlier one when `newIs` is 'last'. */
  readonly otherDocumentId: number;
  readonly otherTitle: string;
  readonly newIs: 'last' | 'this';
  readonly report: FollowUpReport;
}

/** Another document of the region a new report is matched against, with its text. */
export interface FollowUpCounterpart {
  readonly documentId: number;
  readonly title: string;
  readonly year: number;
  /** 'this' when the new report is the later one (the counterpart holds last year's targets). */
  readonly newIs: 'last' | 'this';
  readonly text: string;
}

/**
 * Matches a new report's text (for `year`) against the region's documents of the year before (their targets, its
 * results) and of the year after (its targets, their results), over every quantified target of the plan, not only
 * the 主要预期目标 (issue 16): pure text work, no database, run on the import worker.
 * Counterparts without a 主要预期目标 section give no pairs and are left out.
 * @example matchFollowUps(text2025, 2025, [{ documentId: 1, title: '2024年报告', year: 2024, newIs: 'this', text: text2024 }])
 * // [{ otherDocumentId: 1, newIs: 'this', report: { pairs: [GDP 5%左右 ↔ 5.2% met, …] } }]
 */
export function matchFollowUps(text: string, year: number, counterparts: readonly FollowUpCounterpart[]): PreparedFollowUp[] {
  const prepared: PreparedFollowUp[] = [];
  for (const other of counterparts) {
    const report =
      other.newIs === 'this'
        ? followUp(other.text, text, { lastYear: other.year, thisYear: year, includeCommitments: true })
        : followUp(text, other.text, { lastYear: year, thisYear: other.year, includeCommitments: true });
    if (report.pairs.length > 0) prepared.push({ otherDocumentId: other.documentId, otherTitle: other.title, newIs: other.newIs, report });
  }
  return prepared;
}
