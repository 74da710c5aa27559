/**
 * `duixian check FILE|DIR… [--year N] [--json] [--no-fail] [--jobs N]`: extracts and verifies each file (a directory
 * stands for the report files in it; --jobs reads and analyzes N at once on worker threads), prints a table in
 * Chinese (or the --json contract), exits 1 when a finding is inconsistent, 2 when a file cannot be read. Findings to
 * review (需复核, verdict 'questionable') are listed apart and never make it exit 1.
 */
import { analyze, checkAcrossDocuments, formatQuantityValue, toCheckJson, type Extraction, type Finding } from '@duixian/core';
import { messages, type Language, type Messages } from '../messages.ts';
import { expandInputs } from '../input-files.ts';
import { readInput, UnreadableInputError } from '../read-input.ts';
import { analyzeInPool } from './check-pool.ts';
import { renderTable, truncate } from '../text-table.ts';

export interface CheckOptions {
  readonly year?: number;
  readonly json: boolean;
  readonly fail: boolean;
  readonly language: Language;
  readonly maxBytes?: number;
  /** How many files to read and analyze at once, on worker threads; 1 (the default) reads them one by one here. */
  readonly jobs?: number;
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
 * Checks every file; a file that cannot be read is reported and the others are still checked.
 * @example await runCheck(['seed.txt'], { json: true, fail: true, language: 'zh' }) // { exitCode: 0, stdout: '{…}' }
 */
export async function runCheck(files: readonly string[], options: CheckOptions, progress: (line: string) => void = () => {}): Promise<CheckOutcome> {
  const say = messages(options.language);
  const checked: Checked[] = [];
  const errors: string[] = [];
  const inputs = await expandInputs(files);
  if ((options.jobs ?? 1) > 1 && inputs.length > 1) {
    const pooled = await analyzeInPool(inputs, options.jobs ?? 1, {
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    for (const result of pooled) {
      if ('unreadable' in result) errors.push(say.unreadable(result.file, result.unreadable));
      else checked.push(result);
    }
  }
  for (const file of (options.jobs ?? 1) > 1 && inputs.length > 1 ? [] : inputs) {
    try {
      const document = await readInput(file, (done, total) => {
        if (total > 1) progress(say.progress(file, done, total));
      }, options.maxBytes);
      const extraction = analyze(document.text, options.year === undefined ? {} : { reportYear: options.year });
      checked.push({ file, text: document.text, extraction });
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error;
      errors.push(say.unreadable(error.file, error.reason));
    }
  }
  const withCrossChecks = checked.length > 1 ? addCrossDocumentFindings(checked) : checked;
  const stdout = options.json ? renderJson(withCrossChecks) : withCrossChecks.map((item) => renderReadable(item, say)).join('\n\n');
  const hasInconsistent = withCrossChecks.some((item) => item.extraction.findings.some((f) => f.verdict === 'inconsistent'));
  const exitCode = errors.length > 0 ? 2 : hasInconsistent && options.fail ? 1 : 0;
  return { stdout, stderr: errors.join('\n'), exitCode };
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
    const line = `  [${say.verdicts[finding.verdict]}] ${finding.check}: ${finding.message}${finding.reading ? `（${finding.reading}）` : ''}`;
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
