import { describe, expect, it } from 'vitest';
import type { Comparator, Quantity } from '../../model/quantity.ts';
import { formatDecimal, parseDecimal, scaleDecimal } from '../../numbers/decimal.ts';
import { readFigures } from './fixtures/sense-quantities.fixture.ts';
import { boundsOf, isChangeFigure, orderOf, plainText, splitSentences, withoutSharedBound } from './sense-text.ts';

function figure(text: string, number: string, power: number, comparator?: Comparator): Quantity {
  return {
    id: 'q',
    start: 0,
    end: text.length,
    text,
    value: { type: 'exact', value: scaleDecimal(parseDecimal(number)!, power) },
    unit: '户',
    kind: 'count',
    ...(comparator ? { comparator } : {}),
    provenance: 'test',
  };
}

function shownBounds(q: Quantity): [string | undefined, string | undefined] {
  const { low, high } = boundsOf(q);
  return [low && formatDecimal(low), high && formatDecimal(high)];
}

describe('sense text helpers', () => {
  it('gives a figure the half unit of its last written digit either side', () => {
    expect(shownBounds(figure('19.3亿元', '19.3', 8))).toEqual(['1925000000', '1935000000']);
  });

  it('leaves a floor open above and reads 多 as less than one more unit', () => {
    expect(shownBounds(figure('92%以上', '92', 0, '>='))).toEqual(['91.5', undefined]);
    expect(shownBounds(figure('5千多户', '5', 3, '>'))).toEqual(['5000', '6000']);
  });

  it('widens an approximate figure by a tenth', () => {
    expect(shownBounds(figure('约2万亿元', '2', 12, '~'))).toEqual(['1300000000000', '2700000000000']);
  });

  it('orders two figures only when their bounds do not meet', () => {
    expect(orderOf(figure('468亿元', '468', 8), figure('500亿元', '500', 8))).toBe('less');
    expect(orderOf(figure('5', '5', 0), figure('5.2', '5.2', 0))).toBe('overlap');
  });

  it('compares two floors as written', () => {
    const whole = figure('2万个以上', '2', 4, '>=');
    const part = figure('1万个以上', '1', 4, '>=');
    expect(orderOf(part, whole)).toBe('overlap');
    expect(orderOf(withoutSharedBound(part, whole), withoutSharedBound(whole, part))).toBe('less');
  });

  it('splits sentences at 。； and blank lines but not at a wrapped line', () => {
    const text = '全年地区生产总值32074.7亿元，比上年增\n长4.7%。第一产业增加值2451.5亿元；\n\n二、农业';
    const sentences = splitSentences(text, readFigures(text));
    expect(sentences.map((s) => s.quantities.length)).toEqual([2, 1, 0]);
  });

  it('tells a change from a level by the words before it', () => {
    const text = '民生支出19.3亿元，较2022年增加6.66亿元，新增就业1.2万人。';
    const [level, change, added] = readFigures(text);
    expect([level, change, added].map((q) => isChangeFigure(text, q!))).toEqual([false, true, true]);
  });

  it('drops layout from the words between figures', () => {
    const text = '**21.98亿元** 较2022年**15.22亿元**';
    expect(plainText(text, text.indexOf('元') + 1, text.indexOf('15.22'))).toBe('较2022年');
  });
});
