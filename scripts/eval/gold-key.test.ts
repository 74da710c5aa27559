import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeyFiles, loadKey, REPO_ROOT, validateKey, type GoldKey, type LoadedKey } from './gold-key.ts';

const TEXT = '一般公共预算支出21.98亿元，增长44.4%。';
const loaded = (key: Partial<GoldKey>, range = { start: 0, end: TEXT.length }): LoadedKey => ({
  path: 'synthetic.gold.json',
  name: 'synthetic',
  text: TEXT,
  range,
  key: { document: 'synthetic.txt', quantities: [], ...key },
});

describe('validateKey', () => {
  it('accepts spans that are the text at their offsets', () => {
    expect(validateKey(loaded({ quantities: [{ start: 8, end: 15, text: '21.98亿元', value: 2198000000, unit: '元', kind: 'money' }] }))).toEqual([]);
  });

  it('names a span whose text is not the document text at its offsets', () => {
    const problems = validateKey(loaded({ quantities: [{ start: 9, end: 16, text: '21.98亿元', value: 2198000000, unit: '元', kind: 'money' }] }));
    expect(problems.join('\n')).toMatch(/the document has "1\.98亿元，"/);
  });

  it('names a span outside the excerpt, an unknown kind and a range written high before low', () => {
    const problems = validateKey(loaded({
      excerpt: { start: 0, end: 16 },
      quantities: [{ start: 19, end: 24, text: '44.4%', value: [45, 44], unit: '%', kind: 'percentage' }],
    }, { start: 0, end: 16 }));
    expect(problems.some((p) => p.includes('outside the excerpt'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown kind percentage'))).toBe(true);
    expect(problems.some((p) => p.includes('is not a number or [low, high]'))).toBe(true);
  });

  it('names a relation that points past the last quantity', () => {
    const problems = validateKey(loaded({ relations: [{ id: 'r', kind: 'growth', claim: 3, current: 0, previous: 1 }] }));
    expect(problems.some((p) => p.includes('index 3 out of range'))).toBe(true);
  });
});

describe('the project answer keys', () => {
  const files = findKeyFiles([resolve(REPO_ROOT, 'eval', 'gold')]);

  // Only the keys on 北京 2025 have their document in testdata/; `npm run eval` checks every key against ../shared.
  const TESTDATA = resolve(REPO_ROOT, 'testdata');
  const inTestdata = files.filter((f) => /10-province-beijing-gwr-2025/.test(f));

  it('include a national report, a province and a statistical communiqué', () => {
    const documents = files.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as GoldKey).document);
    expect(documents.some((d) => /national-gwr/.test(d))).toBe(true);
    expect(documents.some((d) => /province-.*-gwr/.test(d))).toBe(true);
    expect(documents.some((d) => /tjgb/.test(d))).toBe(true);
  });

  it('two keys on 北京 2025 read from testdata', () => {
    expect(inTestdata).toHaveLength(2);
  });

  it.each(inTestdata.map((f) => [f.split('/').pop()!, f]))('%s: every span is the text at its offsets, inside its excerpt', (_name, file) => {
    const key = loadKey(file, TESTDATA);
    expect(validateKey(key)).toEqual([]);
    expect(key.key.excerpt).toBeDefined();
  });
});
