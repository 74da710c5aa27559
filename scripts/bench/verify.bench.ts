/**
 * Verification timing (issue 3: "the time the verifier adds stays under the extraction's own time"): on the whole
 * corpus, the median time of `extract` and of `verify` (the arithmetic checks alone, then every check), and how the
 * verifier's time per character grows when 1, 2, 4 … 28 documents are verified as one text (it must stay flat: the
 * relation search is linear, not quadratic).
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
 * Times extraction and verification over the corpus (median of five runs after a warm-up), and verification of the
 * first 1, 2, 4 … documents joined into one text.
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
  // growth with length: the first 1, 2, 4 … documents of the corpus as one text (different documents, so the text
  // grows as a longer report would, not by repeating itself)
  let firstRate = 0;
  for (const count of [1, 2, 4, 8, 16, texts.length]) {
    const text = texts.slice(0, count).join('\n\n');
    const extraction = extract(text);
    verify(text, fresh(extraction), arithmetic);
    const ms = median(Array.from({ length: RUNS }, () => timed(() => verify(text, fresh(extraction), arithmetic))));
    const msPer100k = (ms / text.length) * 100_000;
    if (count === 1) firstRate = msPer100k;
    rows.push({ step: `verify (arithmetic), first ${count} documents as one text`, documents: count, chars: text.length, ms, 'chars/s': (text.length / ms) * 1000, 'vs extract': null, 'ms per 100k chars': msPer100k, 'vs 1 document': firstRate > 0 ? msPer100k / firstRate : null });
  }
  return {
    title: 'Verification',
    rows,
    notes: [
      'ms: median of 5 runs over the whole corpus after a warm-up; verify gets a fresh copy of each extraction, so its relation index is rebuilt every run.',
      "'ms per 100k chars' staying flat as the text grows means linear growth; a quadratic relation search would grow it in step with the length.",
    ],
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const result = benchVerify({ corpusDir: resolve(SHARED_DIR, 'corpus') });
  for (const row of result.rows) console.log(JSON.stringify(row));
}
