import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIntervals,
  divideIntervals,
  formatRational,
  intervalFromDecimal,
  intervalFromValue,
  intervalGap,
  intervalsMeet,
  multiplyIntervals,
  rational,
  ratCompare,
  subtractIntervals,
  type Interval,
} from './interval.ts';

const dec = (mantissa: bigint, exponent: number) => ({ mantissa, exponent });
const show = (i: Interval, places: number) => [formatRational(i.low, places), formatRational(i.high, places)];

describe('intervalFromDecimal', () => {
  it('reads 19.3亿 as 19.25亿 to 19.35亿', () => {
    expect(show(intervalFromDecimal(dec(193n, 7)), 0)).toEqual(['1925000000', '1935000000']);
  });
  it('gives a count written as 8040 its half unit: 8039.5 to 8040.5', () => {
    expect(show(intervalFromDecimal(dec(8040n, 0)), 1)).toEqual(['8039.5', '8040.5']);
  });
  it('reads 3522万 as 3521.5万 to 3522.5万', () => {
    expect(show(intervalFromDecimal(dec(3522n, 4)), 0)).toEqual(['35215000', '35225000']);
  });
  it('spans a range from the low end of its low to the high end of its high: 10—15万', () => {
    const range = intervalFromValue({ type: 'range', low: dec(10n, 4), high: dec(15n, 4) });
    expect(show(range, 0)).toEqual(['95000', '155000']);
  });
});

describe('interval arithmetic', () => {
  it('gives the seed growth 6.66 ÷ (19.3 − 6.66) as 52.42%–52.96%, which meets 52.8%', () => {
    const increase = intervalFromDecimal(dec(666n, -2));
    const current = intervalFromDecimal(dec(193n, -1));
    const rate = divideIntervals(increase, subtractIntervals(current, increase));
    expect(rate).toBeDefined();
    expect(show(rate!, 4)).toEqual(['0.5242', '0.5296']);
    expect(intervalsMeet(rate!, intervalFromDecimal(dec(528n, -3)))).toBe(true);
    expect(formatRational(rate!.point, 4)).toBe('0.5269');
  });
  it('takes the extreme corners when a factor is negative', () => {
    const a = { low: rational(-2n), point: rational(1n), high: rational(3n) };
    const b = { low: rational(-5n), point: rational(1n), high: rational(4n) };
    const product = multiplyIntervals(a, b);
    expect([product.low, product.high].map((r) => formatRational(r, 0))).toEqual(['-15', '12']);
  });
  it('refuses to divide by an interval that contains zero', () => {
    expect(divideIntervals(intervalFromDecimal(dec(1n, 0)), intervalFromDecimal(dec(0n, 0)))).toBeUndefined();
  });
  it('measures the gap between intervals that do not meet', () => {
    const gap = intervalGap(intervalFromDecimal(dec(10n, 0)), intervalFromDecimal(dec(13n, 0)));
    expect(formatRational(gap, 0)).toBe('2');
  });
  it('adds the half units of every part', () => {
    const sum = addIntervals(intervalFromDecimal(dec(342n, 6)), intervalFromDecimal(dec(3522n, 4)));
    expect(show(sum, 0)).toEqual(['376715000', '377725000']);
  });
});

describe('formatRational', () => {
  it('rounds down, up and to nearest as asked', () => {
    const third = rational(1n, 3n);
    expect([formatRational(third, 2, 'floor'), formatRational(third, 2, 'ceil'), formatRational(third, 2)]).toEqual(['0.33', '0.34', '0.33']);
    expect(formatRational(rational(-2n, 3n), 2, 'floor')).toBe('-0.67');
    expect(formatRational(rational(-2n, 3n), 2, 'ceil')).toBe('-0.66');
  });
});

describe('interval arithmetic always encloses the exact result (property)', () => {
  const value = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: -4, max: 4 }));
  it('contains f(x, y) for any x, y inside the operands, for + − × ÷', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), ([ma, ea], [mb, eb], ta, tb) => {
        const a = intervalFromDecimal(dec(ma, ea));
        const b = intervalFromDecimal(dec(mb, eb));
        // a point inside each interval, t% of the way from low to high
        const pick = (i: Interval, t: number) => rational(i.low.num * i.high.den * BigInt(100 - t) + i.high.num * i.low.den * BigInt(t), i.low.den * i.high.den * 100n);
        const x = pick(a, ta);
        const y = pick(b, tb);
        const inside = (r: ReturnType<typeof rational>, i: Interval) => ratCompare(i.low, r) <= 0 && ratCompare(r, i.high) <= 0;
        expect(inside(rational(x.num * y.den + y.num * x.den, x.den * y.den), addIntervals(a, b))).toBe(true);
        expect(inside(rational(x.num * y.den - y.num * x.den, x.den * y.den), subtractIntervals(a, b))).toBe(true);
        expect(inside(rational(x.num * y.num, x.den * y.den), multiplyIntervals(a, b))).toBe(true);
        const quotient = divideIntervals(a, b);
        if (quotient) expect(inside(rational(x.num * y.den, x.den * y.num), quotient)).toBe(true);
      }),
    );
  });
});
