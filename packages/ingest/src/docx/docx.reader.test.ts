import { describe, expect, it } from 'vitest';
import { locateInSource } from '../offset-map.ts';
import { DocxError, readDocx } from './docx.reader.ts';
import { makeZip } from '../fixtures/make-zip.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraph = (...runs: string[]) => `<w:p>${runs.map((text) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`).join('')}</w:p>`;
const cell = (text: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${paragraph(text)}</w:tc>`;
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;

describe('readDocx', () => {
  it('reads paragraphs and headings one a line, runs joined, tabs and breaks kept', () => {
    const xml = documentXml(
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>民生账本</w:t></w:r></w:p>` +
        paragraph('2023年全区一般公共预算支出', '21.98亿元', '，同比增长44.4%。') +
        `<w:p><w:r><w:t>项目</w:t><w:tab/><w:t>金额</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>` +
        `<w:p/>` +
        `<w:p><w:r><w:delText>删去的</w:delText></w:r><w:r><w:t>保留的</w:t></w:r></w:p>`,
    );
    const { text } = readDocx(makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml }));
    expect(text).toBe('民生账本\n2023年全区一般公共预算支出21.98亿元，同比增长44.4%。\n项目\t金额\n下一行\n保留的');
  });

  it('maps each character to its paragraph and offset in that paragraph', () => {
    const xml = documentXml(paragraph('标题') + paragraph('投入资金', '3.42亿元'));
    const { text, offsetMap } = readDocx(makeZip({ 'word/document.xml': xml }));
    const start = text.indexOf('3.42亿元');
    expect(locateInSource(offsetMap, start, start + 6)).toEqual([{ kind: 'docx', paragraph: 1, start: 4, end: 10 }]);
  });

  it('reads tables as rows and cells, a spanned cell followed by empty cells', () => {
    const xml = documentXml(
      paragraph('单位：万元') +
        `<w:tbl><w:tr>${cell('项目')}${cell('2023年', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${cell('教育支出')}${cell('33,500')}${cell('34,200')}</w:tr>` +
        `<w:tr>${cell('', '<w:vMerge/>')}${cell('1')}${cell('2')}</w:tr></w:tbl>` +
        paragraph('后记'),
    );
    const { text, tables, offsetMap } = readDocx(makeZip({ 'word/document.xml': xml }));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.caption).toBe('单位：万元');
    expect(tables[0]?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['项目', '2023年', ''],
      ['教育支出', '33,500', '34,200'],
      ['', '1', '2'],
    ]);
    const figure = tables[0]?.rows[1]?.[2];
    expect(figure && text.slice(figure.start, figure.end)).toBe('34,200');
    // Paragraphs are counted in document order, those in cells included: 单位 0, 项目 1, 2023年 2, 教育支出 3, 33,500 4, 34,200 5.
    expect(figure && locateInSource(offsetMap, figure.start, figure.end)).toEqual([{ kind: 'docx', paragraph: 5, start: 0, end: 6 }]);
    expect(text.endsWith('后记')).toBe(true);
  });

  it('rejects an archive without word/document.xml, a cut-off one and a damaged one', () => {
    expect(() => readDocx(makeZip({ 'xl/workbook.xml': '<x/>' }))).toThrow(DocxError);
    const good = makeZip({ 'word/document.xml': documentXml(paragraph('正文内容'.repeat(50))) });
    expect(() => readDocx(good.subarray(0, good.length - 30))).toThrow(/end of central directory/);
    const damaged = new Uint8Array(good);
    damaged[52] = (damaged[52] ?? 0) ^ 0xff; // inside the deflated document.xml
    expect(() => readDocx(damaged)).toThrow(DocxError);
  });

  it('reads a text box after the paragraph that anchors it, once, though Word stores it twice', () => {
    const box = (text: string) => `<w:txbxContent>${paragraph(text)}</w:txbxContent>`;
    const anchored =
      `<w:p><w:r><w:t>民生账本</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('2023年全区一般公共预算支出21.98亿元')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('2023年全区一般公共预算支出21.98亿元')}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      `</mc:AlternateContent></w:r></w:p>`;
    const xml = documentXml(anchored + paragraph('同比增长44.4%。'));
    const { text, offsetMap } = readDocx(makeZip({ 'word/document.xml': xml }));
    expect(text).toBe('民生账本\n2023年全区一般公共预算支出21.98亿元\n同比增长44.4%。');
    // Paragraphs in document order: host 0, the text box 1, its fallback copy 2, then the next paragraph 3.
    const start = text.indexOf('44.4%');
    expect(locateInSource(offsetMap, start, start + 5)).toEqual([{ kind: 'docx', paragraph: 3, start: 4, end: 9 }]);
  });
});
