/**
 * Cuts a text into paragraphs and sentences with their offsets, so relation search stays within them.
 * Example: "**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%**" is one sentence (a line break inside a block
 * does not end it); a blank line or 。！？ does.
 */
import { isFullStop } from '../extract/clauses.ts';

/** A stretch of text: [start, end). */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/** The paragraphs (ended by blank lines, heading lines, or a line that ends a sentence) and sentences (ended by 。！？
 *  or a paragraph's end). */
export interface TextSegments {
  readonly paragraphs: readonly Segment[];
  readonly sentences: readonly Segment[];
  /** For each sentence, the index of its paragraph. */
  readonly sentenceParagraph: readonly number[];
}


/** True when [start, end) holds anything but white space: looks at characters until the first that is not. */
function hasWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i] ?? ' ')) return true;
  return false;
}

/**
 * Segments a text in one pass.
 * @example segmentText('收入5亿元。支出6亿元。\n\n其中教育1亿元。').sentences.length // 3
 */
export function segmentText(text: string): TextSegments {
  const paragraphs: Segment[] = [];
  let start = 0;
  const lines = text.split('\n');
  let offset = 0;
  let paragraphStart = -1;
  const close = (end: number): void => {
    if (paragraphStart >= 0 && hasWords(text, paragraphStart, end)) paragraphs.push({ start: paragraphStart, end });
    paragraphStart = -1;
  };
  for (const line of lines) {
    const lineEnd = offset + line.length;
    const trimmed = line.trim();
    if (trimmed.length === 0) close(offset);
    else if (trimmed.startsWith('#')) {
      // a heading is a paragraph of its own
      close(offset);
      paragraphs.push({ start: offset, end: lineEnd });
    } else {
      if (paragraphStart < 0) paragraphStart = offset;
      // a line that ends a sentence ends its paragraph too (texts without blank lines); a line cut mid-sentence
      // ("比上年增\n长7.4%") or a block's hard break ("15.22亿元**  \n同比增长") does not
      if (isFullStop(trimmed, trimmed.length - 1)) close(lineEnd);
    }
    offset = lineEnd + 1;
  }
  close(text.length);

  const sentences: Segment[] = [];
  const sentenceParagraph: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    start = paragraph.start;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      if (isFullStop(text, i)) {
        sentences.push({ start, end: i + 1 });
        sentenceParagraph.push(index);
        start = i + 1;
      }
    }
    if (hasWords(text, start, paragraph.end)) {
      sentences.push({ start, end: paragraph.end });
      sentenceParagraph.push(index);
    }
  });
  return { paragraphs, sentences, sentenceParagraph };
}

/**
 * Every place a word occurs, in one pass over the text.
 * @example positionsOf('收入，其中税收；其中', '其中') // [3, 8]
 */
export function positionsOf(text: string, word: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) positions.push(at);
  return positions;
}
