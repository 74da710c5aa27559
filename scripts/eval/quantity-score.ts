/**
 * Scores predicted quantities against an answer key (../shared/gold/README.md): a prediction is correct when its
 * span overlaps a gold quantity's span, its value is equal within 1e-9 relative and its unit is equal
 * ("21.98亿元" → 2198000000 元 matches gold { text: "21.98亿元", value: 2198000000, unit: "元" }).
 */
import type { GoldQuantity, GoldSpan, GoldValue, LoadedKey } from './gold-key.ts';
import type { PredictedQuantity } from './prediction.ts';

/** Relative tolerance of the README: |a − b| ≤ 1e-9 · max(|a|, |b|). */
export function isSameValue(a: GoldValue | string | undefined, b: GoldValue | string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return isSameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return isSameNumber(a[0]!, b[0]!) && isSameNumber(a[1]!, b[1]!);
  return false;
}

function isSameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Why a prediction did not count as correct. */
export type ErrorReason =
  | 'no gold quantity here'        // overlaps no gold quantity, date or optional span
  | 'wrong value'
  | 'wrong unit'
  | 'wrong value and unit'
  | 'duplicate';                   // the gold quantity it matches was already matched by another prediction

export interface FalsePositive {
  readonly document: string;
  readonly predicted: PredictedQuantity;
  readonly reason: ErrorReason;
  /** The gold quantity it overlaps, for wrong value / unit. */
  readonly gold?: GoldQuantity;
}

export interface Miss {
  readonly document: string;
  readonly gold: GoldQuantity;
  /** The best overlapping prediction, if any: what the tool said instead. */
  readonly got?: PredictedQuantity;
}

export interface QuantityScore {
  readonly truePositives: number;
  readonly falsePositives: readonly FalsePositive[];
  readonly misses: readonly Miss[];
  /** Gold quantities in scope. */
  readonly gold: number;
  /** Predictions in scope that were scored (not on a date or optional span). */
  readonly scored: number;
  /** Predictions that fell on a date or an optional span only: neither right nor wrong. */
  readonly ignored: number;
  /** Among correct predictions: how many also have the gold comparator (none ≡ '='). */
  readonly comparatorAgreements: number;
  readonly matches: readonly { readonly document: string; readonly gold: GoldQuantity; readonly predicted: PredictedQuantity }[];
}

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision, recall and F1; an empty side counts as perfect (nothing predicted, nothing to find). */
export function computePrecisionRecall(truePositives: number, predicted: number, gold: number): PrecisionRecall {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : truePositives / predicted;
  const recall = gold === 0 ? 1 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function normalizeComparator(comparator: string | undefined): string {
  return comparator === undefined || comparator === '' ? '=' : comparator;
}

function overlapLength(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Scores one document. Only predictions overlapping the key's range (its excerpt) are scored. Matching is one to
 * one: each gold quantity is matched by at most one prediction, the correct prediction with the largest overlap.
 * A prediction that is not correct is a false positive unless it overlaps only dates or optional spans: this
 * counts a wrong value or unit on a gold figure as an error (README: "overlaps no gold quantity" is the clearest
 * case; a figure read wrongly is one too).
 */
export function scoreDocumentQuantities(
  loaded: Pick<LoadedKey, 'name' | 'key' | 'range'>,
  predictions: readonly PredictedQuantity[],
): QuantityScore {
  const { key, range, name } = loaded;
  const golds = key.quantities;
  const neutral: readonly GoldSpan[] = [...(key.dates ?? []), ...(key.optional ?? [])];
  const inScope = predictions.filter((p) => overlaps(p, range)).sort((a, b) => a.start - b.start || a.end - b.end);

  // Candidate correct pairs, best overlap first, assigned greedily one to one.
  const pairs: { p: number; g: number; overlap: number }[] = [];
  inScope.forEach((p, pi) => {
    golds.forEach((g, gi) => {
      if (overlaps(p, g) && p.unit === g.unit && isSameValue(p.value, g.value)) pairs.push({ p: pi, g: gi, overlap: overlapLength(p, g) });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.p - b.p);
  const goldMatch = new Map<number, number>();
  const predictionMatch = new Map<number, number>();
  for (const pair of pairs) {
    if (goldMatch.has(pair.g) || predictionMatch.has(pair.p)) continue;
    goldMatch.set(pair.g, pair.p);
    predictionMatch.set(pair.p, pair.g);
  }

  const falsePositives: FalsePositive[] = [];
  const matches: { document: string; gold: GoldQuantity; predicted: PredictedQuantity }[] = [];
  let ignored = 0;
  let comparatorAgreements = 0;
  inScope.forEach((p, pi) => {
    const g = predictionMatch.get(pi);
    if (g !== undefined) {
      const gold = golds[g]!;
      matches.push({ document: name, gold, predicted: p });
      if (normalizeComparator(gold.comparator) === normalizeComparator(p.comparator)) comparatorAgreements += 1;
      return;
    }
    const overlapping = golds.filter((gold) => overlaps(p, gold));
    if (overlapping.length === 0) {
      if (neutral.some((span) => overlaps(p, span))) ignored += 1;
      else falsePositives.push({ document: name, predicted: p, reason: 'no gold quantity here' });
      return;
    }
    const gold = overlapping.sort((a, b) => overlapLength(p, b) - overlapLength(p, a))[0]!;
    const sameValue = isSameValue(p.value, gold.value);
    const sameUnit = p.unit === gold.unit;
    const reason: ErrorReason = sameValue && sameUnit ? 'duplicate' : sameUnit ? 'wrong value' : sameValue ? 'wrong unit' : 'wrong value and unit';
    falsePositives.push({ document: name, predicted: p, reason, gold });
  });

  const misses: Miss[] = [];
  golds.forEach((gold, gi) => {
    if (goldMatch.has(gi)) return;
    const got = inScope.filter((p) => overlaps(p, gold)).sort((a, b) => overlapLength(b, gold) - overlapLength(a, gold))[0];
    misses.push({ document: name, gold, ...(got ? { got } : {}) });
  });

  return {
    truePositives: matches.length,
    falsePositives,
    misses,
    gold: golds.length,
    scored: inScope.length - ignored,
    ignored,
    comparatorAgreements,
    matches,
  };
}

/** Adds document scores together: precision, recall and F1 are computed over all documents at once. */
export function sumQuantityScores(scores: readonly QuantityScore[]): QuantityScore {
  return {
    truePositives: scores.reduce((n, s) => n + s.truePositives, 0),
    falsePositives: scores.flatMap((s) => s.falsePositives),
    misses: scores.flatMap((s) => s.misses),
    gold: scores.reduce((n, s) => n + s.gold, 0),
    scored: scores.reduce((n, s) => n + s.scored, 0),
    ignored: scores.reduce((n, s) => n + s.ignored, 0),
    comparatorAgreements: scores.reduce((n, s) => n + s.comparatorAgreements, 0),
    matches: scores.flatMap((s) => s.matches),
  };
}

/** Precision, recall and F1 of a (summed) score. */
export function quantityMetrics(score: QuantityScore): PrecisionRecall {
  return computePrecisionRecall(score.truePositives, score.scored, score.gold);
}

/** A value as the tables print it: 2198000000, [5, 6], or '—'. */
export function formatValue(value: GoldValue | string | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return `[${value[0]}, ${value[1]}]`;
}
