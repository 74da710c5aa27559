/**
 * Joins two numbers written as a range into one quantity: "10—15万元" → [100000, 150000] 元,
 * "5%—6%" and "5%到6%" → [5, 6] %. The first number borrows the second's magnitude and unit when it has none.
 */
import { compareDecimals, scaleDecimal } from '../../numbers/decimal.ts';
import { shapeCandidate, type QuantityCandidate } from '../candidate.ts';

const CONNECTOR = /^(?:—{1,2}|–|-|~|至|到)$/u;
/** 从5%到6% is a movement, not a range. */
const MOVEMENT_BEFORE = /[从由]$/u;

/**
 * Merges adjacent range pairs; leaves everything else as it was.
 * @example mergeRanges('5%—6%', [five, six]) // [{ value: { type: 'range', low: 5, high: 6 }, unit: '%' }]
 */
export function mergeRanges(text: string, candidates: readonly QuantityCandidate[]): QuantityCandidate[] {
  const merged: QuantityCandidate[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const first = candidates[index]!;
    const second = candidates[index + 1];
    if (second && isRangePair(text, first, second)) {
      merged.push(joinRange(first, second));
      index += 1;
    } else {
      merged.push(first);
    }
  }
  return merged;
}

function isRangePair(text: string, first: QuantityCandidate, second: QuantityCandidate): boolean {
  if (first.value.type !== 'exact' || second.value.type !== 'exact' || second.unit === undefined) return false;
  if (!CONNECTOR.test(text.slice(first.end, second.start))) return false;
  if (MOVEMENT_BEFORE.test(text.slice(Math.max(0, first.start - 1), first.start))) return false;
  if (first.unit !== undefined && first.unit !== second.unit) return false;
  // A bare first number borrows only what the second states; 2022-2023 style pairs were taken as dates already.
  const low = first.unit === undefined ? scaleDecimal(first.value.value, second.magnitudePower) : first.value.value;
  return compareDecimals(low, second.value.value) < 0;
}

function joinRange(first: QuantityCandidate, second: QuantityCandidate): QuantityCandidate {
  const firstValue = first.value.type === 'exact' ? first.value.value : first.value.low;
  const secondValue = second.value.type === 'exact' ? second.value.value : second.value.high;
  const low = first.unit === undefined ? scaleDecimal(firstValue, second.magnitudePower) : firstValue;
  return shapeCandidate({
    ...second,
    start: first.start,
    value: { type: 'range', low, high: secondValue },
    provenance: 'refiner/range-merge',
  });
}
