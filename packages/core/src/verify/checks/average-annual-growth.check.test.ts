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
  it('finds nothing without the number of years, or for GDP, whose growth is real', () => {
    expect(run('普惠小微贷款余额从8.2万亿元增加到23.8万亿元，年均增长24%。')).toHaveLength(0);
    expect(run('五年来，国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。')).toHaveLength(0);
  });
});
