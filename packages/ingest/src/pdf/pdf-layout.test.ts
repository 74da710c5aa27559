import { describe, expect, it } from 'vitest';
import { locateInSource } from '../offset-map.ts';
import { layoutPdfPages } from './pdf-layout.ts';
import type { PdfItem, PdfPage } from './pdf-pages.ts';

const FONT = 10.5;

type Line = readonly [text: string, x: number, y: number, width?: number];

/** A page of text items; each line is [text, x, y, width?], glyphs FONT wide (Latin and digits half as wide). */
function page(number: number, lines: readonly Line[], fontSize = FONT): PdfPage {
  const items: PdfItem[] = lines.map(([str, x, y, width], index) => ({
    index,
    str,
    x,
    y,
    width: width ?? widthOf(str, fontSize),
    height: fontSize,
    fontSize,
    fontName: 'f1',
    vertical: false,
  }));
  return { number, width: 595, height: 842, items, hasImages: false };
}

function widthOf(text: string, fontSize: number): number {
  return [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? fontSize / 2 : fontSize), 0);
}

/**
 * A justified paragraph as a layout engine sets it: the first line indented two characters, every full line as wide
 * as the column (`perLine` characters), the last line as long as its text. Lines go down from y by 15.
 */
function paragraph(text: string, x: number, y: number, perLine: number, indent = 2): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let row = 0; start < text.length; row += 1) {
    const room = row === 0 ? perLine - indent : perLine;
    const piece = text.slice(start, start + room);
    start += piece.length;
    const left = row === 0 ? x + indent * FONT : x;
    lines.push(start < text.length ? [piece, left, y - row * 15, room * FONT] : [piece, left, y - row * 15]);
  }
  return lines;
}

/** Paragraphs one below the other, with a paragraph gap. */
function paragraphs(texts: readonly string[], x: number, y: number, perLine: number): Line[] {
  const lines: Line[] = [];
  let top = y;
  for (const text of texts) {
    const set = paragraph(text, x, top, perLine);
    lines.push(...set);
    top = (set[set.length - 1]?.[2] ?? top) - 22;
  }
  return lines;
}

const P1 = '过去的一年，城北区委坚持以人民为中心的发展思想，聚焦首善之区发展定位，增强抢抓机遇促发展的意识，全年将87.8%的支出用于保障民生。';
const P2 = '聚力打好生态环境保护战，巩固生态文明建设成效。实施退化林分改造2万亩，加大北川西山生态及西宁大学周边生态综合治理与保护力度，确保空气质量优良率达到92%以上。';

describe('layoutPdfPages', () => {
  it('joins lines broken inside a sentence and breaks at sentence ends, list items and indents', () => {
    // The same line step within and between paragraphs: only the text and the indent tell them apart.
    const p1 = paragraph(P1, 60, 700, 20);
    const heading: Line = ['（一）加强组织领导', 60, 700 - 15 * p1.length];
    const p2 = paragraph(P2, 60, 700 - 15 * (p1.length + 1), 20);
    const { text } = layoutPdfPages([page(1, [...p1, heading, ...p2])]);
    expect(text).toBe(`${P1}\n（一）加强组织领导\n${P2}`);
  });

  it('joins ragged-right lines that stop up to two characters short mid-sentence, as LibreOffice sets a text file', () => {
    // No indent, no paragraph gap, no justification: 36 characters fill the column; line 2 stops 2 characters short
    // inside 固定 (a mark that may not begin a line took a character along), the heading 15 characters short.
    const lines: Line[] = [
      ['经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增', 60, 700],
      ['速高于全省平均水平，规模以上工业增加值增长8%以上，城镇新增就业人员固', 60, 685],
      ['定资产投资增长10%，粮食产量100亿斤以上。', 60, 670],
      ['二、2024年重点工作安排和各项任务的总体部署', 60, 655],
      ['推动主导产业放大优势，力争实现规上医药制造业产值500亿元。', 60, 640],
    ];
    const right = 60 + widthOf(lines[0]![0], FONT);
    expect(right - (60 + widthOf(lines[1]![0], FONT))).toBeCloseTo(2 * FONT, 5);
    expect(right - (60 + widthOf(lines[3]![0], FONT))).toBeGreaterThan(2.5 * FONT);
    const { text } = layoutPdfPages([page(1, lines)]);
    expect(text.split('\n')).toEqual([
      '经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增速高于全省平均水平，规模以上工业增加值增长8%以上，城镇新增就业人员固定资产投资增长10%，粮食产量100亿斤以上。',
      '二、2024年重点工作安排和各项任务的总体部署',
      '推动主导产业放大优势，力争实现规上医药制造业产值500亿元。',
    ]);
  });

  it('joins a ragged line that stops short of a number moved whole to the next line, not a finished short line', () => {
    const lines: Line[] = [
      ['经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增', 60, 700],
      ['速高于全省平均水平，工业投资增长，新增市场主体11.6万户，增长', 60, 685],
      ['117.3%。加强金融服务实体经济，新增贷款423.3亿元，单位GDP能耗下降', 60, 670],
      ['7.5%、居全省第2位。', 60, 655],
      ['二、2024年重点工作', 60, 640],
      ['2024年是新中国成立75周年。', 60, 625],
    ];
    const { text } = layoutPdfPages([page(1, lines)]);
    expect(text.split('\n')).toEqual([
      '经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增速高于全省平均水平，工业投资增长，新增市场主体11.6万户，增长117.3%。加强金融服务实体经济，新增贷款423.3亿元，单位GDP能耗下降7.5%、居全省第2位。',
      '二、2024年重点工作',
      '2024年是新中国成立75周年。',
    ]);
  });

  it('reads a two-column page column by column, with the title across both first', () => {
    // P2 begins at the foot of the left column and goes on at the top of the right one.
    const left = paragraphs([P1, P2.slice(0, 30)], 60, 700, 11);
    const right = paragraph(P2.slice(30), 320, 700, 11, 0).concat(paragraphs([P1], 320, 700 - 15 * 4 - 22, 11));
    const lines: Line[] = [['城北区2023年民生工作回顾', 200, 760], ...left, ...right];
    const { text } = layoutPdfPages([page(1, lines)]);
    expect(text.split('\n')).toEqual(['城北区2023年民生工作回顾', P1, P2, P1]);
  });

  it('leaves out running headers, footers and page numbers but keeps the body', () => {
    const pages = [1, 2, 3].map((number) =>
      page(number, [
        ['城北区人民政府 · 民生账本', 230, 800],
        ...paragraph(number === 2 ? P2 : P1, 60, 700, 20),
        [`- ${number} -`, 290, 40],
      ]),
    );
    const { text } = layoutPdfPages(pages);
    expect(text).not.toContain('民生账本');
    expect(text).not.toMatch(/- \d -/);
    expect(text).toBe(`${P1}\n${P2}\n${P1}`);
  });

  it('keeps a single page whose last line is a sentence, not a page number', () => {
    const { text } = layoutPdfPages([page(1, [...paragraph(P1, 60, 700, 20), ['2100个学位已全部落实。', 60, 40]])]);
    expect(text.endsWith('2100个学位已全部落实。')).toBe(true);
  });

  it('reads rows of aligned cells as a table with its unit note as caption', () => {
    const rows: Line[] = [
      ['单位：万元', 480, 720],
      ['项目', 80, 700], ['预算数', 300, 700], ['执行数', 420, 700],
      ['教育支出', 60, 680], ['33,500', 310, 680], ['34,200', 430, 680],
      ['卫生健康支出', 60, 660], ['36,900', 310, 660], ['37,800', 430, 660],
      ['从执行情况看，各项支出均完成调整预算。', 60, 630],
    ];
    const { text, tables } = layoutPdfPages([page(1, rows)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.caption).toBe('单位：万元');
    expect(tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['项目', '预算数', '执行数'],
      ['教育支出', '33,500', '34,200'],
      ['卫生健康支出', '36,900', '37,800'],
    ]);
    for (const cell of tables[0]?.rows.flat() ?? []) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
    expect(text.endsWith('从执行情况看，各项支出均完成调整预算。')).toBe(true);
  });

  it('drops the spaces a layout puts between Chinese and digits but keeps spaces between words', () => {
    const { text, offsetMap } = layoutPdfPages([page(1, [['投入资金 6.66 亿元，GDP grew by 5 percent', 60, 700]])]);
    expect(text).toBe('投入资金6.66亿元，GDP grew by 5 percent');
    const start = text.indexOf('6.66亿元');
    expect(locateInSource(offsetMap, start, start + 6).map((range) => range.kind === 'pdf' && [range.item, range.start, range.end])).toEqual([
      [0, 5, 9],
      [0, 10, 12],
    ]);
  });

  it('reads a narrow table whose cells are less than an em apart and whose heading cells run together', () => {
    // Items as a browser prints an auto-width HTML table at 12 pt: label, then numbers 4–11 pt apart.
    const cells = (y: number, texts: readonly (readonly [string, number, number])[]): Line[] => texts.map(([text, x, width]) => [text, x, y, width] as Line);
    const rows: Line[] = [
      ...cells(526, [['项目', 79.5, 24], ['预算数', 153.7, 36], ['调整预算数', 197.8, 60], ['执行数', 266, 36]]),
      ...cells(503, [['一般公共服务支出', 37.5, 96], ['18,650', 150, 36.6], ['19,120', 197.8, 36.6], ['18,930', 262.3, 36.7]]),
      ...cells(481, [['社会保障和就业支出', 37.5, 108], ['52,300', 150, 36.6], ['54,100', 197.8, 36.6], ['53,500', 262.3, 36.7]]),
      ...cells(458, [['合计', 37.5, 24], ['152,030', 150, 43.3], ['157,210', 197.8, 43.3], ['155,485', 262.3, 43.6]]),
    ];
    const { tables } = layoutPdfPages([page(1, rows, 12)]);
    expect(tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['项目', '预算数', '调整预算数', '执行数'],
      ['一般公共服务支出', '18,650', '19,120', '18,930'],
      ['社会保障和就业支出', '52,300', '54,100', '53,500'],
      ['合计', '152,030', '157,210', '155,485'],
    ]);
  });

  it('maps radical code points that some fonts use to the ideographs, one for one', () => {
    const { text, offsetMap } = layoutPdfPages([page(1, [['⼀般公共预算⽀出⽤于⺠⽣，增⻓44.4%', 60, 700]])]);
    expect(text).toBe('一般公共预算支出用于民生，增长44.4%');
    const start = text.indexOf('44.4%');
    expect(locateInSource(offsetMap, start, start + 5).map((range) => [range.start, range.end])).toEqual([[15, 20]]);
  });

  it('reads a short closing line under two balanced columns after both columns', () => {
    const left = paragraphs([P1], 60, 700, 11);
    const right = paragraphs([P2.slice(0, 66)], 320, 700, 11);
    const bottom = Math.min(...[...left, ...right].map((line) => line[2]));
    const closing: Line = ['以上为主要情况。', 60, bottom - 40];
    const { text } = layoutPdfPages([page(1, [['城北区2023年民生工作回顾', 200, 760], ...left, ...right, closing])]);
    expect(text.split('\n')).toEqual(['城北区2023年民生工作回顾', P1, P2.slice(0, 66), '以上为主要情况。']);
  });

  it('joins a table that goes on at the top of the next page, leaving out its repeated heading row', () => {
    const heading: Line[] = [['项目', 80, 0], ['预算数', 300, 0], ['执行数', 420, 0]];
    const row = (label: string, budget: string, executed: string): Line[] => [[label, 60, 0], [budget, 310, 0], [executed, 430, 0]];
    const at = (lines: Line[], y: number): Line[] => lines.map(([text, x, , width]) => [text, x, y, width] as Line);
    const first = page(1, [['单位：万元', 480, 720], ...at(heading, 700), ...at(row('教育支出', '33,500', '34,200'), 680), ...at(row('科学技术支出', '1,260', '1,295'), 660)]);
    const second = page(2, [...at(heading, 800), ...at(row('卫生健康支出', '36,900', '37,800'), 780), ...at(row('合计', '71,660', '73,295'), 760)]);
    const { tables } = layoutPdfPages([first, second]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map((cells) => cells[0]?.text)).toEqual(['项目', '教育支出', '科学技术支出', '卫生健康支出', '合计']);
    expect(tables[0]?.rows.map((cells) => cells[0]?.row)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads a table of words in three columns row by row, not column by column', () => {
    const rows: Line[] = [
      ['序号', 60, 700], ['项目', 140, 700], ['牵头单位', 420, 700],
      ['1', 66, 680], ['实施老旧小区配套基础设施建设', 140, 680], ['区住房和城乡建设局', 420, 680],
      ['2', 66, 660], ['改扩建陶园小学、静雅小学', 140, 660], ['区教育局', 420, 660],
      ['3', 66, 640], ['新建托养机构', 140, 640], ['区民政局', 420, 640],
    ];
    const { text, tables } = layoutPdfPages([page(1, rows)]);
    expect(tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['序号', '项目', '牵头单位'],
      ['1', '实施老旧小区配套基础设施建设', '区住房和城乡建设局'],
      ['2', '改扩建陶园小学、静雅小学', '区教育局'],
      ['3', '新建托养机构', '区民政局'],
    ]);
    expect(text.split('\n')[2]).toBe('2\t改扩建陶园小学、静雅小学\t区教育局');
  });

  it('leaves out page numbers written as — 3 — or 第 2 页 共 3 页', () => {
    const pages = [
      page(1, [...paragraph(P1, 60, 700, 20), ['— 1 —', 280, 40]]),
      page(2, [...paragraph(P2, 60, 700, 20), ['第 2 页 共 3 页', 260, 40]]),
      page(3, [['3', 295, 810], ...paragraph(P1, 60, 700, 20)]),
    ];
    expect(layoutPdfPages(pages).text).toBe(`${P1}\n${P2}\n${P1}`);
  });

  it('lays out a page of 40,000 scattered glyphs on one line and in one column without stalling', () => {
    const glyphs: Line[] = Array.from({ length: 40_000 }, (_, index) => [String(index % 10), 10 + (index % 500) * 1.1, 700 - Math.floor(index / 500) * 0.2]);
    const { text } = layoutPdfPages([page(1, glyphs, 1)]);
    expect(text.replace(/\s/g, '')).toHaveLength(40_000);
  });

  it('reads a three-column page left to right, column by column', () => {
    const P3 = '聚力打好民生改善保障战，不断增强民生福祉。完成对陶园小学、静雅小学的改扩建，增加学位2100个，引导新建托养机构5家。';
    const columns = [P1, P2, P3].map((text, column) => paragraphs([text], 50 + column * 175, 700, 14));
    const { text } = layoutPdfPages([page(1, [['城北区2023年民生工作回顾', 200, 760], ...columns.flat()])]);
    expect(text.split('\n')).toEqual(['城北区2023年民生工作回顾', P1, P2, P3]);
  });

  it('reads a forcibly justified short line with wide gaps as one line without spaces next to Chinese', () => {
    const { text } = layoutPdfPages([page(1, [['投入资金', 60, 700], ['21.98', 200, 700], ['亿元', 330, 700], ['GDP', 420, 700], ['grew', 500, 700]])]);
    expect(text).toBe('投入资金21.98亿元GDP grew');
  });
});
