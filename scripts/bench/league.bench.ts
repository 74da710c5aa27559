/**
 * League-table timing (issue 16: "--pairs over the two folders prints the league table for the 27 provinces in under a
 * minute"): the whole `duixian follow-up --pairs` command in its own process, the same work in process, and beside it
 * the reference of one pair (北京市 2025 → 2026) read and followed up in process, times the number of pairs.
 * Example row: { run: 'duixian follow-up --pairs (whole command)', pairs: 27, 'wall s': 8.1, 'under 60 s': 'yes' }.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { followUp } from '../../packages/core/src/follow-up/follow-up.ts';
import { runFollowUpPairs } from '../../packages/cli/src/commands/follow-up-pairs.command.ts';
import { readInput } from '../../packages/cli/src/read-input.ts';
import { REPO_ROOT, SHARED_DIR } from '../eval/gold-key.ts';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * @example (await benchLeague(context)).rows[0] // { run: 'duixian follow-up --pairs (whole command)', pairs: 27, 'wall s': 8.1, … }
 */
export async function benchLeague(context: Pick<BenchContext, 'repoRoot' | 'sharedDir'>): Promise<BenchSectionResult> {
  const lastFolder = resolve(context.sharedDir, 'corpus-provinces', '2025');
  const thisFolder = resolve(context.sharedDir, 'corpus-provinces', '2026');

  let started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(context.repoRoot, 'packages/cli/src/main.ts'), 'follow-up', '--pairs', lastFolder, thisFolder, '--json'], {
    cwd: context.repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const commandMs = performance.now() - started;
  const pairs = child.status === 0 || child.status === 1 ? (JSON.parse(child.stdout) as { rows: unknown[] }).rows.length : 0;

  started = performance.now();
  await runFollowUpPairs(lastFolder, thisFolder, { language: 'zh' });
  const inProcessMs = performance.now() - started;

  // The reference: one pair read through ingest and followed up over the whole plan, as `--pairs` does for each region.
  started = performance.now();
  const [last, current] = await Promise.all([readInput(resolve(lastFolder, '北京市.docx')), readInput(resolve(thisFolder, '北京市.txt'))]);
  followUp(last.text, current.text, { lastYear: 2025, thisYear: 2026 });
  const onePairMs = performance.now() - started;

  const rows: BenchRow[] = [
    { run: 'duixian follow-up --pairs (whole command, own process)', pairs, 'wall s': seconds(commandMs), 'under 60 s': commandMs < 60_000 ? 'yes' : 'NO' },
    { run: 'the same, in process (no start-up)', pairs, 'wall s': seconds(inProcessMs), 'under 60 s': inProcessMs < 60_000 ? 'yes' : 'NO' },
    { run: 'reference: one pair (北京市) × pairs', pairs, 'wall s': seconds(onePairMs * pairs), 'under 60 s': null },
  ];
  return {
    title: 'League table: follow-up --pairs over the provinces (issue 16)',
    rows,
    notes: [
      `${lastFolder} → ${thisFolder}; one run each (the in-process run and the reference come after the child's, on warm files)`,
      `exit status of the command: ${child.status} (1 when a region could not be read or its plan gave no target); 'pairs' counts the regions ranked`,
    ],
  };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const result = await benchLeague({ repoRoot: REPO_ROOT, sharedDir: SHARED_DIR });
  console.log(result.title);
  console.table(result.rows);
  for (const note of result.notes ?? []) console.log(note);
}
