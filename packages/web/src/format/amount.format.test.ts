import { describe, expect, it } from 'vitest';
import { formatAmountYuan } from './amount.format.ts';
import { formatPercent, formatQuantity } from './quantity.format.ts';
import { groupThousands, shiftAndRound } from './decimal-text.ts';

describe('formatAmountYuan', () => {
  it('writes 2,198,000,000 元 as 21.98亿元 and keeps the exact value for hover', () => {
    expect(formatAmountYuan('2198000000', 'zh')).toEqual({ short: '21.98亿元', exact: '2,198,000,000元' });
  });
  it('writes 35,220,000 元 as 3522万元', () => {
    expect(formatAmountYuan('35220000', 'zh').short).toBe('3522万元');
  });
  it('writes 76,470,000 元 as 7647万元, below one 亿', () => {
    expect(formatAmountYuan('76470000', 'zh').short).toBe('7647万元');
  });
  it('drops trailing zeros: 610,000,000 元 is 6.1亿元', () => {
    expect(formatAmountYuan('610000000', 'zh').short).toBe('6.1亿元');
  });
  it('rounds half away from zero to two places in 亿 without floats', () => {
    expect(formatAmountYuan('123456789', 'zh')).toEqual({ short: '1.23亿元', exact: '123,456,789元' });
    expect(formatAmountYuan('9999999999999995', 'zh').short).toBe('10000万亿元');
  });
  it('keeps amounts below 万 in 元, written plainly in Chinese and grouped in English', () => {
    expect(formatAmountYuan('9876.5', 'zh').short).toBe('9876.5元');
    expect(formatAmountYuan('9876.5', 'en').short).toBe('9,876.5 yuan');
  });
  it('writes a decrease with its sign', () => {
    expect(formatAmountYuan('-676000000', 'zh').short).toBe('-6.76亿元');
  });
  it('writes billions and millions in English', () => {
    expect(formatAmountYuan('2198000000', 'en')).toEqual({ short: '2.198 billion yuan', exact: '2,198,000,000 yuan' });
    expect(formatAmountYuan('35220000', 'en').short).toBe('35.22 million yuan');
  });
  it('passes text that is not a number through unchanged', () => {
    expect(formatAmountYuan('n/a', 'zh').short).toBe('n/a元');
  });
});

describe('formatQuantity', () => {
  it('writes percent and percentage points as different units', () => {
    expect(formatPercent('44.4')).toBe('44.4%');
    expect(formatQuantity('4.8', 'pp', 'zh').short).toBe('4.8个百分点');
    expect(formatQuantity('4.8', 'pp', 'en').short).toBe('4.8 pp');
  });
  it('writes 20,000 亩 as 2万亩 but 8040套 as written', () => {
    expect(formatQuantity('20000', '亩', 'zh').short).toBe('2万亩');
    expect(formatQuantity('8040', '套', 'zh').short).toBe('8040套');
  });
  it('does not round a count into 万 when that would lose digits', () => {
    expect(formatQuantity('123456', '人', 'zh').short).toBe('123,456人');
  });
});

describe('decimal text', () => {
  it('shifts exactly where a float would not: 0.1 + 0.2 style values stay exact', () => {
    expect(shiftAndRound('30000000000000000.3', 0, 1)).toBe('30000000000000000.3');
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
  });
});

describe('addDecimalTexts', () => {
  it('adds amounts exactly, as strings', async () => {
    const { addDecimalTexts } = await import('./decimal-text.ts');
    expect(addDecimalTexts('342000000', '35220000.5')).toBe('377220000.5');
    expect(addDecimalTexts('0.1', '0.2')).toBe('0.3');
    expect(addDecimalTexts('-5', '3')).toBe('-2');
  });
});
