/**
 * Verification timing (issue 3: "the time the verifier adds stays under the extraction's own time"): on the whole
 * corpus, the median time of `extract` and of `verify` (the arithmetic checks alone, then every check), and how the
 * verifier's time grows when one document is repeated 1, 2, 4 and 8 times (it must grow linearly, not quadratically).
 * Example row: { step: 'verify (arithmetic)', 'ms': 180, 'chars/s': 7_000_000, 'vs extract': 0.12 }.
 * Run alone: `npx tsx scripts/bench/verify.bench.ts`.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checks, extract, verify, type Extraction } from '@duixian/core';
import { readDocumentText, SHARED_DIR } from '../eval/gold-key.ts';
import { ARITHMETIC_CHECK_IDS } from '../eval/relations.eval.ts';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A fresh copy of an extraction, so that no index the verifier built for an earlier run is reused. */
const fresh = (extraction: Extraction): Extraction => ({ ...extraction });

/**
 * Times extraction and verification over the corpus (median of five runs after a warm-up), and verification on one
 * document repeated 1–8 times.
 * @example (benchVerify({ corpusDir })).rows[1] // { step: 'verify (arithmetic)', ms: 180, 'vs extract': 0.12, … }
 */
export function benchVerify(context: Pick<BenchContext, 'corpusDir'>): BenchSectionResult {
  const texts = readdirSync(context.corpusDir).filter((n) => n.endsWith('.txt')).sort().map((n) => readDocumentText(join(context.corpusDir, n)));
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  const arithmetic = checks.filter((c) => ARITHMETIC_CHECK_IDS.includes(c.id));
  const extractions = texts.map((t) => extract(t));
  texts.forEach((t, i) => verify(t, fresh(extractions[i]!))); // warm-up
  const extractMs = median(Array.from({ length: RUNS }, () => timed(() => texts.forEach((t) => extract(t)))));
  const arithmeticMs = median(Array.from({ length: RUNS }, () => timed(() => texts.forEach((t, i) => verify(t, fresh(extractions[i]!), arithmetic)))));
  const allMs = median(Array.from({ length: RUNS }, () => timed(() => texts.forEach((t, i) => verify(t, fresh(extractions[i]!))))));
  const perSecond = (ms: number): number => (ms > 0 ? (chars / ms) * 1000 : 0);
  const rows: BenchRow[] = [
    { step: 'extract', documents: texts.length, chars, ms: extractMs, 'chars/s': perSecond(extractMs), 'vs extract': 1 },
    { step: 'verify (arithmetic checks)', documents: texts.length, chars, ms: arithmeticMs, 'chars/s': perSecond(arithmeticMs), 'vs extract': arithmeticMs / extractMs },
    { step: 'verify (all checks)', documents: texts.length, chars, ms: allMs, 'chars/s': perSecond(allMs), 'vs extract': allMs / extractMs },
  ];
  // growth with length: the longest document repeated, paragraphs apart
  const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  let single = 0;
  for (const times of [1, 2, 4, 8]) {
    const text = Array.from({ length: times }, () => longest).join('\n\n');
    const extraction = extract(text);
    verify(text, fresh(extraction), arithmetic);
    const ms = median(Array.from({ length: RUNS }, () => timed(() => verify(text, fresh(extraction), arithmetic))));
    if (times === 1) single = ms;
    rows.push({ step: `verify (arithmetic), longest document ×${times}`, documents: 1, chars: text.length, ms, 'chars/s': (text.length / ms) * 1000, 'vs extract': null, 'vs ×1': single > 0 ? ms / single : null });
  }
  return {
    title: 'Verification',
    rows,
    notes: [
      'ms: median of 5 runs over the whole corpus after a warm-up; verify gets a fresh copy of each extraction, so its relation index is rebuilt every run.',
      "'vs ×1' near the repetition factor means linear growth; quadratic relation search would give 4, 16, 64.",
    ],
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const result = benchVerify({ corpusDir: resolve(SHARED_DIR, 'corpus') });
  for (const row of result.rows) console.log(JSON.stringify(row));
}
