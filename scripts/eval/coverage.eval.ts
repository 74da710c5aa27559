/**
 * The coverage section of `npm run eval`: over every corpus document, the share of numerals (Arabic digit groups and
 * Chinese numeral runs, see numeral-scan.ts) that end up inside a quantity, a date or a recognised non-quantity,
 * the most frequent uncovered ones with their context ("一是 ×41  …[一]是坚持…"), and any document the tool crashes on
 * or returns a span that is not the text at its offsets.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { formatRatio, formatTable, showContext } from './format-table.ts';
import { readDocumentText } from './gold-key.ts';
import { scanNumerals, type NumeralToken } from './numeral-scan.ts';
import type { Prediction, PredictedSpan } from './prediction.ts';

export interface DocumentCoverage {
  readonly document: string;
  readonly numerals: number;
  readonly covered: number;
  readonly uncovered: readonly NumeralToken[];
  /** Spans the tool returned whose `text` is not the document's text at their offsets. */
  readonly badSpans: number;
  readonly error?: string;
}

/** Which numerals of one text lie wholly inside the prediction's quantities, dates and non-quantities. */
export function measureCoverage(document: string, text: string, prediction: Prediction): DocumentCoverage {
  const spans: PredictedSpan[] = [...prediction.quantities, ...prediction.dates, ...prediction.nonQuantities];
  const covered = new Uint8Array(text.length + 1);
  let badSpans = 0;
  for (const span of [...spans, ...prediction.commitments]) {
    if (span.start < 0 || span.end > text.length || span.start > span.end || text.slice(span.start, span.end) !== span.text) badSpans += 1;
  }
  for (const span of spans) covered.fill(1, Math.max(0, span.start), Math.min(text.length, span.end));
  const tokens = scanNumerals(text);
  const uncovered = tokens.filter((t) => covered.subarray(t.start, t.end).includes(0));
  return { document, numerals: tokens.length, covered: tokens.length - uncovered.length, uncovered, badSpans };
}

/** The corpus documents: every .txt file of the folder, by name. */
export function listCorpus(corpusDir: string): string[] {
  return readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).sort();
}

export function evaluateCoverage(context: EvalContext): SectionResult {
  const results: (DocumentCoverage & { text: string })[] = [];
  for (const name of listCorpus(context.corpusDir)) {
    const text = readDocumentText(join(context.corpusDir, name));
    const year = /-(\d{4})\.txt$/.exec(name)?.[1];
    const reportYear = /gwr/.test(name) && year ? Number(year) : undefined;
    try {
      const prediction = context.predictor.predict(text, reportYear === undefined ? {} : { reportYear });
      results.push({ ...measureCoverage(name, text, prediction), text });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ document: name, numerals: 0, covered: 0, uncovered: [], badSpans: 0, error: message, text });
    }
  }
  const numerals = results.reduce((n, r) => n + r.numerals, 0);
  const covered = results.reduce((n, r) => n + r.covered, 0);
  const crashes = results.filter((r) => r.error !== undefined);
  const badSpans = results.reduce((n, r) => n + r.badSpans, 0);
  const share = numerals === 0 ? 1 : covered / numerals;

  const rows: string[][] = [['document', 'numerals', 'covered', 'share']];
  for (const r of results) rows.push([r.document, String(r.numerals), String(r.covered), r.error ? 'CRASH' : formatRatio(r.numerals === 0 ? 1 : r.covered / r.numerals)]);
  const lines = [
    ...formatTable(rows),
    '',
    `coverage ${formatRatio(share)} (${covered}/${numerals} numerals inside a quantity, date or non-quantity) over ${results.length} documents; crashes ${crashes.length}; spans not matching the text ${badSpans}`,
  ];
  for (const c of crashes) lines.push(`  CRASH ${c.document}: ${c.error}`);

  // Group uncovered numerals by the numeral and the character after it: "一是", "3个", "2023年".
  const groups = new Map<string, { count: number; example: string }>();
  for (const r of results) {
    for (const t of r.uncovered) {
      const shape = t.text + (r.text[t.end] ?? '');
      const group = groups.get(shape);
      if (group) group.count += 1;
      else groups.set(shape, { count: 1, example: `${r.document.slice(0, 2)} ${showContext(r.text, t.start, t.end, 10)}` });
    }
  }
  const top = [...groups.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, context.listLimit);
  lines.push('', `uncovered numerals, most frequent first (${numerals - covered} in ${groups.size} shapes):`);
  for (const [shape, g] of top) lines.push(`  ${String(g.count).padStart(4)}×  ${shape.padEnd(6)}  ${g.example}`);

  return {
    title: '覆盖 Corpus coverage',
    lines,
    gateFailed: crashes.length > 0 || badSpans > 0,
    metrics: { coverage: share, coverageNumerals: numerals, crashes: crashes.length, badSpans },
  };
}
