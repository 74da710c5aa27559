/**
 * Reads a Markdown document's lines as blocks — headings, list items, paragraphs — with **strong** and *emphasis*
 * inside them, around the figure highlights cut by segmentText, every piece keeping its offset into the original text:
 * '## 一、收入\n全年增长**52.8%**' → [heading 2 '一、收入', paragraph ['全年增长', strong figure 52.8%]].
 * Only line-level Markdown (#, -, *, +, 1.) and inline ** / *: enough for a report, no dependency.
 */
import type { DocumentFigure } from '../../api/view-types.ts';
import type { TextSegment } from './document-segments.ts';

/** A run of a line: plain text or a figure, with the emphasis it sits in. */
export type InlinePiece =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly strong: boolean; readonly emphasis: boolean }
  | { readonly kind: 'figure'; readonly text: string; readonly start: number; readonly figure: DocumentFigure; readonly strong: boolean; readonly emphasis: boolean };

export type MarkdownBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly pieces: readonly InlinePiece[]; readonly start: number }
  | { readonly kind: 'item'; readonly ordered: boolean; readonly pieces: readonly InlinePiece[]; readonly start: number }
  | { readonly kind: 'paragraph'; readonly pieces: readonly InlinePiece[]; readonly start: number };

type LinePiece = { readonly kind: 'text'; readonly text: string; readonly start: number } | { readonly kind: 'figure'; readonly segment: Extract<TextSegment, { kind: 'figure' }> };

const HEADING = /^(#{1,6})[ \t]+/;
const BULLET = /^[ \t]*[-*+][ \t]+/;
const NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+/;

/**
 * Cuts segments into lines (a figure never spans one), reads each line's block marker and its inline emphasis.
 * Blank lines are dropped: blocks are spaced by the page's styles.
 * @example markdownBlocks(segmentText('# 标题\n- 新建3所', figures)) // [{ kind: 'heading', level: 1, … }, { kind: 'item', … }]
 */
export function markdownBlocks(segments: readonly TextSegment[]): MarkdownBlock[] {
  const lines: LinePiece[][] = [[]];
  for (const segment of segments) {
    if (segment.kind === 'figure') {
      lines[lines.length - 1]!.push({ kind: 'figure', segment });
      continue;
    }
    const parts = segment.text.split('\n');
    let offset = segment.start;
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1]!.push({ kind: 'text', text: part, start: offset });
      offset += part.length + 1;
    });
  }
  const blocks: MarkdownBlock[] = [];
  for (const line of lines) {
    const first = line[0];
    if (first === undefined || line.every((piece) => piece.kind === 'text' && piece.text.trim() === '')) continue;
    const start = first.kind === 'text' ? first.start : first.segment.start;
    const marker = first.kind === 'text' ? readMarker(first.text) : undefined;
    if (marker === undefined || first.kind !== 'text') {
      blocks.push({ kind: 'paragraph', pieces: readEmphasis(line), start });
      continue;
    }
    const rest: LinePiece[] = [{ kind: 'text', text: first.text.slice(marker.length), start: first.start + marker.length }, ...line.slice(1)];
    const pieces = readEmphasis(rest.filter((piece) => piece.kind === 'figure' || piece.text.length > 0));
    blocks.push(marker.kind === 'heading' ? { kind: 'heading', level: marker.level, pieces, start } : { kind: 'item', ordered: marker.kind === 'numbered', pieces, start });
  }
  return blocks;
}

function readMarker(text: string): { kind: 'heading'; level: number; length: number } | { kind: 'bullet' | 'numbered'; length: number } | undefined {
  const heading = HEADING.exec(text);
  if (heading) return { kind: 'heading', level: heading[1]!.length, length: heading[0].length };
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'bullet', length: bullet[0].length };
  const numbered = NUMBERED.exec(text);
  if (numbered) return { kind: 'numbered', length: numbered[0].length };
  return undefined;
}

/**
 * Splits a line's text at ** and * and marks what lies between them; a marker without its partner on the line
 * stays as text (a stray '*' in a report is not emphasis). Emphasis runs across figures: **增长52.8%** is strong.
 */
function readEmphasis(line: readonly LinePiece[]): InlinePiece[] {
  const text = line.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('');
  const pairs = { '**': Math.floor(countOf(text, /\*\*/g) / 2) * 2, '*': Math.floor(countOf(text.replace(/\*\*/g, ''), /\*/g) / 2) * 2 };
  let strong = false;
  let emphasis = false;
  const pieces: InlinePiece[] = [];
  for (const piece of line) {
    if (piece.kind === 'figure') {
      pieces.push({ kind: 'figure', text: piece.segment.text, start: piece.segment.start, figure: piece.segment.figure, strong, emphasis });
      continue;
    }
    const pattern = /\*\*|\*/g;
    let cursor = 0;
    const flush = (end: number) => {
      if (end > cursor) pieces.push({ kind: 'text', text: piece.text.slice(cursor, end), start: piece.start + cursor, strong, emphasis });
    };
    for (let match = pattern.exec(piece.text); match !== null; match = pattern.exec(piece.text)) {
      const marker = match[0] as '**' | '*';
      if (pairs[marker] === 0) continue;
      flush(match.index);
      pairs[marker] -= 1;
      if (marker === '**') strong = !strong;
      else emphasis = !emphasis;
      cursor = match.index + marker.length;
    }
    flush(piece.text.length);
  }
  return pieces;
}

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Whether a document is Markdown by its file name: .md and .markdown uploads. */
export function isMarkdownFile(fileName: string): boolean {
  return /\.(md|markdown)$/i.test(fileName);
}
