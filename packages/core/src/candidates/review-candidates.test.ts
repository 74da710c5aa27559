import { analyze } from '../analyze.ts';
import { describe, expect, it } from 'vitest';
import { buildCandidates, type CommitmentCandidate, type IndicatorCandidate } from './review-candidates.ts';

// From the 亳州市2024年政府工作报告 (a public government document).
const PLAN = [
  '二、2024年重点工作',
  '力争实现“1215”目标：净增规模工业企业不少于100家，工业投资、工业技改投资均增长20%以上。实施亿元以上重点项目不少于700个、完成年度投资不少于800亿元，新纳统项目600个以上。',
  '持续深化结构性改革，公办园在园幼儿占比不低于65%，普惠性幼儿园覆盖率不低于90%，城乡居民基本医疗保险参保率不低于96%，新增政府债务不超过30亿元，城镇调查失业率控制在5.5%以内。',
].join('\n');

function commitments(text: string): CommitmentCandidate[] {
  return buildCandidates(text, analyze(text, { reportYear: 2024 }), 2024)
    .filter((candidate) => candidate.kind === 'commitment')
    .map((candidate) => candidate.payload as CommitmentCandidate);
}

describe('buildCandidates: commitments', () => {
  it('stores the direction of every bound: 不少于 / 不低于 / 以上 as ≥, 不超过 / 以内 as ≤', () => {
    const comparatorOf = (value: string, unit: string) =>
      commitments(PLAN).find((c) => c.target_value === value && c.target_unit === unit)?.target_comparator;
    expect(comparatorOf('100', '家')).toBe('>=');
    expect(comparatorOf('700', '个')).toBe('>=');
    expect(comparatorOf('80000000000', '元')).toBe('>=');
    expect(comparatorOf('600', '个')).toBe('>=');
    expect(comparatorOf('65', '%')).toBe('>=');
    expect(comparatorOf('90', '%')).toBe('>=');
    expect(comparatorOf('96', '%')).toBe('>=');
    expect(comparatorOf('3000000000', '元')).toBe('<=');
    expect(comparatorOf('5.5', '%')).toBe('<=');
  });

  it('gives an indicator the comparator of its commitment', () => {
    const indicators = buildCandidates(PLAN, analyze(PLAN, { reportYear: 2024 }), 2024)
      .filter((candidate) => candidate.kind === 'indicator')
      .map((candidate) => candidate.payload as IndicatorCandidate);
    expect(indicators.find((i) => i.name.includes('普惠性幼儿园覆盖率'))).toMatchObject({ target_value: '90', target_comparator: '>=' });
    expect(indicators.find((i) => i.name.includes('城镇调查失业率'))).toMatchObject({ target_value: '5.5', target_comparator: '<=' });
  });

  it('titles a commitment cut by hard line breaks without them, and keeps its span on the text as given', () => {
    const wrapped = PLAN.split('\n').map((line) => line.match(/.{1,30}/gu)!.join('\n')).join('\n');
    const whole = commitments(PLAN);
    const cut = commitments(wrapped);
    expect(cut.map((c) => c.title)).toEqual(whole.map((c) => c.title));
    expect(cut.some((c) => c.original_text.includes('\n'))).toBe(true);
    for (const c of cut) {
      expect(c.title).not.toContain('\n');
      expect(wrapped.slice(c.span.start, c.span.end)).toBe(c.original_text);
    }
  });
});
