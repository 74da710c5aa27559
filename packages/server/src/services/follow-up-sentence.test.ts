import { describe, expect, it } from 'vitest';
import { figureSentence } from './follow-up-sentence.ts';

describe('figureSentence', () => {
  it('gives the sentence around a figure, with offsets into the text', () => {
    const text = '一、回顾\n过去一年，地区生产总值增长5.2%。城镇新增就业28.5万人。';
    const start = text.indexOf('5.2%');
    const sentence = figureSentence(text, start, start + 4);
    expect(sentence).toEqual({ start: 5, end: text.indexOf('。'), text: '过去一年，地区生产总值增长5.2%' });
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('cuts a sentence of hundreds of characters to 160 either side of the figure', () => {
    const text = `${'推进'.repeat(200)}增长5%${'加快'.repeat(200)}。`;
    const start = text.indexOf('5%');
    const sentence = figureSentence(text, start, start + 2);
    expect(sentence.start).toBe(start - 160);
    expect(sentence.end).toBe(start + 2 + 160);
    expect(sentence.text).toContain('增长5%');
  });
});
