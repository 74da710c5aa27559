import { describe, expect, it } from 'vitest';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { growthCheck } from './growth.check.ts';
import type { Finding } from '../../model/finding.ts';

const run = (text: string) => findingsOf(growthCheck, text) as Omit<Finding, 'id'>[];

describe('growth check', () => {
  it('finds the seed infographic growth and shows the arithmetic', () => {
    const [finding, ...rest] = run('### ■2023年全区一般公共预算支出\n\n**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%** 增支**6.76亿元**');
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ check: 'growth', verdict: 'consistent', stated: 'q3', quantities: ['q1', 'q2'] });
    expect(finding?.message).toBe('(21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓');
    expect(finding?.expected).toEqual({ low: '44.334', high: '44.496' });
  });
  it('reports a growth rate its levels cannot give, with how far off', () => {
    const [finding] = run('一般公共预算支出21.98亿元，较2022年15.22亿元，同比增长41.4%。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('✗');
    expect(finding?.deviation).toBe('-3.016');
  });
  it('reads 下降 as a negative rate', () => {
    const [finding] = run('税收收入80亿元，比上年的100亿元下降20%。');
    expect(finding).toMatchObject({ verdict: 'consistent' });
  });
  it('takes 由A增加到B as the earlier and the current level', () => {
    const [finding] = run('农村居民收入由1.2万元增加到1.5万元，增长25%。');
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q3' });
  });
  it('leaves alone growth at comparable prices and GDP growth, which are real, not nominal', () => {
    expect(run('全县农业总产值282563万元，较上年260000万元，按可比价格计算，比上年增长5.04%。')).toHaveLength(0);
    expect(run('全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%。')).toHaveLength(0);
  });
  it('finds nothing without the earlier level', () => {
    expect(run('全年粮食总产量308525吨，比上年增长1.1%。')).toHaveLength(0);
  });
});

describe('growth check with years named in the clauses', () => {
  it('takes a clause that names only an earlier year as the earlier level', () => {
    expect(run('一般公共预算支出2023年为21.98亿元，2022年为15.22亿元，同比增长44.4%。')[0]).toMatchObject({ verdict: 'consistent', stated: 'q3' });
    expect(run('全年完成投资21.98亿元，上年为15.22亿元，增长44.4%。')[0]).toMatchObject({ verdict: 'consistent' });
  });
  it('does not take a later year, or a clause naming a subject, for the earlier level', () => {
    expect(run('一般公共预算支出2022年为15.22亿元，2023年为21.98亿元，同比增长44.4%。')).toHaveLength(0);
    expect(run('全年完成投资21.98亿元，民生支出15.22亿元，增长44.4%。')).toHaveLength(0);
  });
});

describe('growth check on whole counts', () => {
  it('holds a rate between two counts to the exact quotient, which may be cut off as well as rounded, up or down', () => {
    // (4 − 7) ÷ 7 = −42.857%: 42.9% rounded, 42.8% cut off, 42.7% neither
    expect(run('全市上市公司由7家减少到4家，下降42.9%。')[0]?.message).toBe('(4 − 7) ÷ 7 = -42.86%，报告称 −42.9% ✓');
    expect(run('全市上市公司由7家减少到4家，下降42.8%。')[0]?.message).toBe('(4 − 7) ÷ 7 = -42.86%，报告称 −42.8%（按舍去尾数的写法）✓');
    const [wrong] = run('全市上市公司由7家减少到4家，下降42.7%。');
    expect(wrong?.verdict).toBe('inconsistent');
    expect(wrong?.message).toContain('应为 -42.857%');
    expect(run('全市上市公司由7家增加到10家，增长42.8%。')[0]?.reading).toBe('按百分数可能舍去尾数（截尾）而非四舍五入理解');
  });
});
