import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal.ts';
import { formatChineseAmount } from './chinese-amount.format.ts';

const amount = (text: string, unit: string) => formatChineseAmount(parseDecimal(text)!, unit);

describe('formatChineseAmount', () => {
  it('writes 2198000000 元 as 21.98亿元 and 35220000 元 as 3522万元', () => {
    expect(amount('2198000000', '元')).toBe('21.98亿元');
    expect(amount('35220000', '元')).toBe('3522万元');
    expect(amount('217000000000000', '元')).toBe('217万亿元');
  });
  it('keeps small amounts plain and never rounds', () => {
    expect(amount('9876.5', '元')).toBe('9876.5元');
    expect(amount('123456789', '元')).toBe('1.23456789亿元');
  });
  it('writes percentage points with their own word and percents plainly', () => {
    expect(amount('4.8', 'pp')).toBe('4.8个百分点');
    expect(amount('52.80', '%')).toBe('52.8%');
  });
  it('uses 万 for measures too: 20000 亩 is 2万亩', () => {
    expect(amount('20000', '亩')).toBe('2万亩');
  });
});
