import { describe, expect, it } from 'vitest';
import { makeZip } from '../fixtures/make-zip.ts';
import { locateInSource } from '../offset-map.ts';
import { formatNumber } from './docx-numbering.ts';
import { readDocx } from './docx.reader.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numberingXml = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="10">${level(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="20">${level(0, 'bullet', '■')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>`;
const stylesXml = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
const paragraph = (properties: string, text: string) => `<w:p><w:pPr>${properties}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('Word automatic numbering', () => {
  it('puts 一、（一）1. and bullets before the paragraphs they number, counting and restarting as Word does', () => {
    const body = [
      paragraph('<w:pStyle w:val="Heading1"/>', '2023年工作回顾'),
      paragraph(numbered(1, 1), '经济运行稳中有进'),
      paragraph(numbered(1, 2), '一般公共预算支出21.98亿元'),
      paragraph(numbered(1, 1), '民生福祉持续改善'),
      paragraph('<w:pStyle w:val="Heading1"/>', '2024年工作安排'),
      paragraph(numbered(1, 1), '聚力打好生态环境保护战'),
      paragraph(numbered(2, 0), '实施退化林分改造2万亩'),
      paragraph('', '未编号的段落'),
    ].join('');
    const document = `<w:document ${W}><w:body>${body}</w:body></w:document>`;
    const { text, offsetMap } = readDocx(makeZip({ 'word/document.xml': document, 'word/numbering.xml': numberingXml, 'word/styles.xml': stylesXml }));
    expect(text.split('\n')).toEqual([
      '一、2023年工作回顾',
      '（一）经济运行稳中有进',
      '1.一般公共预算支出21.98亿元',
      '（二）民生福祉持续改善',
      '二、2024年工作安排',
      '（一）聚力打好生态环境保护战',
      '■ 实施退化林分改造2万亩',
      '未编号的段落',
    ]);
    const start = text.indexOf('21.98亿元');
    expect(locateInSource(offsetMap, start, start + 7)).toEqual([{ kind: 'docx', paragraph: 2, start: 8, end: 15 }]);
  });

  it('reads the document without numbers when numbering.xml is absent', () => {
    const document = `<w:document ${W}><w:body>${paragraph(numbered(1, 0), '正文')}</w:body></w:document>`;
    expect(readDocx(makeZip({ 'word/document.xml': document })).text).toBe('正文');
  });

  it('formats counters in the Chinese and Latin styles Word offers', () => {
    expect([1, 10, 12, 20, 105].map((value) => formatNumber(value, 'chineseCounting'))).toEqual(['一', '十', '十二', '二十', '一百零五']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(7, 'decimalFullWidth')).toBe('７');
  });
});
