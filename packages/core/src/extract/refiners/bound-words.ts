/**
 * The words that put a bound on a number, and the bound each states: "不少于100家" (≥), "不超过3%" (≤),
 * "不足1万人" (<), "5%左右" (≈). Negated words are listed whole (不少于, not 少于 with a 不 before it), and
 * `findBoundWord` always takes the longest word that touches the number, so 不少于 can never read as 少于.
 */
import type { Comparator } from '../../model/quantity.ts';

/** A bound word and which side of the number it stands on: before ("不低于90%") or after ("90%以上"). */
export interface BoundWord {
  readonly word: string;
  readonly side: 'before' | 'after';
  readonly comparator: Comparator;
}

// 超过 / 超 / 突破 read as ≥ (not >), as the answer keys and the tracker read a floor a report sets; words that
// only compare (高于, 多于, 大于) or fall short (低于, 不足, 不到) are strict.
const BEFORE: Readonly<Record<string, Comparator>> = {
  不少于: '>=', 不低于: '>=', 不小于: '>=', 至少: '>=', 最少: '>=', 最低: '>=',
  超过: '>=', 超: '>=', 突破: '>=', 逾: '>=',
  高于: '>', 多于: '>', 大于: '>',
  不超过: '<=', 不超: '<=', 未超过: '<=', 不高于: '<=', 不多于: '<=', 不大于: '<=', 最多: '<=', 最高: '<=', 控制在: '<=',
  低于: '<', 少于: '<', 小于: '<', 不足: '<', 不到: '<',
  大约: '~', 约: '~', 接近: '~', 将近: '~', 近: '~', 近乎: '~',
};
const AFTER: Readonly<Record<string, Comparator>> = {
  以上: '>=', 及以上: '>=',
  以下: '<=', 及以下: '<=', 以内: '<=', 之内: '<=',
  左右: '~', 上下: '~',
};

/** Every bound word the extractor knows. */
export const BOUND_WORDS: readonly BoundWord[] = [
  ...Object.entries(BEFORE).map(([word, comparator]) => ({ word, side: 'before' as const, comparator })),
  ...Object.entries(AFTER).map(([word, comparator]) => ({ word, side: 'after' as const, comparator })),
];

/** Longest first, so that a negated or longer word is tried before any word it ends (or starts) with. */
const LONGEST_FIRST = [...BOUND_WORDS].sort((a, b) => b.word.length - a.word.length);

/** How far from a number its bound word may reach: the longest word. */
export const MAX_BOUND_WORD_LENGTH = LONGEST_FIRST[0]!.word.length;

/**
 * The longest bound word that ends where `before` ends, or starts where `after` starts; a word after the number
 * wins over one before it ("控制在3%以内": 以内).
 * @example findBoundWord('新增城镇就业不少于', '。') // { word: '不少于', side: 'before', comparator: '>=' }
 */
export function findBoundWord(before: string, after: string): BoundWord | undefined {
  return (
    LONGEST_FIRST.find((bound) => bound.side === 'after' && after.startsWith(bound.word)) ??
    LONGEST_FIRST.find((bound) => bound.side === 'before' && before.endsWith(bound.word))
  );
}
