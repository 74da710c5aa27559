import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { restatementCheck } from './restatement.check.ts';

const run = (text: string) => findingsOf(restatementCheck, text) as Omit<Finding, 'id'>[];

const ARTICLE = '全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点，投入资金增加了6.66亿元，同比增长52.8%。';
const INFOGRAPHIC = '**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**';

describe('restatement check', () => {
  it('lines up the article and the infographic figure by figure', () => {
    const findings = run(`${ARTICLE}\n\n${INFOGRAPHIC}`);
    expect(findings.map((f) => [f.stated, f.quantities[0], f.verdict])).toEqual([
      ['q6', 'q1', 'consistent'],
      ['q7', 'q3', 'consistent'],
      ['q8', 'q4', 'consistent'],
    ]);
  });
  it('reports a figure that differs in its restatement when the others agree', () => {
    const findings = run(`${ARTICLE}\n\n${INFOGRAPHIC.replace('6.66亿元', '7.66亿元')}`);
    expect(findings.find((f) => f.stated === 'q7')?.verdict).toBe('inconsistent');
  });
  it('does not tie two sentences that share only one figure, or that sit in one paragraph', () => {
    expect(run('税收增长5.2%，新增就业1200万人。\n\n投资增加3.1亿元，增长5.2%，新增企业1200家。')).toHaveLength(0);
    expect(run(`${ARTICLE}${ARTICLE}`)).toHaveLength(0);
  });
});
