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
