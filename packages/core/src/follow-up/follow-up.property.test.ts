import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Comparator } from '../model/quantity.ts';
import { followUp } from './follow-up.ts';
import { judgeTarget, type MetricPolarity } from './target-verdict.ts';

const decimal = fc.integer({ min: 0, max: 2000 }).map((tenths) => ({ mantissa: BigInt(tenths), exponent: -1 }));
const comparator = fc.constantFrom<Comparator | undefined>(undefined, '~', '>=', '<=');
const polarity = fc.constantFrom<MetricPolarity>('higher_is_better', 'lower_is_better');

describe('judgeTarget, for any target and result', () => {
  it('never turns met into missed when the result gets better', () => {
    fc.assert(
      fc.property(decimal, comparator, polarity, decimal, fc.integer({ min: 1, max: 50 }), (target, bound, side, result, step) => {
        const better = {
          mantissa: side === 'higher_is_better' ? result.mantissa + BigInt(step) : result.mantissa - BigInt(step),
          exponent: -1,
        };
        const first = judgeTarget({ value: { type: 'exact', value: target }, ...(bound ? { comparator: bound } : {}) }, { value: { type: 'exact', value: result } }, side, '%');
        const second = judgeTarget({ value: { type: 'exact', value: target }, ...(bound ? { comparator: bound } : {}) }, { value: { type: 'exact', value: better } }, side, '%');
        if (first.verdict === 'met') expect(second.verdict).toBe('met');
      }),
    );
  });

  it('meets a target with a result equal to it, whatever the qualifier', () => {
    fc.assert(
      fc.property(decimal, comparator, polarity, (target, bound, side) => {
        const value = { type: 'exact', value: target } as const;
        expect(judgeTarget({ value, ...(bound ? { comparator: bound } : {}) }, { value }, side, '%').verdict).toBe('met');
      }),
    );
  });
});

const fragments = [
  '今年经济社会发展的主要预期目标是：', '地区生产总值增长5%左右，', '城镇新增就业60万人以上，', '城镇调查失业率5.5%以内；',
  '过去一年，', '这五年，', '二、2031年重点工作\n', '一、2030年工作回顾\n', 'GDP增长5.3%，', '居民消费价格上涨0.4%。',
  '分别增长5%和6.5%左右', '。', '\n', '粮食产量1.3万亿斤', '比2029年', '1—11月', '累计', '约', '以上', '左右',
];

describe('followUp, for any text made of report fragments', () => {
  it('never throws and every span is the text at its offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (a, b) => {
        const last = a.join('');
        const current = b.join('');
        const report = followUp(last, current, { lastYear: 2030, thisYear: 2031, headlineOnly: false });
        for (const pair of report.pairs) {
          expect(last.slice(pair.target.start, pair.target.end)).toBe(pair.target.text);
          if (pair.result) expect(current.slice(pair.result.start, pair.result.end)).toBe(pair.result.text);
          expect(pair.confidence).toBeGreaterThanOrEqual(0);
          expect(pair.confidence).toBeLessThanOrEqual(1);
          expect(pair.verdict === 'not_reported').toBe(pair.result === null);
        }
      }),
      { numRuns: 200 },
    );
  });
});
