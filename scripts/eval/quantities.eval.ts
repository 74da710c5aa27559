/**
 * The quantities section of `npm run eval`: precision, recall and F1 of the tool's quantities over every answer
 * key together, per document, and the list of misses and false positives, e.g.
 * "miss  07-national-gwr-2024  1324..1330  5.2%  expected 5.2 %  got —".
 */
import type { EvalContext, SectionResult } from './eval-section.ts';
import { formatRatio, formatTable, showContext } from './format-table.ts';
import { formatValue, quantityMetrics, scoreDocumentQuantities, sumQuantityScores, type QuantityScore } from './quantity-score.ts';

/** The accuracy gate of issue 2: quantity F1 over all keys together. */
export const QUANTITY_F1_GATE = 0.97;

/** Scores every key; returns the per-document scores and their sum. */
export function scoreAllQuantities(context: Pick<EvalContext, 'keys' | 'predictionFor'>): { perDocument: QuantityScore[]; total: QuantityScore } {
  const perDocument = context.keys.map((key) => scoreDocumentQuantities(key, context.predictionFor(key).quantities));
  return { perDocument, total: sumQuantityScores(perDocument) };
}

export function evaluateQuantities(context: EvalContext): SectionResult {
  const { perDocument, total } = scoreAllQuantities(context);
  const metrics = quantityMetrics(total);
  const textOf = new Map(context.keys.map((k) => [k.name, k.text]));
  const rows: string[][] = [['answer key', 'gold', 'predicted', 'correct', 'P', 'R', 'F1']];
  perDocument.forEach((score, i) => {
    const m = quantityMetrics(score);
    rows.push([context.keys[i]!.name, String(score.gold), String(score.scored), String(score.truePositives), formatRatio(m.precision), formatRatio(m.recall), formatRatio(m.f1)]);
  });
  rows.push(['ALL', String(total.gold), String(total.scored), String(total.truePositives), formatRatio(metrics.precision), formatRatio(metrics.recall), formatRatio(metrics.f1)]);

  // Recall by kind of figure: where the misses concentrate (money, percent, count …).
  const kinds = new Map<string, { gold: number; found: number }>();
  for (const m of total.matches) {
    const k = kinds.get(m.gold.kind) ?? { gold: 0, found: 0 };
    kinds.set(m.gold.kind, { gold: k.gold + 1, found: k.found + 1 });
  }
  for (const m of total.misses) {
    const k = kinds.get(m.gold.kind) ?? { gold: 0, found: 0 };
    kinds.set(m.gold.kind, { gold: k.gold + 1, found: k.found });
  }
  const byKind = [...kinds.entries()].sort((a, b) => b[1].gold - a[1].gold).map(([kind, k]) => `${kind} ${k.found}/${k.gold}`).join(', ');

  const lines: string[] = [
    ...formatTable(rows),
    '',
    `quantities  P ${formatRatio(metrics.precision)}  R ${formatRatio(metrics.recall)}  F1 ${formatRatio(metrics.f1)}  (gate: F1 ≥ ${QUANTITY_F1_GATE})`,
    `comparator agrees on ${total.comparatorAgreements}/${total.truePositives} correct quantities; ${total.ignored} predictions on dates or optional spans not scored`,
    `recall by kind: ${byKind}`,
  ];

  const limit = context.listLimit;
  lines.push('', `misses (${total.misses.length}):`);
  for (const miss of total.misses.slice(0, limit)) {
    const text = textOf.get(miss.document) ?? '';
    const got = miss.got ? `${formatValue(miss.got.value)} ${miss.got.unit || '(no unit)'} on "${miss.got.text}"` : '—';
    lines.push(`  ${miss.document}  ${miss.gold.start}..${miss.gold.end}  ${showContext(text, miss.gold.start, miss.gold.end)}  expected ${formatValue(miss.gold.value)} ${miss.gold.unit}  got ${got}`);
  }
  if (total.misses.length > limit) lines.push(`  … ${total.misses.length - limit} more`);
  lines.push('', `false positives (${total.falsePositives.length}):`);
  for (const fp of total.falsePositives.slice(0, limit)) {
    const text = textOf.get(fp.document) ?? '';
    const expected = fp.gold ? `expected ${formatValue(fp.gold.value)} ${fp.gold.unit}` : 'expected nothing';
    lines.push(`  ${fp.document}  ${fp.predicted.start}..${fp.predicted.end}  ${showContext(text, fp.predicted.start, fp.predicted.end)}  ${fp.reason}: ${expected}, got ${formatValue(fp.predicted.value)} ${fp.predicted.unit || '(no unit)'}${fp.predicted.provenance ? ` [${fp.predicted.provenance}]` : ''}`);
  }
  if (total.falsePositives.length > limit) lines.push(`  … ${total.falsePositives.length - limit} more`);

  return {
    title: '数量 Quantities',
    lines,
    gateFailed: metrics.f1 < QUANTITY_F1_GATE,
    metrics: { quantityPrecision: metrics.precision, quantityRecall: metrics.recall, quantityF1: metrics.f1, quantityGold: total.gold },
  };
}
