/**
 * Finds the characters extraction cannot read: U+FFFD (a byte sequence the decoder could not map) and private-use
 * glyphs (U+E000–U+F8FF: a PDF font with no character map), each run of them one span. A figure written across such a
 * run cannot be read or checked. Example: "收入21.\uFFFD8亿元" → one run at 11–12.
 */

/** One run of unreadable characters, in the scanned text's offsets. */
export interface UnreadableRun {
  readonly start: number;
  readonly end: number;
}

const UNREADABLE = /[\uFFFD\uE000-\uF8FF]+/gu;

/**
 * Lists every run of unreadable characters.
 * @example scanUnreadableText('城镇新增就业\uE001\uE002万人') // [{ start: 6, end: 8 }]
 */
export function scanUnreadableText(text: string): UnreadableRun[] {
  return [...text.matchAll(UNREADABLE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
