/**
 * The commitments section of `npm run eval`: precision, recall and F1 of quantified commitments (span overlap +
 * target value + unit), theme accuracy among the correct ones, and the misses, e.g.
 * "miss  000_82e…  921..937  确保空气质量优良率达到92%以上  expected 92 % (生态环境保护)".
 */
import { commitmentMetrics, hasCommitmentKey, scoreDocumentCommitments, sumCommitmentScores } from './commitment-score.ts';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { formatRatio, formatTable } from './format-table.ts';
import { formatValue } from './quantity-score.ts';

export function evaluateCommitments(context: EvalContext): SectionResult {
  const keys = context.keys.filter(hasCommitmentKey);
  const perDocument = keys.map((key) => scoreDocumentCommitments(key, context.predictionFor(key).commitments));
  const total = sumCommitmentScores(perDocument);
  const metrics = commitmentMetrics(total);
  const rows: string[][] = [['answer key', 'gold', 'predicted', 'correct', 'P', 'R', 'F1', 'theme ok']];
  perDocument.forEach((score, i) => {
    const m = commitmentMetrics(score);
    rows.push([keys[i]!.name, String(score.gold), String(score.predicted), String(score.truePositives), formatRatio(m.precision), formatRatio(m.recall), formatRatio(m.f1), `${score.themeAgreements}/${score.truePositives}`]);
  });
  const themeAccuracy = total.truePositives === 0 ? 0 : total.themeAgreements / total.truePositives;
  const lines = [
    ...formatTable(rows),
    '',
    `quantified commitments  P ${formatRatio(metrics.precision)}  R ${formatRatio(metrics.recall)}  F1 ${formatRatio(metrics.f1)}`,
    `theme accuracy ${formatRatio(themeAccuracy)} (${total.themeAgreements}/${total.truePositives}); comparator agrees ${total.comparatorAgreements}/${total.truePositives}; qualitative examples overlapped by a commitment ${total.qualitativeFound}/${total.qualitativeGold}`,
  ];
  const limit = context.listLimit;
  lines.push('', `misses (${total.misses.length}):`);
  for (const m of total.misses.slice(0, limit)) {
    const got = m.got ? (m.got.target ? `${formatValue(m.got.target.value)} ${m.got.target.unit} on "${m.got.text}"` : `no target on "${m.got.text}"`) : '—';
    lines.push(`  ${m.document}  ${m.gold.start}..${m.gold.end}  ${m.gold.text}  expected ${formatValue(m.gold.value)} ${m.gold.unit} (${m.gold.theme ?? '—'})  got ${got}`);
  }
  if (total.misses.length > limit) lines.push(`  … ${total.misses.length - limit} more`);
  lines.push('', `false positives (${total.falsePositives.length}):`);
  for (const f of total.falsePositives.slice(0, limit)) {
    const expected = f.gold ? `expected ${formatValue(f.gold.value)} ${f.gold.unit}` : 'no quantified commitment here';
    lines.push(`  ${f.document}  ${f.predicted.start}..${f.predicted.end}  ${f.predicted.text.replace(/\s+/g, ' ')}  ${expected}, got ${formatValue(f.predicted.target?.value)} ${f.predicted.target?.unit ?? ''}`);
  }
  if (total.falsePositives.length > limit) lines.push(`  … ${total.falsePositives.length - limit} more`);
  if (total.themeErrors.length > 0) {
    lines.push('', `theme errors (${total.themeErrors.length}):`);
    for (const t of total.themeErrors.slice(0, limit)) lines.push(`  ${t.document}  ${t.gold.text}  expected ${t.gold.theme}  got ${t.predicted.theme ?? '—'}`);
  }
  return {
    title: '承诺 Quantified commitments',
    lines,
    metrics: { commitmentPrecision: metrics.precision, commitmentRecall: metrics.recall, commitmentF1: metrics.f1, commitmentThemeAccuracy: themeAccuracy },
  };
}
