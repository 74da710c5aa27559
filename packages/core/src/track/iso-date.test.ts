import { describe, expect, it } from 'vitest';
import { toDayNumber } from './iso-date.ts';

describe('toDayNumber', () => {
  it('reads 2024-01-01 as day 19723 and counts 29 February in a leap year', () => {
    expect(toDayNumber('2024-01-01', 'start')).toBe(19723);
    expect(toDayNumber('2024-03-01', 'x') - toDayNumber('2024-02-28', 'x')).toBe(2);
    expect(toDayNumber('1970-01-01', 'x')).toBe(0);
    expect(toDayNumber('1969-12-31', 'x')).toBe(-1);
  });

  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    const differing: string[] = [];
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day += 1) {
      const text = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toDayNumber(text, 'x') !== day) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('rejects what is not a real YYYY-MM-DD date, naming the field', () => {
    for (const text of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', ' 2024-01-01', '2024-01-01\n', '2024/01/01', '２０２４-01-01', '']) {
      expect(() => toDayNumber(text, 'deadline')).toThrow(`deadline: '${text}' is not a valid date (YYYY-MM-DD)`);
    }
  });

  it('rejects years 0000–0099, as when they were read through Date.UTC (which maps them to 1900–1999)', () => {
    expect(() => toDayNumber('0050-01-01', 'today')).toThrow(/today/);
    expect(toDayNumber('0100-03-01', 'today')).toBe(Date.UTC(100, 2, 1) / 86_400_000);
  });
});
