import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readDocument } from './read-document.ts';
import { IngestError } from './ingest-error.ts';
import { makeZip } from './fixtures/make-zip.ts';
import { locateInSource } from './offset-map.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('readDocument', () => {
  it('reads a .txt file as it is, so its offsets are the file\'s own', async () => {
    const text = '全年投资**6.1亿元**组织实施9个方面31项为民办实事项目。';
    const document = await readDocument({ bytes: utf8(text), fileName: '民生账本.txt' });
    expect(document).toMatchObject({ format: 'text', encoding: 'utf-8', text, tables: [], problems: [] });
  });

  it('reads a .md file as Markdown with the emphasis markers mapped out', async () => {
    const source = '## 民生支出\n\n全年投资**6.1亿元**。';
    const document = await readDocument({ bytes: utf8(source), fileName: 'ledger.md' });
    expect(document.format).toBe('markdown');
    expect(document.text).toBe('民生支出\n\n全年投资6.1亿元。');
    const start = document.text.indexOf('6.1亿元');
    const [range] = locateInSource(document.offsetMap, start, start + 5);
    expect(range && source.slice(range.start, range.end)).toBe('6.1亿元');
  });

  it('recognises Markdown by its markup when the file has no name', async () => {
    const source = '# 标题\n\n**21.98亿元** 较2022年**15.22亿元**\n\n同比增长**44.4%**';
    expect((await readDocument({ bytes: utf8(source) })).format).toBe('markdown');
  });

  it('chooses HTML by the content even when the file is called .txt', async () => {
    const html = '<!DOCTYPE html><html><body><nav>首页</nav><article><p>投入资金3.42亿元。</p></article></body></html>';
    const document = await readDocument({ bytes: utf8(html), fileName: 'page.txt' });
    expect(document).toMatchObject({ format: 'html', text: '投入资金3.42亿元。' });
  });

  it('reads GBK bytes in a file called .html and tells the encoding', async () => {
    const html = '<html><head><meta charset="gbk"></head><body><p>新建托养机构5家。</p></body></html>';
    const document = await readDocument({ bytes: new Uint8Array(iconv.encode(html, 'gbk')), fileName: 'a.html' });
    expect(document).toMatchObject({ format: 'html', encoding: 'gb18030', text: '新建托养机构5家。' });
  });

  it('chooses DOCX by the archive content whatever the file is called', async () => {
    const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>实施8040套老旧小区改造。</w:t></w:r></w:p></w:body></w:document>';
    const document = await readDocument({ bytes: makeZip({ 'word/document.xml': xml }), fileName: 'report.pdf' });
    expect(document).toMatchObject({ format: 'docx', text: '实施8040套老旧小区改造。' });
  });

  it('reports progress as done / total', async () => {
    const calls: [number, number][] = [];
    await readDocument({ bytes: utf8('投入资金3.42亿元。') }, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[0, 1], [1, 1]]);
  });

  it('rejects an empty file and a file of white space, naming the file in Chinese and English', async () => {
    const empty = await rejection(readDocument({ bytes: new Uint8Array(0), fileName: '空.txt' }));
    expect(empty.code).toBe('empty-file');
    expect(empty.message).toBe('空.txt：文件为空 / 空.txt: the file is empty');
    expect((await rejection(readDocument({ bytes: utf8(' \n\t\r\n　'), fileName: 'blank.txt' }))).code).toBe('empty-file');
  });

  it('rejects a file over the size limit before reading it', async () => {
    const error = await rejection(readDocument({ bytes: utf8('一二三四五六七八九十'), fileName: 'big.txt' }, { maxBytes: 10 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('big.txt：文件超过大小上限');
  });

  it('rejects images, old Word files, archives and random bytes as of no known format', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await rejection(readDocument({ bytes: png, fileName: 'scan.png' }))).message).toContain('暂不支持OCR');
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await rejection(readDocument({ bytes: ole, fileName: 'old.doc' }))).message).toContain('另存为DOCX');
    const zip = makeZip({ 'notes/readme.txt': '说明' });
    expect((await rejection(readDocument({ bytes: zip, fileName: 'notes.zip' }))).message).toContain('ZIP压缩包，不是DOCX');
    const xlsx = makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect((await rejection(readDocument({ bytes: xlsx, fileName: '预算表.xlsx' }))).message).toContain('预算表.xlsx：不是可识别的格式（支持文本、Markdown、HTML、PDF、DOCX）（Excel表格（.xlsx）暂不支持');
    const ofd = makeZip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
    expect((await rejection(readDocument({ bytes: ofd, fileName: '报告.ofd' }))).message).toContain('OFD版式文件暂不支持');
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    expect((await rejection(readDocument({ bytes: random, fileName: 'x.bin' }))).code).toBe('unknown-format');
  });

  it('rejects text in no supported encoding', async () => {
    const bytes = Uint8Array.from([0x41, 0x42, 0xff, 0xfe, 0xfd, 0x80, 0x43, 0x44, 0xff, 0x80, 0xff]);
    expect((await rejection(readDocument({ bytes, fileName: 'weird.txt' }))).code).toBe('undecodable-text');
  });

  it('rejects a DOCX cut short and one with a damaged part', async () => {
    const xml = `<w:document xmlns:w="x"><w:body>${'<w:p><w:r><w:t>聚力打好民生改善保障战。</w:t></w:r></w:p>'.repeat(40)}</w:body></w:document>`;
    const docx = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml });
    const cut = await rejection(readDocument({ bytes: docx.subarray(0, Math.floor(docx.length / 2)), fileName: 'cut.docx' }));
    expect(cut.code).toBe('docx-truncated');
    expect(cut.message).toContain('cut.docx：DOCX文件不完整（被截断）');
    const damaged = new Uint8Array(docx);
    const at = docx.length - 200;
    damaged[at] = (damaged[at] ?? 0) ^ 0x5a;
    expect(['docx-corrupt', 'docx-truncated']).toContain((await rejection(readDocument({ bytes: damaged, fileName: 'bad.docx' }))).code);
  });

  it('rejects a PDF without its end marker as truncated, without starting pdf.js', async () => {
    const bytes = utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const error = await rejection(readDocument({ bytes, fileName: '报告.pdf' }));
    expect(error.code).toBe('pdf-truncated');
    expect(error.message).toBe('报告.pdf：PDF文件不完整（被截断） / 报告.pdf: the PDF is truncated (no %%EOF marker at the end of the file)');
  });

  it('rejects a PDF that pdf.js cannot parse as corrupt', async () => {
    const bytes = utf8('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n');
    expect((await rejection(readDocument({ bytes, fileName: 'bad.pdf' }))).code).toMatch(/^pdf-(corrupt|no-text)$/);
  });
});
