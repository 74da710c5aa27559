import { describe, expect, it } from 'vitest';
import { findTargetSection } from './target-section.ts';

describe('findTargetSection', () => {
  it('finds the sentence of 主要预期目标 to the end of its paragraph', () => {
    const text = '做好今年工作，要坚持稳中求进。今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。\n二、政府工作任务';
    const section = findTargetSection(text)!;
    expect(section.text).toBe('今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。');
    expect(text.slice(section.start, section.end)).toBe(section.text);
  });

  it('stops before a sentence that comments on the targets', () => {
    const text = '今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。上述主要预期目标，体现了推动高质量发展要求，与2020年目标相衔接。';
    expect(findTargetSection(text)!.text).toBe('今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。');
  });

  it('reads "预期目标建议为" and "预期目标作了适当调整" as openers', () => {
    expect(findTargetSection('经济社会发展的主要预期目标建议为：地区生产总值增长5%左右。')!.text).toContain('5%左右');
    expect(findTargetSection('经济社会发展主要预期目标：地区生产总值增长5.5%左右。')!.text).toContain('5.5%左右');
    expect(findTargetSection('全年主要预期目标顺利完成，地区生产总值增长5.2%。')).toBeUndefined();
    expect(findTargetSection('我们对预期目标作了适当调整。今年要优先稳就业保民生；城镇新增就业900万人以上。')!.text).toContain('900万人以上');
  });

  it('finds nothing in a text without targets', () => {
    expect(findTargetSection('过去一年，国内生产总值增长5.2%。')).toBeUndefined();
  });
});
