/**
 * The contract between `npm run bench` (scripts/bench/main.ts) and its sections: a section measures something and
 * returns table rows, e.g. { title: 'PDF ingest', rows: [{ tool: 'duixian', 'chars/s': 1200000 }] }.
 * Sections written by other people (pdf.bench.ts, verify.bench.ts) receive the same context.
 */

/** One measured tool or case: column name → value (numbers are formatted by the printer). */
export type BenchRow = Readonly<Record<string, string | number | null>>;

export interface BenchContext {
  /** The repository root. */
  readonly repoRoot: string;
  /** ../shared/corpus: the documents every tool is run on. */
  readonly corpusDir: string;
  /** ../shared: answer keys' `document` paths are relative to it. */
  readonly sharedDir: string;
  /** Folders holding *.gold.json answer keys. */
  readonly keyDirs: readonly string[];
  /** Runs a script in a fresh `tsx` child process and returns the last JSON line it prints (for peak-memory runs). */
  runChild(script: string, args: readonly string[]): Promise<unknown>;
}

export interface BenchSectionResult {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  /** Free lines printed under the table: method, caveats. */
  readonly notes?: readonly string[];
}

export type BenchSection = (context: BenchContext) => BenchSectionResult | Promise<BenchSectionResult>;
