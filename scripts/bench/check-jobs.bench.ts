/**
 * `duixian check` over whole folders on all cores against one by one (issue 15): wall time of the whole command
 * `duixian check <corpus folders> --jsonl --jobs 1` and `--jobs <all cores>`, start-up included, run in turn (1, N,
 * 1, N …) so that a machine whose speed drifts slows both alike; the speed-up is the median of the pairs' ratios.
 * Example row: { jobs: 2, files: 177, 'wall s min': 30.1, 'wall s median': 31.0, 'wall s max': 33.2, 'speed-up': 1.8 }.
 * Run alone: `npx tsx scripts/bench/check-jobs.bench.ts [pairs] [folder …]` (default 3 pairs, the two corpus folders).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

/** Runs the CLI once, its output thrown away, and gives its wall seconds. */
function timeCheck(repoRoot: string, folders: readonly string[], jobs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'packages/cli/src/main.ts'), 'check', ...folders, '--jsonl', '--jobs', String(jobs)], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => {
      // 1 (an inconsistent figure) and 2 (an unreadable file) are answers of the check, not failures of the run.
      if (code === null || code > 2) reject(new Error(`duixian check --jobs ${jobs} exited with ${code}: ${stderr.slice(-1000)}`));
      else resolvePromise((performance.now() - started) / 1000);
    });
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Report files under a folder, as `duixian check` counts them (for the row; the CLI does its own expansion). */
function countReports(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:txt|md|markdown|html?|pdf|docx)$/i.test(name) && statSync(join(folder, name)).isFile()).length;
}

/**
 * @example await benchCheckJobs({ repoRoot, sharedDir }) // rows for --jobs 1 and --jobs <cores>, with the speed-up
 */
export async function benchCheckJobs(
  context: Pick<BenchContext, 'repoRoot' | 'sharedDir'>,
  pairs = 3,
  folders: readonly string[] = ['corpus-cities-2024', 'corpus-provinces'].map((name) => resolve(context.sharedDir, name)).filter(existsSync),
): Promise<BenchSectionResult> {
  const cores = availableParallelism();
  const files = folders.reduce((n, folder) => n + countReports(folder), 0);
  const one: number[] = [];
  const all: number[] = [];
  // One warm-up of each, not counted: the first run pays for a cold file cache and tsx's transform cache.
  await timeCheck(context.repoRoot, folders, 1);
  await timeCheck(context.repoRoot, folders, cores);
  for (let k = 0; k < pairs; k++) {
    one.push(await timeCheck(context.repoRoot, folders, 1));
    all.push(await timeCheck(context.repoRoot, folders, cores));
  }
  const ratios = one.map((seconds, k) => seconds / all[k]!);
  const row = (jobs: number, times: readonly number[], speedUp: number | null): BenchRow => ({
    jobs,
    files,
    'wall s min': Number(Math.min(...times).toFixed(1)),
    'wall s median': Number(median(times).toFixed(1)),
    'wall s max': Number(Math.max(...times).toFixed(1)),
    'speed-up': speedUp === null ? null : Number(speedUp.toFixed(2)),
  });
  return {
    title: 'check over folders: --jobs 1 against all cores',
    rows: [row(1, one, null), row(cores, all, median(ratios))],
    notes: [
      `duixian check ${folders.map((folder) => folder.replace(`${context.sharedDir}/`, '../shared/')).join(' ')} --jsonl, whole command (start-up included), stdout discarded`,
      `${pairs} pairs run in turn after one warm-up each; speed-up = median over pairs of (--jobs 1 wall) ÷ (--jobs ${cores} wall); ${cores} cores, shared with other work, so at most ${cores}×`,
    ],
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
  const [pairs, ...folders] = process.argv.slice(2);
  benchCheckJobs({ repoRoot, sharedDir: resolve(repoRoot, '..', 'shared') }, pairs ? Number(pairs) : 3, folders.length > 0 ? folders.map((folder) => resolve(folder)) : undefined).then(
    (result) => { console.log(JSON.stringify(result, null, 2)); },
    (error: unknown) => { console.error(error instanceof Error ? error.message : String(error)); process.exitCode = 1; },
  );
}
