/**
 * Maps offsets of the extracted text back to the source: a character offset into the decoded file (text, Markdown,
 * HTML), a page and text item for PDF, a paragraph for DOCX. Example: in a PDF, "21.98亿元" at text offsets 120–127
 * → [{ kind: 'pdf', page: 1, item: 14, start: 0, end: 5 }, { kind: 'pdf', page: 1, item: 15, start: 0, end: 2 }].
 */

/**
 * A box on a PDF page in PDF user space (points, origin bottom left), for highlighting: `y` is the text's baseline,
 * the glyphs rise about `height` (the font size) above it.
 */
export interface PdfBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A place in the source a piece of extracted text came from. `start`/`end` are UTF-16 offsets in that unit. */
export type SourceRange =
  /** Offsets into the decoded source text (the file's characters without byte-order mark). */
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  /** Offsets into the string of text item `item` (pdf.js getTextContent order, from 0) on page `page` (from 1). */
  | { readonly kind: 'pdf'; readonly page: number; readonly item: number; readonly start: number; readonly end: number; readonly box?: PdfBox }
  /** Offsets into the text of paragraph `paragraph` (every w:p of word/document.xml in document order, from 0). */
  | { readonly kind: 'docx'; readonly paragraph: number; readonly start: number; readonly end: number };

/**
 * One run of extracted text and where it came from. When the extracted and source lengths are equal the mapping is
 * character by character; otherwise (an HTML entity, a decoded ligature) the whole run maps to the whole source range.
 */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  readonly source: SourceRange;
}

/** Every run of the extracted text that came from the source, in text order. Separators ingest inserted have none. */
export interface OffsetMap {
  readonly kind: SourceRange['kind'];
  readonly segments: readonly OffsetSegment[];
}

/**
 * Collects extracted text piece by piece with its source, and produces the text and its offset map.
 * Pieces appended with `appendSeparator` (newlines, tabs between cells) map nowhere.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: OffsetSegment[] = [];
  private length = 0;

  constructor(private readonly kind: SourceRange['kind']) {}

  get offset(): number {
    return this.length;
  }

  /** The last character appended, or '' at the start. */
  get lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last === undefined || last.length === 0 ? '' : last.charAt(last.length - 1);
  }

  append(text: string, source: SourceRange): void {
    if (text.length === 0) return;
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    const previous = this.segments[this.segments.length - 1];
    if (previous && previous.end === start && canExtend(previous, source, text.length)) {
      this.segments[this.segments.length - 1] = {
        start: previous.start,
        end: this.length,
        source: { ...previous.source, end: source.end } as SourceRange,
      };
      return;
    }
    this.segments.push({ start, end: this.length, source });
  }

  appendSeparator(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
  }

  /** Removes trailing spaces and tabs appended as separators (never source text). */
  trimTrailingSeparator(): void {
    const lastSegmentEnd = this.segments[this.segments.length - 1]?.end ?? 0;
    let text = this.parts.join('');
    let end = text.length;
    while (end > lastSegmentEnd && /[ \t\n]/.test(text.charAt(end - 1))) end -= 1;
    if (end < text.length) {
      text = text.slice(0, end);
      this.parts.length = 0;
      this.parts.push(text);
      this.length = end;
    }
  }

  finish(): { text: string; offsetMap: OffsetMap } {
    return { text: this.parts.join(''), offsetMap: { kind: this.kind, segments: this.segments } };
  }
}

/** A linear run may grow when the next piece continues the same source unit right where it ended. */
function canExtend(previous: OffsetSegment, next: SourceRange, nextLength: number): boolean {
  const a = previous.source;
  if (a.kind !== next.kind || a.end !== next.start) return false;
  if (a.end - a.start !== previous.end - previous.start) return false;
  if (next.end - next.start !== nextLength) return false;
  if (a.kind === 'text') return true;
  if (a.kind === 'docx' && next.kind === 'docx') return a.paragraph === next.paragraph;
  return false; // PDF items keep their own segment (each has its own box)
}

/**
 * The places in the source that the extracted text [start, end) came from, merged where contiguous.
 * Returns [] when the range covers only separators ingest inserted.
 * Example: locateInSource(doc.offsetMap, 10, 17) → [{ kind: 'text', start: 14, end: 25 }] for a Markdown file
 * where "21.98亿元" was written "**21.98亿元**" further on.
 */
export function locateInSource(offsetMap: OffsetMap, start: number, end: number): SourceRange[] {
  const segments = offsetMap.segments;
  const result: SourceRange[] = [];
  if (end < start) return result;
  // First segment whose end is past `start` (segments are sorted and disjoint).
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (segment !== undefined && segment.end <= start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < segments.length; index += 1) {
    const segment = segments[index];
    if (segment === undefined || segment.start >= end) break;
    const piece = sliceSegment(segment, Math.max(start, segment.start), Math.min(end, segment.end));
    const previous = result[result.length - 1];
    if (previous && isContiguous(previous, piece)) {
      result[result.length - 1] = { ...previous, end: Math.max(previous.end, piece.end) } as SourceRange;
    } else {
      result.push(piece);
    }
  }
  // An empty span inside a segment (start === end) still has a place.
  if (result.length === 0 && start === end) {
    const segment = segments[low];
    if (segment && segment.start <= start && start < segment.end) result.push(sliceSegment(segment, start, start));
  }
  return result;
}

function sliceSegment(segment: OffsetSegment, from: number, to: number): SourceRange {
  const source = segment.source;
  const textLength = segment.end - segment.start;
  const sourceLength = source.end - source.start;
  if (textLength !== sourceLength) return source;
  const start = source.start + (from - segment.start);
  const end = source.start + (to - segment.start);
  if (source.kind === 'pdf' && source.box && sourceLength > 0) {
    const { x, y, width, height } = source.box;
    const unit = width / sourceLength;
    return { ...source, start, end, box: { x: x + unit * (start - source.start), y, width: unit * (end - start), height } };
  }
  return { ...source, start, end } as SourceRange;
}

function isContiguous(a: SourceRange, b: SourceRange): boolean {
  if (a.kind !== b.kind || b.start > a.end || b.start < a.start) return false;
  if (a.kind === 'text') return true;
  if (a.kind === 'docx' && b.kind === 'docx') return a.paragraph === b.paragraph;
  if (a.kind === 'pdf' && b.kind === 'pdf') return a.page === b.page && a.item === b.item;
  return false;
}
