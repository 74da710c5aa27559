import { describe, expect, it } from 'vitest';
import { commitmentMetrics, scoreDocumentCommitments } from './commitment-score.ts';
import type { GoldKey } from './gold-key.ts';
import type { PredictedCommitment } from './prediction.ts';

const TEXT = '聚力打好生态环境保护战。实施退化林分改造2万亩，确保空气质量优良率达到92%以上。加大生态治理力度。';
const at = (text: string): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length, text };
};
const KEY: GoldKey = {
  document: 'synthetic.txt',
  quantities: [],
  commitments: {
    quantified: [
      { ...at('实施退化林分改造2万亩'), theme: '生态环境保护', value: 20000, unit: '亩', comparator: '=' },
      { ...at('确保空气质量优良率达到92%以上'), theme: '生态环境保护', value: 92, unit: '%', comparator: '>=' },
    ],
    qualitative_examples: [{ ...at('加大生态治理力度'), theme: '生态环境保护' }],
  },
};
const loaded = { name: 'synthetic', key: KEY, range: { start: 0, end: TEXT.length } };

describe('scoreDocumentCommitments', () => {
  it('matches by span overlap, target value and unit, and checks theme and comparator among the matches', () => {
    const predictions: PredictedCommitment[] = [
      { ...at('退化林分改造2万亩'), theme: '生态环境保护', target: { value: 20000, unit: '亩' } },
      { ...at('确保空气质量优良率达到92%以上'), theme: '环境', target: { value: 92, unit: '%', comparator: '>=' } },
      { ...at('加大生态治理力度') },
    ];
    const score = scoreDocumentCommitments(loaded, predictions);
    expect(score.truePositives).toBe(2);
    expect(score.predicted).toBe(2);
    expect(score.themeAgreements).toBe(1);
    expect(score.comparatorAgreements).toBe(2);
    expect(score.qualitativeFound).toBe(1);
    expect(commitmentMetrics(score).f1).toBe(1);
  });

  it('counts a target with the wrong value as a false positive and the gold commitment as missed', () => {
    const score = scoreDocumentCommitments(loaded, [{ ...at('实施退化林分改造2万亩'), target: { value: 2, unit: '亩' } }]);
    expect(score.truePositives).toBe(0);
    expect(score.falsePositives).toHaveLength(1);
    expect(score.misses).toHaveLength(2);
  });
});
