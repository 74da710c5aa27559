import { describe, expect, it } from 'vitest';
import { toExactNumber } from './exact-number.ts';

describe('toExactNumber', () => {
  it('writes amounts a spreadsheet shows unchanged as numbers', () => {
    expect(toExactNumber('2198000000')).toBe(2198000000);
    expect(toExactNumber('35220000')).toBe(35220000);
    expect(toExactNumber('52.80')).toBe(52.8);
    expect(toExactNumber('-0.5')).toBe(-0.5);
    expect(toExactNumber('123456789012345')).toBe(123456789012345);
  });

  it('keeps decimals with more than 15 significant digits as text', () => {
    expect(toExactNumber('1234567890123456')).toBeUndefined();
    expect(toExactNumber('12345678901234567.5')).toBeUndefined();
    expect(toExactNumber('0.30000000000000004')).toBeUndefined();
  });

  it('refuses what is not a plain decimal', () => {
    expect(toExactNumber('1e5')).toBeUndefined();
    expect(toExactNumber('21.98亿')).toBeUndefined();
    expect(toExactNumber('')).toBeUndefined();
  });
});
