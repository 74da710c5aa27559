/**
 * The backup file: gzip'd JSON lines. The first line is the header (format name and version, the engine, the
 * migrations the schema had, every table with its columns); then one line per row `{"t":"regions","r":[…]}` with
 * every value as PostgreSQL's own text form (exact: NUMERIC, microsecond timestamps) or, for bytea, base64; the last
 * line is the trailer with the row count of each table, so a truncated file is refused.
 * Example header: {"format":"duixian-backup","version":1,"migrations":["0001-initial"],"tables":[{"name":"regions",…}]}.
 */
import type { TableColumn } from './table-catalog.ts';

export const BACKUP_FORMAT = 'duixian-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly engine: 'pglite' | 'postgres';
  readonly migrations: readonly string[];
  readonly tables: readonly { name: string; columns: readonly TableColumn[] }[];
}

export interface BackupRowLine {
  /** Table name. */
  readonly t: string;
  /** Values in the header's column order: text, base64 for bytea, or null. */
  readonly r: readonly (string | null)[];
}

export interface BackupTrailer {
  readonly end: true;
  readonly counts: Readonly<Record<string, number>>;
}

/** Columns stored as base64 rather than text. */
export function isBinaryColumn(column: TableColumn): boolean {
  return column.type === 'bytea';
}

/** A problem with a backup file: wrong format, newer version, truncated, or a count that does not match. */
export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}
