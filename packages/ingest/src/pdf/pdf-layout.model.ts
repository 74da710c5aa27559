/**
 * The shapes PDF layout works in, from a trimmed piece of a text item up to a page's blocks in reading order.
 * Example: a Line at y 700 with two Fragments, "一般公共预算收入" and "21.98" (a table row's cells).
 */
import type { PdfItem } from './pdf-pages.ts';

/** A piece of one text item, white space trimmed off. */
export interface Run {
  readonly page: number;
  readonly item: PdfItem;
  readonly text: string;
  /** Offsets of `text` in the item's string. */
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
}

/** Runs on one baseline, separated from the next fragment of the same baseline by a wide gap. */
export interface Fragment {
  readonly runs: readonly Run[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
  readonly text: string;
}

export interface Line {
  readonly page: number;
  readonly y: number;
  readonly fontSize: number;
  readonly fragments: readonly Fragment[];
}

/** A line of running text in reading order, with the edges of the column it sits in. */
export interface TextBlock {
  readonly type: 'text';
  readonly page: number;
  readonly fragments: readonly Fragment[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly fontSize: number;
  readonly left: number;
  readonly right: number;
  /** Typical distance between baselines in this column, for telling paragraph gaps from line gaps. */
  readonly lineStep: number;
}

export interface TableBlock {
  readonly type: 'table';
  readonly page: number;
  readonly rows: readonly (readonly (Fragment | undefined)[])[];
}

export type Block = TextBlock | TableBlock;
