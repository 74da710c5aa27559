/**
 * What each format reader returns: the normalized text, its offset map, its tables, what it could not read, and —
 * for Markdown — the marks (headings, list items, emphasis) its markup made, as offsets into the text.
 */
import type { Problem, Table, TextMark } from '@duixian/core';
import type { OffsetMap } from './offset-map.ts';

export interface ReaderResult {
  readonly text: string;
  readonly offsetMap: OffsetMap;
  readonly tables: Table[];
  readonly problems: Problem[];
  /** Headings, list items, quotations and emphasis, in text order (Markdown only). */
  readonly marks?: readonly TextMark[];
}
