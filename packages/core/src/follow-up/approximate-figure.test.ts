import { describe, expect, it } from 'vitest';
import type { QuantityValue } from '../model/quantity.ts';
import { readApproximateCeiling } from './approximate-figure.ts';

const exact = (mantissa: bigint, exponent = 0): QuantityValue => ({ type: 'exact', value: { mantissa, exponent } });

describe('readApproximateCeiling', () => {
  it('reads 3700多个 as below 3800 and 400余项 as below 500', () => {
    expect(readApproximateCeiling({ text: '3700多个', value: exact(3700n) })).toEqual({ mantissa: 38n, exponent: 2 });
    expect(readApproximateCeiling({ text: '400余项', value: exact(400n) })).toEqual({ mantissa: 5n, exponent: 2 });
  });

  it('reads the magnitude after 多: 1300多亿元 below 1400亿元, 3万多人 below 4万人', () => {
    expect(readApproximateCeiling({ text: '1300多亿元', value: exact(13n, 10) })).toEqual({ mantissa: 14n, exponent: 10 });
    expect(readApproximateCeiling({ text: '3万多人', value: exact(3n, 4) })).toEqual({ mantissa: 4n, exponent: 4 });
  });

  it('gives nothing for a figure without 多 or 余', () => {
    expect(readApproximateCeiling({ text: '3700个', value: exact(3700n) })).toBeUndefined();
    expect(readApproximateCeiling({ text: '超过3700个', value: exact(3700n) })).toBeUndefined();
  });
});
