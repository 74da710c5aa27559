import { describe, expect, it } from 'vitest';
import { comparatorWords, phraseWithComparator } from './comparator-words.format.ts';

describe('phraseWithComparator', () => {
  it('writes each comparator as Chinese words', () => {
    expect(phraseWithComparator('>=', '92%', 'zh')).toBe('不少于92%');
    expect(phraseWithComparator('<=', '5%', 'zh')).toBe('不超过5%');
    expect(phraseWithComparator('>', '1万人', 'zh')).toBe('超过1万人');
    expect(phraseWithComparator('<', '3%', 'zh')).toBe('低于3%');
    expect(phraseWithComparator('~', '6%', 'zh')).toBe('6%左右');
  });
  it('says 不低于 of a rate and 不少于 of a count, when the unit is known', () => {
    expect(phraseWithComparator('>=', '90%', 'zh', '%')).toBe('不低于90%');
    expect(phraseWithComparator('>=', '0.5个百分点', 'zh', 'pp')).toBe('不低于0.5个百分点');
    expect(phraseWithComparator('>=', '100家', 'zh', '家')).toBe('不少于100家');
    expect(phraseWithComparator('>=', '90%', 'en', '%')).toBe('at least 90%');
  });
  it("reads the review queue's '≈' as about, never as a sign", () => {
    expect(phraseWithComparator('≈', '6%', 'zh')).toBe('6%左右');
    expect(phraseWithComparator('≈', '6%', 'en')).toBe('about 6%');
    expect(phraseWithComparator('~', '6%', 'en')).toBe('about 6%');
  });
  it('puts a grade comparator after the grade', () => {
    expect(phraseWithComparator('at_least_class', 'Ⅲ类', 'zh')).toBe('Ⅲ类及以上');
    expect(phraseWithComparator('at_most_class', 'Ⅴ类', 'zh')).toBe('Ⅴ类及以下');
    expect(phraseWithComparator('at_least_class', 'Ⅲ类', 'en')).toBe('Ⅲ类 or better');
  });
  it('writes English words in English', () => {
    expect(phraseWithComparator('>=', '92%', 'en')).toBe('at least 92%');
    expect(phraseWithComparator('<=', '5%', 'en')).toBe('at most 5%');
  });
  it('writes nothing for equality or no comparator', () => {
    expect(phraseWithComparator('=', '2万亩', 'zh')).toBe('2万亩');
    expect(phraseWithComparator(undefined, '2万亩', 'zh')).toBe('2万亩');
    expect(comparatorWords(null, 'en')).toEqual({ before: '', after: '' });
  });
});
