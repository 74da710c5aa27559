import { describe, expect, it } from 'vitest';
import { classifyReviewPeriods } from './review-periods.ts';

const scopes = (text: string) =>
  classifyReviewPeriods(text)
    .filter((p) => text.slice(p.start, p.end).trim() !== '')
    .map((p) => p.scope);

describe('classifyReviewPeriods', () => {
  it('reads a one-year review, a five-year review and the plan in order', () => {
    const text = ['一、过去一年和五年工作回顾', '过去一年，国内生产总值增长3%。', '过去五年极不寻常。', '——经济发展再上新台阶。', '二、对今年政府工作的建议', '今年发展主要预期目标是：国内生产总值增长5%左右。'].join('\n');
    expect(scopes(text)).toEqual(['year', 'year', 'years', 'years', 'plan', 'plan']);
  });

  it('returns to the one-year review at 刚刚过去的2025年 after the 十四五 review', () => {
    const text = ['“十四五”时期工作回顾', '——这是追赶进位的五年。全省地区生产总值达到13697.5亿元。', '我们扭住高质量发展首要任务。', '刚刚过去的2025年，地区生产总值增长5.8%。', '“十五五”时期的主要目标任务'].join('\n');
    expect(scopes(text)).toEqual(['years', 'years', 'years', 'year', 'plan']);
  });

  it('does not take a review sentence that mentions 主要目标任务 for the plan', () => {
    const text = '过去一年，全年经济社会发展主要目标任务圆满完成，国内生产总值增长5.2%，这一段很长，不是标题。\n城镇新增就业1244万人。';
    expect(scopes(text)).toEqual(['year', 'year']);
  });

  it('remembers the year a review names', () => {
    const text = ['一、2024年工作回顾', '过去一年，国内生产总值增长5%。', '2022年是极不平凡的一年。'].join('\n');
    expect(classifyReviewPeriods(text).map((p) => p.year)).toEqual([2024, 2024, 2022]);
  });

  it('stays in the plan once it has begun', () => {
    const text = ['二、2024年政府工作任务', '过去一年的经验表明，要坚持稳中求进。'].join('\n');
    expect(scopes(text)).toEqual(['plan', 'plan']);
  });
});

describe('classifyReviewPeriods, short review lines that name a plan word', () => {
  it('keeps "一年来，我们认真落实…工作安排，主要做了以下工作。" in the review', () => {
    const text = '一、2024年工作回顾\n过去一年，地区生产总值增长5%。\n一年来，我们认真落实党中央决策部署和省委工作安排，主要做了以下工作。\n一是粮食产量1600亿斤。\n二、2025年工作安排\n今年要新建高标准农田1000万亩。';
    expect(classifyReviewPeriods(text).map((period) => period.scope)).toEqual(['year', 'year', 'year', 'year', 'plan', 'plan']);
  });
});

describe('classifyReviewPeriods, a heading that names the year and the 十四五 together', () => {
  it('reads what follows "一、2025年和“十四五”时期工作回顾" as the review of 2025 until a five-year marker', () => {
    const text = '一、2025年和“十四五”时期工作回顾\n过去的一年，地区生产总值增长5%。\n这五年，经济总量跨上新台阶。\n二、2026年工作安排\n';
    expect(classifyReviewPeriods(text).map((period) => period.scope)).toEqual(['year', 'year', 'years', 'plan']);
    const unmarked = '一、2025年和“十四五”时期工作回顾\n2025年在本省发展进程中极不平凡，地区生产总值增长5%。\n';
    expect(classifyReviewPeriods(unmarked).map((period) => [period.scope, period.year])).toEqual([['year', 2025], ['year', 2025]]);
  });
});
