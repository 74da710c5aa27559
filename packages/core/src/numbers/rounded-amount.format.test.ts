import { describe, expect, it } from 'vitest';
import { addDecimalTexts, groupThousands, shiftAndRound } from './decimal-text.ts';
import { formatRoundedYuan, formatScaledNumber } from './rounded-amount.format.ts';

describe('formatRoundedYuan', () => {
  it('writes 2,198,000,000 元 as 21.98亿元, 35,220,000 元 as 3522万元 and 76,470,000 元 as 7647万元', () => {
    expect(formatRoundedYuan('2198000000', 'zh')).toBe('21.98亿元');
    expect(formatRoundedYuan('35220000', 'zh')).toBe('3522万元');
    expect(formatRoundedYuan('76470000', 'zh')).toBe('7647万元');
  });
  it('drops trailing zeros, also of NUMERIC strings as the database returns them', () => {
    expect(formatRoundedYuan('610000000', 'zh')).toBe('6.1亿元');
    expect(formatRoundedYuan('1930000000.00', 'zh')).toBe('19.3亿元');
  });
  it('rounds half away from zero to two places in 亿 without floats', () => {
    expect(formatRoundedYuan('123456789', 'zh')).toBe('1.23亿元');
    expect(formatRoundedYuan('9999999999999995', 'zh')).toBe('10000万亿元');
    expect(shiftAndRound('-125', 2, 1)).toBe('-1.3');
  });
  it('keeps amounts below 万 in 元, written plainly in Chinese and grouped in English', () => {
    expect(formatRoundedYuan('9876.5', 'zh')).toBe('9876.5元');
    expect(formatRoundedYuan('9876.5', 'en')).toBe('9,876.5 yuan');
  });
  it('writes a decrease with its sign', () => {
    expect(formatRoundedYuan('-676000000', 'zh')).toBe('-6.76亿元');
  });
  it('writes billions and millions in English', () => {
    expect(formatRoundedYuan('2198000000', 'en')).toBe('2.198 billion yuan');
    expect(formatRoundedYuan('35220000', 'en')).toBe('35.22 million yuan');
  });
  it('passes text that is not a number through unchanged', () => {
    expect(formatScaledNumber('n/a', 'zh')).toBe('n/a');
  });
});

describe('decimal text', () => {
  it('shifts exactly where a float would not', () => {
    expect(shiftAndRound('30000000000000000.3', 0, 1)).toBe('30000000000000000.3');
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
  });
  it('adds exactly', () => {
    expect(addDecimalTexts('342000000', '35220000.5')).toBe('377220000.5');
    expect(addDecimalTexts('0.1', '0.2')).toBe('0.3');
    expect(addDecimalTexts('-5', '3')).toBe('-2');
  });
});
