import { describe, expect, it } from 'vitest';
import { locateInSource } from '../offset-map.ts';
import { readMarkdown } from './markdown.reader.ts';

/** Every character of the text maps to the same character in the source. */
function expectFaithfulMap(source: string, text: string, offsetMap: ReturnType<typeof readMarkdown>['offsetMap']): void {
  for (let index = 0; index < text.length; index += 1) {
    const [range] = locateInSource(offsetMap, index, index + 1);
    if (!range) continue; // an inserted separator
    expect(range.kind).toBe('text');
    expect(source.slice(range.start, range.end)).toBe(text.charAt(index));
  }
}

describe('readMarkdown', () => {
  it('takes out emphasis and heading markers and maps 21.98亿元 back inside the asterisks', () => {
    const source = '### ■2023年全区一般公共预算支出\n\n**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%**';
    const { text, offsetMap } = readMarkdown(source);
    expect(text).toBe('■2023年全区一般公共预算支出\n\n21.98亿元 较2022年15.22亿元\n同比增长44.4%');
    const start = text.indexOf('21.98亿元');
    const [range] = locateInSource(offsetMap, start, start + 7);
    expect(range && source.slice(range.start, range.end)).toBe('21.98亿元');
    expectFaithfulMap(source, text, offsetMap);
  });

  it('marks headings, list items, quotations, strong and emphasised words as ranges of the text it returns', () => {
    const source = '# 2024年政府工作报告\n\n## 一、**主要成绩** ##\n全年增长**52.8%**，占*全市*的87.8%。\n- 新建幼儿园**3所**\n12. 改造老旧小区12个\n> 引自*统计公报*\n\\*不是强调\\*';
    const { text, marks } = readMarkdown(source);
    expect(text).toBe('2024年政府工作报告\n\n一、主要成绩\n全年增长52.8%，占全市的87.8%。\n- 新建幼儿园3所\n12. 改造老旧小区12个\n引自统计公报\n*不是强调*');
    const shown = (marks ?? []).map((mark) => {
      const { start, end, ...rest } = mark;
      return { ...rest, text: text.slice(start, end), ...(mark.kind === 'item' ? { content: text.slice(mark.contentStart, end) } : {}) };
    });
    expect(shown).toEqual([
      { kind: 'heading', level: 1, text: '2024年政府工作报告' },
      { kind: 'heading', level: 2, text: '一、主要成绩' },
      { kind: 'strong', text: '主要成绩' },
      { kind: 'strong', text: '52.8%' },
      { kind: 'emphasis', text: '全市' },
      { kind: 'item', ordered: false, contentStart: expect.any(Number), text: '- 新建幼儿园3所', content: '新建幼儿园3所' },
      { kind: 'strong', text: '3所' },
      { kind: 'item', ordered: true, contentStart: expect.any(Number), text: '12. 改造老旧小区12个', content: '改造老旧小区12个' },
      { kind: 'quote', text: '引自统计公报' },
      { kind: 'emphasis', text: '统计公报' },
    ]);
  });

  it('marks nothing in a plain report, and a figure at the start of a line is not a list number', () => {
    const { marks } = readMarkdown('一、主要成绩\n3.5%的增速，全年新增就业1.2万人。\n');
    expect(marks).toEqual([]);
  });

  it('keeps the text of links, code and single emphasis, and escaped asterisks as asterisks', () => {
    const source = '见[预算报告](https://example.gov.cn/a.pdf)，*重点*支出`3522万元`，评级\\*\\*\\*';
    const { text, offsetMap } = readMarkdown(source);
    expect(text).toBe('见预算报告，重点支出3522万元，评级***');
    expectFaithfulMap(source, text, offsetMap);
  });

  it('leaves asterisks and underscores that are no emphasis', () => {
    const source = '公式 2*3*4 与变量 snake_case_name 不变';
    expect(readMarkdown(source).text).toBe(source);
  });

  it('reads a pipe table into rows and cells with the unit note as caption', () => {
    const source = '单位：万元\n\n| 项目 | 预算数 | 执行数 |\n|---|---:|---:|\n| 教育支出 | 33,500 | **34,200** |\n\n后文';
    const { text, tables, offsetMap } = readMarkdown(source);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.caption).toBe('单位：万元');
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['项目', '预算数', '执行数'],
      ['教育支出', '33,500', '34,200'],
    ]);
    for (const cell of table?.rows.flat() ?? []) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
    expect(text.endsWith('后文')).toBe(true);
    expectFaithfulMap(source, text, offsetMap);
  });
});
