import { describe, expect, it } from 'vitest';
import { findFlatResults } from './flat-results.ts';

describe('findFlatResults', () => {
  it('reads 与上年持平 and 基本持平 as a change of 0%, about 0% for 基本', () => {
    const text = '过去一年，城镇调查失业率4.7%，居民消费价格与上年持平。工业品价格同比基本持平。';
    const figures = findFlatResults(text);
    expect(figures.map((figure) => [figure.noun, figure.quantity.text, figure.comparator])).toEqual([
      ['居民消费价格', '与上年持平', undefined],
      ['工业品价格', '同比基本持平', '~'],
    ]);
    expect(text.slice(figures[0]!.quantity.start, figures[0]!.quantity.end)).toBe('与上年持平');
    expect(figures[0]!.quantity.value).toEqual({ type: 'exact', value: { mantissa: 0n, exponent: 0 } });
  });

  it('finds nothing in 保持平稳 or 支持平台', () => {
    expect(findFlatResults('经济保持平稳运行，支持平台企业发展。')).toEqual([]);
  });
});
