/** What each format reader returns: the normalized text, its offset map, its tables and what it could not read. */
import type { Problem, Table } from '@duixian/core';
import type { OffsetMap } from './offset-map.ts';

export interface ReaderResult {
  readonly text: string;
  readonly offsetMap: OffsetMap;
  readonly tables: Table[];
  readonly problems: Problem[];
}
