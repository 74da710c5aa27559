import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { differenceCheck } from './difference.check.ts';

const run = (text: string) => findingsOf(differenceCheck, text) as Omit<Finding, 'id'>[];

describe('difference check', () => {
  it('checks 增支 against the two levels', () => {
    const [finding] = run('**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%** 增支**6.76亿元**');
    expect(finding).toMatchObject({ check: 'difference', verdict: 'consistent', stated: 'q4', quantities: ['q1', 'q2'] });
    expect(finding?.message).toBe('21.98 − 15.22 = 6.76亿元，报告称 6.76亿元 ✓');
  });
  it('reports an increase the levels do not give', () => {
    const [finding] = run('全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4474.4亿元。');
    expect(finding?.verdict).toBe('inconsistent');
  });
  it('reads 减少 as a fall', () => {
    expect(run('耕地面积120万亩，比上年的125万亩减少5万亩。')[0]?.verdict).toBe('consistent');
    expect(run('耕地面积120万亩，比上年的125万亩增加5万亩。')[0]?.verdict).toBe('inconsistent');
  });
  it('finds nothing when the change is in another unit or there is no earlier level', () => {
    expect(run('早稻109924吨，比上年减产849吨。')).toHaveLength(0);
    expect(run('投资21.98亿元，较上年15.22亿元，增加项目6个。')).toHaveLength(0);
  });
});
