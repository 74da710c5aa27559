/**
 * Scores quantified commitments against an answer key: a predicted commitment is correct when its span overlaps a
 * gold quantified commitment and its target has the gold value and unit ("确保空气质量优良率达到92%以上" → 92 %).
 * Theme and comparator are reported among the correct ones.
 */
import type { GoldCommitment, LoadedKey } from './gold-key.ts';
import type { PredictedCommitment } from './prediction.ts';
import { computePrecisionRecall, isSameValue, overlaps, type PrecisionRecall } from './quantity-score.ts';

export interface CommitmentScore {
  readonly gold: number;
  /** Predicted commitments with a target, inside the keyed range. */
  readonly predicted: number;
  readonly truePositives: number;
  readonly themeAgreements: number;
  readonly comparatorAgreements: number;
  readonly misses: readonly { readonly document: string; readonly gold: GoldCommitment; readonly got?: PredictedCommitment }[];
  readonly falsePositives: readonly { readonly document: string; readonly predicted: PredictedCommitment; readonly gold?: GoldCommitment }[];
  readonly themeErrors: readonly { readonly document: string; readonly gold: GoldCommitment; readonly predicted: PredictedCommitment }[];
  /** Qualitative examples of the key that some predicted commitment overlaps. */
  readonly qualitativeFound: number;
  readonly qualitativeGold: number;
}

function comparatorOf(value: string | undefined): string {
  return value === undefined || value === '' ? '=' : value;
}

/** True when the key states its commitments (a key without the field is not scored for them). */
export function hasCommitmentKey(loaded: Pick<LoadedKey, 'key'>): boolean {
  return loaded.key.commitments !== undefined;
}

export function scoreDocumentCommitments(
  loaded: Pick<LoadedKey, 'name' | 'key' | 'range'>,
  predictions: readonly PredictedCommitment[],
): CommitmentScore {
  const { key, range, name } = loaded;
  const golds = key.commitments?.quantified ?? [];
  const inScope = predictions.filter((p) => overlaps(p, range));
  const quantified = inScope.filter((p) => p.target !== undefined);
  const goldTaken = new Set<number>();
  const matched = new Map<number, number>();
  quantified.forEach((p, pi) => {
    const gi = golds.findIndex((g, i) => !goldTaken.has(i) && overlaps(p, g) && p.target!.unit === g.unit && isSameValue(p.target!.value, g.value));
    if (gi >= 0) {
      goldTaken.add(gi);
      matched.set(pi, gi);
    }
  });
  let themeAgreements = 0;
  let comparatorAgreements = 0;
  const themeErrors: { document: string; gold: GoldCommitment; predicted: PredictedCommitment }[] = [];
  for (const [pi, gi] of matched) {
    const p = quantified[pi]!;
    const g = golds[gi]!;
    if (g.theme === undefined || p.theme === g.theme) themeAgreements += 1;
    else themeErrors.push({ document: name, gold: g, predicted: p });
    if (comparatorOf(p.target!.comparator) === comparatorOf(g.comparator)) comparatorAgreements += 1;
  }
  const falsePositives = quantified
    .filter((_, pi) => !matched.has(pi))
    .map((p) => {
      const gold = golds.find((g) => overlaps(p, g));
      return { document: name, predicted: p, ...(gold ? { gold } : {}) };
    });
  const misses = golds
    .filter((_, gi) => !goldTaken.has(gi))
    .map((g) => {
      const got = inScope.find((p) => overlaps(p, g));
      return { document: name, gold: g, ...(got ? { got } : {}) };
    });
  const qualitative = key.commitments?.qualitative_examples ?? [];
  return {
    gold: golds.length,
    predicted: quantified.length,
    truePositives: matched.size,
    themeAgreements,
    comparatorAgreements,
    misses,
    falsePositives,
    themeErrors,
    qualitativeFound: qualitative.filter((q) => inScope.some((p) => overlaps(p, q))).length,
    qualitativeGold: qualitative.length,
  };
}

export function sumCommitmentScores(scores: readonly CommitmentScore[]): CommitmentScore {
  const sum = (f: (s: CommitmentScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  return {
    gold: sum((s) => s.gold),
    predicted: sum((s) => s.predicted),
    truePositives: sum((s) => s.truePositives),
    themeAgreements: sum((s) => s.themeAgreements),
    comparatorAgreements: sum((s) => s.comparatorAgreements),
    misses: scores.flatMap((s) => s.misses),
    falsePositives: scores.flatMap((s) => s.falsePositives),
    themeErrors: scores.flatMap((s) => s.themeErrors),
    qualitativeFound: sum((s) => s.qualitativeFound),
    qualitativeGold: sum((s) => s.qualitativeGold),
  };
}

export function commitmentMetrics(score: CommitmentScore): PrecisionRecall {
  return computePrecisionRecall(score.truePositives, score.predicted, score.gold);
}
