import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDecimal } from '../numbers/decimal.ts';
import { rational } from '../numbers/rational.ts';
import { divideRatios, roundRatio, toDecimal } from './exact-ratio.ts';

describe('exact ratios', () => {
  it('rounds 182 of 366 days to 49.73%', () => {
    expect(formatDecimal(roundRatio(divideRatios(rational(BigInt(18200)), rational(BigInt(366))), 2))).toBe('49.73');
  });

  it('rounds halves away from zero', () => {
    expect(formatDecimal(roundRatio({ num: 1n, den: 8n }, 2))).toBe('0.13');
    expect(formatDecimal(roundRatio({ num: -1n, den: 8n }, 2))).toBe('-0.13');
  });

  it('reads numbers, strings and Decimals exactly', () => {
    expect(toDecimal(92.5, 'x')).toEqual({ mantissa: 925n, exponent: -1 });
    expect(formatDecimal(toDecimal(1.5e-7, 'x'))).toBe('0.00000015');
    expect(formatDecimal(toDecimal(1e21, 'x'))).toBe('1000000000000000000000');
    expect(toDecimal(' 60 ', 'x')).toEqual({ mantissa: 60n, exponent: 0 });
    expect(() => toDecimal('六十', 'progress.percent')).toThrow(/progress.percent/);
    expect(() => toDecimal(Number.POSITIVE_INFINITY, 'weight')).toThrow(/weight/);
  });

  it('reads every finite double as the decimal it prints as', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Number(formatDecimal(toDecimal(value, 'x')))).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
