/**
 * `npm run bench`: throughput (characters per second) and peak memory of duixian's `extract` and of Microsoft
 * Recognizers-Text (Chinese: number, percentage, currency, dimension) on every document of ../shared/corpus, each
 * tool in its own child process, side by side with both tools' quantity precision, recall and F1 on the answer
 * keys; then the rows of optional sections (pdf.bench.ts, verify.bench.ts). Results also go to
 * bench-results/latest.json. Throughput is characters per CPU second of the tool's process (robust to other jobs on a
 * shared machine) and per wall-clock second. Example row: "duixian extract  900,000  880,000  6  3.1  126  47  0.998 …".
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDuixianPredictor } from '../eval/duixian.predictor.ts';
import { formatRatio, formatTable } from '../eval/format-table.ts';
import { findKeyFiles, loadKey, missingSharedMessage, REPO_ROOT, SHARED_DIR, type LoadedKey } from '../eval/gold-key.ts';
import { loadOptionalSection } from '../eval/optional-section.ts';
import type { Prediction, Predictor } from '../eval/prediction.ts';
import { scoreAllQuantities } from '../eval/quantities.eval.ts';
import { quantityMetrics } from '../eval/quantity-score.ts';
import { createRecognizersPredictor } from '../eval/recognizers.predictor.ts';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

interface ToolRun {
  readonly tool: string;
  readonly mode: string;
  readonly documents: number;
  readonly chars: number;
  readonly passes: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly charsPerSecond: number;
  readonly charsPerCpuSecond: number;
  readonly quantitiesPerPass: number;
  readonly peakRssBytes: number;
}

/** Runs a TypeScript script in a fresh Node process with tsx and returns the last JSON line of its output. */
export function runChild(script: string, args: readonly string[]): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').filter((l) => l.startsWith('{') || l.startsWith('[')).pop();
      if (code !== 0 || last === undefined) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(last));
      } catch (error) {
        reject(new Error(`${script}: last line is not JSON: ${String(error)}`));
      }
    });
  });
}

function scoreTool(keys: readonly LoadedKey[], predictor: Predictor): { precision: number; recall: number; f1: number; gold: number } {
  const cache = new Map<LoadedKey, Prediction>();
  const predictionFor = (key: LoadedKey): Prediction => {
    let prediction = cache.get(key);
    if (!prediction) {
      prediction = predictor.predict(key.text, key.reportYear === undefined ? {} : { reportYear: key.reportYear });
      cache.set(key, prediction);
    }
    return prediction;
  };
  const { total } = scoreAllQuantities({ keys, predictionFor });
  return { ...quantityMetrics(total), gold: total.gold };
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const grouped = (value: number): string => Math.round(value).toLocaleString('en-US');

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) || value >= 100 ? grouped(value) : String(Number(value.toFixed(3)));
  return value;
}

/** Rows of objects to table lines, columns in order of first appearance. */
function rowsToLines(rows: readonly BenchRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const column of Object.keys(row)) if (!columns.includes(column)) columns.push(column);
  return formatTable([columns, ...rows.map((row) => columns.map((c) => formatCell(row[c])))]);
}

function toBenchResult(title: string, value: unknown): BenchSectionResult {
  if (Array.isArray(value)) return { title, rows: value as BenchRow[] };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const rows = Array.isArray(record['rows']) ? (record['rows'] as BenchRow[]) : [record as BenchRow];
    const notes = Array.isArray(record['notes']) ? (record['notes'] as unknown[]).map(String) : undefined;
    return { title: typeof record['title'] === 'string' ? (record['title'] as string) : title, rows, ...(notes ? { notes } : {}) };
  }
  return { title, rows: [], notes: [String(value)] };
}

const OPTIONAL_SECTIONS: readonly { file: string; exportName: string; title: string }[] = [
  { file: './pdf.bench.ts', exportName: 'benchPdf', title: 'PDF ingest' },
  { file: './verify.bench.ts', exportName: 'benchVerify', title: 'Verification' },
  { file: './followup.bench.ts', exportName: 'benchFollowUp', title: 'Follow-up' },
  { file: './league.bench.ts', exportName: 'benchLeague', title: 'League table (follow-up --pairs)' },
  { file: './long-paragraph.bench.ts', exportName: 'benchLongParagraph', title: 'Import on one long paragraph' },
  { file: './first-render.bench.ts', exportName: 'benchFirstRender', title: 'Web: first render' },
  { file: './check-jobs.bench.ts', exportName: 'benchCheckJobs', title: 'check over folders: --jobs 1 against all cores' },
];

export async function runBench(argv: readonly string[]): Promise<number> {
  const missing = missingSharedMessage();
  if (missing !== undefined) {
    console.error(missing);
    return 2;
  }
  const minSeconds = argv.includes('--quick') ? '0' : '3';
  const corpusDir = resolve(SHARED_DIR, 'corpus');
  const keyDirs = [resolve(SHARED_DIR, 'gold'), resolve(REPO_ROOT, 'eval', 'gold')];
  const runner = fileURLToPath(new URL('./tool-runner.ts', import.meta.url));
  console.log(`duixian bench — corpus ${corpusDir}; each tool in its own process, one after the other`);

  const runs: ToolRun[] = [];
  for (const [tool, seconds] of [['baseline', '0'], ['duixian', minSeconds], ['recognizers', '0']] as const) {
    process.stdout.write(`  running ${tool}…`);
    const run = (await runChild(runner, [tool, corpusDir, seconds])) as ToolRun;
    runs.push(run);
    console.log(` ${grouped(run.charsPerCpuSecond)} chars per CPU second, ${megabytes(run.peakRssBytes)} MB peak`);
  }
  const baseline = runs.find((r) => r.tool === 'baseline')!;
  const duixianRun = runs.find((r) => r.tool === 'duixian')!;
  const recognizersRun = runs.find((r) => r.tool === 'recognizers')!;

  const keys = findKeyFiles(keyDirs).map((file) => loadKey(file, SHARED_DIR));
  const duixianScore = scoreTool(keys, await loadDuixianPredictor());
  const recognizersScore = scoreTool(keys, createRecognizersPredictor());

  const speedup = duixianRun.charsPerCpuSecond / recognizersRun.charsPerCpuSecond;
  const wallSpeedup = duixianRun.charsPerSecond / recognizersRun.charsPerSecond;
  const mainRows: BenchRow[] = [
    { tool: 'duixian extract', 'chars/CPU-s': Math.round(duixianRun.charsPerCpuSecond), 'chars/s wall': Math.round(duixianRun.charsPerSecond), passes: duixianRun.passes, 'CPU s': duixianRun.cpuSeconds.toFixed(1), 'peak RSS MB': Number(megabytes(duixianRun.peakRssBytes)), 'over baseline MB': Number(megabytes(duixianRun.peakRssBytes - baseline.peakRssBytes)), 'quantity P': formatRatio(duixianScore.precision), R: formatRatio(duixianScore.recall), F1: formatRatio(duixianScore.f1) },
    { tool: 'Recognizers-Text (zh)', 'chars/CPU-s': Math.round(recognizersRun.charsPerCpuSecond), 'chars/s wall': Math.round(recognizersRun.charsPerSecond), passes: recognizersRun.passes, 'CPU s': recognizersRun.cpuSeconds.toFixed(1), 'peak RSS MB': Number(megabytes(recognizersRun.peakRssBytes)), 'over baseline MB': Number(megabytes(recognizersRun.peakRssBytes - baseline.peakRssBytes)), 'quantity P': formatRatio(recognizersScore.precision), R: formatRatio(recognizersScore.recall), F1: formatRatio(recognizersScore.f1) },
    { tool: 'baseline (no tool)', 'chars/CPU-s': null, 'chars/s wall': null, passes: null, 'CPU s': null, 'peak RSS MB': Number(megabytes(baseline.peakRssBytes)), 'over baseline MB': 0, 'quantity P': null, R: null, F1: null },
  ];
  const sections: BenchSectionResult[] = [{
    title: 'Extraction: throughput, peak memory, quantity accuracy',
    rows: mainRows,
    notes: [
      `corpus: ${duixianRun.documents} documents, ${grouped(duixianRun.chars)} characters; answer keys: ${keys.length} (${duixianScore.gold} gold quantities)`,
      `duixian reads ${speedup.toFixed(0)}× the characters per CPU second of Recognizers-Text (${wallSpeedup.toFixed(0)}× by wall clock; goal ≥ 100×); quantity F1 ${formatRatio(duixianScore.f1)} vs ${formatRatio(recognizersScore.f1)}`,
      `duixian: ${duixianRun.mode}; Recognizers-Text: ${recognizersRun.mode}`,
      'peak RSS is VmHWM of each child process (Node + tsx + corpus + tool); "over baseline" subtracts a child that loads only the corpus',
      'timing: one warm-up pass over the first document, then whole-corpus passes until at least 3 CPU seconds (Recognizers: one pass); CPU time counts only the tool\'s own process, so other jobs on the machine do not slow it down, while wall time does',
    ],
  }];

  const context: BenchContext = { repoRoot: REPO_ROOT, corpusDir, sharedDir: SHARED_DIR, keyDirs, runChild };
  for (const optional of OPTIONAL_SECTIONS) {
    try {
      const section = await loadOptionalSection(new URL(optional.file, import.meta.url), optional.exportName, 'bench');
      if (section) sections.push(toBenchResult(optional.title, await section(context)));
    } catch (error) {
      sections.push({ title: optional.title, rows: [], notes: [`section failed: ${error instanceof Error ? error.message : String(error)}`] });
    }
  }

  for (const section of sections) {
    console.log(`\n== ${section.title}`);
    if (section.rows.length > 0) for (const line of rowsToLines(section.rows)) console.log(line);
    for (const note of section.notes ?? []) console.log(`  ${note}`);
  }

  const outDir = resolve(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const result = { date: new Date().toISOString(), node: process.version, runs, scores: { duixian: duixianScore, recognizers: recognizersScore }, speedup, sections };
  writeFileSync(resolve(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten: bench-results/latest.json`);
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  runBench(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
