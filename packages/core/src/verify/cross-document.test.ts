import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import { checkAcrossDocuments } from './cross-document.ts';

const budget = '2023年，全区一般公共预算支出21.98亿元，同比增长44.4%。';
describe('checkAcrossDocuments', () => {
  it('finds the same metric and year stated in two documents and agrees within precision', () => {
    const findings = checkAcrossDocuments([
      { name: 'budget.txt', text: budget, extraction: extract(budget) },
      { name: 'ledger.txt', text: '2023年，全区一般公共预算支出22.0亿元。', extraction: extract('2023年，全区一般公共预算支出22.0亿元。') },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'cross-document', verdict: 'consistent' });
  });
  it('reports a restated figure that differs beyond its precision', () => {
    const [finding] = checkAcrossDocuments([
      { name: 'budget.txt', text: budget, extraction: extract(budget) },
      { name: 'ledger.txt', text: '2023年，全区一般公共预算支出22.1亿元。', extraction: extract('2023年，全区一般公共预算支出22.1亿元。') },
    ]);
    expect(finding).toMatchObject({ verdict: 'inconsistent', stated: 'ledger.txt#q1', quantities: ['budget.txt#q1'] });
    expect(finding?.message).toContain('budget.txt 称 21.98亿元');
  });
  it('does not compare different years or different metrics', () => {
    expect(checkAcrossDocuments([
      { name: 'a.txt', text: budget, extraction: extract(budget) },
      { name: 'b.txt', text: '2022年，全区一般公共预算支出15.22亿元。2023年，民生支出19.3亿元。', extraction: extract('2022年，全区一般公共预算支出15.22亿元。2023年，民生支出19.3亿元。') },
    ])).toEqual([]);
  });
});
