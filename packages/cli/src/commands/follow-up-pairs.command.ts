/**
 * `duixian follow-up --pairs DIR_LAST DIR_THIS`: the league table of promises kept. Each region's report of last year
 * (in DIR_LAST) is matched with its report of this year (in DIR_THIS, same file name), every quantified target of the
 * plan followed, and the regions ranked by the share of targets met. Example:
 *   duixian follow-up --pairs corpus-provinces/2025 corpus-provinces/2026 --csv league.csv
 */
import { writeFile } from 'node:fs/promises';
import { extract, followUp, rankLeagueTable, tallyFollowUp, toLeagueTableCsv, toLeagueTableJson, type LeagueEntry, type LeagueFailure, type LeagueTable } from '@duixian/core';
import { messages, type Language, type Messages } from '../messages.ts';
import { pairRegionFiles, type RegionPair } from '../region-pairs.ts';
import { readInput, UnreadableInputError } from '../read-input.ts';
import { renderTable } from '../text-table.ts';
import { startProgressBar, type BarStream } from './check-progress.ts';
import type { CheckOutcome } from './check.command.ts';

export interface FollowUpPairsOptions {
  readonly language: Language;
  /** Print the table as JSON (true) or write it to this file. */
  readonly json?: boolean | string;
  /** Write the table as CSV to this file. */
  readonly csv?: string;
  readonly lastYear?: number;
  readonly thisYear?: number;
}

/**
 * @example await runFollowUpPairs('corpus/2025', 'corpus/2026', { language: 'zh', csv: 'league.csv' }, process.stderr)
 * // { stdout: '去年的目标兑现了吗：27 个地区 …', stderr: '已写入 league.csv', exitCode: 0 }
 */
export async function runFollowUpPairs(lastFolder: string, thisFolder: string, options: FollowUpPairsOptions, bar?: BarStream): Promise<CheckOutcome> {
  const say = messages(options.language);
  const started = performance.now();
  let files;
  try {
    files = await pairRegionFiles(lastFolder, thisFolder, say);
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    return { stdout: '', stderr: say.unreadable(error.file, error.reason), exitCode: 2 };
  }
  const entries: LeagueEntry[] = [];
  const failures: LeagueFailure[] = [...files.failures];
  const progress = startProgressBar(bar ?? { isTTY: false, write: () => true }, files.pairs.length, { ...say, bar: say.leagueBar });
  for (const pair of files.pairs) {
    const outcome = await followRegion(pair, options, say);
    if ('reason' in outcome) failures.push(outcome);
    else entries.push(outcome);
    progress.advance(pair.region);
  }
  progress.stop();
  const table = rankLeagueTable(entries, { unpaired: files.unpaired, failures });
  const written: string[] = [];
  if (typeof options.json === 'string') {
    await writeFile(options.json, `${JSON.stringify(toLeagueTableJson(table), null, 2)}\n`, 'utf8');
    written.push(say.leagueWritten(options.json));
  }
  if (options.csv !== undefined) {
    await writeFile(options.csv, toLeagueTableCsv(table, options.language), 'utf8');
    written.push(say.leagueWritten(options.csv));
  }
  const stdout = options.json === true ? JSON.stringify(toLeagueTableJson(table), null, 2) : renderLeagueTable(table, lastFolder, thisFolder, say);
  written.push(say.leagueTime((performance.now() - started) / 1000));
  // A region that could not be read is reported, and the table of the others still stands: exit 1 says so to scripts.
  return { stdout, stderr: written.join('\n'), exitCode: failures.length > 0 ? 1 : 0 };
}

/** One region: both reports read, years taken from the options or the texts, every target of the plan followed. */
async function followRegion(pair: RegionPair, options: FollowUpPairsOptions, say: Messages): Promise<LeagueEntry | LeagueFailure> {
  try {
    const [last, current] = await Promise.all([readInput(pair.lastFile), readInput(pair.thisFile)]);
    // The two reports are consecutive: one year given or read from a text gives the other without a second reading.
    const lastYearRead = options.lastYear ?? (options.thisYear === undefined ? extract(last.text).reportYear : options.thisYear - 1);
    const thisYear = options.thisYear ?? (lastYearRead === undefined ? extract(current.text).reportYear : lastYearRead + 1);
    const lastYear = lastYearRead ?? (thisYear === undefined ? undefined : thisYear - 1);
    if (lastYear === undefined || thisYear === undefined) return { region: pair.region, reason: say.leagueNoYear };
    const report = followUp(last.text, current.text, { lastYear, thisYear });
    // No target at all and a reason why (no 主要预期目标 found): listed with the reason rather than ranked last with zeros.
    if (report.pairs.length === 0 && report.problems.length > 0) {
      return { region: pair.region, reason: report.problems.map((problem) => problem.message).join('；') };
    }
    return { region: pair.region, lastYear, thisYear, ...tallyFollowUp(report.pairs) };
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    return { region: pair.region, reason: say.unreadable(error.file, error.reason) };
  }
}

function renderLeagueTable(table: LeagueTable, lastFolder: string, thisFolder: string, say: Messages): string {
  const rows = table.rows.map((row) => [
    String(row.rank),
    row.region,
    `${row.lastYear}→${row.thisYear}`,
    String(row.targets),
    `${row.met}${row.metByStatement > 0 ? say.leagueByStatement(row.metByStatement) : ''}`,
    String(row.missed),
    String(row.notReported),
    say.leagueShare(row.shareOfReported.percent, row.shareOfReported.met, row.shareOfReported.of),
    say.leagueShare(row.shareOfAll.percent, row.shareOfAll.met, row.shareOfAll.of),
  ]);
  const lines = [say.leagueHeading(lastFolder, thisFolder, table.rows.length), '', renderTable(say.leagueColumns, rows), '', say.leagueNote];
  if (table.unpaired.length > 0) {
    lines.push('', say.leagueUnpaired, ...table.unpaired.map((region) => say.leagueLine(region.region, say.leagueMissing(region.missing))));
  }
  if (table.failures.length > 0) {
    lines.push('', say.leagueFailures, ...table.failures.map((failure) => say.leagueLine(failure.region, failure.reason)));
  }
  return lines.join('\n');
}
