/**
 * Property tests of the verdicts: figures rounded from a true relation at any precision are always consistent;
 * a stated figure moved beyond what the others' precision allows is always inconsistent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.ts';
import { differenceCheck } from './checks/difference.check.ts';
import { growthFromIncreaseCheck } from './checks/growth-from-increase.check.ts';
import { growthCheck } from './checks/growth.check.ts';
import { averageAnnualGrowthCheck } from './checks/average-annual-growth.check.ts';
import { percentagePointChangeCheck } from './checks/percentage-point-change.check.ts';
import { restatementCheck } from './checks/restatement.check.ts';
import { partsSumCheck } from './checks/parts-sum.check.ts';
import { shareCheck } from './checks/share.check.ts';
import { findingsOf } from './fixtures/written-quantities.fixture.ts';
import { formatRational, rational, ratSub, ratAdd, ratMul, ratDiv, ratCompare, ratPow, type Rational } from './interval.ts';
import { judgeStated } from './relation-finding.ts';

type F = Omit<Finding, 'id'>;
const run = (check: Parameters<typeof findingsOf>[0], text: string) => findingsOf(check, text) as F[];

/** A written figure: the true value rounded to `places` decimals, and the interval it then stands for. */
function written(value: Rational, places: number): { text: string; low: Rational; high: Rational } {
  const text = formatRational(value, places, 'round');
  const [whole = '0', fraction = ''] = text.split('.');
  const mantissa = BigInt(whole + fraction);
  const scale = 10n ** BigInt(places);
  const half = rational(1n, 2n * scale);
  const point = rational(mantissa, scale);
  return { text, low: ratSub(point, half), high: ratAdd(point, half) };
}

/** A figure at `places` decimals whose interval lies wholly above `bound`: floor(bound) + 2 units. */
function above(bound: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const units = (bound.num * scale) / bound.den + (bound.num < 0n ? 1n : 2n);
  return formatRational(rational(units, scale), places);
}

/** A figure at `places` decimals whose interval lies wholly below `bound` (which is positive). */
function below(bound: Rational, places: number): string | undefined {
  const scale = 10n ** BigInt(places);
  const units = (bound.num * scale) / bound.den - 1n;
  return units > 0n ? formatRational(rational(units, scale), places) : undefined;
}

const places = fc.integer({ min: 0, max: 3 });
const HUNDRED = rational(100n);

describe('growth and difference (property)', () => {
  const cases = fc.record({
    previousCents: fc.bigInt({ min: 100n, max: 10n ** 8n }),
    growthPpm: fc.bigInt({ min: 1n, max: 2_000_000n }),
    pp: places, pc: places, pr: places, pd: places,
  });
  it('judges figures rounded from a true growth consistent, and a rate or increase moved beyond the rounding inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ previousCents, growthPpm, pp, pc, pr, pd }) => {
        const previous = rational(previousCents, 100n);
        const growth = rational(growthPpm, 1_000_000n);
        const current = ratMul(previous, ratAdd(rational(1n), growth));
        const p = written(previous, pp);
        const c = written(current, pc);
        const r = written(ratMul(growth, HUNDRED), pr);
        const d = written(ratSub(current, previous), pd);
        fc.pre(p.low.num > 0n);
        const text = (rate: string, increase: string) => `一般公共预算支出${c.text}亿元，较上年${p.text}亿元，同比增长${rate}%，增支${increase}亿元。`;
        expect(run(growthCheck, text(r.text, d.text)).map((f) => f.verdict)).toEqual(['consistent']);
        expect(run(differenceCheck, text(r.text, d.text)).map((f) => f.verdict)).toEqual(['consistent']);
        // the rate the figures allow at most: Ch ÷ Pl − 1; the increase at most: Ch − Pl
        const highestRate = ratMul(ratSub(ratDiv(c.high, p.low)!, rational(1n)), HUNDRED);
        expect(run(growthCheck, text(above(highestRate, pr), d.text)).map((f) => f.verdict)).toEqual(['inconsistent']);
        expect(run(differenceCheck, text(r.text, above(ratSub(c.high, p.low), pd))).map((f) => f.verdict)).toEqual(['inconsistent']);
        const lowestIncrease = below(ratSub(c.low, p.high), pd);
        if (lowestIncrease) expect(run(differenceCheck, text(r.text, lowestIncrease)).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('growth from increase (property)', () => {
  const cases = fc.record({ previousCents: fc.bigInt({ min: 1000n, max: 10n ** 8n }), increaseCents: fc.bigInt({ min: 1n, max: 10n ** 8n }), pc: places, pd: places, pr: places });
  it('judges rounded figures consistent and a rate moved above what they allow inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ previousCents, increaseCents, pc, pd, pr }) => {
        const previous = rational(previousCents, 100n);
        const increase = rational(increaseCents, 100n);
        const current = ratAdd(previous, increase);
        const c = written(current, pc);
        const d = written(increase, pd);
        const r = written(ratMul(ratDiv(increase, previous)!, HUNDRED), pr);
        fc.pre(ratCompare(c.low, d.high) > 0 && d.low.num > 0n);
        const text = (rate: string) => `全市一般公共预算收入${c.text}亿元，增收${d.text}亿元，同比增长${rate}%。`;
        expect(run(growthFromIncreaseCheck, text(r.text)).map((f) => f.verdict)).toEqual(['consistent']);
        // the rate is highest with the largest increase over the smallest earlier level: Dh ÷ (Cl − Dh)
        const highest = ratMul(ratDiv(d.high, ratSub(c.low, d.high))!, HUNDRED);
        expect(run(growthFromIncreaseCheck, text(above(highest, pr))).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('share (property)', () => {
  const cases = fc.record({ totalCents: fc.bigInt({ min: 1000n, max: 10n ** 9n }), partPermille: fc.bigInt({ min: 1n, max: 1000n }), pt: places, pa: places, ps: places });
  it('judges a rounded share consistent and a share moved beyond the rounding inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ totalCents, partPermille, pt, pa, ps }) => {
        const total = rational(totalCents, 100n);
        const part = ratMul(total, rational(partPermille, 1000n));
        const t = written(total, pt);
        const a = written(part, pa);
        const s = written(ratMul(rational(partPermille, 1000n), HUNDRED), ps);
        fc.pre(a.low.num > 0n && t.low.num > 0n);
        const text = (share: string) => `年末全省常住人口${t.text}万人，比上年末增加1万人。其中，城镇常住人口${a.text}万人，占总人口的比重为${share}%。`;
        expect(run(shareCheck, text(s.text)).map((f) => f.verdict)).toEqual(['consistent']);
        const highest = ratMul(ratDiv(a.high, t.low)!, HUNDRED);
        expect(run(shareCheck, text(above(highest, ps))).map((f) => f.verdict)).toEqual(['inconsistent']);
        const lowest = below(ratMul(ratDiv(a.low, t.high)!, HUNDRED), ps);
        if (lowest) expect(run(shareCheck, text(lowest)).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('parts of a whole (property)', () => {
  const cases = fc.record({ a: fc.bigInt({ min: 1n, max: 10n ** 7n }), b: fc.bigInt({ min: 1n, max: 10n ** 7n }), rest: fc.bigInt({ min: 0n, max: 10n ** 7n }), pt: places, pa: places, pb: places });
  it('judges rounded parts within their whole consistent and a whole moved below their sum inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ a, b, rest, pt, pa, pb }) => {
        const partA = rational(a, 100n);
        const partB = rational(b, 100n);
        const total = ratAdd(ratAdd(partA, partB), rational(rest, 100n));
        const t = written(total, pt);
        const wa = written(partA, pa);
        const wb = written(partB, pb);
        const text = (whole: string) => `全县农业总产值${whole}万元，其中：种植业${wa.text}万元，林业产值${wb.text}万元。`;
        expect(run(partsSumCheck, text(t.text)).map((f) => f.verdict)).toEqual(['consistent']);
        const smaller = below(ratAdd(wa.low, wb.low), pt);
        if (smaller) expect(run(partsSumCheck, text(smaller)).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a stated sum (property)', () => {
  const cases = fc.record({ parts: fc.array(fc.bigInt({ min: 1n, max: 10n ** 7n }), { minLength: 2, maxLength: 6 }), pp: fc.array(places, { minLength: 6, maxLength: 6 }), pt: places });
  it('judges rounded parts and their rounded sum consistent, and a sum moved beyond their rounding either way inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ parts, pp, pt }) => {
        const values = parts.map((p) => rational(p, 100n));
        const written_ = values.map((v, k) => written(v, pp[k] ?? 0));
        fc.pre(written_.every((w) => w.low.num >= 0n));
        const total = written(values.reduce((a, b) => ratAdd(a, b)), pt);
        const lowest = written_.reduce((a, w) => ratAdd(a, w.low), rational(0n));
        const highest = written_.reduce((a, w) => ratAdd(a, w.high), rational(0n));
        const text = (sum: string) => `${written_.map((w, k) => `第${'一二三四五六'[k]}项${w.text}万元`).join('，')}，合计${sum}万元。`;
        expect(run(partsSumCheck, text(total.text)).map((f) => f.verdict)).toEqual(['consistent']);
        expect(run(partsSumCheck, text(above(highest, pt))).map((f) => f.verdict)).toEqual(['inconsistent']);
        const smaller = below(lowest, pt);
        if (smaller) expect(run(partsSumCheck, text(smaller)).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('percentage points between two stated shares (property)', () => {
  const cases = fc.record({ earlierPpm: fc.bigInt({ min: 0n, max: 900_000n }), risePpm: fc.bigInt({ min: 1n, max: 100_000n }), pa: places, pb: places, pd: places });
  it('judges rounded shares and change consistent, and a change moved beyond their rounding inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ earlierPpm, risePpm, pa, pb, pd }) => {
        const earlier = rational(earlierPpm, 10_000n);
        const rise = rational(risePpm, 10_000n);
        const a = written(earlier, pa);
        const b = written(ratAdd(earlier, rise), pb);
        const d = written(rise, pd);
        fc.pre(d.low.num > 0n && a.low.num > 0n);
        const text = (change: string) => `常住人口城镇化率从${a.text}%提高到${b.text}%，提高${change}个百分点。`;
        expect(run(percentagePointChangeCheck, text(d.text)).map((f) => f.verdict)).toEqual(['consistent']);
        expect(run(percentagePointChangeCheck, text(above(ratSub(b.high, a.low), pd))).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('average annual growth (property)', () => {
  const YEARS = ['两', '三', '四', '五', '六', '七', '八', '九', '十'];
  const cases = fc.record({ previousCents: fc.bigInt({ min: 100n, max: 10n ** 8n }), ratePermille: fc.bigInt({ min: 1n, max: 400n }), years: fc.integer({ min: 2, max: 10 }), pp: places, pc: places, pr: places });
  it('judges figures rounded from a compounded growth consistent, and a rate moved above what they allow inconsistent', () => {
    fc.assert(
      fc.property(cases, ({ previousCents, ratePermille, years, pp, pc, pr }) => {
        const previous = rational(previousCents, 100n);
        const rate = rational(ratePermille, 1000n);
        const current = ratMul(previous, ratPow(ratAdd(rational(1n), rate), years));
        const p = written(previous, pp);
        const c = written(current, pc);
        const r = written(ratMul(rate, HUNDRED), pr);
        fc.pre(p.low.num > 0n);
        const text = (stated: string) => `过去${YEARS[years - 2]}年，贷款余额从${p.text}亿元增加到${c.text}亿元，年均增长${stated}%。`;
        expect(run(averageAnnualGrowthCheck, text(r.text)).map((f) => f.verdict)).toEqual(['consistent']);
        // the smallest rate at this precision whose whole interval compounds past the largest ratio Ch ÷ Pl
        const ratio = ratDiv(c.high, p.low)!;
        const scale = 10n ** BigInt(pr);
        let units = (ratePermille * scale) / 10n;
        const compounds = (u: bigint) => ratPow(ratAdd(rational(1n), rational(2n * u - 1n, 200n * scale)), years);
        while (ratCompare(compounds(units), ratio) <= 0) units += 1n;
        expect(run(averageAnnualGrowthCheck, text(formatRational(rational(units, scale), pr))).map((f) => f.verdict)).toEqual(['inconsistent']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('restatement (property)', () => {
  const cases = fc.record({ cents: fc.bigInt({ min: 1000n, max: 10n ** 7n }), share: fc.bigInt({ min: 100n, max: 999n }), rate: fc.bigInt({ min: 100n, max: 999n }), shift: fc.bigInt({ min: 2n, max: 50n }) });
  it('judges a fact stated twice alike consistent, and a restatement two units or more away inconsistent (one unit apart, both may round 10.005)', () => {
    fc.assert(
      fc.property(cases, ({ cents, share, rate, shift }) => {
        const money = formatRational(rational(cents, 100n), 2);
        const shareText = formatRational(rational(share, 10n), 1);
        const rateText = formatRational(rational(rate, 10n), 1);
        const article = (m: string) => `全年将${shareText}%的支出用于保障民生，投入资金增加了${m}亿元，同比增长${rateText}%。`;
        const infographic = `**19.3亿元** 占财政总支出**${shareText}%**  \n较2022年增加**${money}亿元**  \n同比增长**${rateText}%**`;
        const verdicts = (m: string) => run(restatementCheck, `${article(m)}\n\n${infographic}`).map((f) => f.verdict);
        expect(verdicts(money)).toEqual(['consistent', 'consistent', 'consistent']);
        expect(verdicts(formatRational(rational(cents + shift, 100n), 2))).toContain('inconsistent');
      }),
      { numRuns: 100 },
    );
  });
});

describe('judgeStated', () => {
  it('gives unverifiable when the derived value is unbounded', () => {
    const figure = { quantity: { id: 'q1', text: '5%', unit: '%', value: { type: 'exact', value: { mantissa: 5n, exponent: 0 } } }, sign: 1, role: 'growth_rate' } as unknown as Parameters<typeof judgeStated>[1];
    expect(judgeStated('growth', figure, undefined, [], '1 ÷ 0').verdict).toBe('unverifiable');
  });
});
