/**
 * Repairs a text before extraction and keeps a map back to the original offsets.
 * "特色旅\n\n游产业" → "特色旅游产业"; "**21.98亿元**" → "21.98亿元"; "１２％" → "12%".
 * Which line breaks are joined is decided in line-join.ts.
 */
import { isLineBrokenInsideSentence } from './line-join.ts';

/**
 * A repaired text and the way back: the text is made of runs copied from the original, each run starting at
 * `runStarts[k]` in the repaired text and at `runOrigins[k]` in the original (characters inside a run map
 * one to one, since folding a full-width form never changes the length).
 */
export interface NormalizedText {
  readonly text: string;
  readonly runStarts: Int32Array;
  readonly runOrigins: Int32Array;
  readonly sourceLength: number;
}

/** Collects the repaired text in pieces and notes where each piece came from. */
class TextBuilder {
  readonly pieces: string[] = [];
  readonly runStarts: number[] = [];
  readonly runOrigins: number[] = [];
  length = 0;
  private nextOrigin = -1;

  /** Appends `piece`, which came from the original at `origin`. */
  push(piece: string, origin: number): void {
    if (piece.length === 0) return;
    if (origin !== this.nextOrigin) {
      this.runStarts.push(this.length);
      this.runOrigins.push(origin);
    }
    this.pieces.push(piece);
    this.length += piece.length;
    this.nextOrigin = origin + piece.length;
  }
}

// Full-width ASCII variants (！ to ～) map onto ASCII by a fixed offset; the ideographic space onto a space.
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

// Only forms that change how a number reads are folded; Chinese punctuation （，。：）stays as it is
// because sentence splitting relies on it.
const FOLDED = new Set(['０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '％', '．', '＋', '－', '～', '／']);

/**
 * Folds full-width digits and signs, removes Markdown emphasis, and joins lines broken inside a sentence.
 * @example normalizeText('增长**44.4％**').text // '增长44.4%'
 */
export function normalizeText(source: string): NormalizedText {
  const out = new TextBuilder();
  const lines = splitLines(source);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    emitLine(source, line.start, line.end, out);
    if (line.breakEnd === line.end) continue;
    const next = nextNonEmptyLine(lines, index);
    if (next !== undefined && isBrokenInsideSentence(source, line, lines[next]!, lines[index - 1])) {
      index = next - 1; // skip the break and blank lines between; the next line follows directly
      continue;
    }
    out.push(source.slice(line.end, line.breakEnd), line.end);
  }
  return {
    text: out.pieces.join(''),
    runStarts: Int32Array.from(out.runStarts),
    runOrigins: Int32Array.from(out.runOrigins),
    sourceLength: source.length,
  };
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

function isBrokenInsideSentence(source: string, line: Line, next: Line, previous: Line | undefined): boolean {
  return isLineBrokenInsideSentence(
    source.slice(line.start, line.end),
    source.slice(next.start, next.end),
    previous && previous.end > previous.start ? source.slice(previous.start, previous.end) : undefined,
  );
}

const NEEDS_REPAIR = /[*_\u3000０-９％．＋－～／]/u;

function emitLine(source: string, start: number, end: number, out: TextBuilder): void {
  const line = source.slice(start, end);
  if (!NEEDS_REPAIR.test(line)) {
    out.push(line, start); // most lines need no repair: copy them whole
    return;
  }
  for (let i = start; i < end; i++) {
    const char = source[i]!;
    // Markdown emphasis markers are dropped: **21.98亿元** reads as 21.98亿元.
    if ((char === '*' || char === '_') && (source[i + 1] === char || source[i - 1] === char)) continue;
    // "3．10种有色金属": a full-width point after a line's first one or two digits numbers a list item.
    if (char === '．' && /^\s*[0-9０-９]{1,2}$/u.test(source.slice(start, i))) {
      out.push(char, i);
      continue;
    }
    out.push(foldWidth(char), i);
  }
}

function foldWidth(char: string): string {
  if (char === '\u3000') return ' ';
  if (!FOLDED.has(char)) return char;
  const code = char.charCodeAt(0);
  return code >= FULL_WIDTH_START && code <= FULL_WIDTH_END ? String.fromCharCode(code - FULL_WIDTH_OFFSET) : char;
}

/** The original offset of normalized offset `position` (which may be the text's end). */
function originOf(normalized: NormalizedText, position: number): number {
  const { runStarts, runOrigins } = normalized;
  if (runStarts.length === 0) return 0;
  let low = 0;
  let high = runStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runStarts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return runOrigins[low]! + (position - runStarts[low]!);
}

/**
 * Maps a span of the normalized text back to the original text.
 * @example mapSpan(normalized, 3, 10) // { start: 5, end: 12 }
 */
export function mapSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = start >= normalized.text.length ? normalized.sourceLength : originOf(normalized, start);
  // The end maps to just after the last character taken, so removed markers after it stay out of the span.
  const originalEnd = end > start ? originOf(normalized, end - 1) + 1 : originalStart;
  return { start: originalStart, end: originalEnd };
}
