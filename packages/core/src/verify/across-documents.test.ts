import { describe, expect, it } from 'vitest';
import { findAlignedRestatements } from './across-documents.ts';
import { extractionOf, writtenQuantities } from './fixtures/written-quantities.fixture.ts';

const ARTICLE = '全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点，投入资金增加了6.66亿元，同比增长52.8%。';
const INFOGRAPHIC = '**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**';
const documentOf = (name: string, text: string) => ({ name, text, extraction: extractionOf(writtenQuantities(text)) });

describe('findAlignedRestatements', () => {
  it('lines up a fact stated in two documents, naming each document', () => {
    const findings = findAlignedRestatements([documentOf('news.txt', ARTICLE), documentOf('budget.md', INFOGRAPHIC)]);
    expect(findings.map((f) => [f.stated, f.quantities[0], f.verdict])).toEqual([
      ['budget.md#q2', 'news.txt#q1', 'consistent'],
      ['budget.md#q3', 'news.txt#q3', 'consistent'],
      ['budget.md#q4', 'news.txt#q4', 'consistent'],
    ]);
    expect(findings[0]?.message).toBe('《news.txt》称 87.8%，《budget.md》称 87.8%，前后一致 ✓');
  });
  it('reports a restated figure that differs', () => {
    const findings = findAlignedRestatements([documentOf('news.txt', ARTICLE), documentOf('budget.md', INFOGRAPHIC.replace('6.66亿元', '7.66亿元'))]);
    expect(findings.find((f) => f.stated === 'budget.md#q3')?.verdict).toBe('inconsistent');
  });
  it('leaves restatements inside one document to verify, and ties nothing between unrelated documents', () => {
    expect(findAlignedRestatements([documentOf('page.txt', `${ARTICLE}\n\n${INFOGRAPHIC}`)])).toEqual([]);
    expect(findAlignedRestatements([documentOf('a.txt', ARTICLE), documentOf('b.txt', '全年粮食总产量50万吨，增长2.1%。')])).toEqual([]);
  });
});
