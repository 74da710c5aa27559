import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { multipleCheck } from './multiple.check.ts';

const run = (text: string) => findingsOf(multipleCheck, text) as Omit<Finding, 'id'>[];

describe('multiple check', () => {
  it('reads 增长2倍 as three times the earlier level', () => {
    const [finding] = run('新能源装机由1000万千瓦增长到3000万千瓦，增长2倍。'.replace(/千瓦/g, '吨'));
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q3' });
    expect(run('新能源产量由1000万吨增长到3000万吨，增长3倍。')[0]?.verdict).toBe('inconsistent');
  });
  it('reads 是…的3倍 as three times', () => {
    expect(run('市场主体由50万户增加到150万户，是2015年的3倍。')[0]?.verdict).toBe('consistent');
  });
  it('finds nothing with only one level', () => {
    expect(run('跨境电商交易额增长55.4倍。')).toHaveLength(0);
  });
  it('reads a multiple written before the two levels it compares', () => {
    expect(run('接待游客人次扩大了1.5倍，由200万人次增至500万人次。')[0]?.verdict).toBe('consistent');
    expect(run('接待游客人次扩大了3倍，由200万人次增至500万人次。')[0]?.verdict).toBe('inconsistent');
    // a from-level after other words names a new subject: not the multiple's levels
    expect(run('乡村民宿数增长2.3倍、从全省第9位升至第4位，精品酒店从60家增加到420家。')).toEqual([]);
  });
  it('reads 扩大了 after a from-to pair as a change word, not a new subject, with a year inside the pair', () => {
    expect(run('进出口总额从10亿元增加到30亿元，扩大了2倍。')[0]?.verdict).toBe('consistent');
    expect(run('进出口总额由2020年的10亿元增加到30亿元，扩大了5倍。')[0]?.verdict).toBe('inconsistent');
  });
});
