import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../numbers/decimal.ts';
import { rollUpProgress } from './progress-roll-up.ts';

const percentOf = (children: Parameters<typeof rollUpProgress>[0]) => {
  const { percent } = rollUpProgress(children);
  return percent === undefined ? undefined : formatDecimal(percent);
};

describe('rollUpProgress', () => {
  it('weighs three work items 2 / 1 / 1 at 100% / 50% / 0% to 62.5%', () => {
    expect(percentOf([{ weight: 2, percent: 100 }, { weight: 1, percent: 50 }, { weight: 1, percent: 0 }])).toBe('62.50');
  });

  it('accepts decimal weights and strings exactly', () => {
    const result = rollUpProgress([{ weight: '0.3', percent: '33.3' }, { weight: '0.7', percent: 10 }]);
    expect(formatDecimal(result.percent!)).toBe('16.99');
    expect(formatDecimal(result.totalWeight)).toBe('1.0');
  });

  it('leaves out a child of weight zero', () => {
    expect(percentOf([{ weight: 0, percent: 0 }, { weight: 1, percent: 80 }])).toBe('80.00');
  });

  it('counts children equally when every weight is zero', () => {
    const result = rollUpProgress([{ weight: 0, percent: 20 }, { weight: 0, percent: 60 }]);
    expect(result.weighting).toBe('equal');
    expect(formatDecimal(result.percent!)).toBe('40.00');
  });

  it('caps a child over 100% so it cannot hide another one lagging', () => {
    expect(percentOf([{ weight: 1, percent: 150 }, { weight: 1, percent: 50 }])).toBe('75.00');
  });

  it('has no progress for a parent without children', () => {
    expect(rollUpProgress([])).toMatchObject({ percent: undefined, childCount: 0 });
  });

  it('rounds a repeating mean to two decimals', () => {
    expect(percentOf([{ weight: 1, percent: 100 }, { weight: 1, percent: 0 }, { weight: 1, percent: 0 }])).toBe('33.33');
  });

  it('rejects a negative weight or percent, naming the child', () => {
    expect(() => rollUpProgress([{ weight: 1, percent: 10 }, { weight: -1, percent: 10 }])).toThrow(/children\[1\]\.weight/);
    expect(() => rollUpProgress([{ weight: 1, percent: -5 }])).toThrow(/children\[0\]\.percent/);
    expect(() => rollUpProgress([{ weight: Number.NaN, percent: 5 }])).toThrow(/children\[0\]\.weight/);
  });
});
