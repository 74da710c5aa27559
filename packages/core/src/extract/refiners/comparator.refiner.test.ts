import { describe, expect, it } from 'vitest';
import type { Comparator } from '../../model/quantity.ts';
import { extract } from '../pipeline.ts';
import { APPROXIMATE_INFIXES } from '../parsers/quantity.parser.ts';
import { BOUND_WORDS, findBoundWord } from './bound-words.ts';

type Direction = 'at least' | 'at most' | 'about';

/**
 * What each bound word means, written down by hand apart from the lexicon: a word added to the lexicon without a
 * line here fails the first test, so its direction is always stated twice and checked against itself.
 */
const MEANING: Readonly<Record<string, Direction>> = {
  不少于: 'at least', 不低于: 'at least', 不小于: 'at least', 至少: 'at least', 最少: 'at least', 最低: 'at least',
  超过: 'at least', 超: 'at least', 突破: 'at least', 逾: 'at least', 高于: 'at least', 多于: 'at least', 大于: 'at least',
  以上: 'at least', 及以上: 'at least',
  不超过: 'at most', 不超: 'at most', 未超过: 'at most', 不高于: 'at most', 不多于: 'at most', 不大于: 'at most',
  最多: 'at most', 最高: 'at most', 控制在: 'at most', 低于: 'at most', 少于: 'at most', 小于: 'at most',
  不足: 'at most', 不到: 'at most', 以下: 'at most', 及以下: 'at most', 以内: 'at most', 之内: 'at most',
  大约: 'about', 约: 'about', 接近: 'about', 将近: 'about', 近: 'about', 近乎: 'about', 左右: 'about', 上下: 'about',
};

function directionOf(comparator: Comparator | string | undefined): Direction | undefined {
  if (comparator === '>=' || comparator === '>') return 'at least';
  if (comparator === '<=' || comparator === '<') return 'at most';
  if (comparator === '~') return 'about';
  return undefined;
}

/** Realistic plan sentences, one per kind of figure, with the bound word put where the language puts it. */
const SENTENCES: readonly ((before: string, after: string) => string)[] = [
  (before, after) => `二、2024年工作安排\n全年新增城镇就业${before}5万人${after}，确保零就业家庭动态清零。`,
  (before, after) => `二、2024年工作安排\n城市空气质量优良率${before}92%${after}。`,
  (before, after) => `二、2024年工作安排\n实施亿元以上重点项目，完成年度投资${before}800亿元${after}。`,
];

describe('bound words', () => {
  it('states a meaning for every word of the lexicon', () => {
    expect(BOUND_WORDS.map((bound) => bound.word).filter((word) => MEANING[word] === undefined)).toEqual([]);
  });

  for (const bound of BOUND_WORDS) {
    it(`reads ${bound.side === 'before' ? `"${bound.word}N"` : `"N${bound.word}"`} as ${MEANING[bound.word]} on figures and commitment targets`, () => {
      for (const sentence of SENTENCES) {
        const text = bound.side === 'before' ? sentence(bound.word, '') : sentence('', bound.word);
        const extraction = extract(text, { reportYear: 2024 });
        const figure = extraction.quantities.find((quantity) => /^(?:5万人|92%|800亿元)$/u.test(quantity.text));
        expect(figure, text).toBeDefined();
        expect(figure!.comparator, text).toBe(bound.comparator);
        expect(directionOf(figure!.comparator), text).toBe(MEANING[bound.word]);
        const commitment = extraction.commitments.find((c) => c.target?.quantityId === figure!.id);
        expect(commitment?.target?.comparator, text).toBe(bound.comparator);
      }
    });
  }

  it('takes the longest word: a negated word never reads as the word it ends with', () => {
    for (const bound of BOUND_WORDS) {
      const found = bound.side === 'before' ? findBoundWord(`全年${bound.word}`, '，') : findBoundWord('全年', `${bound.word}，`);
      expect(found?.word).toBe(bound.word);
    }
    // 不少于 / 少于, 不低于 / 低于, 不超过 / 超过 / 超: opposite directions, the longer wins.
    expect(directionOf(findBoundWord('净增规模工业企业不少于', '家')?.comparator)).toBe('at least');
    expect(directionOf(findBoundWord('普惠性幼儿园覆盖率不低于', '，')?.comparator)).toBe('at least');
    expect(directionOf(findBoundWord('政府债务余额不超过', '，')?.comparator)).toBe('at most');
  });

  it('bounds every figure of a list the word stands before, and nothing after the list', () => {
    const comparators = (text: string) => extract(text, { reportYear: 2024 }).quantities.map((q) => [q.text, q.comparator]);
    expect(comparators('国、省考断面水质优良率分别不低于69.2%、100%。')).toEqual([['69.2%', '>='], ['100%', '>=']]);
    expect(comparators('新增就业不少于5万人、培训2万人次，新增300余家、200家企业。')).toEqual([
      ['5万人', '>='], ['2万人次', undefined], ['300余家', '>='], ['200家', undefined],
    ]);
  });

  it('reads every infix bound (300余家, 1万多人) as at least', () => {
    for (const [infix, comparator] of Object.entries(APPROXIMATE_INFIXES)) {
      const text = `二、2024年重点工作\n新增规模以上企业300${infix}家，新增城镇就业1万${infix}人。`;
      const quantities = extract(text, { reportYear: 2024 }).quantities;
      expect(quantities.map((q) => [q.text, q.comparator]), text).toEqual([[`300${infix}家`, comparator], [`1万${infix}人`, comparator]]);
      expect(directionOf(comparator)).toBe('at least');
    }
  });

  it('reads a graded target\'s 以上 as that grade or better and 以下 as that grade or worse', () => {
    const [better, worse] = extract('二、2024年重点工作\n确保辖区断面水质稳定保持在Ⅲ类以上。劣Ⅴ类水体比例控制在Ⅳ类以下。', { reportYear: 2024 }).commitments;
    expect(better?.target?.comparator).toBe('at_least_class');
    expect(worse?.target?.comparator).toBe('at_most_class');
  });

  it('reads a bound after a bracketed note as the bound of the figure before the note, not of the figure inside', () => {
    const comparators = (text: string) => extract(text, { reportYear: 2024 }).quantities.map((q) => [q.text, q.comparator]);
    expect(comparators('引进银龄工程师2000人（含重点产业1000人）左右、银龄技师1000人左右。')).toEqual([
      ['2000人', '~'], ['1000人', undefined], ['1000人', '~'],
    ]);
    expect(comparators('新增城镇就业5万人（含返乡创业2万人）。')).toEqual([['5万人', undefined], ['2万人', undefined]]);
  });

  it('leaves a figure without a bound word unbounded', () => {
    const extraction = extract('二、2024年工作安排\n全年新增城镇就业5万人，城市空气质量优良率达到92%。', { reportYear: 2024 });
    expect(extraction.quantities.map((quantity) => quantity.comparator)).toEqual([undefined, undefined]);
  });
});
