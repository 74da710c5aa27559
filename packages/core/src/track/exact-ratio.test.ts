import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDecimal } from '../numbers/decimal.ts';
import { rational } from '../numbers/rational.ts';
import { compareRatios, divideRatios, ratioOfDecimal, roundRatio, showPercent, subtractRatios, toDecimal } from './exact-ratio.ts';

describe('exact ratios', () => {
  it('rounds 182 of 366 days to 49.73%', () => {
    expect(formatDecimal(roundRatio(divideRatios(rational(BigInt(18200)), rational(BigInt(366))), 2))).toBe('49.73');
  });

  it('rounds halves away from zero', () => {
    expect(formatDecimal(roundRatio({ num: 1n, den: 8n }, 2))).toBe('0.13');
    expect(formatDecimal(roundRatio({ num: -1n, den: 8n }, 2))).toBe('-0.13');
  });

  it('rounds fractions not in lowest terms as their value: 36400/732 is 49.73', () => {
    expect(roundRatio({ num: 36400n, den: 732n }, 2)).toEqual({ mantissa: 4973n, exponent: -2 });
    expect(roundRatio({ num: 5n, den: 10n }, 0)).toEqual({ mantissa: 1n, exponent: 0 });
    expect(roundRatio({ num: -5n, den: 10n }, 0)).toEqual({ mantissa: -1n, exponent: 0 });
  });

  it('subtracts and compares decimals exactly: 60.00 − 49.73 = 10.27 points', () => {
    const gap = subtractRatios(ratioOfDecimal({ mantissa: 6000n, exponent: -2 }), ratioOfDecimal({ mantissa: 4973n, exponent: -2 }));
    expect(formatDecimal(roundRatio(gap, 2))).toBe('10.27');
    expect(compareRatios(gap, ratioOfDecimal({ mantissa: 1027n, exponent: -2 }))).toBe(0);
    expect(compareRatios(ratioOfDecimal({ mantissa: 2n, exponent: 3 }), { num: 1999n, den: 1n })).toBe(1);
  });

  it('shows percents without trailing zeros: 50.00 → 50, 49.70 → 49.7, 0.05 → 0.05, -0.50 → -0.5', () => {
    const show = (text: string) => showPercent(toDecimal(text, 'x'));
    expect(['50.00', '49.70', '0.05', '-0.50', '0.00', '100.10', '5', '2.500'].map(show)).toEqual(['50', '49.7', '0.05', '-0.5', '0', '100.1', '5', '2.5']);
  });

  it('reads numbers, strings and Decimals exactly', () => {
    expect(toDecimal(92.5, 'x')).toEqual({ mantissa: 925n, exponent: -1 });
    expect(formatDecimal(toDecimal(1.5e-7, 'x'))).toBe('0.00000015');
    expect(formatDecimal(toDecimal(1e21, 'x'))).toBe('1000000000000000000000');
    expect(toDecimal(' 60 ', 'x')).toEqual({ mantissa: 60n, exponent: 0 });
    expect(toDecimal('-0012.50', 'x')).toEqual({ mantissa: -1250n, exponent: -2 });
    expect(toDecimal('-0', 'x')).toEqual({ mantissa: 0n, exponent: 0 });
    for (const text of ['六十', '.5', '5.', '-', '1e3', '1.2.3', '+5', '5 %', '']) {
      expect(() => toDecimal(text, 'progress.percent')).toThrow(`progress.percent: '${text}' is not a decimal number`);
    }
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
