/**
 * The seed page made at test time into PDF and DOCX (LibreOffice), HTML, GB18030 and UTF-16 text must read back as
 * the same text, with every answer-key quantity in it and traceable to the source; a two-column PDF comes out in
 * reading order and a budget table's cells come out as figures with row label, column header and unit.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
// Until core's index exports it, the table reader is imported from its file.
import { extractTableFigures } from '@duixian/core';
import { formatDecimal } from '@duixian/core';
import { defaultSeedPath, findSoffice, makeFormatFixtures, type FormatFixtures } from './fixtures/format-fixtures.ts';
import { missingForTrueTypePdf, trueTypePdf } from './fixtures/truetype-pdf.fixture.ts';
import { IngestError } from './ingest-error.ts';
import { locateInSource, type SourceRange } from './offset-map.ts';
import { readDocument, type IngestedDocument } from './read-document.ts';

const skipOffice = process.env.DUIXIAN_SKIP_OFFICE === '1';
const strip = (text: string) => text.replace(/\s+/g, '');

interface GoldQuantity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

describe.skipIf(skipOffice)('reading the seed page in every format', () => {
  let fixtures: FormatFixtures;
  let gold: readonly GoldQuantity[];

  beforeAll(async () => {
    if (!findSoffice()) {
      throw new Error('LibreOffice is needed to make the PDF and DOCX test files: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk qpdf, or set DUIXIAN_SKIP_OFFICE=1');
    }
    fixtures = await makeFormatFixtures();
    const goldPath = path.join(path.dirname(defaultSeedPath()), '..', 'gold', '000_82e26507ed7144a6.gold.json');
    gold = (JSON.parse(await readFile(goldPath, 'utf8')) as { quantities: GoldQuantity[] }).quantities;
  }, 240_000);

  const read = async (file: string, options?: Parameters<typeof readDocument>[1]): Promise<IngestedDocument> =>
    readDocument({ bytes: await readFile(file), fileName: path.basename(file) }, options);

  /** Finds each answer-key quantity in order in the text, and where it maps in the source. */
  function locateGold(document: IngestedDocument): { quantity: GoldQuantity; ranges: SourceRange[] }[] {
    let from = 0;
    return gold.map((quantity) => {
      const start = document.text.indexOf(quantity.text, from);
      expect(start, `${quantity.text} after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = start + quantity.text.length;
      return { quantity, ranges: locateInSource(document.offsetMap, start, start + quantity.text.length) };
    });
  }

  it.each([
    ['markdown', 'markdown', 'utf-8'],
    ['gb18030', 'text', 'gb18030'],
    ['utf16', 'text', 'utf-16le'],
    ['html', 'html', 'utf-8'],
    ['docx', 'docx', undefined],
    ['pdf', 'pdf', undefined],
  ] as const)('reads the seed from its %s file as the same text', async (name, format, encoding) => {
    const document = await read(fixtures.files[name]);
    expect(document.format).toBe(format);
    expect(document.encoding).toBe(encoding);
    expect(strip(document.text)).toBe(strip(fixtures.expectedText));
    expect(document.problems).toEqual([]);
  });

  it('reads the seed from a PDF in an embedded CID TrueType font (as Word and Chrome write) as the same text', async () => {
    const missing = missingForTrueTypePdf();
    if (missing.length > 0) throw new Error(`Chromium and a TrueType Chinese font make this PDF: apt-get install -y ${missing.join(' ')}, or set DUIXIAN_SKIP_OFFICE=1`);
    const document = await read(await trueTypePdf(fixtures.expectedText.split('\n').filter((line) => line.trim().length > 0)));
    expect(document.format).toBe('pdf');
    expect(strip(document.text)).toBe(strip(fixtures.expectedText));
    expect(document.problems).toEqual([]);
  }, 120_000);

  it('maps every answer-key quantity of the Markdown file back to its exact answer-key span', async () => {
    const document = await read(fixtures.files.markdown);
    for (const { quantity, ranges } of locateGold(document)) {
      expect(ranges).toEqual([{ kind: 'text', start: quantity.start, end: quantity.end }]);
    }
  });

  it('maps the quantities of the GB18030 and HTML files to the same characters of the decoded source', async () => {
    for (const [file, encoding] of [[fixtures.files.gb18030, 'gb18030'], [fixtures.files.html, 'utf-8']] as const) {
      const document = await read(file);
      const source = iconv.decode(await readFile(file), encoding);
      for (const { quantity, ranges } of locateGold(document)) {
        expect(ranges.map((range) => source.slice(range.start, range.end)).join('')).toBe(quantity.text);
      }
    }
  });

  it('maps the quantities of the DOCX to paragraphs and those of the PDF to pages, in document order', async () => {
    const docx = locateGold(await read(fixtures.files.docx));
    const paragraphs = docx.map(({ ranges }) => (ranges[0]?.kind === 'docx' ? ranges[0].paragraph : -1));
    expect(paragraphs.every((paragraph, index) => paragraph >= 0 && paragraph >= (paragraphs[index - 1] ?? 0))).toBe(true);
    for (const { quantity, ranges } of docx) expect(ranges.reduce((sum, range) => sum + range.end - range.start, 0)).toBe(quantity.text.length);

    const pdf = locateGold(await read(fixtures.files.pdf));
    const pages = pdf.map(({ ranges }) => (ranges[0]?.kind === 'pdf' ? ranges[0].page : -1));
    expect(pages[0]).toBe(1);
    expect(pages[pages.length - 1]).toBe(3);
    expect(pages.every((page, index) => page >= (pages[index - 1] ?? 1))).toBe(true);
    for (const { ranges } of pdf) {
      for (const range of ranges) {
        expect(range.kind).toBe('pdf');
        if (range.kind === 'pdf') expect(range.box?.y).toBeGreaterThan(0);
      }
    }
  });

  it('reports PDF progress page by page', async () => {
    const calls: [number, number][] = [];
    await read(fixtures.files.pdf, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
  });

  it('reads a two-column PDF column by column, title first and the closing line last', async () => {
    const document = await read(fixtures.files.twoColumnPdf);
    const text = strip(document.text);
    expect(text).toBe(strip(fixtures.twoColumnParagraphs.join('')));
    // Paragraphs are not only present but whole: each is one line of the text.
    const lines = document.text.split('\n').map(strip);
    expect(lines[0]).toBe(strip(fixtures.twoColumnParagraphs[0] ?? ''));
    expect(lines[lines.length - 1]).toBe(strip(fixtures.twoColumnParagraphs[fixtures.twoColumnParagraphs.length - 1] ?? ''));
    expect(document.text).not.toContain('民生账本');
    expect(document.text).not.toMatch(/第\s*\d\s*页/);
  });

  it.each(['budgetPdf', 'budgetDocx', 'budgetHtml'] as const)('reads the budget table of %s as figures with row label, column header, phase and unit', async (name) => {
    const document = await read(fixtures.files[name]);
    expect(document.tables).toHaveLength(1);
    const [table] = document.tables;
    if (!table) return;
    expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual(fixtures.budgetTable.rows);
    expect(table.caption).toContain(fixtures.budgetTable.unitNote);
    for (const cell of table.rows.flat()) expect(document.text.slice(cell.start, cell.end)).toBe(cell.text);
    const { items, problems } = extractTableFigures(document.text, table);
    expect(problems).toEqual([]);
    expect(items).toHaveLength((fixtures.budgetTable.rows.length - 1) * 4);
    const education = items.find((item) => item.rowLabel === '教育支出' && item.columnHeader === '执行数');
    expect(education).toMatchObject({ unit: '元', kind: 'money', phase: 'executed', text: '34,200' });
    expect(education?.value.type === 'exact' && formatDecimal(education.value.value)).toBe('342000000');
    const adjusted = items.find((item) => item.rowLabel === '合计' && item.columnHeader === '调整预算数');
    expect(adjusted).toMatchObject({ phase: 'adjusted', isTotal: true });
    expect(adjusted?.value.type === 'exact' && formatDecimal(adjusted.value.value)).toBe('1572100000');
    expect(items.filter((item) => item.kind === 'percent')).toHaveLength(fixtures.budgetTable.rows.length - 1);
  });

  it('stops pdf.js when a page takes longer than the limit, and reads the next file with a fresh worker', async () => {
    const stalled = await read(fixtures.files.pdf, { pageTimeoutMs: 1 }).catch((error: unknown) => error);
    expect(stalled).toBeInstanceOf(IngestError);
    expect((stalled as IngestError).code).toBe('pdf-timeout');
    expect((stalled as IngestError).message).toContain('seed.pdf：PDF解析超时');
    expect(strip((await read(fixtures.files.pdf)).text)).toBe(strip(fixtures.expectedText));
  });

  it('rejects a scanned PDF with "无文字层（扫描件），暂不支持OCR" and an encrypted one as encrypted', async () => {
    const scanned = await read(fixtures.files.scannedPdf).catch((error: unknown) => error);
    expect(scanned).toBeInstanceOf(IngestError);
    expect((scanned as IngestError).code).toBe('pdf-no-text');
    expect((scanned as IngestError).message).toContain('scanned.pdf：无文字层（扫描件），暂不支持OCR');
    const encrypted = await read(fixtures.files.encryptedPdf).catch((error: unknown) => error);
    expect(encrypted).toBeInstanceOf(IngestError);
    expect((encrypted as IngestError).code).toBe('pdf-encrypted');
    expect((encrypted as IngestError).message).toContain('encrypted.pdf：PDF文件已加密，需要密码');
  });
});
