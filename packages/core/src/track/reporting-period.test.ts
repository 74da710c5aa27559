import { describe, expect, it } from 'vitest';
import { addCalendarDays, chinaDateOf, periodOf, periodsBetween } from './reporting-period.ts';

const monthly = (dueDay: number) => ({ frequency: 'monthly' as const, dueDay });

describe('periodOf', () => {
  it('puts a June date in June, due on the 25th', () => {
    expect(periodOf(monthly(25), '2024-06-30')).toEqual({ key: '2024-06', startsOn: '2024-06-01', endsOn: '2024-06-30', dueOn: '2024-06-25' });
  });

  it('moves a due day of 31 to the last day of a 30-day month', () => {
    expect(periodOf(monthly(31), '2024-04-02').dueOn).toBe('2024-04-30');
  });

  it('moves a due day of 30 to 29 February in a leap year and 28 February otherwise', () => {
    expect(periodOf(monthly(30), '2024-02-01')).toEqual({ key: '2024-02', startsOn: '2024-02-01', endsOn: '2024-02-29', dueOn: '2024-02-29' });
    expect(periodOf(monthly(30), '2025-02-14').dueOn).toBe('2025-02-28');
    expect(periodOf(monthly(29), '1900-02-14').dueOn).toBe('1900-02-28');
    expect(periodOf(monthly(29), '2000-02-14').dueOn).toBe('2000-02-29');
  });

  it('dates a quarter by its last month', () => {
    expect(periodOf({ frequency: 'quarterly', dueDay: 31 }, '2024-04-01')).toEqual({ key: '2024-Q2', startsOn: '2024-04-01', endsOn: '2024-06-30', dueOn: '2024-06-30' });
    expect(periodOf({ frequency: 'quarterly', dueDay: 20 }, '2024-12-31')).toEqual({ key: '2024-Q4', startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2024-12-20' });
  });

  it('gives weeks by ISO number, across the year end', () => {
    // 2024-12-30 is the Monday of ISO week 1 of 2025; due Friday (5) is 2025-01-03.
    expect(periodOf({ frequency: 'weekly', dueDay: 5 }, '2025-01-01')).toEqual({ key: '2025-W01', startsOn: '2024-12-30', endsOn: '2025-01-05', dueOn: '2025-01-03' });
    // 2021-01-03 (a Sunday) still belongs to 2020's week 53.
    expect(periodOf({ frequency: 'weekly', dueDay: 7 }, '2021-01-03')).toEqual({ key: '2020-W53', startsOn: '2020-12-28', endsOn: '2021-01-03', dueOn: '2021-01-03' });
    expect(periodOf({ frequency: 'weekly', dueDay: 1 }, '2024-06-30').key).toBe('2024-W26');
  });

  it('refuses a due day the frequency does not have, and a date that does not exist', () => {
    expect(() => periodOf({ frequency: 'weekly', dueDay: 8 }, '2024-06-30')).toThrow(RangeError);
    expect(() => periodOf(monthly(0), '2024-06-30')).toThrow(RangeError);
    expect(() => periodOf(monthly(25), '2025-02-29')).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('lists the months across a year end', () => {
    expect(periodsBetween(monthly(25), '2024-11-15', '2025-01-03').map((p) => `${p.key} ${p.dueOn}`)).toEqual([
      '2024-11 2024-11-25',
      '2024-12 2024-12-25',
      '2025-01 2025-01-25',
    ]);
  });

  it('is empty when the end is before the start, and one period inside a period', () => {
    expect(periodsBetween(monthly(25), '2024-06-10', '2024-06-01')).toEqual([]);
    expect(periodsBetween(monthly(25), '2024-06-10', '2024-06-12').map((p) => p.key)).toEqual(['2024-06']);
  });

  it('lists ISO weeks without a gap or a repeat over a year end', () => {
    const keys = periodsBetween({ frequency: 'weekly', dueDay: 5 }, '2020-12-20', '2021-01-12').map((p) => p.key);
    expect(keys).toEqual(['2020-W51', '2020-W52', '2020-W53', '2021-W01', '2021-W02']);
  });
});

describe('China dates', () => {
  it('reads 16:00 UTC on 31 December as New Year in Beijing, and 15:59 as still the old year', () => {
    expect(chinaDateOf(Date.UTC(2024, 11, 31, 16, 0))).toBe('2025-01-01');
    expect(chinaDateOf(Date.UTC(2024, 11, 31, 15, 59))).toBe('2024-12-31');
  });

  it('adds days across a leap February', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
