/**
 * What the extraction's parsers and refiners share, chrono's way: one state of candidates that a `Parser` adds to
 * and a `Refiner` corrects, run in the order of `extraction.config.ts`.
 * Example: after the quantity parser, `state.quantities` holds "2万亩" as { start: 8, end: 11, value: 20000, unit: '亩' }.
 */
import type { ExtractionContext } from '../model/extraction.ts';
import type { NonQuantityCandidate, QuantityCandidate } from './candidate.ts';
import type { CommitmentCandidate } from './parsers/commitment.parser.ts';
import type { DateParse } from './parsers/date.parser.ts';
import type { NumeralScan } from './parsers/numeral.scanner.ts';
import type { SectionCandidate } from './parsers/section.parser.ts';

/** The candidates so far, on the normalized text (offsets into `text`). */
export interface ExtractionState {
  readonly text: string;
  readonly context: ExtractionContext;
  /** Every numeral, and the runs of digits that could not be read as one. */
  scan: NumeralScan;
  /** Dates written with numbers only: what tells the report year when nobody says. */
  written: DateParse;
  /** The year the report is about: given, or inferred from its written dates. */
  reportYear: number | undefined;
  /** All dates, the relative ones (今年, 上年) included, and the numeral tokens they used. */
  dates: DateParse;
  quantities: QuantityCandidate[];
  nonQuantities: NonQuantityCandidate[];
  sections: SectionCandidate[];
  commitments: CommitmentCandidate[];
}

/** Finds new candidates in the text: numerals, dates, quantities, sections, commitments. */
export interface Parser {
  /** What it finds, for a reader of the configuration and of a trace. */
  readonly name: string;
  parse(state: ExtractionState): void;
}

/** Corrects or completes candidates already found: merges, drops, or fills a field from the words around. */
export interface Refiner {
  readonly name: string;
  refine(state: ExtractionState): void;
}

/** The steps of an extraction, in order: parsers of figures, refiners of figures, parsers of structure. */
export interface ExtractionConfiguration {
  /** Parsers of the figures themselves. */
  readonly parsers: readonly Parser[];
  /** Refiners of the figures, run after every figure parser. */
  readonly refiners: readonly Refiner[];
  /** Parsers of what the refined figures sit in: sections, and the commitments whose targets they are. */
  readonly structure: readonly Parser[];
}

/** A state with nothing found yet. */
export function emptyState(text: string, context: ExtractionContext): ExtractionState {
  const none: DateParse = { dates: [], usedTokens: new Set() };
  return {
    text, context, scan: { tokens: [], unreadable: [] }, written: none, reportYear: context.reportYear, dates: none,
    quantities: [], nonQuantities: [], sections: [], commitments: [],
  };
}

/** Runs a configuration's steps in order on a state. */
export function runConfiguration(configuration: ExtractionConfiguration, state: ExtractionState): ExtractionState {
  for (const parser of configuration.parsers) parser.parse(state);
  for (const refiner of configuration.refiners) refiner.refine(state);
  for (const parser of configuration.structure) parser.parse(state);
  return state;
}
