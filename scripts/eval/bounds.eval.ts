/**
 * The bounds section of `npm run eval`: of the keyed figures with a stated bound (以上, 不少于, 不超过, 左右 …), how
 * many the tool reads with the same comparator and the same direction; the gate is that no bound is ever swapped
 * (≥ read as ≤ or the reverse). Example: "direction 118/120 (0.983), swapped 0, exact 115/120".
 */
import { scoreDocumentComparators, sumComparatorScores, type ComparatorCase } from './comparator-score.ts';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { formatRatio, showContext } from './format-table.ts';

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

export function evaluateBounds(context: EvalContext): SectionResult {
  const total = sumComparatorScores(context.keys.map((key) => scoreDocumentComparators(key, context.predictionFor(key))));
  const textOf = new Map(context.keys.map((k) => [k.name, k.text]));
  const bySource = new Map<string, { cases: number; same: number }>();
  for (const c of total.cases) {
    const entry = bySource.get(c.source) ?? { cases: 0, same: 0 };
    bySource.set(c.source, { cases: entry.cases + 1, same: entry.same + (total.wrongDirection.includes(c) ? 0 : 1) });
  }
  const direction = ratio(total.sameDirection, total.cases.length);
  const swapRate = ratio(total.cases.length - total.swapped.length, total.cases.length);
  const show = (c: ComparatorCase) =>
    `  ${c.document}  ${c.gold.start}..${c.gold.end}  ${showContext(textOf.get(c.document) ?? '', c.gold.start, c.gold.end)}  [${c.source}] expected ${c.gold.comparator} got ${c.predicted ?? 'none'}`;
  const lines = [
    `bounded figures found: ${total.cases.length} (${[...bySource].map(([source, e]) => `${source} ${e.same}/${e.cases}`).join(', ')}); not found ${total.notFound}`,
    `comparator accuracy: direction ${total.sameDirection}/${total.cases.length} (${formatRatio(direction)}), exact ${total.exact}/${total.cases.length} (${formatRatio(ratio(total.exact, total.cases.length))})`,
    `never swapped (≥ vs ≤): ${formatRatio(swapRate)}, ${total.swapped.length} swapped; gate: direction 1.0 (no bound swapped or dropped)`,
  ];
  if (total.wrongDirection.length > 0) {
    lines.push('', `wrong direction (${total.wrongDirection.length}):`);
    for (const c of total.wrongDirection.slice(0, context.listLimit)) lines.push(show(c));
  }
  return {
    title: '界限 Bounds',
    lines,
    gateFailed: total.wrongDirection.length > 0,
    metrics: { comparatorDirectionAccuracy: direction, comparatorExactAccuracy: ratio(total.exact, total.cases.length), comparatorSwaps: total.swapped.length },
  };
}
