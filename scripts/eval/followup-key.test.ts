import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DIR } from './gold-key.ts';
import { loadFollowUpKeys, validateFollowUpKey } from './followup-key.ts';

describe('follow-up answer keys', () => {
  const keys = loadFollowUpKeys(REPO_ROOT, SHARED_DIR);

  it('cover at least three consecutive pairs of reports', () => {
    expect(keys.length).toBeGreaterThanOrEqual(3);
  });

  it.each(keys.map((key) => [key.name, key] as const))('%s: every span is the text at its offsets', (_name, key) => {
    expect(validateFollowUpKey(key)).toEqual([]);
  });

  it('catches a span whose text is not at its offsets', () => {
    const key = keys[0]!;
    const first = key.key.pairs[0]!;
    const broken = { ...key, key: { ...key.key, pairs: [{ ...first, target: { ...first.target, start: first.target.start + 1 } }] } };
    expect(validateFollowUpKey(broken).join('\n')).toMatch(/target/);
  });
});
