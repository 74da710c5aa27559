import { describe, expect, it } from 'vitest';
import type { GoldKey } from './gold-key.ts';
import type { PredictedQuantity } from './prediction.ts';
import { computePrecisionRecall, isSameValue, quantityMetrics, scoreDocumentQuantities, sumQuantityScores } from './quantity-score.ts';

// 0         1         2         3
// 0123456789012345678901234567890123456
const TEXT = '2023年支出21.98亿元，增长44.4%，提高4.8个百分点，实施8040套，十五届';
const at = (text: string): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(text);
  if (start < 0) throw new Error(`not in text: ${text}`);
  return { start, end: start + text.length, text };
};
const KEY: GoldKey = {
  document: 'synthetic.txt',
  quantities: [
    { ...at('21.98亿元'), value: 2198000000, unit: '元', kind: 'money' },
    { ...at('44.4%'), value: 44.4, unit: '%', kind: 'percent' },
    { ...at('4.8个百分点'), value: 4.8, unit: 'pp', kind: 'percentage_point' },
    { ...at('8040套'), value: 8040, unit: '套', kind: 'count' },
  ],
  dates: [{ ...at('2023年') }],
  optional: [{ ...at('十五届') }],
};
const loaded = { name: 'synthetic', key: KEY, range: { start: 0, end: TEXT.length } };
const predicted = (text: string, value: PredictedQuantity['value'], unit: string): PredictedQuantity => ({ ...at(text), value, unit });

describe('scoreDocumentQuantities', () => {
  it('counts a prediction with overlapping span, equal value and unit as correct', () => {
    const score = scoreDocumentQuantities(loaded, [
      predicted('21.98亿元', 2198000000, '元'),
      predicted('44.4%', 44.4, '%'),
      predicted('4.8个百分点', 4.8, 'pp'),
      predicted('8040套', 8040, '套'),
    ]);
    expect(score.truePositives).toBe(4);
    expect(score.falsePositives).toHaveLength(0);
    expect(quantityMetrics(score).f1).toBe(1);
  });

  it('accepts a shorter span that overlaps the gold one, and a value off by less than 1e-9 relative', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('21.98亿', 2198000000 * (1 + 1e-12), '元')]);
    expect(score.truePositives).toBe(1);
  });

  it('rejects a value off by more than 1e-9 relative', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('21.98亿元', 2198010000, '元')]);
    expect(score.truePositives).toBe(0);
    expect(score.falsePositives[0]?.reason).toBe('wrong value');
  });

  it('treats 4.8个百分点 read as 4.8 % as a wrong unit: a false positive and a miss', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('4.8个百分点', 4.8, '%')]);
    expect(score.falsePositives.map((f) => f.reason)).toEqual(['wrong unit']);
    expect(score.misses.map((m) => m.gold.text)).toContain('4.8个百分点');
    expect(score.misses.find((m) => m.gold.text === '4.8个百分点')?.got?.unit).toBe('%');
  });

  it('does not score predictions on dates or optional spans', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('2023', 2023, ''), predicted('十五', 15, '届')]);
    expect(score.scored).toBe(0);
    expect(score.ignored).toBe(2);
    expect(score.falsePositives).toHaveLength(0);
  });

  it('counts a prediction overlapping nothing in the key as a false positive', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('支出', 1, '个')]);
    expect(score.falsePositives[0]?.reason).toBe('no gold quantity here');
    expect(quantityMetrics(score).precision).toBe(0);
  });

  it('matches one gold quantity once: a second equal prediction is a duplicate', () => {
    const score = scoreDocumentQuantities(loaded, [predicted('8040套', 8040, '套'), predicted('8040', 8040, '套')]);
    expect(score.truePositives).toBe(1);
    expect(score.falsePositives.map((f) => f.reason)).toEqual(['duplicate']);
  });

  it('scores only predictions inside the excerpt', () => {
    const excerpt = { start: at('44.4%').start, end: at('8040套').start };
    const key = { ...KEY, quantities: KEY.quantities.filter((q) => q.start >= excerpt.start && q.end <= excerpt.end) };
    const score = scoreDocumentQuantities({ name: 'x', key, range: excerpt }, [predicted('21.98亿元', 1, '元'), predicted('44.4%', 44.4, '%'), predicted('8040套', 1, '套')]);
    expect(score.gold).toBe(2);
    expect(score.scored).toBe(1);
    expect(score.truePositives).toBe(1);
  });

  it('compares ranges end by end and never a range with a number', () => {
    expect(isSameValue([5, 6], [5, 6])).toBe(true);
    expect(isSameValue([5, 6], [5, 6.5])).toBe(false);
    expect(isSameValue(5, [5, 5])).toBe(false);
    expect(isSameValue(undefined, 5)).toBe(false);
  });
});

describe('precision, recall and F1', () => {
  it('computes them over all documents together, not as an average of documents', () => {
    const a = scoreDocumentQuantities(loaded, [predicted('21.98亿元', 2198000000, '元')]);
    const b = scoreDocumentQuantities(loaded, [predicted('44.4%', 44.4, '%'), predicted('支出', 1, '个')]);
    const total = quantityMetrics(sumQuantityScores([a, b]));
    expect(total.precision).toBeCloseTo(2 / 3, 12);
    expect(total.recall).toBeCloseTo(2 / 8, 12);
  });

  it('gives F1 0 when nothing is right and 1 when nothing was to be found and nothing was predicted', () => {
    expect(computePrecisionRecall(0, 3, 4).f1).toBe(0);
    expect(computePrecisionRecall(0, 0, 0).f1).toBe(1);
  });
});
