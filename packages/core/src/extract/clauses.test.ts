import { describe, expect, it } from 'vitest';
import { clauseStart, fullSentenceAround, MAX_LOOK_BACK, sentenceEnd, sentenceStart } from './clauses.ts';

describe('sentences and clauses, defined once', () => {
  const text = '去年增长5%。今年目标6%左右；力争更好，确保7%。';

  it('ends an extraction sentence at ； as well as 。', () => {
    const at = text.indexOf('6%');
    expect(text.slice(sentenceStart(text, at), sentenceEnd(text, at))).toBe('今年目标6%左右');
    expect(text.slice(clauseStart(text, text.indexOf('7%')), text.indexOf('7%'))).toBe('确保');
  });

  it('shows a reader the full sentence, through ；', () => {
    const at = text.indexOf('6%');
    expect(fullSentenceAround(text, at, at + 2).text).toBe('今年目标6%左右；力争更好，确保7%');
  });

  it('stops at a line break, and looks no further than MAX_LOOK_BACK on a text without stops', () => {
    expect(fullSentenceAround('标题\n全年投资6亿元', 8, 11).text).toBe('全年投资6亿元');
    const long = '字'.repeat(5000) + '6亿元' + '字'.repeat(5000);
    const around = fullSentenceAround(long, 5000, 5003);
    expect([around.start, around.end]).toEqual([5000 - MAX_LOOK_BACK, 5003 + MAX_LOOK_BACK]);
  });
});
