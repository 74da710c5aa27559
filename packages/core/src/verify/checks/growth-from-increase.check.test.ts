import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { extractionOf, findingsOf, writtenQuantities } from '../fixtures/written-quantities.fixture.ts';
import { growthFromIncreaseCheck } from './growth-from-increase.check.ts';

const run = (text: string) => findingsOf(growthFromIncreaseCheck, text) as Omit<Finding, 'id'>[];

describe('growth-from-increase check', () => {
  it('judges the seed 52.8% consistent although the point value is 52.69%', () => {
    const [finding] = run('**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**');
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q4', quantities: ['q1', 'q3'], expected: { low: '52.422', high: '52.960' } });
    expect(finding?.message).toBe('6.66 ÷ (19.3 − 6.66) = 52.69%，报告称 52.8% ✓');
  });
  it('checks a statistical communiqué sentence', () => {
    expect(run('全市一般公共预算收入277.48亿元，增收23.25亿元，同比增长9.1%。')[0]?.verdict).toBe('consistent');
    expect(run('全市一般公共预算收入277.48亿元，增收23.25亿元，同比增长9.6%。')[0]?.verdict).toBe('inconsistent');
  });
  it('takes a fall from a 减少 and the current level', () => {
    expect(run('农作物播种面积73.71万亩，减少1.71万亩，下降2.26%。')[0]?.verdict).toBe('consistent');
  });
  it('does not attach an increase of another subject', () => {
    expect(run('财政收入277.48亿元，民生投入增加23.25亿元，同比增长9.1%。')).toHaveLength(0);
  });
});

describe('growth-from-increase check with a bound', () => {
  it('gives unverifiable when the level is only a bound (超过)', () => {
    const text = '全市一般公共预算收入超过277.48亿元，增收23.25亿元，同比增长9.1%。';
    const [level, ...rest] = writtenQuantities(text);
    const quantities = [{ ...level!, comparator: '>' as const }, ...rest];
    const [finding] = growthFromIncreaseCheck.run({ text, extraction: extractionOf(quantities) });
    expect(finding).toMatchObject({ verdict: 'unverifiable', stated: 'q3' });
    expect(finding?.message).toContain('“277.48亿元”为约数或界限');
  });
});

describe('growth-from-increase check on an increment and the new total', () => {
  it('judges 净增 exactly: the total grew by the net increment', () => {
    const [finding] = run('全市净增市场主体12万户、总数达到30万户，增长66.7%。');
    expect(finding).toMatchObject({ verdict: 'consistent', reading: '按“净增…总数”理解：增速 = 净增 ÷（总数 − 净增）' });
    expect(finding?.message).toBe('12 ÷ (30 − 12) = 66.67%，报告称 66.7% ✓');
    expect(run('全市净增市场主体12万户、总数达到30万户，增长60%。')[0]?.verdict).toBe('inconsistent');
  });
  it('takes 新增 as a gross increment that only bounds the growth from above', () => {
    // some may have left: 60% is below 12 ÷ 18 = 66.67%, possible
    const [possible] = run('新增高新技术企业12家、总数达到30家，增长60%。');
    expect(possible?.verdict).toBe('consistent');
    expect(possible?.message).toBe('新增12家、总数30家：增速至多为 12 ÷ (30 − 12) = 66.7%（按各数书写精度不超过 66.67%；新增之外若有退出则更低），报告称 60%，未超过 ✓');
    const [impossible] = run('新增高新技术企业12家、总数达到30家，增长80%。');
    expect(impossible?.verdict).toBe('inconsistent');
    expect(impossible?.message).toBe('新增12家、总数30家：增速至多为 12 ÷ (30 − 12) = 66.7%（按各数书写精度不超过 66.67%；新增之外若有退出则更低），报告称 80%，超过了上限 ✗');
    // counts written to their units are whole numbers: 12 of 30 cannot be read as 12.5 of 29.5, so 70% is beyond 66.67%
    expect(run('新增高新技术企业12家、总数达到30家，增长70%。')[0]?.verdict).toBe('inconsistent');
    // a count in 万 keeps its rounding: 1.2万 ÷ 1.8万 is 66.7%, but 1.25万 ÷ 1.7万 is 73.5%, so 70% stays possible
    expect(run('新增经营主体1.2万户、总数达到3万户，增长70%。')[0]?.verdict).toBe('consistent');
  });
  it('leaves alone a rate of the increment itself and a total of another unit or subject', () => {
    expect(run('新增高新技术企业12家，增长60%。')).toHaveLength(0);
    expect(run('新增高新技术企业12家、营业收入达到30亿元，增长80%。')).toHaveLength(0);
    expect(run('新增高新技术企业12家，科技型中小企业达到30家，增长80%。')).toHaveLength(0);
  });
});
