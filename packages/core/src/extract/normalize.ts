/**
 * Repairs a text before extraction and keeps a map back to the original offsets.
 * "特色旅\n\n游产业" → "特色旅游产业"; "**21.98亿元**" → "21.98亿元"; "１２％" → "12%".
 */

/** A repaired text and, for every position in it, the position in the original text it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `origin[i]` is the original offset of normalized offset i; `origin[text.length]` is the original length. */
  readonly origin: Int32Array;
}

// Full-width ASCII variants (！ to ～) map onto ASCII by a fixed offset; the ideographic space onto a space.
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

// Only forms that change how a number reads are folded; Chinese punctuation （，。：）stays as it is
// because sentence splitting relies on it.
const FOLDED = new Set(['０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '％', '．', '＋', '－', '～', '／']);

const SENTENCE_END = /[。！？；：…」』”"）)\]】]$/u;
const LIST_OR_HEADING_START = /^(?:#|■|●|◆|▲|★|—|-|\*|>|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+[章节部分条])/u;

/** A line this long that stops mid-sentence was cut by a page or a newspaper column, not by the author. */
const MIN_BROKEN_LINE_LENGTH = 30;

/**
 * Folds full-width digits and signs, removes Markdown emphasis, and joins lines broken inside a sentence.
 * @example normalizeText('增长**44.4％**').text // '增长44.4%'
 */
export function normalizeText(source: string): NormalizedText {
  const out: string[] = [];
  const origin: number[] = [];
  const lines = splitLines(source);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    emitLine(source, line.start, line.end, out, origin);
    if (line.breakEnd === line.end) continue;
    const next = nextNonEmptyLine(lines, index);
    if (next !== undefined && isBrokenInsideSentence(source, line, lines[next]!)) {
      index = next - 1; // skip the break and blank lines between; the next line follows directly
      continue;
    }
    for (let i = line.end; i < line.breakEnd; i++) {
      out.push(source[i]!);
      origin.push(i);
    }
  }
  origin.push(source.length);
  return { text: out.join(''), origin: Int32Array.from(origin) };
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** End of the line break that follows (== end for the last line). */
  readonly breakEnd: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const pattern = /\r?\n/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    lines.push({ start, end: match.index, breakEnd: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: source.length, breakEnd: source.length });
  return lines;
}

function nextNonEmptyLine(lines: readonly Line[], index: number): number | undefined {
  for (let next = index + 1; next < lines.length && next <= index + 3; next++) {
    const line = lines[next]!;
    if (line.end > line.start) return next;
  }
  return undefined;
}

function isBrokenInsideSentence(source: string, line: Line, next: Line): boolean {
  const current = source.slice(line.start, line.end).trimEnd();
  const following = source.slice(next.start, next.end);
  if (current.length < MIN_BROKEN_LINE_LENGTH) return false;
  if (SENTENCE_END.test(current) || /\s{2,}$/.test(source.slice(line.start, line.end))) return false;
  if (LIST_OR_HEADING_START.test(current) || LIST_OR_HEADING_START.test(following)) return false;
  // Both sides must be Chinese text: a table row or an English line is left alone.
  return /\p{Script=Han}$/u.test(current) && /^\p{Script=Han}/u.test(following);
}

const NEEDS_REPAIR = /[*_\u3000０-９％．＋－～／]/u;

function emitLine(source: string, start: number, end: number, out: string[], origin: number[]): void {
  const line = source.slice(start, end);
  if (!NEEDS_REPAIR.test(line)) {
    // Most lines need no repair: copy them whole.
    out.push(line);
    for (let i = start; i < end; i++) origin.push(i);
    return;
  }
  for (let i = start; i < end; i++) {
    const char = source[i]!;
    // Markdown emphasis markers are dropped: **21.98亿元** reads as 21.98亿元.
    if ((char === '*' || char === '_') && (source[i + 1] === char || source[i - 1] === char)) continue;
    // "3．10种有色金属": a full-width point after a line's first one or two digits numbers a list item.
    if (char === '．' && /^\s*[0-9０-９]{1,2}$/u.test(source.slice(start, i))) {
      out.push(char);
      origin.push(i);
      continue;
    }
    out.push(foldWidth(char));
    origin.push(i);
  }
}

function foldWidth(char: string): string {
  if (char === '\u3000') return ' ';
  if (!FOLDED.has(char)) return char;
  const code = char.charCodeAt(0);
  return code >= FULL_WIDTH_START && code <= FULL_WIDTH_END ? String.fromCharCode(code - FULL_WIDTH_OFFSET) : char;
}

/**
 * Maps a span of the normalized text back to the original text.
 * @example mapSpan(normalized, 3, 10) // { start: 5, end: 12 }
 */
export function mapSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = normalized.origin[start]!;
  // The end maps to just after the last character taken, so removed markers after it stay out of the span.
  const originalEnd = end > start ? normalized.origin[end - 1]! + 1 : originalStart;
  return { start: originalStart, end: originalEnd };
}
