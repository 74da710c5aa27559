import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from '../numbers/decimal.ts';
import type { Comparator, QuantityValue } from '../model/quantity.ts';
import { formatAmount, halfUnitOf, judgePolarity, judgeTarget, type JudgedFigure } from './target-verdict.ts';

const exact = (text: string): QuantityValue => ({ type: 'exact', value: parseDecimal(text)! });
const figure = (text: string, comparator?: Comparator, direction?: 'up' | 'down'): JudgedFigure => ({
  value: exact(text),
  ...(comparator ? { comparator } : {}),
  ...(direction ? { direction } : {}),
});
const verdict = (target: JudgedFigure, result: JudgedFigure, polarity: 'higher_is_better' | 'lower_is_better' = 'higher_is_better') =>
  judgeTarget(target, result, polarity, '%').verdict;

describe('judgeTarget', () => {
  it('meets 5%左右 with 5.2% and explains the band', () => {
    const judgement = judgeTarget(figure('5', '~', 'up'), figure('5.2', undefined, 'up'), 'higher_is_better', '%');
    expect(judgement.verdict).toBe('met');
    expect(formatDecimal(judgement.threshold)).toBe('4.5');
    expect(judgement.explanation).toBe('目标5%左右（不低于4.5%），实际5.2%，完成');
  });

  it('reads 左右 at the precision of the target: 5% → from 4.5%, 5.5% → from 5.45%', () => {
    expect(verdict(figure('5', '~'), figure('4.5'))).toBe('met');
    expect(verdict(figure('5', '~'), figure('4.4'))).toBe('missed');
    expect(verdict(figure('6', '~'), figure('5.7'))).toBe('met');
    expect(verdict(figure('5.5', '~'), figure('5.4'))).toBe('missed');
    expect(verdict(figure('5.5', '~'), figure('3'))).toBe('missed');
  });

  it('misses ≥ 92% with 91.6% and meets it with 92.0%', () => {
    expect(verdict(figure('92', '>='), figure('91.6'))).toBe('missed');
    expect(verdict(figure('92', '>='), figure('92.0'))).toBe('met');
  });

  it('holds 以内 as a ceiling: 5.5%以内 met by 5.5%, missed by 5.6%', () => {
    expect(verdict(figure('5.5', '<='), figure('5.5'), 'lower_is_better')).toBe('met');
    expect(verdict(figure('5.5', '<='), figure('5.6'), 'lower_is_better')).toBe('missed');
  });

  it('treats a price-rise target as a ceiling: 3%左右 met by 0.2%, missed by 3.6%', () => {
    expect(verdict(figure('3', '~', 'up'), figure('0.2', undefined, 'up'), 'lower_is_better')).toBe('met');
    expect(verdict(figure('3', '~', 'up'), figure('3.5', undefined, 'up'), 'lower_is_better')).toBe('met');
    expect(verdict(figure('3', '~', 'up'), figure('3.6', undefined, 'up'), 'lower_is_better')).toBe('missed');
  });

  it('meets a range target from its lower end: 6%－6.5% met by 6.1%, missed by 5.9%', () => {
    const range: JudgedFigure = { value: { type: 'range', low: parseDecimal('6')!, high: parseDecimal('6.5')! } };
    expect(verdict(range, figure('6.1'))).toBe('met');
    expect(verdict(range, figure('7'))).toBe('met');
    expect(verdict(range, figure('5.9'))).toBe('missed');
  });

  it('widens a count target by half a unit of its last significant digit: 1200万左右 from 1150万', () => {
    const target = figure('12000000', '~');
    expect(judgeTarget(target, figure('11500000'), 'higher_is_better', '人').verdict).toBe('met');
    expect(judgeTarget(target, figure('11490000'), 'higher_is_better', '人').explanation).toBe('目标1200万人左右（不低于1150万人），实际1149万人，未完成');
  });

  it('allows a count 左右 at most a tenth of the target: 20个左右 from 18个, not 15个', () => {
    const target = figure('20', '~');
    expect(judgeTarget(target, figure('18'), 'higher_is_better', '个').verdict).toBe('met');
    expect(judgeTarget(target, figure('16'), 'higher_is_better', '个').explanation).toBe('目标20个左右（不低于18个），实际16个，未完成');
    expect(judgeTarget(figure('30', '~'), figure('34'), 'lower_is_better', '起').explanation).toBe('目标30起左右（不高于33起），实际34起，未完成');
  });

  it('counts a reduction target by the size of the fall and a result bound by its bound', () => {
    expect(verdict(figure('2.5', '~', 'down'), figure('3', '>', 'down'))).toBe('met');
    expect(verdict(figure('3', '>=', 'down'), figure('2.9', undefined, 'down'))).toBe('missed');
  });

  it('counts a fall against a growth target as negative', () => {
    const judgement = judgeTarget(figure('5', undefined, 'up'), figure('1.2', undefined, 'down'), 'higher_is_better', '%');
    expect(judgement.verdict).toBe('missed');
    expect(formatDecimal(judgement.effectiveResult)).toBe('-1.2');
  });

  it('needs more than the bound for a strict target: 超过5% is not met by exactly 5%', () => {
    expect(verdict(figure('5', '>'), figure('5'))).toBe('missed');
    expect(verdict(figure('5', '>'), figure('5.1'))).toBe('met');
  });
});

describe('judgePolarity', () => {
  it('is lower-is-better for unemployment and prices, higher for growth and for reductions', () => {
    expect(judgePolarity('城镇调查失业率')).toBe('lower_is_better');
    expect(judgePolarity('居民消费价格', 'up')).toBe('lower_is_better');
    expect(judgePolarity('国内生产总值', 'up')).toBe('higher_is_better');
    expect(judgePolarity('单位国内生产总值能耗', 'down')).toBe('higher_is_better');
  });

  it('follows a stated bound before the metric: 不超过 / 以内 a ceiling, 不少于 / 以上 a floor', () => {
    expect(judgePolarity('用水总量', undefined, '<=')).toBe('lower_is_better');
    expect(judgePolarity('新增政府债务', undefined, '<')).toBe('lower_is_better');
    expect(judgePolarity('规模工业企业', 'up', '>=')).toBe('higher_is_better');
    expect(judgePolarity('城镇调查失业率', undefined, '~')).toBe('lower_is_better');
  });
});

describe('halfUnitOf and formatAmount', () => {
  it('takes the last significant digit, ignoring trailing zeros', () => {
    expect(formatDecimal(halfUnitOf(parseDecimal('5')!))).toBe('0.5');
    expect(formatDecimal(halfUnitOf(parseDecimal('5.5')!))).toBe('0.05');
    expect(formatDecimal(halfUnitOf({ mantissa: 1200n, exponent: 4 }))).toBe('500000');
  });

  it('prints amounts with 万 / 亿 / 万亿', () => {
    expect(formatAmount({ mantissa: 1244n, exponent: 4 }, '人')).toBe('1244万人');
    expect(formatAmount({ mantissa: 13n, exponent: 11 }, '斤')).toBe('1.3万亿斤');
    expect(formatAmount({ mantissa: 252n, exponent: 8 }, '斤')).toBe('252亿斤');
    expect(formatAmount(parseDecimal('0.3')!, 'pp')).toBe('0.3个百分点');
  });
});
