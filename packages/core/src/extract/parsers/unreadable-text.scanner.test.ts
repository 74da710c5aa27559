import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.ts';

describe('problems: text extraction cannot read', () => {
  it('reports a replacement character inside a figure, with its span in the original text', () => {
    const source = '一般公共预算收入21.\uFFFD8亿元，增长8%。';
    const { problems } = extract(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unreadable-text', span: { start: 11, end: 12, text: '\uFFFD' } });
    expect(problems[0]!.message).toContain('无法识别');
  });

  it('reports a run of private-use glyphs (a PDF font without a character map) once, as one span', () => {
    const source = '城镇新增就业\uE001\uE002\uE003万人。';
    const { problems } = extract(source);
    expect(problems.map((problem) => [problem.code, problem.span?.start, problem.span?.end])).toEqual([['unreadable-text', 6, 9]]);
  });

  it('reports nothing for a text it reads whole, full-width digits and all', () => {
    expect(extract('一般公共预算收入２１.９８亿元，增长8%，千方百计稳就业。').problems).toEqual([]);
  });
});
