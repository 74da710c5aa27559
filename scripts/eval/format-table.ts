/**
 * Lays out rows as a plain-text table whose columns line up in a terminal, counting a CJK character as two
 * columns: formatTable([['文件', 'F1'], ['seed', '0.975']]).
 */
import { displayWidth } from '../../packages/cli/src/text-table.ts';

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows to lines; the first row is the header. Columns whose cells all look numeric are right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const numeric = Array.from({ length: columns }, (_, c) => rows.slice(1).every((r) => /^[-+]?[\d.,]+(?:%| ?[kKMG]?B?| MB| s)?$|^—$/.test(r[c] ?? '—')));
  const lines = rows.map((r) => widths.map((w, c) => pad(r[c] ?? '', w, numeric[c] ?? false)).join('  ').trimEnd());
  if (rows.length > 1) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}

/** 0.97512 → '0.975'. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '—';
}

/** Text around a span, on one line: …一般公共预算支出[21.98亿元]，比2022年… */
export function showContext(text: string, start: number, end: number, radius = 12): string {
  const before = text.slice(Math.max(0, start - radius), start);
  const after = text.slice(end, end + radius);
  return `${before}[${text.slice(start, end)}]${after}`.replace(/\s+/g, ' ');
}
