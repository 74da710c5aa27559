import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../numbers/decimal.ts';
import { computeExpectedProgress } from './expected-progress.ts';

describe('computeExpectedProgress', () => {
  it('expects 182 of 366 days, 49.73%, on 30 June of 2024', () => {
    const expected = computeExpectedProgress({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-06-30' });
    expect(formatDecimal(expected.percent)).toBe('49.73');
    expect(expected).toMatchObject({ exact: { num: 9100n, den: 183n }, basis: 'elapsed_time', totalDays: 366, elapsedDays: 182, daysToDeadline: 184 });
  });

  it('gives the last passed milestone, 50% after 二季度末', () => {
    const window = { start: '2024-01-01', deadline: '2024-12-31', today: '2024-07-15', milestones: [{ due: '2024-03-31', expectedPercent: 25 }, { due: '2024-06-30', expectedPercent: '50' }] };
    const expected = computeExpectedProgress(window);
    expect(formatDecimal(expected.percent)).toBe('50.00');
    expect(expected.milestone).toEqual({ due: '2024-06-30', expectedPercent: { mantissa: 50n, exponent: 0 } });
  });

  it('hands a window computed before back unchanged, frozen, and still tells milestones apart', () => {
    const window = { start: '2024-03-01', deadline: '2024-05-31', today: '2024-04-10' };
    const first = computeExpectedProgress(window);
    expect(computeExpectedProgress({ ...window })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.exact) && Object.isFrozen(first.percent)).toBe(true);
    const stepped = computeExpectedProgress({ ...window, milestones: [{ due: '2024-04-01', expectedPercent: '30' }] });
    expect(formatDecimal(stepped.percent)).toBe('30.00');
    expect(formatDecimal(computeExpectedProgress({ ...window, milestones: [{ due: '2024-04-01', expectedPercent: 30.5 }] }).percent)).toBe('30.50');
  });

  it('throws for a bad window every time, even one whose strings join like a known one', () => {
    computeExpectedProgress({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-06-30', milestones: [{ due: '2024-03-31', expectedPercent: '25' }] });
    expect(() => computeExpectedProgress({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-06-30|2024-03-31|s25' })).toThrow(/today/);
    expect(() => computeExpectedProgress({ start: '2024-12-31', deadline: '2024-01-01', today: '2024-06-30' })).toThrow(/before start/);
    expect(() => computeExpectedProgress({ start: '2024-12-31', deadline: '2024-01-01', today: '2024-06-30' })).toThrow(/before start/);
  });
});
