/**
 * Child process of `npm run bench`: runs one tool over every corpus document and prints one JSON line with its
 * throughput and peak memory, e.g. `tsx scripts/bench/tool-runner.ts duixian ../shared/corpus` →
 * {"tool":"duixian","chars":487810,"passes":12,"seconds":2.1,"cpuSeconds":2.0,"charsPerSecond":2700000,
 * "charsPerCpuSecond":2900000,"peakRssBytes":98000000}.
 * Each tool runs in its own process so that peak memory is its own. The tool "baseline" loads the texts and
 * nothing else: the floor every tool's memory stands on (Node, tsx and the corpus text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRecognizersPredictor } from '../eval/recognizers.predictor.ts';

type Run = (text: string) => unknown;

/** Peak resident set size of this process, in bytes: VmHWM from /proc, or maxRSS where /proc is missing. */
export function readPeakRss(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function loadTool(tool: string): Promise<{ run: Run; mode: string }> {
  if (tool === 'duixian') {
    const core = (await import('@duixian/core')) as Record<string, unknown>;
    const extract = core['extract'];
    if (typeof extract !== 'function') throw new Error('@duixian/core does not export extract()');
    return { run: (text) => (extract as Run)(text), mode: 'extract(text) from @duixian/core' };
  }
  if (tool === 'recognizers') {
    const predictor = createRecognizersPredictor();
    return { run: (text) => predictor.predict(text, {}), mode: `number, percentage, currency, dimension; ${predictor.mode}; sentence by sentence` };
  }
  if (tool === 'baseline') return { run: (text) => text.length, mode: 'no tool: Node, tsx and the corpus text' };
  throw new Error(`unknown tool ${tool}`);
}

async function main(): Promise<void> {
  const [tool = '', corpusDir = '', minSecondsArgument = '2'] = process.argv.slice(2);
  const minSeconds = Number(minSecondsArgument);
  const texts = readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => {
      const text = readFileSync(join(corpusDir, n), 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    });
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const { run, mode } = await loadTool(tool);
  // Warm-up, the same for every tool: one pass over the first document (loads lazy tables, lets the JIT settle).
  run(texts[0] ?? '');
  let passes = 0;
  let items = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  do {
    for (const text of texts) {
      const result = run(text) as { quantities?: readonly unknown[] } | number;
      if (typeof result === 'object' && result && Array.isArray(result.quantities)) items += result.quantities.length;
    }
    passes += 1;
  } while (cpuSecondsSince(cpuStart) < minSeconds);
  const seconds = (performance.now() - start) / 1000;
  // CPU time of this process: on a machine shared with other jobs, wall time measures the neighbours too.
  const cpuSeconds = cpuSecondsSince(cpuStart);
  const line = {
    tool,
    mode,
    documents: texts.length,
    chars,
    passes,
    seconds,
    cpuSeconds,
    charsPerSecond: (chars * passes) / seconds,
    charsPerCpuSecond: (chars * passes) / cpuSeconds,
    quantitiesPerPass: items / passes,
    peakRssBytes: readPeakRss(),
  };
  console.log(JSON.stringify(line));
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exitCode = 1;
  });
}
