/**
 * Small sums over positions that pages of many items need: minimum and maximum by a key without spreading arrays
 * onto the call stack, and the median. Example: median([12, 10.5, 12]) → 12.
 */

/** The smallest of `values` by `key`, without spreading arrays onto the call stack (pages can hold many items). */
export function minOf<T>(values: readonly T[], key: (value: T) => number): number {
  let result = Infinity;
  for (const value of values) result = Math.min(result, key(value));
  return result;
}

export function maxOf<T>(values: readonly T[], key: (value: T) => number): number {
  let result = -Infinity;
  for (const value of values) result = Math.max(result, key(value));
  return result;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
