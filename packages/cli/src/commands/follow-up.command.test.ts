import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFollowUp } from './follow-up.command.ts';

const corpus = (name: string): string => fileURLToPath(new URL(`../../../../testdata/corpus/${name}`, import.meta.url));
const LAST = corpus('09-province-beijing-gwr-2024.txt');
const THIS = corpus('10-province-beijing-gwr-2025.txt');

interface JsonPair {
  readonly target: { readonly text: string; readonly metric: string };
  readonly source: 'main_targets' | 'commitment';
  readonly verdict: string;
  readonly basis: string;
}

async function pairsOf(headlineOnly: boolean): Promise<JsonPair[]> {
  const outcome = await runFollowUp(LAST, THIS, { json: true, language: 'zh', headlineOnly });
  expect(outcome.exitCode).toBe(0);
  return (JSON.parse(outcome.stdout) as { pairs: JsonPair[] }).pairs;
}

describe('duixian follow-up', () => {
  it('follows every quantified target of last year\'s plan by default, the 主要预期目标 among them', async () => {
    const pairs = await pairsOf(false);
    expect(pairs.filter((pair) => pair.source === 'commitment').length).toBeGreaterThan(10);
    expect(pairs.find((pair) => pair.target.metric === '地区生产总值增长')).toMatchObject({ source: 'main_targets', verdict: 'met', basis: 'figure' });
  });

  it('keeps the old view with --headline-only: the 主要预期目标 alone', async () => {
    const pairs = await pairsOf(true);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((pair) => pair.source === 'main_targets')).toBe(true);
  });

  it('prints a table with the counts in Chinese', async () => {
    const outcome = await runFollowUp(LAST, THIS, { json: false, language: 'zh' });
    expect(outcome.stdout).toMatch(/完成 \d+ 项，未完成 \d+ 项，未报告 \d+ 项/);
    expect(outcome.stdout).toContain('地区生产总值增长');
  });
});
