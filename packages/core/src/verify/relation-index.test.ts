/**
 * The seed page end to end: real extraction, then every arithmetic check. Its answer key lists 9 relations; all
 * must be found and judged consistent, and nothing on the unchanged page may be inconsistent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';
import type { Quantity } from '../model/quantity.ts';
import { extractionOf, writtenQuantities } from './fixtures/written-quantities.fixture.ts';
import { indexRelations } from './relation-index.ts';
import { verify } from './verify.ts';

const TESTDATA = new URL('../../../../testdata/', import.meta.url);
const text = readFileSync(new URL('seed/000_82e26507ed7144a6.txt', TESTDATA), 'utf8');
const key = JSON.parse(readFileSync(new URL('gold/000_82e26507ed7144a6.gold.json', TESTDATA), 'utf8')) as {
  quantities: { start: number; end: number }[];
  relations: ({ id: string; kind: string; claim: number } & Record<string, unknown>)[];
};

const CHECK_OF_KIND: Record<string, string> = {
  growth: 'growth',
  difference: 'difference',
  share: 'share',
  growth_from_increase: 'growth-from-increase',
  percentage_point_change: 'percentage-point-change',
  sum: 'parts-sum',
  same_fact: 'restatement',
};

describe('the seed page', () => {
  const extraction = extract(text);
  const findings = verify(text, extraction);
  const byId = new Map<string, Quantity>(extraction.quantities.map((q) => [q.id, q]));
  const overlaps = (id: string, gold: number) => {
    const q = byId.get(id);
    const g = key.quantities[gold];
    return q !== undefined && g !== undefined && q.start < g.end && g.start < q.end;
  };

  it.each(key.relations.map((r) => [r.id, r] as const))('finds and confirms the key relation %s', (_id, relation) => {
    const others = Object.entries(relation)
      .filter(([field]) => !['id', 'kind', 'claim', 'verdict', 'explain'].includes(field))
      .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
      .filter((v): v is number => typeof v === 'number');
    const match = findings.find((f) => {
      if (f.check !== CHECK_OF_KIND[relation.kind]) return false;
      const ids = [f.stated, ...f.quantities];
      const claimed = overlaps(f.stated, relation.claim) || (relation.kind === 'same_fact' && ids.some((id) => overlaps(id, relation.claim)));
      return claimed && others.every((g) => ids.some((id) => overlaps(id, g)));
    });
    expect(match, `no ${relation.kind} finding for ${relation.id}`).toBeDefined();
    expect(match?.verdict).toBe('consistent');
  });

  it('has no inconsistent arithmetic finding', () => {
    const arithmetic = new Set(Object.values(CHECK_OF_KIND));
    expect(findings.filter((f) => arithmetic.has(f.check) && f.verdict !== 'consistent')).toEqual([]);
  });
});

describe('indexRelations', () => {
  it('reads each figure of the infographic with its role', () => {
    const block = '**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**';
    const index = indexRelations(block, extractionOf(writtenQuantities(block)));
    expect(index.figures.map((f) => f.role)).toEqual(['level', 'share', 'change', 'growth_rate']);
    expect(index.statements).toHaveLength(1);
    expect(index.figures[1]?.shareOf).toBe('财政总支出');
  });
  it('starts a new statement when the words name a new subject', () => {
    const sentence = '财政收入277.48亿元，民生投入增加23.25亿元，同比增长9.1%。';
    const index = indexRelations(sentence, extractionOf(writtenQuantities(sentence)));
    expect(index.statements).toHaveLength(2);
    expect(index.statements[0]?.changes).toHaveLength(0);
  });
  it('keeps its work linear: ten times the text gives ten times the figures and no pair search across paragraphs', () => {
    const paragraph = '全市一般公共预算收入277.48亿元，增收23.25亿元，同比增长9.1%。';
    const long = Array.from({ length: 200 }, () => paragraph).join('\n\n');
    const index = indexRelations(long, extractionOf(writtenQuantities(long)));
    expect(index.statements).toHaveLength(200);
    // a value repeated in more than eight sentences is too common to tie any two of them
    expect(index.restatements).toHaveLength(0);
  });
});

describe('verify on arbitrary text (property)', () => {
  const fragments = ['其中', '，', '。', '；', '（', '）', '\n\n', '### ', '**', '较2022年', '比上年', '增长', '下降', '增加', '减少', '占', '全市',
    '一般公共预算收入', '的比重为', '个百分点', '提高', '由', '到', '年均增长', '五年', '倍', '方面，投入资金', '0', '0.0', '19.3亿元', '-3.2%',
    '6.66亿元', '87.8%', '100万人', '1万名左右', '3个', '52.8%', '0亿元', '0%'];
  it('never throws, and every finding names figures of the text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const extraction = extract(text);
        const ids = new Set(extraction.quantities.map((q) => q.id));
        for (const finding of verify(text, extraction)) {
          if (!finding.stated.startsWith('q')) continue; // common-sense checks may state a span
          expect(ids.has(finding.stated)).toBe(true);
          for (const id of finding.quantities) if (id.startsWith('q')) expect(ids.has(id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
