import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { percentagePointChangeCheck } from './percentage-point-change.check.ts';

const run = (text: string) => findingsOf(percentagePointChangeCheck, text) as Omit<Finding, 'id'>[];

const SEED = [
  '全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点，投入资金增加了6.66亿元，同比增长52.8%。',
  '### ■2023年全区一般公共预算支出',
  '**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%** 增支**6.76亿元**',
  '### ■2023年用于民生领域支出',
  '**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**',
].join('\n\n');

describe('percentage-point-change check', () => {
  it('derives the earlier share from part − increase over the earlier whole (the seed 4.8个百分点)', () => {
    const [finding] = run(SEED);
    expect(finding).toMatchObject({ check: 'percentage-point-change', verdict: 'consistent', stated: 'q2' });
    expect(finding?.quantities).toEqual(expect.arrayContaining(['q1', 'q10', 'q9', 'q5', 'q11', 'q6']));
    expect(finding?.message).toBe('87.8% − (19.3 − 6.66) ÷ 15.22 = 4.76个百分点，报告称 4.8个百分点 ✓');
    expect(finding?.expected).toEqual({ low: '4.621', high: '4.902' });
  });
  it('reports a change beyond what the rounding allows', () => {
    expect(run(SEED.replace('4.8个百分点', '5.8个百分点'))[0]?.verdict).toBe('inconsistent');
  });
  it('checks 从A提高到B，提高C个百分点 directly', () => {
    expect(run('常住人口城镇化率从61.46%提高到62.07%，提高0.61个百分点。')[0]?.verdict).toBe('consistent');
    expect(run('常住人口城镇化率从61.46%提高到62.07%，提高0.71个百分点。')[0]?.verdict).toBe('inconsistent');
  });
  it('finds nothing when the earlier share cannot be known', () => {
    expect(run('城镇常住人口2810.52万人，占总人口的比重为62.07%，比上年末提高0.61个百分点。')).toHaveLength(0);
  });
});

describe('percentage-point-change check with the earlier share named by 比上年', () => {
  it('subtracts the earlier share the sentence gives', () => {
    expect(run('常住人口城镇化率为62.07%，比上年末的61.46%提高0.61个百分点。')[0]?.verdict).toBe('consistent');
    expect(run('常住人口城镇化率为62.07%，比上年末的61.46%提高0.81个百分点。')[0]?.verdict).toBe('inconsistent');
  });
});
