/**
 * Follow-up timing (issue 8: "the whole matching of one pair runs in under a second"): for every keyed pair of
 * reports, the median time of extracting both reports, of matching alone, and of `followUp` end to end.
 * Example row: { pair: 'national-2023-2024', 'extract ms': 140, 'match ms': 6, 'followUp ms': 150, 'under 1 s': 'yes' }.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../packages/core/src/extract/pipeline.ts';
import { followUp } from '../../packages/core/src/follow-up/follow-up.ts';
import { matchFollowUp } from '../../packages/core/src/follow-up/follow-up-match.ts';
import { loadFollowUpKeys } from '../eval/followup-key.ts';
import { REPO_ROOT, SHARED_DIR } from '../eval/gold-key.ts';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Times follow-up on each pair of the answer key, after one warm-up run, as the median of 7 runs.
 * @example (await benchFollowUp(context)).rows[0] // { pair: 'beijing-2024-2025', 'followUp ms': 120, … }
 */
export function benchFollowUp(context: Pick<BenchContext, 'repoRoot' | 'sharedDir'>): BenchSectionResult {
  const keys = loadFollowUpKeys(context.repoRoot, context.sharedDir);
  const rows: BenchRow[] = [];
  for (const { name, key, lastText, thisText } of keys) {
    const options = { lastYear: key.last.year, thisYear: key.this.year };
    followUp(lastText, thisText, options); // warm-up
    const extracted: number[] = [];
    const matched: number[] = [];
    const whole: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let last: ReturnType<typeof extract> | undefined;
      let current: ReturnType<typeof extract> | undefined;
      extracted.push(time(() => {
        last = extract(lastText, { reportYear: key.last.year });
        current = extract(thisText, { reportYear: key.this.year });
      }));
      matched.push(time(() => matchFollowUp({ text: lastText, extraction: last! }, { text: thisText, extraction: current! }, options)));
      whole.push(time(() => followUp(lastText, thisText, options)));
    }
    const total = median(whole);
    rows.push({
      pair: name,
      chars: lastText.length + thisText.length,
      'extract ms': Math.round(median(extracted)),
      'match ms': Math.round(median(matched) * 10) / 10,
      'followUp ms': Math.round(total),
      'under 1 s': total < 1000 ? 'yes' : 'NO',
    });
  }
  return {
    title: 'Follow-up (issue 8)',
    rows,
    notes: [`median of ${RUNS} runs after a warm-up; 'followUp ms' = extraction of both reports + matching; target < 1000 ms per pair`],
  };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const result = benchFollowUp({ repoRoot: REPO_ROOT, sharedDir: SHARED_DIR });
  console.log(result.title);
  console.table(result.rows);
  for (const note of result.notes ?? []) console.log(note);
}
