import { describe, expect, it } from 'vitest';
import { parseSections } from './section.parser.ts';

describe('topic sentences', () => {
  it('reads 主要预期目标, not 的主, from 经济社会发展的主要预期目标是：', () => {
    expect(parseSections('经济社会发展的主要预期目标是：地区生产总值增长7%左右。').map((s) => s.theme)).toEqual(['主要预期目标']);
  });

  it('names no topic 强化 in 强化要素资源硬保障。 (要素 is a word, not 要)', () => {
    expect(parseSections('强化要素资源硬保障。做好土地保障。').map((s) => s.theme)).not.toContain('强化');
  });

  it('still reads a topic before 要: 积极的财政政策要适度加力、提质增效。', () => {
    expect(parseSections('积极的财政政策要适度加力、提质增效。').map((s) => s.theme)).toEqual(['积极的财政政策']);
  });
});
