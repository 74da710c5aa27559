/**
 * Lays a Markdown document's text out as blocks — headings, list items, quotations, paragraphs — with strong and
 * emphasised words, from the marks ingest recorded (the markup itself is gone from the text), around the figure
 * highlights cut by segmentText; every piece keeps its offset into the text, so highlights stay exact:
 * text '一、收入\n全年增长52.8%' with marks [heading 2 over 0–4, strong over 9–14] →
 * [heading 2 '一、收入', paragraph ['全年增长', strong figure 52.8%]].
 */
import type { TextMark } from '@duixian/core';
import type { DocumentFigure } from '../../api/view-types.ts';
import type { TextSegment } from './document-segments.ts';

/** A run of a line: plain text or a figure, with the emphasis it sits in. */
export type InlinePiece =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly strong: boolean; readonly emphasis: boolean }
  | { readonly kind: 'figure'; readonly text: string; readonly start: number; readonly figure: DocumentFigure; readonly strong: boolean; readonly emphasis: boolean };

export type MarkdownBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly pieces: readonly InlinePiece[]; readonly start: number }
  | { readonly kind: 'item'; readonly ordered: boolean; readonly pieces: readonly InlinePiece[]; readonly start: number }
  | { readonly kind: 'quote'; readonly pieces: readonly InlinePiece[]; readonly start: number }
  | { readonly kind: 'paragraph'; readonly pieces: readonly InlinePiece[]; readonly start: number };

type LineMark = Extract<TextMark, { kind: 'heading' | 'item' | 'quote' }>;
type Piece = { readonly kind: 'text'; readonly text: string; readonly start: number } | { readonly kind: 'figure'; readonly segment: Extract<TextSegment, { kind: 'figure' }> };

const startOf = (piece: Piece) => (piece.kind === 'text' ? piece.start : piece.segment.start);

/**
 * Cuts segments into lines (a figure never spans one); a line is the block its mark says (a paragraph when none), a
 * list item without its marker; text is split where strong or emphasis begins or ends. Blank lines are dropped:
 * blocks are spaced by the page's styles.
 * @example markdownBlocks(segmentText('标题\n- 新建3所', figures), [heading 1 over 0–2, item over 3–9 from 5]) // [heading, item '新建3所']
 */
export function markdownBlocks(segments: readonly TextSegment[], marks: readonly TextMark[]): MarkdownBlock[] {
  const lines: Piece[][] = [[]];
  for (const segment of segments) {
    if (segment.kind === 'figure') {
      lines[lines.length - 1]!.push({ kind: 'figure', segment });
      continue;
    }
    let offset = segment.start;
    segment.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1]!.push({ kind: 'text', text: part, start: offset });
      offset += part.length + 1;
    });
  }
  const lineMarks = marks.filter((mark): mark is LineMark => mark.kind === 'heading' || mark.kind === 'item' || mark.kind === 'quote');
  const styles = marks.filter((mark) => mark.kind === 'strong' || mark.kind === 'emphasis');
  const blocks: MarkdownBlock[] = [];
  for (const line of lines) {
    if (line.length === 0 || line.every((piece) => piece.kind === 'text' && piece.text.trim() === '')) continue;
    const start = startOf(line[0]!);
    const last = line[line.length - 1]!;
    const end = last.kind === 'text' ? last.start + last.text.length : last.segment.start + last.segment.text.length;
    const onLine = lineMarks.filter((mark) => mark.start < end && mark.end > start);
    const heading = onLine.find((mark) => mark.kind === 'heading');
    const item = onLine.find((mark) => mark.kind === 'item');
    const contentFrom = item?.kind === 'item' ? item.contentStart : start;
    const pieces = styled(dropBefore(line, contentFrom), styles);
    if (heading?.kind === 'heading') blocks.push({ kind: 'heading', level: heading.level, pieces, start });
    else if (item?.kind === 'item') blocks.push({ kind: 'item', ordered: item.ordered, pieces, start });
    else if (onLine.some((mark) => mark.kind === 'quote')) blocks.push({ kind: 'quote', pieces, start });
    else blocks.push({ kind: 'paragraph', pieces, start });
  }
  return blocks;
}

/** The line from `offset` on: a list item's marker ('- ', '1. ') is drawn by the list, not as text. */
function dropBefore(line: readonly Piece[], offset: number): Piece[] {
  return line.flatMap((piece): Piece[] => {
    if (piece.kind === 'figure' || piece.start >= offset) return [piece];
    const cut = offset - piece.start;
    return cut >= piece.text.length ? [] : [{ kind: 'text', text: piece.text.slice(cut), start: offset }];
  });
}

/** Splits text pieces where a strong or emphasis range begins or ends and marks each piece; a figure takes the style at its start. */
function styled(line: readonly Piece[], styles: readonly TextMark[]): InlinePiece[] {
  const isIn = (kind: 'strong' | 'emphasis', at: number) => styles.some((mark) => mark.kind === kind && mark.start <= at && at < mark.end);
  const pieces: InlinePiece[] = [];
  for (const piece of line) {
    if (piece.kind === 'figure') {
      const at = piece.segment.start;
      pieces.push({ kind: 'figure', text: piece.segment.text, start: at, figure: piece.segment.figure, strong: isIn('strong', at), emphasis: isIn('emphasis', at) });
      continue;
    }
    const end = piece.start + piece.text.length;
    const cuts = [...new Set([piece.start, end, ...styles.flatMap((mark) => [mark.start, mark.end]).filter((at) => at > piece.start && at < end)])].sort((a, b) => a - b);
    for (let index = 0; index < cuts.length - 1; index += 1) {
      const from = cuts[index]!;
      const to = cuts[index + 1]!;
      pieces.push({ kind: 'text', text: piece.text.slice(from - piece.start, to - piece.start), start: from, strong: isIn('strong', from), emphasis: isIn('emphasis', from) });
    }
  }
  return pieces;
}
