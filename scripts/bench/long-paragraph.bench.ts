/**
 * Import time on one long paragraph (issue 13: a 280 KB paragraph took 39 s, a 5.7 MB one-line file froze the server):
 * `analyze` on the demo report's text run into one paragraph and repeated to 10k, 100k and 1M characters, as
 * milliseconds per 100,000 characters. The figure must stay flat as the paragraph grows: every step is linear.
 * Example row: { chars: 1000000, 'analyze ms': 2000, 'ms per 100k chars': 200 }. Run alone: `npx tsx scripts/bench/long-paragraph.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze as analyzeText } from '@duixian/core';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

const SIZES = [10_000, 100_000, 1_000_000];

/** The demo report's sentences without line breaks, repeated and cut to `chars` characters: one paragraph. */
export function longParagraph(repoRoot: string, chars: number): string {
  const sentences = readFileSync(join(repoRoot, 'demo', 'chengbei-2023-minsheng.txt'), 'utf8').replace(/\s+/g, '').replace(/#/g, '');
  return sentences.repeat(Math.ceil(chars / sentences.length)).slice(0, chars);
}

/**
 * Times `analyze` (report year 2023) once per size, after a warm-up on the smallest.
 * @example benchLongParagraph({ repoRoot }).rows[2] // { chars: 1000000, 'analyze ms': 2000, 'ms per 100k chars': 200 }
 */
export function benchLongParagraph(context: Pick<BenchContext, 'repoRoot'>, analyze: typeof analyzeText = analyzeText): BenchSectionResult {
  analyze(longParagraph(context.repoRoot, SIZES[0]!), { reportYear: 2023 });
  const rows: BenchRow[] = SIZES.map((chars) => {
    const text = longParagraph(context.repoRoot, chars);
    const started = performance.now();
    analyze(text, { reportYear: 2023 });
    const ms = performance.now() - started;
    return { chars, 'analyze ms': Math.round(ms), 'ms per 100k chars': Math.round((ms / chars) * 100_000) };
  });
  return {
    title: 'Import on one long paragraph',
    rows,
    notes: ['analyze (extraction and every check) on demo/chengbei-2023-minsheng.txt without line breaks, repeated; flat ms per 100k chars = linear'],
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const result = benchLongParagraph({ repoRoot: resolve(new URL('../..', import.meta.url).pathname) });
  console.table(result.rows);
}
