/**
 * The contract between `npm run eval` (scripts/eval/main.ts) and each of its sections: a section gets the answer
 * keys, the corpus and the tool's predictions, and returns the lines it prints, e.g.
 * { title: '数量 Quantities', lines: ['P 0.98  R 0.97  F1 0.975'], gateFailed: false }.
 * Sections written by other people (relations.eval.ts, sense.eval.ts, followup.eval.ts) receive the same context.
 */
import type { LoadedKey } from './gold-key.ts';
import type { Prediction, Predictor } from './prediction.ts';

export interface EvalContext {
  /** Every answer key found, with its document's text. */
  readonly keys: readonly LoadedKey[];
  /** The tool under evaluation. */
  readonly predictor: Predictor;
  /** The tool's prediction for one key's document (computed once, then cached). */
  predictionFor(key: LoadedKey): Prediction;
  /** duixian's raw `extract` from '@duixian/core', when the tool is duixian (sections needing findings or sections use it). */
  readonly extract?: (text: string, context?: { reportYear?: number }) => unknown;
  /** The folder holding the corpus documents: ../shared/corpus. */
  readonly corpusDir: string;
  /** The shared folder answer keys' `document` paths are relative to: ../shared. */
  readonly sharedDir: string;
  /** How many misses / false positives / uncovered numerals to list. */
  readonly listLimit: number;
}

export interface SectionResult {
  readonly title: string;
  readonly lines: readonly string[];
  /** True when this section's accuracy gate failed: `npm run eval` then exits non-zero. */
  readonly gateFailed?: boolean;
  /** Headline figures, for bench-results and other tools: { quantityF1: 0.975 }. */
  readonly metrics?: Readonly<Record<string, number>>;
}

export type EvalSection = (context: EvalContext) => SectionResult | Promise<SectionResult>;
