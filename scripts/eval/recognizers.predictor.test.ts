import { describe, expect, it } from 'vitest';
import { createRecognizersPredictor, mapRecognizersResult, mergeOverlapping } from './recognizers.predictor.ts';

describe('mapping Recognizers-Text results to the keys format', () => {
  it('maps a currency in 亿元 to 元 and keeps the inclusive end as an exclusive offset', () => {
    const q = mapRecognizersResult({ start: 2, end: 7, text: '21.98亿元', typeName: 'currency', resolution: { value: '2198000000', unit: 'Chinese yuan' } }, 10);
    expect(q).toMatchObject({ start: 12, end: 18, value: 2198000000, unit: '元' });
  });

  it('maps a dimension to the unit word written in the text', () => {
    const q = mapRecognizersResult({ start: 0, end: 5, text: '15.9万公里', typeName: 'dimension', resolution: { value: '159000', unit: 'Kilometer' } }, 0);
    expect(q).toMatchObject({ value: 159000, unit: '公里' });
  });

  it('prefers a result with a unit over an overlapping bare number', () => {
    const merged = mergeOverlapping([
      { start: 0, end: 5, text: '21.98亿', value: 2198000000, unit: '' },
      { start: 0, end: 6, text: '21.98亿元', value: 2198000000, unit: '元' },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.unit).toBe('元');
  });

  it('reads a real sentence with offsets that point at the text', () => {
    const text = '第一行没有数\n一般公共预算支出21.98亿元，增长44.4%。';
    const prediction = createRecognizersPredictor().predict(text, {});
    for (const q of prediction.quantities) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(prediction.quantities).toContainEqual(expect.objectContaining({ text: '21.98亿元', value: 2198000000, unit: '元' }));
    expect(prediction.quantities).toContainEqual(expect.objectContaining({ text: '44.4%', value: 44.4, unit: '%' }));
  });
});
