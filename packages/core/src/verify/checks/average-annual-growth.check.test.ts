import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { averageAnnualGrowthCheck } from './average-annual-growth.check.ts';

const run = (text: string) => findingsOf(averageAnnualGrowthCheck, text) as Omit<Finding, 'id'>[];

describe('average-annual-growth check', () => {
  it('compounds the rate over the years the sentence names', () => {
    const [finding] = run('过去五年，普惠小微贷款余额从8.2万亿元增加到23.8万亿元，年均增长24%。');
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q3', quantities: ['q2', 'q1'] });
    expect(finding?.message).toContain('^(1/5)');
  });
  it('reports a rate the two ends cannot give', () => {
    expect(run('过去五年，普惠小微贷款余额从8.2万亿元增加到23.8万亿元，年均增长20%。')[0]?.verdict).toBe('inconsistent');
  });
  it('takes the years from a paragraph that opens by naming its span, and says so', () => {
    // (3.52 ÷ 2.57)^(1/5) − 1 = 6.49%
    const paragraph = '这五年，民生保障更加有力。城镇新增就业累计超过41万人，全体居民人均可支配收入由2.57万元增加到3.52万元、年均增长6.5%。';
    const [finding] = run(paragraph);
    expect(finding).toMatchObject({ verdict: 'consistent', reading: '按段首“这五年”所说的5年为复合增长的年数理解' });
    expect(finding?.message).toContain('^(1/5)');
    expect(run(paragraph.replace('6.5%', '7.5%'))[0]?.verdict).toBe('inconsistent');
    expect(run(paragraph.replace('这五年，', '五年来，'))[0]?.verdict).toBe('consistent');
    // a span named later in the paragraph, or a year in the sentence, does not set the years
    expect(run(paragraph.replace('这五年，民生保障更加有力。', '民生保障更加有力，这五年变化很大。'))).toHaveLength(0);
    expect(run(paragraph.replace('由2.57万元', '由2022年的2.57万元'))).toHaveLength(0);
  });
  it('finds nothing without the number of years, or for GDP, whose growth is real', () => {
    expect(run('普惠小微贷款余额从8.2万亿元增加到23.8万亿元，年均增长24%。')).toHaveLength(0);
    expect(run('五年来，国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。')).toHaveLength(0);
  });
});
