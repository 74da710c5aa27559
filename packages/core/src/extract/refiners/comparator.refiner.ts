/**
 * Reads the bound a text puts on a number: "不少于100家" and "92%以上" (≥), "不超过3%" and "控制在3%以内" (≤),
 * "不足1万人" (<), "5%左右" and "约3万人" (≈). The words stay outside the quantity's span; the qualifier is never
 * dropped. The words and their bounds are in bound-words.ts.
 */
import type { QuantityCandidate } from '../candidate.ts';
import { findBoundWord, MAX_BOUND_WORD_LENGTH } from './bound-words.ts';

/**
 * Sets `comparator` where the words around a number state one; an infix bound (300余家) is kept. A word before a
 * list bounds every figure of it: "水质优良率分别不低于69.2%、100%" → both ≥; a word after a bracketed note bounds
 * the figure before the note: "2000人（含重点产业1000人）左右" → 2000人 ≈.
 * @example refineComparators('确保优良率达到92%以上', [q92]) // q92.comparator === '>='
 */
export function refineComparators(text: string, candidates: QuantityCandidate[]): void {
  let listBound: QuantityCandidate | undefined; // the last figure bounded by a word before it
  for (const candidate of candidates) {
    const inList = listBound !== undefined && listBound.end + 1 === candidate.start && text[listBound.end] === '、';
    if (candidate.comparator !== undefined) {
      listBound = undefined;
      continue;
    }
    const afterAt = skipParenthesis(text, candidate.end);
    const after = text.slice(afterAt, afterAt + MAX_BOUND_WORD_LENGTH);
    // One space may stand between a bound word and its number ("控制在 3%").
    const before = text.slice(Math.max(0, candidate.start - MAX_BOUND_WORD_LENGTH - 1), candidate.start).trimEnd();
    const found = findBoundWord(before, after);
    if (found) candidate.comparator = found.comparator;
    else if (inList) candidate.comparator = listBound!.comparator;
    listBound = found?.side === 'before' || (!found && inList) ? candidate : undefined;
  }
}

/** A note in brackets may stand between a number and its bound: "银龄工程师2000人（含重点产业1000人）左右". */
const MAX_NOTE_LENGTH = 40;

/** The offset after a bracketed note that opens at `position` (and holds no sentence end), else `position`. */
function skipParenthesis(text: string, position: number): number {
  const open = text[position];
  if (open !== '（' && open !== '(') return position;
  for (let i = position + 1; i < text.length && i <= position + MAX_NOTE_LENGTH; i++) {
    const char = text[i];
    if (char === '）' || char === ')') return i + 1;
    if (char === '（' || char === '(' || char === '。' || char === '；' || char === '\n') return position;
  }
  return position;
}
