/**
 * Reads Markdown as text with the markup mapped out: "### ■2023年支出\n**21.98亿元** 较2022年" →
 * "■2023年支出\n21.98亿元 较2022年", every character mapped to its offset in the file, and marks of what the markup
 * said — a level-3 heading over "■2023年支出", strong over "21.98亿元" — so a view can show it as a document. List
 * markers ("- ", "1. ") stay in the text, marked as such. Pipe tables become tables.
 */
import type { Table, TextMark } from '@duixian/core';
import { TextBuilder } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';

const HEADING = /^ {0,3}#{1,6}[ \t]+/;
const HEADING_CLOSE = /[ \t]+#+[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const BULLET = /^[ \t]*[-*+][ \t]+/;
const NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Inline markup: each pattern's groups other than `keep` are deleted, applied in this order; `mark` names what the
 * kept words are. Spans are bounded (500 characters) so that a hostile line of unclosed markers costs linear time,
 * not quadratic.
 */
const INLINE_PATTERNS: readonly { readonly pattern: RegExp; readonly mark?: 'strong' | 'emphasis' }[] = [
  { pattern: /!?\[(?<keep>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g }, // [text](url), ![alt](src)
  { pattern: /`(?<keep>[^`\n]{1,500})`/g }, // `code`
  { pattern: /(\*\*|__)(?=\S)(?<keep>[^\n]{0,500}?\S)\1/g, mark: 'strong' }, // **strong**
  { pattern: /~~(?=\S)(?<keep>[^\n]{0,500}?\S)~~/g }, // ~~strike~~
  { pattern: /(?<![*\w\u0001])\*(?=[^\s*])(?<keep>[^*\n]{0,500}?[^\s*])\*(?![*\w])/g, mark: 'emphasis' }, // *em*
  { pattern: /(?<![\w\u0001])_(?=[^\s_])(?<keep>[^_\n]{0,500}?[^\s_])_(?![\w])/g, mark: 'emphasis' }, // _em_
];

/** A run of kept characters of a line: its text and where it came from. */
interface InlinePiece {
  readonly text: string;
  readonly source: { kind: 'text'; start: number; end: number };
}

/** A line's inline content once markup is deleted, with its strong and emphasised ranges (offsets into the line). */
interface InlineContent {
  readonly pieces: InlinePiece[];
  readonly styles: { readonly kind: 'strong' | 'emphasis'; readonly start: number; readonly end: number }[];
}

export function readMarkdown(source: string): ReaderResult {
  const builder = new TextBuilder('text');
  const tables: Table[] = [];
  const marks: TextMark[] = [];
  const lines = splitLines(source);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    const next = lines[index + 1];
    if (line.text.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next.text) && next.text.includes('-')) {
      const recorder = new TableRecorder(builder);
      const caption = captionBefore(builder.finish().text);
      let row = index;
      while (row < lines.length) {
        const current = lines[row] as Line;
        if (!current.text.includes('|') || current.text.trim().length === 0) break;
        if (row !== index + 1) {
          recorder.startRow();
          for (const cell of splitPipeCells(current)) recorder.addCell(readInline(cell.text, cell.start).pieces);
          recorder.endRow();
        }
        row += 1;
      }
      const table = recorder.finish(`table-${tables.length + 1}`, caption);
      if (table) tables.push(table);
      index = row - 1;
      continue;
    }
    appendLine(builder, line, marks);
    // "\r\n" becomes "\n", mapped to the source's "\n".
    const newlineEnd = line.end + line.newline.length;
    if (line.newline) builder.append('\n', { kind: 'text', start: newlineEnd - 1, end: newlineEnd });
  }
  const { text, offsetMap } = builder.finish();
  return { text, offsetMap, tables, problems: [], marks: marks.sort((a, b) => a.start - b.start) };
}

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly newline: string;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    lines.push({ text: source.slice(start, match.index), start, end: match.index, newline: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: source.slice(start), start, end: source.length, newline: '' });
  return lines;
}

function appendLine(builder: TextBuilder, line: Line, marks: TextMark[]): void {
  if (RULE.test(line.text)) return;
  let text = line.text;
  let offset = line.start;
  const prefixes = { quote: false, heading: 0 };
  for (const [name, prefix] of [['quote', QUOTE], ['heading', HEADING]] as const) {
    const match = prefix.exec(text);
    if (match) {
      if (name === 'quote') prefixes.quote = true;
      else prefixes.heading = match[0].trim().length;
      text = text.slice(match[0].length);
      offset += match[0].length;
    }
  }
  const close = HEADING.test(line.text) ? HEADING_CLOSE.exec(text) : null;
  if (close) text = text.slice(0, close.index);
  text = text.replace(/[ \t]+$/, ''); // trailing spaces: a hard line break
  const start = builder.offset;
  const inline = readInline(text, offset);
  // Where each kept character of the line lands in the text (-1: deleted markup), to turn the line's styled ranges
  // into text offsets; with the nearest kept character either side of each index, in linear time for any line.
  const landing = new Int32Array(text.length).fill(-1);
  for (const piece of inline.pieces) {
    const at = builder.offset;
    for (let index = 0; index < piece.text.length; index += 1) landing[piece.source.start - offset + index] = at + index;
    builder.append(piece.text, piece.source);
  }
  const nextKept = new Int32Array(text.length + 1).fill(-1);
  for (let index = text.length - 1; index >= 0; index -= 1) nextKept[index] = landing[index]! >= 0 ? index : nextKept[index + 1]!;
  const previousKept = new Int32Array(text.length).fill(-1);
  for (let index = 0; index < text.length; index += 1) previousKept[index] = landing[index]! >= 0 ? index : index > 0 ? previousKept[index - 1]! : -1;
  const end = builder.offset;
  if (end === start) return;
  if (prefixes.heading > 0) marks.push({ kind: 'heading', level: prefixes.heading, start, end });
  if (prefixes.quote) marks.push({ kind: 'quote', start, end });
  const bullet = prefixes.heading > 0 ? null : (BULLET.exec(text) ?? NUMBERED.exec(text));
  // The marker's characters are never markup, so they land one for one at the start of the line.
  if (bullet && landing[bullet[0].length - 1] === start + bullet[0].length - 1) {
    marks.push({ kind: 'item', ordered: NUMBERED.test(text), start, contentStart: start + bullet[0].length, end });
  }
  for (const style of inline.styles) {
    const first = nextKept[style.start]!;
    const last = previousKept[style.end - 1]!;
    if (first < 0 || first >= style.end || last < style.start) continue;
    marks.push({ kind: style.kind, start: landing[first]!, end: landing[last]! + 1 });
  }
}

/** The characters of one line's inline content that remain once markup is deleted, as runs with their source, and the ranges markup styled. */
function readInline(text: string, offset: number): InlineContent {
  const deleted = new Uint8Array(text.length);
  const styles: { kind: 'strong' | 'emphasis'; start: number; end: number }[] = [];
  // Backslash escapes: "\*" keeps the "*".
  for (let index = 0; index < text.length - 1; index += 1) {
    if (text.charAt(index) === '\\' && /[\\`*_{}[\]()#+\-.!|~]/.test(text.charAt(index + 1))) {
      deleted[index] = 1;
      index += 1;
    }
  }
  for (const { pattern, mark } of INLINE_PATTERNS) {
    const masked = Array.from(text, (char, index) => (deleted[index] ? '\u0001' : char)).join('');
    pattern.lastIndex = 0;
    for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
      const keep = match.groups?.keep ?? '';
      const innerStart = findKeepStart(match[0], keep) + match.index;
      for (let index = match.index; index < match.index + match[0].length; index += 1) {
        if (index < innerStart || index >= innerStart + keep.length) deleted[index] = 1;
      }
      if (mark && keep.length > 0) styles.push({ kind: mark, start: innerStart, end: innerStart + keep.length });
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }
  const pieces: InlinePiece[] = [];
  let runStart = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const kept = index < text.length && !deleted[index];
    if (kept && runStart < 0) runStart = index;
    if (!kept && runStart >= 0) {
      pieces.push({ text: text.slice(runStart, index), source: { kind: 'text', start: offset + runStart, end: offset + index } });
      runStart = -1;
    }
  }
  return { pieces, styles };
}

/** Where the kept group starts inside a match: after the opening marker ("**", "[", "`", "~~", "*", "_", "!["). */
function findKeepStart(whole: string, keep: string): number {
  const opening = /^(!?\[|`|\*\*|__|~~|\*|_)/.exec(whole);
  const start = opening ? opening[0].length : 0;
  return whole.startsWith(keep, start) ? start : Math.max(0, whole.indexOf(keep));
}

function splitPipeCells(line: Line): { text: string; start: number }[] {
  let text = line.text;
  let offset = line.start;
  const lead = /^\s*\|?/.exec(text)?.[0] ?? '';
  text = text.slice(lead.length);
  offset += lead.length;
  text = text.replace(/\|?\s*$/, '');
  const cells: { text: string; start: number }[] = [];
  let cellStart = 0;
  for (let index = 0; index <= text.length; index += 1) {
    if (index === text.length || (text.charAt(index) === '|' && text.charAt(index - 1) !== '\\')) {
      cells.push({ text: text.slice(cellStart, index), start: offset + cellStart });
      cellStart = index + 1;
    }
  }
  return cells;
}
