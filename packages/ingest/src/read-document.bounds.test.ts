/**
 * Done check of issue 14 on a real document: paragraphs of the 亳州市2024年政府工作报告 (fixtures/
 * bozhou-gwr-2024.excerpt.txt, a public government document), read as text and as the PDF LibreOffice makes of it,
 * give every 不少于 / 不低于 / 至少 figure as "at least", no figure or commitment cut by a line break, and no false alarm.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, formatDecimal, type Extraction } from '@duixian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithOffice, findSoffice } from './fixtures/format-fixtures.ts';
import { readDocument, type IngestedDocument } from './read-document.ts';

const skipOffice = process.env.DUIXIAN_SKIP_OFFICE === '1';
const EXCERPT = fileURLToPath(new URL('./fixtures/bozhou-gwr-2024.excerpt.txt', import.meta.url));
/** A figure right after a word that makes it a floor: 不少于100家, 不低于90%, 至少1个. */
const FLOOR = /(?:不少于|不低于|至少)(\d+(?:\.\d+)?(?:亿元|%|个|家))/gu;

/** Every floor figure of the text as written, and the one more after 、 in "分别不低于69.2%、100%". */
function floors(text: string): string[] {
  return [...text.matchAll(FLOOR)].flatMap((match) => (match[0] === '不低于69.2%' && text.includes('分别不低于69.2%、100%') ? ['69.2%', '100%'] : [match[1]!]));
}

function describeFigures(extraction: Extraction) {
  return extraction.quantities.map((q) => `${q.text} ${q.value.type === 'exact' ? formatDecimal(q.value.value) : ''} ${q.unit} ${q.comparator ?? ''}`);
}

describe.skipIf(skipOffice)('the 亳州 2024 excerpt read as text and as PDF', () => {
  let dir: string;
  const read: Record<'text' | 'pdf', { document: IngestedDocument; extraction: Extraction }> = {} as never;

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice is needed to make the PDF: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk, or set DUIXIAN_SKIP_OFFICE=1');
    dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-bozhou-'));
    const bytes = await readFile(EXCERPT);
    await writeFile(path.join(dir, 'bozhou.txt'), bytes);
    await convertWithOffice(soffice, dir, 'pdf', ['bozhou.txt']);
    for (const [format, file] of [['text', EXCERPT], ['pdf', path.join(dir, 'bozhou.pdf')]] as const) {
      const document = await readDocument({ bytes: await readFile(file), fileName: path.basename(file) });
      read[format] = { document, extraction: analyze(document.text, { reportYear: 2024 }) };
    }
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const format of ['text', 'pdf'] as const) {
    it(`reads every 不少于 / 不低于 / 至少 figure as at least (${format})`, () => {
      const { document, extraction } = read[format];
      expect(document.format).toBe(format);
      const expected = floors(document.text.replace(/\n/gu, ''));
      expect(expected.length).toBe(15);
      const bounded = extraction.quantities.filter((q) => {
        const before = document.text.slice(Math.max(0, q.start - 4), q.start).replace(/\n/gu, '');
        return /(?:不少于|不低于|至少)$/u.test(before) || document.text.slice(q.start - 11, q.start) === '分别不低于69.2%、';
      });
      expect(bounded.map((q) => q.text)).toEqual(expected);
      for (const q of bounded) expect(q.comparator, q.text).toBe('>=');
      for (const c of extraction.commitments) {
        if (c.target && /不少于|不低于|至少/u.test(c.text)) expect(['>=', '>'], c.text).toContain(c.target.comparator);
      }
    });

    it(`leaves no line break inside a figure or a commitment, and raises no false alarm (${format})`, () => {
      const { extraction } = read[format];
      expect(extraction.quantities.filter((q) => q.text.includes('\n')).map((q) => q.text)).toEqual([]);
      expect(extraction.commitments.filter((c) => c.text.includes('\n')).map((c) => c.text)).toEqual([]);
      expect(extraction.commitments.map((c) => c.text)).toEqual(expect.arrayContaining(['固定资产投资增长10%', '力争实现规上医药制造业产值500亿元']));
      expect(extraction.findings.filter((f) => f.verdict === 'inconsistent').map((f) => f.message)).toEqual([]);
    });
  }

  it('reads the same figures from the PDF as from the text', () => {
    expect(describeFigures(read.pdf.extraction)).toEqual(describeFigures(read.text.extraction));
  });
});
