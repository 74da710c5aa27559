/**
 * Cuts a document's text into plain runs and figure runs for highlighting, dropping figures that overlap an earlier one
 * or whose span does not match the text: segmentText('增长44.4%', [{ start: 2, end: 7, … }]) → ['增长', figure 44.4%].
 */
import type { DocumentFigure } from '../../api/view-types.ts';

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string; readonly start: number }
  | { readonly kind: 'figure'; readonly text: string; readonly start: number; readonly figure: DocumentFigure };

export function segmentText(text: string, figures: readonly DocumentFigure[]): TextSegment[] {
  const sorted = [...figures]
    .filter((figure) => figure.start >= 0 && figure.end <= text.length && figure.start < figure.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const figure of sorted) {
    if (figure.start < cursor) continue;
    if (figure.start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, figure.start), start: cursor });
    segments.push({ kind: 'figure', text: text.slice(figure.start, figure.end), start: figure.start, figure });
    cursor = figure.end;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor), start: cursor });
  return segments;
}
