/**
 * `duixian check FILE|DIR… [--year N] [--json | --jsonl] [--no-fail] [--jobs N]`: extracts and verifies each file (a
 * directory stands for the report files anywhere under it; --jobs reads and analyzes N at once on worker threads, all
 * cores by default), prints a table in Chinese (or the --json contract, or with --jsonl one JSON line per file as each
 * finishes), and over several files a closing summary. Exits 2 when a file cannot be read, else 1 when a finding is
 * inconsistent, else 0. Findings to review (需复核, verdict 'questionable') are listed apart and never make it exit 1.
 */
import { availableParallelism } from 'node:os';
import { checkAcrossDocuments, checkName, formatQuantityValue, toCheckJson, type Extraction, type Finding } from '@duixian/core';
import { messages, type Language, type Messages } from '../messages.ts';
import { expandInputs } from '../input-files.ts';
import { analyzeFiles, type FileResult } from './check-pool.ts';
import { startProgressBar, type BarStream } from './check-progress.ts';
import { countChecked, countUnreadable, newTally, renderSummary } from './check-summary.ts';
import { renderTable, truncate } from '../text-table.ts';

export interface CheckOptions {
  readonly year?: number;
  readonly json: boolean;
  /** One JSON line per file, printed as each finishes (so not in input order; each line names its file). */
  readonly jsonl?: boolean;
  readonly fail: boolean;
  readonly language: Language;
  readonly maxBytes?: number;
  /** How many files to read and analyze at once on worker threads; 1 reads them one by one here. Default: all cores. */
  readonly jobs?: number;
}

/** Where a run shows what it does while it runs; all optional (tests give none and read the outcome). */
export interface CheckHooks {
  /** Page progress of a single long file ("读取 a.pdf：第 3/40 页"). */
  readonly pages?: (line: string) => void;
  /** With --jsonl, each line as soon as its file is done; without this hook the lines are gathered into stdout. */
  readonly line?: (line: string) => void;
  /** The stream for the progress bar over many files (process.stderr); drawn only when it is a terminal. */
  readonly bar?: BarStream;
}

/** What a run printed and the exit code it asks for. */
export interface CheckOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

interface Checked {
  readonly file: string;
  readonly text: string;
  readonly extraction: Extraction;
}

/**
 * Checks every file; a file that cannot be read is reported and the others are still checked. Over several files
 * a summary closes the output: after the table, or on stderr with --json and --jsonl (stdout stays pure JSON).
 * @example await runCheck(['seed.txt'], { json: true, fail: true, language: 'zh' }) // { exitCode: 0, stdout: '{…}' }
 */
export async function runCheck(files: readonly string[], options: CheckOptions, hooks: CheckHooks = {}): Promise<CheckOutcome> {
  const started = performance.now();
  const say = messages(options.language);
  const { files: inputs, skipped } = await expandInputs(files);
  const many = inputs.length !== 1 || files.length !== 1 || skipped > 0;
  const jobs = options.jobs ?? availableParallelism();
  const tally = newTally(skipped);
  const results: FileResult[] = new Array(inputs.length);
  const lines: string[] = [];
  let hasInconsistent = false;
  const bar = many && hooks.bar ? startProgressBar(hooks.bar, inputs.length, say) : undefined;
  const onResult = (index: number, result: FileResult): void => {
    if (options.jsonl) {
      // Counted and printed now, not kept: a newsroom's folder of reports need not sit in memory.
      if ('unreadable' in result) countUnreadable(tally, index, result.file, result.unreadable);
      else {
        countChecked(tally, result.extraction);
        hasInconsistent ||= result.extraction.findings.some((f) => f.verdict === 'inconsistent');
      }
      const line = JSON.stringify('unreadable' in result
        ? { file: result.file, error: { code: result.code, message: result.unreadable } }
        : toCheckJson(result.file, result.extraction));
      if (hooks.line) {
        bar?.clear();
        hooks.line(line);
      } else lines.push(line);
    } else results[index] = result;
    bar?.advance(result.file);
  };
  const pages = !many && hooks.pages ? hooks.pages : undefined;
  try {
    await analyzeFiles(inputs, jobs, {
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    }, onResult, pages ? (file, done, total) => { if (total > 1) pages(say.progress(file, done, total)); } : undefined);
  } finally {
    bar?.stop();
  }
  let stdout = lines.join('\n');
  const errors: string[] = [];
  if (!options.jsonl) {
    const checked: Checked[] = [];
    for (const [index, result] of results.entries()) {
      if ('unreadable' in result) {
        errors.push(say.unreadable(result.file, result.unreadable));
        countUnreadable(tally, index, result.file, result.unreadable);
      } else checked.push(result);
    }
    const withCrossChecks = checked.length > 1 ? addCrossDocumentFindings(checked) : checked;
    for (const item of withCrossChecks) countChecked(tally, item.extraction);
    hasInconsistent = withCrossChecks.some((item) => item.extraction.findings.some((f) => f.verdict === 'inconsistent'));
    stdout = options.json ? renderJson(withCrossChecks) : withCrossChecks.map((item) => renderReadable(item, say)).join('\n\n');
  }
  const exitCode = tally.unreadable.length > 0 ? 2 : hasInconsistent && options.fail ? 1 : 0;
  if (!many) return { stdout, stderr: errors.join('\n'), exitCode };
  const summary = renderSummary(tally, say, (performance.now() - started) / 1000, Math.min(jobs, Math.max(1, inputs.length)));
  if (options.json || options.jsonl) return { stdout, stderr: summary, exitCode };
  return { stdout: stdout ? `${stdout}\n\n${summary}` : summary, stderr: errors.join('\n'), exitCode };
}

/** Several files: a fact restated in a later file is checked against its first statement, in the later file's findings. */
function addCrossDocumentFindings(checked: readonly Checked[]): Checked[] {
  const cross = checkAcrossDocuments(checked.map((item) => ({ name: item.file, text: item.text, extraction: item.extraction })));
  return checked.map((item) => {
    const own = cross.filter((finding) => finding.stated.startsWith(`${item.file}#`));
    if (own.length === 0) return item;
    const findings = [...item.extraction.findings, ...own.map((finding, index) => ({ ...finding, id: `x${index + 1}` }))];
    return { ...item, extraction: { ...item.extraction, findings } };
  });
}

function renderJson(checked: readonly Checked[]): string {
  const objects = checked.map((item) => toCheckJson(item.file, item.extraction));
  return JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2);
}

function renderReadable(item: Checked, say: Messages): string {
  const { extraction, text } = item;
  const rows = extraction.quantities.map((q) => [
    q.text,
    formatQuantityValue(q.value, q.unit) + (q.comparator ? ` (${q.comparator})` : ''),
    q.unit,
    say.kinds[q.kind] ?? q.kind,
    truncate(q.metric ?? '', 24),
    q.role ? say.roles[q.role] ?? q.role : '',
    truncate(context(text, q.start, q.end), 30),
  ]);
  const columns = say.columns;
  const lines = [
    say.heading(item.file, extraction.reportYear ?? null),
    '',
    say.quantitiesTitle(extraction.quantities.length),
    renderTable([columns.figure, columns.value, columns.unit, columns.kind, columns.metric, columns.role, columns.context], rows),
  ];
  const quantified = extraction.commitments.filter((c) => c.target).length;
  lines.push('', say.commitmentsTitle(extraction.commitments.length, quantified));
  for (const commitment of extraction.commitments) {
    const target = commitment.target ? `  ${say.target}: ${formatQuantityValue(commitment.target.value, commitment.target.unit)}${commitment.target.comparator ? ` (${commitment.target.comparator})` : ''}` : '';
    lines.push(`  [${commitment.theme ?? '—'}] ${commitment.text.replace(/\s+/gu, '')}${target}`);
  }
  lines.push('', renderFindings(extraction.findings, say));
  return lines.join('\n');
}

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

/**
 * Inconsistent findings first, in red where the terminal shows colour; findings to review (需复核) apart, after the
 * checked relations, since they are not errors.
 */
function renderFindings(findings: readonly Finding[], say: Messages): string {
  const bad = findings.filter((f) => f.verdict === 'inconsistent');
  const toReview = findings.filter((f) => f.verdict === 'questionable');
  if (findings.length === 0) return say.noFindings;
  const order = { inconsistent: 0, unverifiable: 1, consistent: 2, questionable: 3 } as const;
  const judged = [...findings].filter((f) => f.verdict !== 'questionable').sort((a, b) => order[a.verdict] - order[b.verdict]);
  const colour = process.stdout.isTTY && !process.env.NO_COLOR;
  const show = (finding: Finding): string => {
    const line = `  [${say.verdicts[finding.verdict]}] ${checkName(finding.check, say.locale)}${say.locale === 'zh' ? '：' : ': '}${finding.message}${finding.reading ? `（${finding.reading}）` : ''}`;
    if (!colour) return line;
    return finding.verdict === 'inconsistent' ? RED + line + RESET : finding.verdict === 'consistent' ? GREEN + line + RESET : line;
  };
  const lines = [say.findingsTitle(findings.length - toReview.length, bad.length), ...judged.map(show)];
  if (toReview.length > 0) lines.push('', say.questionableTitle(toReview.length), ...toReview.map(show));
  return lines.join('\n');
}

function context(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 10), Math.min(text.length, end + 8)).replace(/\s+/gu, ' ');
}
