/**
 * Lays out rows as a plain-text table whose columns line up in a terminal, counting a CJK character as two
 * columns: formatTable([['文件', 'F1'], ['seed', '0.975']]).
 */

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd)
      ? 2
      : 1;
  }
  return width;
}

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
