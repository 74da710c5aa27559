/**
 * Reads Markdown as text with the markup mapped out: "### ■2023年支出\n**21.98亿元** 较2022年" →
 * "■2023年支出\n21.98亿元 较2022年", every character mapped to its offset in the file. Pipe tables become tables.
 */
import type { Table } from '@duixian/core';
import { TextBuilder } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';

const HEADING = /^ {0,3}#{1,6}[ \t]+/;
const HEADING_CLOSE = /[ \t]+#+[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Inline markup: each pattern's groups other than `keep` are deleted, applied in this order. Spans are bounded (500
 * characters) so that a hostile line of unclosed markers costs linear time, not quadratic.
 */
const INLINE_PATTERNS: readonly RegExp[] = [
  /!?\[(?<keep>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, // [text](url), ![alt](src)
  /`(?<keep>[^`\n]{1,500})`/g, // `code`
  /(\*\*|__)(?=\S)(?<keep>[^\n]{0,500}?\S)\1/g, // **strong**
  /~~(?=\S)(?<keep>[^\n]{0,500}?\S)~~/g, // ~~strike~~
  /(?<![*\w\u0001])\*(?=[^\s*])(?<keep>[^*\n]{0,500}?[^\s*])\*(?![*\w])/g, // *em*
  /(?<![\w\u0001])_(?=[^\s_])(?<keep>[^_\n]{0,500}?[^\s_])_(?![\w])/g, // _em_
];

export function readMarkdown(source: string): ReaderResult {
  const builder = new TextBuilder('text');
  const tables: Table[] = [];
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
          for (const cell of splitPipeCells(current)) recorder.addCell(inlinePieces(cell.text, cell.start));
          recorder.endRow();
        }
        row += 1;
      }
      const table = recorder.finish(`table-${tables.length + 1}`, caption);
      if (table) tables.push(table);
      index = row - 1;
      continue;
    }
    appendLine(builder, line);
    // "\r\n" becomes "\n", mapped to the source's "\n".
    const newlineEnd = line.end + line.newline.length;
    if (line.newline) builder.append('\n', { kind: 'text', start: newlineEnd - 1, end: newlineEnd });
  }
  const { text, offsetMap } = builder.finish();
  return { text, offsetMap, tables, problems: [] };
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

function appendLine(builder: TextBuilder, line: Line): void {
  if (RULE.test(line.text)) return;
  let text = line.text;
  let offset = line.start;
  for (const prefix of [QUOTE, HEADING]) {
    const match = prefix.exec(text);
    if (match) {
      text = text.slice(match[0].length);
      offset += match[0].length;
    }
  }
  const close = HEADING.test(line.text) ? HEADING_CLOSE.exec(text) : null;
  if (close) text = text.slice(0, close.index);
  text = text.replace(/[ \t]+$/, ''); // trailing spaces: a hard line break
  for (const piece of inlinePieces(text, offset)) builder.append(piece.text, piece.source);
}

/** The characters of one line's inline content that remain once markup is deleted, as runs with their source. */
function inlinePieces(text: string, offset: number): { text: string; source: { kind: 'text'; start: number; end: number } }[] {
  const deleted = new Uint8Array(text.length);
  // Backslash escapes: "\*" keeps the "*".
  for (let index = 0; index < text.length - 1; index += 1) {
    if (text.charAt(index) === '\\' && /[\\`*_{}[\]()#+\-.!|~]/.test(text.charAt(index + 1))) {
      deleted[index] = 1;
      index += 1;
    }
  }
  for (const pattern of INLINE_PATTERNS) {
    const masked = Array.from(text, (char, index) => (deleted[index] ? '\u0001' : char)).join('');
    pattern.lastIndex = 0;
    for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
      const keep = match.groups?.keep ?? '';
      const innerStart = findKeepStart(match[0], keep) + match.index;
      for (let index = match.index; index < match.index + match[0].length; index += 1) {
        if (index < innerStart || index >= innerStart + keep.length) deleted[index] = 1;
      }
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }
  const pieces: { text: string; source: { kind: 'text'; start: number; end: number } }[] = [];
  let runStart = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const kept = index < text.length && !deleted[index];
    if (kept && runStart < 0) runStart = index;
    if (!kept && runStart >= 0) {
      pieces.push({ text: text.slice(runStart, index), source: { kind: 'text', start: offset + runStart, end: offset + index } });
      runStart = -1;
    }
  }
  return pieces;
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
