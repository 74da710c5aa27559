/**
 * Writes an export table as CSV that Excel and WPS open cleanly in Chinese: UTF-8 with a byte-order mark, CRLF line
 * ends, the Chinese headers, fields quoted when they hold a comma, quote or line break, exact decimals as written.
 * Example: `toCsv(table)` → '\uFEFF编号,标签,金额（元）\r\n1,一般公共预算支出,2198000000\r\n'.
 */
import type { ExportCell, ExportTable } from './export-table.ts';

const BOM = '\uFEFF';

/** One field: quoted when needed; a leading = + - @ in text is prefixed with ' so no spreadsheet runs it as a formula. */
export function csvField(value: ExportCell, kind: 'text' | 'other' = 'other'): string {
  if (value === null) return '';
  let text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  if (kind === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvOptions {
  /** Headers from `key` instead of the Chinese header (machine-readable files like the Fiscal Data Package). */
  readonly keysAsHeaders?: boolean;
  /** Leave out the byte-order mark (default: with it, for Excel and WPS). */
  readonly withoutBom?: boolean;
}

export function toCsv(table: ExportTable, options: CsvOptions = {}): string {
  const lines = [table.columns.map((column) => csvField(options.keysAsHeaders ? column.key : column.header)).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((cell, index) => csvField(cell, table.columns[index]?.kind === 'text' ? 'text' : 'other')).join(','));
  }
  return `${options.withoutBom ? '' : BOM}${lines.join('\r\n')}\r\n`;
}
