import { describe, expect, it } from 'vitest';
import { formatAmountYuan } from './amount.format.ts';
import { formatPercent, formatQuantity } from './quantity.format.ts';

describe('formatAmountYuan', () => {
  it('shows the rounded amount and keeps the exact value for hover', () => {
    expect(formatAmountYuan('2198000000', 'zh')).toEqual({ short: '21.98亿元', exact: '2,198,000,000元' });
    expect(formatAmountYuan('123456789', 'zh')).toEqual({ short: '1.23亿元', exact: '123,456,789元' });
    expect(formatAmountYuan('2198000000', 'en')).toEqual({ short: '2.198 billion yuan', exact: '2,198,000,000 yuan' });
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
