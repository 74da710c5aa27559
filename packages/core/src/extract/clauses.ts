/**
 * Splits normalized text into sentences and clauses, the units that metrics, roles and commitments live in.
 * "国内生产总值超过126万亿元，增长5.2%。" → one sentence, two clauses.
 */

const codes = (chars: string): Uint8Array => {
  // One byte per BMP code unit (64 KiB, built once): a table lookup is much cheaper than a regex per character.
  const table = new Uint8Array(65536);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
};
/**
 * Characters that end a sentence as extraction reads it: a full stop, and also ； (each 分句 of a 复句 holds its own
 * figures and metrics) and a line break (headings, infographic lines).
 */
const SENTENCE_END = codes('。！？；!?;\n');
/** Characters that end a full sentence, the unit a reader is shown or a relation is sought in: 。！？ only. */
const FULL_STOP = codes('。！？!?');

/** True when the character at `position` ends an extraction sentence (。！？； or a line break). */
export function isSentenceEnd(text: string, position: number): boolean {
  return SENTENCE_END[text.charCodeAt(position)] === 1;
}

/** True when the character at `position` ends a full sentence (。！？). */
export function isFullStop(text: string, position: number): boolean {
  return FULL_STOP[text.charCodeAt(position)] === 1;
}

/**
 * The full sentence around a span, as a reader is shown it: back to the previous 。！？ or line break, on to the next,
 * at most MAX_LOOK_BACK either way.
 * @example fullSentenceAround('去年增长5%。今年目标6%左右；力争更好。', 9, 11) // { start: 7, end: 21, text: '今年目标6%左右；力争更好' }
 */
export function fullSentenceAround(text: string, start: number, end: number): { start: number; end: number; text: string } {
  let from = start;
  const low = Math.max(0, start - MAX_LOOK_BACK);
  while (from > low && !isFullStop(text, from - 1) && text[from - 1] !== '\n') from -= 1;
  let to = end;
  const high = Math.min(text.length, end + MAX_LOOK_BACK);
  while (to < high && !isFullStop(text, to) && text[to] !== '\n') to += 1;
  return { start: from, end: to, text: text.slice(from, to) };
}
/** Characters that end a clause inside a sentence. */
export const CLAUSE_END = codes('，,：:。！？；!?;\n');

/** True when the character at `position` ends a clause. */
export function isClauseEnd(text: string, position: number): boolean {
  return CLAUSE_END[text.charCodeAt(position)] === 1;
}

/**
 * How far back a sentence or a clause is looked for. Report sentences run to a few hundred characters; a text without
 * stops (a whole file on one line) would otherwise make every figure look back to the start: quadratic time.
 */
export const MAX_LOOK_BACK = 1000;

/** The start of the sentence holding `position` (just after the previous sentence end), at most MAX_LOOK_BACK back. */
export function sentenceStart(text: string, position: number): number {
  const limit = Math.max(0, position - MAX_LOOK_BACK);
  for (let i = position - 1; i >= limit; i--) if (SENTENCE_END[text.charCodeAt(i)] === 1) return i + 1;
  return limit;
}

/** The end of the sentence holding `position` (at its end mark, exclusive). */
export function sentenceEnd(text: string, position: number): number {
  for (let i = position; i < text.length; i++) if (SENTENCE_END[text.charCodeAt(i)] === 1) return i;
  return text.length;
}

/** The start of the clause holding `position`, at most MAX_LOOK_BACK back. */
export function clauseStart(text: string, position: number): number {
  const limit = Math.max(0, position - MAX_LOOK_BACK);
  for (let i = position - 1; i >= limit; i--) if (CLAUSE_END[text.charCodeAt(i)] === 1) return i + 1;
  return limit;
}

/** The end of the clause holding `position`. */
export function clauseEnd(text: string, position: number): number {
  for (let i = position; i < text.length; i++) if (CLAUSE_END[text.charCodeAt(i)] === 1) return i;
  return text.length;
}

/** The line before the one holding `position`, skipping blank lines, or undefined at the top. */
export function previousLine(text: string, position: number): { start: number; end: number } | undefined {
  let end = text.lastIndexOf('\n', position - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (text.slice(start, end).trim().length > 0) return { start, end };
    end = start - 1;
  }
  return undefined;
}

/** The longest line that can be a panel heading ("■2023年全区一般公共预算支出"); longer lines are prose. */
const MAX_HEADING_LENGTH = 40;

/** True when a line reads as a short heading: no longer than a heading and without sentence punctuation. */
export function isHeadingLine(line: string): boolean {
  return line.length <= MAX_HEADING_LENGTH && !/[，。；]/u.test(line);
}
