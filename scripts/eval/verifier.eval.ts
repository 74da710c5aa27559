/**
 * The verifier on reports nobody tuned it on (issue 15): every "inconsistent" finding on the development split of
 * eval/verifier-split.md, matched against the hand judgements of eval/verifier-judgements.tsv, gives the precision of
 * "inconsistent", the false alarms per report and how many findings are still unjudged.
 * Example line: "dev 124 reports: 9 inconsistent, 9 judged (2 real, 7 false alarms), precision 0.22, 0 unjudged".
 * Run alone: `npx tsx scripts/eval/verifier.eval.ts [--test | --holdout] [--list] [--all]` (--list prints unjudged rows as TSV to
 * paste; --all prints every flagged finding with its judgement).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, type Extraction, type Finding } from '@duixian/core';
import { readDocument } from '@duixian/ingest';
import type { SectionResult } from './eval-section.ts';
import { readDocumentText, REPO_ROOT } from './gold-key.ts';
import { splitDocuments, type SplitDocument } from './verifier-split.ts';

/** The file of hand judgements: file, check, span, judgement ('error' or 'false-alarm'), why. */
export const JUDGEMENTS_FILE = join(REPO_ROOT, 'eval', 'verifier-judgements.tsv');

/** One flagged finding, keyed the way the judgements file keys it. */
export interface FlaggedFinding {
  readonly file: string;
  readonly check: string;
  /** The stated figure with up to 10 characters before it, whitespace removed: "新增市场主体3.2万户". */
  readonly span: string;
  readonly verdict: Finding['verdict'];
  readonly message: string;
}

export type Judgement = 'error' | 'false-alarm';

/** Where a finding's stated figure is: a quantity's span, or the "span:start-end" a sense check gives. */
function statedRange(finding: Finding, extraction: Extraction): { start: number; end: number } | undefined {
  const quantity = extraction.quantities.find((q) => q.id === finding.stated);
  if (quantity) return quantity;
  const match = /^span:(\d+)-(\d+)$/.exec(finding.stated);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : undefined;
}

/** The key text of a finding: the stated figure and the words just before it, without whitespace. */
export function spanKey(text: string, range: { start: number; end: number }): string {
  let start = range.start;
  let taken = 0;
  while (start > 0 && taken < 10) {
    start -= 1;
    if (!/\s/.test(text[start] ?? '')) taken += 1;
  }
  return text.slice(start, range.end).replace(/\s+/g, '');
}

/** Texts read ahead (Word files go through ingest, which is asynchronous), by path. */
const readAhead = new Map<string, string>();

/** Reads every non-text document of a list through ingest, as `duixian check file.docx` does. */
export async function readAheadDocuments(documents: readonly SplitDocument[]): Promise<void> {
  for (const document of documents) {
    if (document.path.endsWith('.txt') || readAhead.has(document.path)) continue;
    const ingested = await readDocument({ bytes: readFileSync(document.path), fileName: basename(document.path) });
    readAhead.set(document.path, ingested.text);
  }
}

/** The findings of one document with a verdict other than consistent / unverifiable. */
export function flaggedFindings(document: SplitDocument): FlaggedFinding[] {
  const text = readAhead.get(document.path) ?? readDocumentText(document.path);
  const extraction = analyze(text, document.reportYear === undefined ? {} : { reportYear: document.reportYear });
  return extraction.findings
    .filter((finding) => finding.verdict === 'inconsistent' || finding.verdict === 'questionable')
    .map((finding) => {
      const range = statedRange(finding, extraction);
      return {
        file: document.name,
        check: finding.check,
        span: range ? spanKey(text, range) : finding.stated,
        verdict: finding.verdict,
        message: finding.message.replace(/\s+/g, ' '),
      };
    });
}

/** The judgements file as a map from "file\tcheck\tspan" to the judgement. */
export function loadJudgements(path: string = JUDGEMENTS_FILE): Map<string, Judgement> {
  const judgements = new Map<string, Judgement>();
  if (!existsSync(path)) return judgements;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('file\t')) continue;
    const [file = '', check = '', span = '', judgement = ''] = line.split('\t');
    if (judgement !== 'error' && judgement !== 'false-alarm') throw new Error(`${path}: judgement must be error or false-alarm: ${line}`);
    judgements.set(`${file}\t${check}\t${span}`, judgement);
  }
  return judgements;
}

/** Counts of one side of the split. */
export interface VerifierScore {
  readonly reports: number;
  readonly inconsistent: number;
  readonly errors: number;
  readonly falseAlarms: number;
  readonly unjudged: FlaggedFinding[];
  readonly questionable: number;
}

/** Scores the "inconsistent" findings of a side of the split against the hand judgements. */
export function scoreVerifier(documents: readonly SplitDocument[], judgements: ReadonlyMap<string, Judgement>): VerifierScore {
  let inconsistent = 0;
  let errors = 0;
  let falseAlarms = 0;
  let questionable = 0;
  const unjudged: FlaggedFinding[] = [];
  for (const document of documents) {
    for (const finding of flaggedFindings(document)) {
      if (finding.verdict === 'questionable') {
        questionable += 1;
        continue;
      }
      inconsistent += 1;
      const judgement = judgements.get(`${finding.file}\t${finding.check}\t${finding.span}`);
      if (judgement === 'error') errors += 1;
      else if (judgement === 'false-alarm') falseAlarms += 1;
      else unjudged.push(finding);
    }
  }
  return { reports: documents.length, inconsistent, errors, falseAlarms, unjudged, questionable };
}

function describe(side: string, score: VerifierScore): string {
  const judged = score.errors + score.falseAlarms;
  const precision = judged === 0 ? '—' : (score.errors / judged).toFixed(2);
  const perFifty = ((score.falseAlarms / score.reports) * 50).toFixed(1);
  return (
    `${side} ${score.reports} reports: ${score.inconsistent} inconsistent, ${judged} judged (${score.errors} real, ` +
    `${score.falseAlarms} false alarms), precision ${precision}, ${perFifty} false alarms per 50 reports, ` +
    `${score.unjudged.length} unjudged; ${score.questionable} 需复核`
  );
}

/** The section of `npm run eval`: the development split only (the test split is scored once, with --test). */
export function evaluateVerifier(): SectionResult {
  const judgements = loadJudgements();
  const score = scoreVerifier(splitDocuments('dev'), judgements);
  const lines = [describe('dev', score)];
  for (const finding of score.unjudged.slice(0, 10)) lines.push(`  unjudged: ${finding.file}  ${finding.check}  ${finding.span}  ${finding.message}`);
  return {
    title: '核验 Verifier on unseen reports',
    lines,
    metrics: { verifierPrecision: score.errors / Math.max(1, score.errors + score.falseAlarms), verifierUnjudged: score.unjudged.length },
  };
}

if (process.argv[1]?.endsWith('verifier.eval.ts')) {
  const side = process.argv.includes('--test') ? 'test' : process.argv.includes('--holdout') ? 'holdout' : 'dev';
  const judgements = loadJudgements();
  await readAheadDocuments(splitDocuments(side));
  const score = scoreVerifier(splitDocuments(side), judgements);
  console.log(describe(side, score));
  if (process.argv.includes('--list')) {
    for (const finding of score.unjudged) console.log([finding.file, finding.check, finding.span, '', finding.message].join('\t'));
  }
  if (process.argv.includes('--all')) {
    for (const document of splitDocuments(side)) {
      for (const finding of flaggedFindings(document)) {
        const judgement = judgements.get(`${finding.file}\t${finding.check}\t${finding.span}`) ?? 'unjudged';
        console.log([finding.verdict, finding.verdict === 'inconsistent' ? judgement : '', finding.file, finding.check, finding.span, finding.message].join('\t'));
      }
    }
  }
}
