import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './gold-key.ts';
import { loadFollowUpKey, validateFollowUpKey } from './followup-key.ts';

// The 北京 pair's two reports are in testdata/; every other key is checked against ../shared by `npm run eval`.
const TESTDATA = resolve(REPO_ROOT, 'testdata');
const BEIJING_KEY = resolve(REPO_ROOT, 'eval', 'followup', 'beijing-2024-2025.followup.json');

describe('follow-up answer keys', () => {
  const key = loadFollowUpKey(BEIJING_KEY, TESTDATA);

  it('cover at least three consecutive pairs of reports', () => {
    const files = readdirSync(resolve(REPO_ROOT, 'eval', 'followup')).filter((name) => name.endsWith('.followup.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it('beijing-2024-2025: every span is the text at its offsets', () => {
    expect(validateFollowUpKey(key)).toEqual([]);
  });

  it('catches a span whose text is not at its offsets', () => {
    const first = key.key.pairs[0]!;
    const broken = { ...key, key: { ...key.key, pairs: [{ ...first, target: { ...first.target, start: first.target.start + 1 } }] } };
    expect(validateFollowUpKey(broken).join('\n')).toMatch(/target/);
  });
});
