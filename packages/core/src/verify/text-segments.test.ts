import { describe, expect, it } from 'vitest';
import { segmentText } from './text-segments.ts';

describe('segmentText', () => {
  it('ends sentences at 。！？ and at blank lines, not at a line break inside a block', () => {
    const text = '收入5亿元。支出6亿元！\n\n**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%**';
    const { sentences, paragraphs, sentenceParagraph } = segmentText(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '收入5亿元。',
      '支出6亿元！',
      '**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%**',
    ]);
    expect(paragraphs).toHaveLength(2);
    expect(sentenceParagraph).toEqual([0, 0, 1]);
  });
  it('makes a heading line a paragraph of its own', () => {
    const text = '### ■2023年用于民生领域支出\n**19.3亿元** 占财政总支出**87.8%**';
    expect(segmentText(text).paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['### ■2023年用于民生领域支出', '**19.3亿元** 占财政总支出**87.8%**']);
  });
  it('gives nothing for blank text', () => {
    expect(segmentText('  \n\n \n')).toEqual({ paragraphs: [], sentences: [], sentenceParagraph: [] });
  });
});
