/**
 * `duixian follow-up LAST_YEAR_REPORT THIS_YEAR_REPORT [--json] [--headline-only]`: each quantified target of last
 * year's plan (or, with --headline-only, of its 主要预期目标) beside the result this year's report states for it, with
 * the verdict (完成 / 未完成 / 未报告) and both spans.
 */
import { extract, followUp, toFollowUpJson, type FollowUpReport } from '@duixian/core';
import { messages, type Language } from '../messages.ts';
import { readInput, UnreadableInputError } from '../read-input.ts';
import { renderTable, truncate } from '../text-table.ts';
import type { CheckOutcome } from './check.command.ts';

export interface FollowUpOptions {
  readonly json: boolean;
  readonly language: Language;
  readonly lastYear?: number;
  readonly thisYear?: number;
  /** Only the 主要预期目标, as before issue 16. */
  readonly headlineOnly?: boolean;
}

/**
 * Reads both reports and matches last year's targets to this year's results.
 * @example await runFollowUp('gwr-2023.txt', 'gwr-2024.txt', { json: true, language: 'zh' })
 */
export async function runFollowUp(lastFile: string, thisFile: string, options: FollowUpOptions): Promise<CheckOutcome> {
  const say = messages(options.language);
  try {
    const [last, current] = await Promise.all([readInput(lastFile), readInput(thisFile)]);
    // A report's own year is the year it plans for; when not given, the text's dateline or most named year tells.
    const lastYear = options.lastYear ?? extract(last.text).reportYear;
    const thisYear = options.thisYear ?? extract(current.text).reportYear ?? (lastYear === undefined ? undefined : lastYear + 1);
    if (lastYear === undefined || thisYear === undefined) {
      return { stdout: '', stderr: say.followUpNoYear, exitCode: 2 };
    }
    const report = followUp(last.text, current.text, { lastYear, thisYear, headlineOnly: options.headlineOnly === true });
    const stdout = options.json ? JSON.stringify(toFollowUpJson(report), null, 2) : renderReport(report, lastFile, thisFile, options.language);
    return { stdout, stderr: '', exitCode: 0 };
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    return { stdout: '', stderr: say.unreadable(error.file, error.reason), exitCode: 2 };
  }
}

function renderReport(report: FollowUpReport, lastFile: string, thisFile: string, language: Language): string {
  const say = messages(language);
  const rows = report.pairs.map((pair) => [
    truncate(pair.target.metric, 20),
    pair.target.text,
    pair.result ? pair.result.text : pair.statement ? say.followUpByStatement(truncate(pair.statement.text, 16)) : '—',
    say.followUpVerdicts[pair.verdict] ?? pair.verdict,
    pair.confidence.toFixed(2),
    `${pair.target.start}–${pair.target.end}`,
    pair.result ? `${pair.result.start}–${pair.result.end}` : pair.statement ? `${pair.statement.start}–${pair.statement.end}` : '',
  ]);
  const counts = { met: 0, missed: 0, not_reported: 0 };
  for (const pair of report.pairs) counts[pair.verdict] += 1;
  return [
    say.followUpHeading(lastFile, report.lastYear, thisFile, report.thisYear),
    '',
    renderTable(say.followUpColumns, rows),
    '',
    say.followUpSummary(counts.met, counts.missed, counts.not_reported),
    ...report.problems.map((problem) => `  ! ${problem.message}`),
  ].join('\n');
}
