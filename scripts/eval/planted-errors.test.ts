import { describe, expect, it } from 'vitest';
import { applyPlant, misprintLeadingDigit, planSentencePlants } from './planted-errors.ts';

describe('planted errors', () => {
  it('misprints the leading significant digit one up, or one down from 9', () => {
    expect(misprintLeadingDigit('45.9')).toBe('55.9');
    expect(misprintLeadingDigit('968')).toBe('868');
    expect(misprintLeadingDigit('0.05')).toBe('0.06');
    expect(misprintLeadingDigit('0')).toBeUndefined();
  });

  it('plants on a share after two figures of one unit, and changes only that figure', () => {
    const text = '民生支出19.3亿元，财政总支出21.98亿元，民生支出占比87.8%。';
    const plants = planSentencePlants(text);
    expect(plants.map((p) => [p.kind, p.original, p.replacement])).toEqual([['share', '87.8', '97.8']]);
    expect(applyPlant(text, plants[0]!)).toBe('民生支出19.3亿元，财政总支出21.98亿元，民生支出占比97.8%。');
  });

  it('plants on a from-to growth rate, a from-to change and a multiple', () => {
    const text = '地区生产总值由100亿元增加到300亿元，增加200亿元，增长2倍。';
    expect(planSentencePlants(text).map((p) => [p.kind, p.original, p.replacement])).toEqual([
      ['from-to change', '200', '300'],
      ['multiple', '2', '3'],
    ]);
  });

  it('plants a tenfold 其中 part only where it then exceeds the whole', () => {
    expect(planSentencePlants('农业总产值282563万元，其中种植业113057万元。').map((p) => p.replacement)).toEqual(['1130570']);
    expect(planSentencePlants('农业总产值282563万元，其中种植业3万元。')).toEqual([]);
  });

  it('plants on the middle term of a structure ratio and below the threshold a figure passed', () => {
    expect(planSentencePlants('三次产业结构调整为8.2:35.6:56.2。').map((p) => p.replacement)).toEqual(['45.6']);
    expect(planSentencePlants('进出口总额首次突破500亿元，达到568亿元。').map((p) => p.replacement)).toEqual(['468']);
    expect(planSentencePlants('进出口总额首次突破500亿元，达到968亿元。')).toEqual([]);
  });

  it('plants nothing in a sentence without a pattern', () => {
    expect(planSentencePlants('全年新建学校12所，新增学位5970个。')).toEqual([]);
  });
});
