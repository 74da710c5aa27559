import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, decimalToNumber, formatDecimal, parseDecimal, scaleDecimal } from './decimal.ts';

describe('decimal', () => {
  it('reads 21.98 exactly and keeps trailing zeros as precision', () => {
    expect(parseDecimal('21.98')).toEqual({ mantissa: 2198n, exponent: -2 });
    expect(parseDecimal('19.30')).toEqual({ mantissa: 1930n, exponent: -2 });
  });
  it('reads nothing from text that is not a plain decimal', () => {
    expect(parseDecimal('1,234')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('1.2.3')).toBeUndefined();
  });
  it('scales 21.98亿 to 2198000000 without floating point', () => {
    expect(formatDecimal(scaleDecimal(parseDecimal('21.98')!, 8))).toBe('2198000000');
    expect(formatDecimal(scaleDecimal(parseDecimal('0.05')!, 0))).toBe('0.05');
    expect(formatDecimal({ mantissa: -5n, exponent: -3 })).toBe('-0.005');
  });
  it('adds the six livelihood categories of the seed exactly', () => {
    const parts = ['3.42', '0.3522', '5.35', '3.78', '0.7647', '5.63'].map((p) => parseDecimal(p)!);
    const sum = parts.reduce(addDecimals);
    expect(formatDecimal(sum)).toBe('19.2969');
  });
  it('compares across precisions', () => {
    expect(compareDecimals(parseDecimal('2.50')!, parseDecimal('2.5')!)).toBe(0);
    expect(compareDecimals(parseDecimal('2.49')!, parseDecimal('2.5')!)).toBe(-1);
  });
  it('refuses to turn a value into a double that would lose digits', () => {
    expect(decimalToNumber(scaleDecimal(parseDecimal('21.7')!, 12))).toBe(21_700_000_000_000);
    expect(() => decimalToNumber(parseDecimal('12345678901234567.89')!)).toThrow(RangeError);
  });
});
