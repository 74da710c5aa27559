/**
 * Scores the bounds a tool reads on figures: for every keyed figure with a stated bound that the tool found (in
 * `quantities`, quantified `commitments` and a key's `bounds`), whether the tool's comparator is the same, and
 * whether it points the same way. "不少于100家" read as ≤ is a swap: the error the gate forbids.
 * Example: gold { text: '100家', comparator: '>=' }, predicted '<=' → one case, swapped.
 */
import type { GoldValue, LoadedKey } from './gold-key.ts';
import type { Prediction } from './prediction.ts';
import { isSameValue, overlaps } from './quantity-score.ts';

/** Which way a bound points: ≥ and > at least, ≤ and < at most, ~ about; no bound (or '=') none. */
export type BoundDirection = 'at least' | 'at most' | 'about' | 'none';

export function directionOf(comparator: string | undefined): BoundDirection {
  if (comparator === '>=' || comparator === '>') return 'at least';
  if (comparator === '<=' || comparator === '<') return 'at most';
  if (comparator === '~') return 'about';
  return 'none';
}

/** One keyed bounded figure the tool found, with both comparators. */
export interface ComparatorCase {
  readonly document: string;
  /** Where the key states it: a quantity, a quantified commitment's target, or the `bounds` list (read on the figure, and on the commitment whose target it is). */
  readonly source: 'quantity' | 'commitment' | 'bound' | 'bound-commitment';
  readonly gold: { readonly start: number; readonly end: number; readonly text: string; readonly comparator: string };
  /** The tool's comparator; undefined when it states none. */
  readonly predicted: string | undefined;
}

export interface ComparatorScore {
  readonly cases: readonly ComparatorCase[];
  /** Cases whose comparator is the same. */
  readonly exact: number;
  /** Cases whose bound points the same way. */
  readonly sameDirection: number;
  /** At least read as at most, or the reverse. */
  readonly swapped: readonly ComparatorCase[];
  /** Every case whose direction differs: swapped, dropped (no bound) or read as 约. */
  readonly wrongDirection: readonly ComparatorCase[];
  /** Keyed bounded figures the tool did not find (scored by the quantity and commitment sections). */
  readonly notFound: number;
}

interface Keyed {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: GoldValue | string;
  readonly unit: string;
  readonly comparator?: string;
}

const isBounded = (keyed: Keyed): keyed is Keyed & { comparator: string } =>
  directionOf(keyed.comparator) !== 'none' && typeof keyed.value !== 'string';

/**
 * Scores one document: keyed quantities and commitments inside the key's range, and its `bounds` anywhere.
 * A figure counts as found when a prediction overlaps it with the same value and unit.
 */
export function scoreDocumentComparators(loaded: Pick<LoadedKey, 'name' | 'key' | 'range'>, prediction: Pick<Prediction, 'quantities' | 'commitments'>): ComparatorScore {
  const { key, range, name } = loaded;
  const cases: ComparatorCase[] = [];
  let notFound = 0;
  const add = (source: ComparatorCase['source'], gold: Keyed & { comparator: string }, found: { comparator?: string } | undefined): void => {
    if (!found) {
      notFound += 1;
      return;
    }
    cases.push({ document: name, source, gold: { start: gold.start, end: gold.end, text: gold.text, comparator: gold.comparator }, predicted: found.comparator });
  };
  const quantityAt = (gold: Keyed) => prediction.quantities.find((p) => overlaps(p, gold) && p.unit === gold.unit && isSameValue(p.value, gold.value));
  const commitmentOver = (gold: Keyed, inside: boolean) =>
    prediction.commitments.find(
      (c) => c.target !== undefined && (inside ? c.start <= gold.start && gold.end <= c.end : overlaps(c, gold)) && c.target.unit === gold.unit && isSameValue(c.target.value, gold.value),
    )?.target;

  for (const gold of key.quantities) {
    if (isBounded(gold) && overlaps(gold, range)) add('quantity', gold, quantityAt(gold));
  }
  for (const gold of key.commitments?.quantified ?? []) {
    if (isBounded(gold) && overlaps(gold, range)) add('commitment', gold, commitmentOver(gold, false));
  }
  for (const gold of key.bounds ?? []) {
    if (!isBounded(gold)) continue;
    add('bound', gold, quantityAt(gold));
    const commitment = commitmentOver(gold, true);
    if (commitment) add('bound-commitment', gold, commitment);
  }
  return summarize(cases, notFound);
}

function summarize(cases: readonly ComparatorCase[], notFound: number): ComparatorScore {
  const wrongDirection = cases.filter((c) => directionOf(c.predicted) !== directionOf(c.gold.comparator));
  const swapped = wrongDirection.filter((c) => {
    const pair = `${directionOf(c.predicted)}|${directionOf(c.gold.comparator)}`;
    return pair === 'at least|at most' || pair === 'at most|at least';
  });
  return {
    cases,
    exact: cases.filter((c) => (c.predicted ?? '=') === c.gold.comparator).length,
    sameDirection: cases.length - wrongDirection.length,
    swapped,
    wrongDirection,
    notFound,
  };
}

export function sumComparatorScores(scores: readonly ComparatorScore[]): ComparatorScore {
  return summarize(
    scores.flatMap((s) => s.cases),
    scores.reduce((n, s) => n + s.notFound, 0),
  );
}
