import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { characterAgreement } from './pdf.bench.ts';

describe('characterAgreement', () => {
  it('is 1 for the same text and 0 for texts with no character in common', () => {
    expect(characterAgreement('一般公共预算支出21.98亿元', '一般公共预算支出21.98亿元')).toBe(1);
    expect(characterAgreement('甲乙丙', 'abc')).toBe(0);
  });

  it('scores ten shared characters of 10 and 11 as 2·10 / 21', () => {
    expect(characterAgreement('预算支出21.9亿元', '预算总支出21.9亿元')).toBeCloseTo(2 * 10 / 21, 10);
  });

  it('equals 2·LCS / (|a| + |b|) computed the slow way', () => {
    const lcs = (a: string, b: string): number => {
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i += 1) {
        for (let j = 1; j <= b.length; j += 1) {
          table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
        }
      }
      return table[a.length]![b.length]!;
    };
    const text = fc.string({ unit: fc.constantFrom('元', '亿', '1', '2', '.', '%'), maxLength: 30 });
    fc.assert(fc.property(text, text, (a, b) => {
      const expected = a.length + b.length === 0 ? 1 : (2 * lcs(a, b)) / (a.length + b.length);
      expect(characterAgreement(a, b)).toBeCloseTo(expected, 10);
    }));
  });
});
