/**
 * Scores `followUp` against the hand-made follow-up keys (eval/followup/*.followup.json): for every pair of reports,
 * which targets were found, whether the right result was paired, and whether the verdict is the reader's.
 * Prints e.g. "pairs P 0.95 R 0.92" and fails the gate when precision or recall is under 0.9.
 */
import { followUp } from '../../packages/core/src/follow-up/follow-up.ts';
import type { FollowUpPair } from '../../packages/core/src/follow-up/follow-up-pair.ts';
import type { EvalContext } from './eval-section.ts';
import { loadFollowUpKeys, validateFollowUpKey, type FollowUpKeyPair, type FollowUpKeySpan } from './followup-key.ts';
import { REPO_ROOT } from './gold-key.ts';

/** Both precision and recall of the pairs must reach this. */
const GATE = 0.9;
const LIST_LIMIT = 30;

export interface FollowUpEvaluation {
  readonly lines: string[];
  readonly metrics: Record<string, number>;
  readonly gateFailed?: boolean;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/**
 * Runs the matcher on every keyed pair of reports and scores it (scoring rules in eval/followup/README.md).
 * Called by `npm run eval` with its context, or directly with the repository root and the shared folder.
 * @example evaluateFollowUp('/work/main', '/work/shared').metrics // { precision: 0.95, recall: 0.93, … }
 */
export function evaluateFollowUp(repoRootOrContext: string | EvalContext, sharedDirArgument?: string): FollowUpEvaluation {
  const repoRoot = typeof repoRootOrContext === 'string' ? repoRootOrContext : REPO_ROOT;
  const sharedDir = typeof repoRootOrContext === 'string' ? sharedDirArgument : repoRootOrContext.sharedDir;
  if (!sharedDir) throw new Error('evaluateFollowUp: the shared folder is needed');
  const keys = loadFollowUpKeys(repoRoot, sharedDir);
  const lines: string[] = [];
  const misses: string[] = [];
  let keyPairs = 0;
  let predictedInSection = 0;
  let correct = 0;
  let matchedRight = 0; // result right, verdict ignored
  let targetsFound = 0;
  let verdictsRight = 0;
  let keyProblems = 0;
  let slowest = 0;

  lines.push('pair                     targets  found  result✓  verdict✓  predicted  P      R');
  for (const loaded of keys) {
    const problems = validateFollowUpKey(loaded);
    keyProblems += problems.length;
    for (const problem of problems) lines.push(`invalid key ${loaded.name}: ${problem}`);
    const { key } = loaded;
    const started = performance.now();
    const report = followUp(loaded.lastText, loaded.thisText, { lastYear: key.last.year, thisYear: key.this.year });
    slowest = Math.max(slowest, performance.now() - started);
    const predicted = report.pairs.filter((pair) => overlaps(pair.target, key.section));
    let fileFound = 0;
    let fileResult = 0;
    let fileCorrect = 0;
    const usedPredictions = new Set<FollowUpPair>();
    for (const gold of key.pairs) {
      const prediction = predicted.find((pair) => !usedPredictions.has(pair) && overlaps(pair.target, gold.target));
      if (!prediction) {
        misses.push(`${loaded.name}: target ${describeGold(gold)} not found`);
        continue;
      }
      usedPredictions.add(prediction);
      fileFound += 1;
      const resultRight = isSameResult(prediction.result, gold.result);
      if (resultRight) fileResult += 1;
      const verdictRight = prediction.verdict === gold.verdict;
      if (resultRight && verdictRight) fileCorrect += 1;
      if (resultRight && verdictRight) continue;
      misses.push(
        `${loaded.name}: ${describeGold(gold)} → key ${gold.result?.text ?? 'null'} ${gold.verdict}; got ${prediction.result?.text ?? 'null'}` +
          `${prediction.result ? `@${prediction.result.start}` : ''} ${prediction.verdict} (${prediction.confidence}) ${prediction.explanation}`,
      );
    }
    for (const pair of predicted) {
      if (!usedPredictions.has(pair)) misses.push(`${loaded.name}: extra target ${pair.target.text} (${pair.target.metric}) @${pair.target.start}`);
    }
    keyPairs += key.pairs.length;
    predictedInSection += predicted.length;
    correct += fileCorrect;
    matchedRight += fileResult;
    targetsFound += fileFound;
    verdictsRight += fileCorrect;
    lines.push(
      `${loaded.name.padEnd(24)} ${String(key.pairs.length).padStart(7)}  ${String(fileFound).padStart(5)}  ${String(fileResult).padStart(7)}  ${String(fileCorrect).padStart(8)}  ${String(predicted.length).padStart(9)}  ${ratio(fileCorrect, predicted.length)}  ${ratio(fileCorrect, key.pairs.length)}`,
    );
  }
  const precision = predictedInSection === 0 ? 0 : correct / predictedInSection;
  const recall = keyPairs === 0 ? 0 : correct / keyPairs;
  const matchingPrecision = predictedInSection === 0 ? 0 : matchedRight / predictedInSection;
  const matchingRecall = keyPairs === 0 ? 0 : matchedRight / keyPairs;
  const verdictAccuracy = matchedRight === 0 ? 0 : verdictsRight / matchedRight;
  lines.push(
    `pairs (result and verdict right): P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  — ${correct} of ${predictedInSection} predicted, ${keyPairs} keyed (gate ≥ ${GATE})`,
  );
  lines.push(`matching alone (result right):   P ${matchingPrecision.toFixed(3)}  R ${matchingRecall.toFixed(3)}; verdicts right on matched pairs ${verdictAccuracy.toFixed(3)}`);
  lines.push(`targets found ${targetsFound} of ${keyPairs}; slowest pair ${slowest.toFixed(0)} ms (extraction included); ${keys.length} pairs of reports`);
  if (misses.length > 0) {
    lines.push(`misses (${misses.length}${misses.length > LIST_LIMIT ? `, first ${LIST_LIMIT}` : ''}):`);
    for (const miss of misses.slice(0, LIST_LIMIT)) lines.push(`  ${miss}`);
  }
  const gateFailed = keys.length === 0 || keyProblems > 0 || precision < GATE || recall < GATE;
  return {
    lines,
    metrics: { followUpPrecision: precision, followUpRecall: recall, followUpMatchingPrecision: matchingPrecision, followUpMatchingRecall: matchingRecall, followUpVerdictAccuracy: verdictAccuracy },
    ...(gateFailed ? { gateFailed } : {}),
  };
}

function isSameResult(predicted: FollowUpKeySpan | null, gold: FollowUpKeySpan | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  return overlaps(predicted, gold);
}

function describeGold(gold: FollowUpKeyPair): string {
  return `${gold.target.metric} ${gold.target.text}@${gold.target.start}`;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '  -  ' : (part / whole).toFixed(2).padStart(5);
}
