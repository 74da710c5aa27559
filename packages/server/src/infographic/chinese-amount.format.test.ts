import { describe, expect, it } from 'vitest';
import { formatChineseAmount, scaleDecimalText } from './chinese-amount.format.ts';

describe('formatChineseAmount', () => {
  it('reads 2,198,000,000 元 as 21.98亿元 and 35,220,000 元 as 3522万元', () => {
    expect(formatChineseAmount('2198000000')).toBe('21.98亿元');
    expect(formatChineseAmount('35220000')).toBe('3522万元');
    expect(formatChineseAmount('76470000')).toBe('7647万元');
  });
  it('accepts NUMERIC strings with a fraction, as the database returns them', () => {
    expect(formatChineseAmount('1930000000.00')).toBe('19.3亿元');
  });
  it('writes English magnitudes when asked', () => {
    expect(formatChineseAmount('2198000000', 'en')).toBe('2.198 billion yuan');
  });
  it('rounds half away from zero without floats', () => {
    expect(scaleDecimalText('123456789', 8, 2)).toBe('1.23');
    expect(scaleDecimalText('-125', 2, 1)).toBe('-1.3');
  });
});
