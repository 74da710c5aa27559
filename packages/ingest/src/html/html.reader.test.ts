import { describe, expect, it } from 'vitest';
import { locateInSource } from '../offset-map.ts';
import { readHtml } from './html.reader.ts';

const page = (article: string) => `<!DOCTYPE html><html><head><title>城北区政府网</title><script>var visits = "访问量 100万次";</script>
<style>.nav{}</style></head><body>
<div id="header"><div class="nav"><a href="/">首页</a> <a href="/news">新闻中心</a> <a>2024年专题</a></div></div>
<div class="breadcrumb">当前位置：首页 &gt; 民生</div>
<div class="container"><div class="left-menu"><ul><li><a>政务公开</a></li><li><a>办事服务</a></li></ul></div>
<div class="article-content">${article}</div></div>
<div class="footer">版权所有 城北区人民政府 备案号12345678号</div></body></html>`;

describe('readHtml', () => {
  it('keeps the article and leaves out menus, scripts, breadcrumbs and the footer', () => {
    const { text } = readHtml(page('<h1>城北区民生账本</h1><p>2023年全区一般公共预算支出<strong>21.98亿元</strong>，同比增长44.4%。</p><p>教育建设方面，投入资金3.42亿元。</p>'));
    expect(text).toBe('城北区民生账本\n2023年全区一般公共预算支出21.98亿元，同比增长44.4%。\n教育建设方面，投入资金3.42亿元。');
  });

  it('finds the article by its paragraphs when the page has no article or main element', () => {
    const html = `<body><div class="links">${'<a href="#">链接文字</a>'.repeat(30)}</div><div><div class="x">${'<p>实施退化林分改造2万亩，加大生态综合治理与保护力度。</p>'.repeat(5)}</div></div></body>`;
    const { text } = readHtml(html);
    expect(text).not.toContain('链接文字');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('keeps the title a page sets above the article body, outside its container', () => {
    const paragraphs = '<p>聚力打好生态环境保护战，巩固生态文明建设成效，实施退化林分改造2万亩。</p>'.repeat(4);
    const html = `<body><div class="nav"><a>首页</a></div><div class="detail"><div class="title">城北区2023年民生账本</div>
      <div class="info">发布时间：2024-01-20 来源：区财政局</div><div class="TRS_Editor">${paragraphs}</div></div></body>`;
    const { text } = readHtml(html);
    expect(text.split('\n')[0]).toBe('城北区2023年民生账本');
    expect(text).not.toContain('首页');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('joins lines of a Chinese paragraph without spaces and keeps typed spaces', () => {
    const { text } = readHtml('<article><p>全年将87.8%的支出用于\n    保障民生，区长 王刚说，GDP grew\n  5%。</p></article>');
    expect(text).toBe('全年将87.8%的支出用于保障民生，区长 王刚说，GDP grew 5%。');
  });

  it('maps every character back to the page source, entities to their whole source', () => {
    const source = page('<p>投入&nbsp;资金&lt;3.42亿元&gt; &amp; 其他</p>');
    const { text, offsetMap } = readHtml(source);
    expect(text).toBe('投入 资金<3.42亿元> & 其他');
    const start = text.indexOf('3.42亿元');
    const [range] = locateInSource(offsetMap, start, start + 6);
    expect(range && source.slice(range.start, range.end)).toBe('3.42亿元');
    const lt = text.indexOf('<');
    const [entity] = locateInSource(offsetMap, lt, lt + 1);
    expect(entity && source.slice(entity.start, entity.end)).toBe('&lt;');
  });

  it('reads a data table into rows and cells, spreading colspan and rowspan', () => {
    const source = page(`<p>表2 城北区2023年支出</p><p>单位：万元</p><table>
      <tr><th rowspan="2">项目</th><th colspan="2">2023年</th></tr>
      <tr><th>预算数</th><th>执行数</th></tr>
      <tr><td>教育支出</td><td>33,500</td><td>34,200</td></tr></table><p>后记</p>`);
    const { text, tables } = readHtml(source);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.caption).toBe('表2 城北区2023年支出\n单位：万元');
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['项目', '2023年', ''],
      ['', '预算数', '执行数'],
      ['教育支出', '33,500', '34,200'],
    ]);
    for (const cell of table?.rows.flat() ?? []) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
    expect(text.endsWith('后记')).toBe(true);
  });

  it('reads a layout table holding the article as text, not as a table', () => {
    const long = '聚力打好民生改善保障战，不断增强民生福祉。'.repeat(12);
    const { text, tables } = readHtml(`<body><table><tr><td><table><tr><td>导航</td></tr></table></td><td><p>${long}</p></td></tr></table></body>`);
    expect(tables).toEqual([]);
    expect(text).toContain(long);
  });
});
