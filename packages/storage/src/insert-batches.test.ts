import { describe, expect, it } from 'vitest';
import { splitIntoInsertBatches } from './insert-batches.ts';

describe('splitIntoInsertBatches', () => {
  it('splits 20,000 rows of 5 columns into statements of at most 65,535 parameters, keeping their order', () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => index);
    const batches = splitIntoInsertBatches(rows, 5);
    expect(batches.map((batch) => batch.length)).toEqual([13_000, 7_000]);
    expect(batches.every((batch) => batch.length * 5 <= 65_535)).toBe(true);
    expect(batches.flat()).toEqual(rows);
  });

  it('keeps a small insert in one statement and gives no statement for no rows', () => {
    expect(splitIntoInsertBatches([1, 2, 3], 6)).toEqual([[1, 2, 3]]);
    expect(splitIntoInsertBatches([], 6)).toEqual([]);
  });
});
