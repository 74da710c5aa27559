/**
 * Scores `followUp` over the whole plan against the hand keys of eval/followup-plan (format and scoring rules in its
 * README): for the dev and the test split separately, prints e.g. "dev  pairs P 0.912 R 0.874 — 152 of 167 predicted,
 * 174 keyed" and the same for matching alone. The dev split has a gate against regressions (P and R ≥ 0.94); the held-back
 * test split has none: it is a measure taken once, and a gate on it would invite tuning on it.
 * Run alone: `npx tsx scripts/eval/followup-plan.eval.ts`.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { followUp } from '../../packages/core/src/follow-up/follow-up.ts';
import type { FollowUpPair } from '../../packages/core/src/follow-up/follow-up-pair.ts';
import { readDocument } from '../../packages/ingest/src/index.ts';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { findPlanKeys, readPlanKeyFile, resolvePlanKey, type PlanKeyLocation, type PlanKeySpan } from './followup-plan-key.ts';
import { readDocumentText, REPO_ROOT, SHARED_DIR } from './gold-key.ts';

const SPLITS = ['dev', 'test'] as const;
const LIST_LIMIT = 80;
/** The dev split's floor for precision and recall: a change that loses pairs the matcher had right fails `npm run eval`. */
const DEV_GATE = 0.94;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const inside = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start >= b.start && a.end <= b.end;

interface Tally {
  keyed: number;
  predicted: number;
  correct: number;
  resultRight: number;
  found: number;
}

/**
 * Runs the whole-plan follow-up on every keyed pair of each split and scores it.
 * @example (await evaluateFollowUpPlan(context)).metrics // { followUpPlanDevPrecision: 0.91, followUpPlanDevRecall: 0.87, … }
 */
export async function evaluateFollowUpPlan(context?: EvalContext | string): Promise<SectionResult> {
  const repoRoot = typeof context === 'string' ? context : REPO_ROOT;
  const sharedDir = typeof context === 'object' ? context.sharedDir : SHARED_DIR;
  const listLimit = typeof context === 'object' ? context.listLimit : LIST_LIMIT;
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  let gateFailed = false;
  for (const split of SPLITS) {
    const locations = findPlanKeys(repoRoot, split);
    if (locations.length === 0) {
      lines.push(`${split}: no key yet (eval/followup-plan/${split}/ holds no *.followup.json)`);
      if (split === 'dev') gateFailed = true;
      continue;
    }
    const tally: Tally = { keyed: 0, predicted: 0, correct: 0, resultRight: 0, found: 0 };
    const misses: string[] = [];
    lines.push(`${split}: pair                 keyed  found  result✓  correct  predicted  P      R`);
    for (const location of locations) {
      const row = await scoreKey(location, sharedDir, tally, misses);
      lines.push(`${split}: ${row}`);
    }
    const precision = tally.predicted === 0 ? 0 : tally.correct / tally.predicted;
    const recall = tally.keyed === 0 ? 0 : tally.correct / tally.keyed;
    const matchingPrecision = tally.predicted === 0 ? 0 : tally.resultRight / tally.predicted;
    const matchingRecall = tally.keyed === 0 ? 0 : tally.resultRight / tally.keyed;
    const verdictAccuracy = tally.resultRight === 0 ? 0 : tally.correct / tally.resultRight;
    const gated = split === 'dev';
    if (gated && (precision < DEV_GATE || recall < DEV_GATE)) gateFailed = true;
    lines.push(`${split}: pairs (result and verdict right): P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  — ${tally.correct} of ${tally.predicted} predicted, ${tally.keyed} keyed${gated ? ` (gate ≥ ${DEV_GATE})` : ''}`);
    lines.push(`${split}: matching alone (result right):   P ${matchingPrecision.toFixed(3)}  R ${matchingRecall.toFixed(3)}; verdicts right on matched pairs ${verdictAccuracy.toFixed(3)}; targets found ${tally.found} of ${tally.keyed}`);
    if (misses.length > 0) {
      lines.push(`${split}: misses (${misses.length}${misses.length > listLimit ? `, first ${listLimit}` : ''}):`);
      for (const miss of misses.slice(0, listLimit)) lines.push(`  ${miss}`);
    }
    const prefix = `followUpPlan${split[0]!.toUpperCase()}${split.slice(1)}`;
    Object.assign(metrics, {
      [`${prefix}Precision`]: precision,
      [`${prefix}Recall`]: recall,
      [`${prefix}MatchingPrecision`]: matchingPrecision,
      [`${prefix}MatchingRecall`]: matchingRecall,
      [`${prefix}VerdictAccuracy`]: verdictAccuracy,
    });
  }
  return { title: '跟踪（全部目标） Follow-up over the whole plan', lines, metrics, ...(gateFailed ? { gateFailed } : {}) };
}

/** Scores one key into `tally`, appends its misses, and returns its table row. */
async function scoreKey(location: PlanKeyLocation, sharedDir: string, tally: Tally, misses: string[]): Promise<string> {
  const file = readPlanKeyFile(location.path);
  const lastPath = resolve(sharedDir, file.last.document);
  // Report N is the original Word file, read as `duixian follow-up` reads it.
  const lastText = (await readDocument({ bytes: readFileSync(lastPath), fileName: basename(lastPath) })).text;
  const thisText = readDocumentText(resolve(sharedDir, file.this.document));
  const key = resolvePlanKey(file, lastText, thisText);
  const name = location.name.padEnd(18);
  if (key.problems.length > 0) {
    for (const problem of key.problems) misses.push(`invalid key ${location.name}: ${problem}`);
    return `${name} refused: ${key.problems.length} problems in the key`;
  }
  const report = followUp(lastText, thisText, { lastYear: file.last.year, thisYear: file.this.year });
  const scored = report.pairs.filter(
    (pair) => key.sections.some((section) => inside(pair.target, section)) && !key.optional.some((span) => overlaps(pair.target, span)),
  );
  const used = new Set<FollowUpPair>();
  let found = 0;
  let resultRight = 0;
  let correct = 0;
  for (const gold of key.pairs) {
    const prediction = scored.find((pair) => !used.has(pair) && overlaps(pair.target, gold.target));
    const where = `${location.name}: ${gold.target.metric} ${gold.target.text}`;
    if (!prediction) {
      misses.push(`${where} not found (key ${gold.result?.text ?? 'null'} ${gold.verdict}) «${context(lastText, gold.target)}»`);
      continue;
    }
    used.add(prediction);
    found += 1;
    const predictedResult = prediction.result ?? prediction.statement ?? null;
    const isResultRight = predictedResult === null || gold.result === null ? predictedResult === gold.result : overlaps(predictedResult, gold.result);
    if (isResultRight) resultRight += 1;
    if (isResultRight && prediction.verdict === gold.verdict) {
      correct += 1;
      continue;
    }
    misses.push(
      `${where} → key ${gold.result ? `${gold.result.text} «${context(thisText, gold.result)}»` : 'null'} ${gold.verdict}; got ` +
        `${predictedResult ? `${predictedResult.text} «${context(thisText, predictedResult)}»` : 'null'} ${prediction.verdict} (${prediction.confidence}) ${prediction.explanation}`,
    );
  }
  for (const pair of scored) {
    if (!used.has(pair)) misses.push(`${location.name}: extra target ${pair.target.text} (${pair.target.metric}) «${context(lastText, pair.target)}»`);
  }
  tally.keyed += key.pairs.length;
  tally.predicted += scored.length;
  tally.correct += correct;
  tally.resultRight += resultRight;
  tally.found += found;
  return `${name} ${String(key.pairs.length).padStart(5)}  ${String(found).padStart(5)}  ${String(resultRight).padStart(7)}  ${String(correct).padStart(7)}  ${String(scored.length).padStart(9)}  ${ratio(correct, scored.length)}  ${ratio(correct, key.pairs.length)}`;
}

/** The span with a few characters either side, on one line. */
function context(text: string, span: PlanKeySpan | { start: number; end: number }): string {
  return text.slice(Math.max(0, span.start - 16), Math.min(text.length, span.end + 6)).replace(/\s+/gu, ' ');
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '  -  ' : (part / whole).toFixed(2).padStart(5);
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  evaluateFollowUpPlan().then(
    (result) => {
      for (const line of result.lines) console.log(line);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
