/**
 * The closing summary of `duixian check` over many files: files checked and unreadable (each with why), non-report
 * files skipped, figures, commitments, findings by tier and by check, time and jobs. Counted file by file as results
 * arrive, printed once at the end. Example (Chinese by default):
 *   汇总
 *   文件：核查 117 个，无法读取 1 个，跳过非报告文件 1 个
 *   数字 30,512 个，承诺 4,210 项
 *   核验结果：不一致 3 项，需复核 41 项，一致 2,950 项，无法核验 12 项
 */
import type { Extraction } from '@duixian/core';
import type { Messages } from '../messages.ts';
import { renderTable } from '../text-table.ts';

const VERDICTS = ['inconsistent', 'questionable', 'consistent', 'unverifiable'] as const;
type Verdict = (typeof VERDICTS)[number];

export interface CheckTally {
  checked: number;
  skipped: number;
  figures: number;
  commitments: number;
  /** In input order once rendered: results may arrive in any order. */
  readonly unreadable: { readonly index: number; readonly file: string; readonly reason: string }[];
  readonly tiers: Record<Verdict, number>;
  /** check id → findings by verdict, in the order the checks were first met. */
  readonly byCheck: Map<string, Record<Verdict, number>>;
}

const zeros = (): Record<Verdict, number> => ({ inconsistent: 0, questionable: 0, consistent: 0, unverifiable: 0 });

/** @example newTally(1) // nothing counted yet, one non-report file skipped */
export function newTally(skipped: number): CheckTally {
  return { checked: 0, skipped, figures: 0, commitments: 0, unreadable: [], tiers: zeros(), byCheck: new Map() };
}

/** Counts one checked file. @example countChecked(tally, extraction) */
export function countChecked(tally: CheckTally, extraction: Extraction): void {
  tally.checked += 1;
  tally.figures += extraction.quantities.length;
  tally.commitments += extraction.commitments.length;
  for (const finding of extraction.findings) {
    tally.tiers[finding.verdict] += 1;
    const row = tally.byCheck.get(finding.check) ?? zeros();
    row[finding.verdict] += 1;
    tally.byCheck.set(finding.check, row);
  }
}

/** Counts one file that could not be read, the `index`th given. @example countUnreadable(tally, 3, 'a.pdf', 'PDF 文件已损坏') */
export function countUnreadable(tally: CheckTally, index: number, file: string, reason: string): void {
  tally.unreadable.push({ index, file, reason });
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/**
 * The summary as lines of text, in the messages' language.
 * @example renderSummary(tally, messages('zh'), 12.3, 2) // '汇总\n文件：核查 2 个，无法读取 0 个\n…\n用时 12.3 秒，并行 2 路'
 */
export function renderSummary(tally: CheckTally, say: Messages, seconds: number, jobs: number): string {
  const { tiers } = tally;
  const lines = [
    say.summaryTitle,
    say.summaryFiles(tally.checked, tally.unreadable.length, tally.skipped),
    say.summaryFigures(tally.figures, tally.commitments).replace(/\d+/gu, (n) => grouped(Number(n))),
    say.summaryTiers(tiers.inconsistent, tiers.questionable, tiers.consistent, tiers.unverifiable).replace(/\d+/gu, (n) => grouped(Number(n))),
  ];
  if (tally.byCheck.size > 0) {
    // Most inconsistent first: what an editor reads first.
    const rows = [...tally.byCheck.entries()]
      .sort(([, a], [, b]) => b.inconsistent - a.inconsistent || b.questionable - a.questionable)
      .map(([check, counts]) => [`  ${say.checks[check] ?? check}`, ...VERDICTS.map((verdict) => grouped(counts[verdict]))]);
    lines.push(say.summaryByCheck, renderTable(['', ...VERDICTS.map((verdict) => say.verdicts[verdict] ?? verdict)], rows));
  }
  if (tally.unreadable.length > 0) {
    lines.push(say.summaryUnreadable, ...[...tally.unreadable].sort((a, b) => a.index - b.index).map(({ file, reason }) => `  ${file}：${reason}`));
  }
  lines.push(say.summaryTime(seconds, jobs));
  return lines.join('\n');
}
