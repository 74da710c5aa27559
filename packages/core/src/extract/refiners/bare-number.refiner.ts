/**
 * Drops the numbers that ended the figure refiners without a unit: a ratio's parts (10.1:43.5:46.4) are recorded as
 * such, the rest classified (ordinal, code, name …) or left out.
 * Example: "三次产业结构为10.1:43.5:46.4" → three non-quantities of reason 'ratio', no quantity.
 */
import type { NonQuantityCandidate, QuantityCandidate } from '../candidate.ts';
import { classifyUnitless } from '../parsers/quantity.parser.ts';

/** Keeps the candidates with a unit; the others go to `nonQuantities`. */
export function dropBareNumbers(text: string, candidates: readonly QuantityCandidate[], nonQuantities: NonQuantityCandidate[]): QuantityCandidate[] {
  const kept: QuantityCandidate[] = [];
  for (const candidate of candidates) {
    if (candidate.unit !== undefined) {
      kept.push(candidate);
      continue;
    }
    const isRatioPart = /[:∶：]/u.test(text[candidate.end] ?? '') || /[:∶：]/u.test(text[candidate.start - 1] ?? '');
    if (isRatioPart) nonQuantities.push({ start: candidate.start, end: candidate.end, reason: 'ratio' });
    else nonQuantities.push(...classifyUnitless(text, { start: candidate.start, end: candidate.end, script: candidate.isChinese ? 'chinese' : 'arabic' }));
  }
  return kept;
}
