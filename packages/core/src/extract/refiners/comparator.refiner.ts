/**
 * Reads the bound a text puts on a number: "超过126万亿元" (≥), "92%以上" (≥), "控制在3%以内" (≤),
 * "5%左右" and "约3万人" (≈). The words stay outside the quantity's span; the qualifier is never dropped.
 */
import type { Comparator } from '../../model/quantity.ts';
import type { QuantityCandidate } from '../candidate.ts';

const BEFORE: readonly (readonly [RegExp, Comparator])[] = [
  [/(?:不超过|不高于|不多于|低于|少于|不足|控制在)$/u, '<='],
  [/(?:超过|突破|逾|超|不低于|不少于|至少|高于|多于|大于)$/u, '>='],
  [/(?:大约|约|接近|将近|近|近乎)$/u, '~'],
];
const AFTER: readonly (readonly [RegExp, Comparator])[] = [
  [/^(?:及以上|以上)/u, '>='],
  [/^(?:及以下|以下|以内|之内)/u, '<='],
  [/^(?:左右|上下)/u, '~'],
];
/** How far before a number its bound may stand: "控制在" plus a space. */
const LOOK_BEHIND = 4;

/**
 * Sets `comparator` where the words around a number state one; an infix bound (300余家) is kept.
 * @example refineComparators('确保优良率达到92%以上', [q92]) // q92.comparator === '>='
 */
export function refineComparators(text: string, candidates: QuantityCandidate[]): void {
  for (const candidate of candidates) {
    const after = text.slice(candidate.end, candidate.end + 3);
    const before = text.slice(Math.max(0, candidate.start - LOOK_BEHIND), candidate.start).trimEnd();
    const found = AFTER.find(([pattern]) => pattern.test(after)) ?? BEFORE.find(([pattern]) => pattern.test(before));
    if (found && candidate.comparator === undefined) candidate.comparator = found[1];
  }
}
