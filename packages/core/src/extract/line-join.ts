/**
 * Decides whether a line break in plain text was put there by a page, a PDF copy or a newspaper column rather than
 * by the writer, so that extraction reads across it: "一般公共预算收入增速高于全省平均水平，固" / "定资产投资增长10%"
 * is one sentence; "37.2个" / "百分点" one figure. This is the only place text line breaks are judged; PDF layout
 * (packages/ingest/src/pdf/pdf-layout.ts) joins its lines by their geometry before the text gets here.
 */

/** A line this long that stops mid-sentence was cut by the layout, not by the author. */
export const MIN_WRAPPED_LINE_LENGTH = 30;
/** Shorter lines count as cut when the lines around them are as long: a narrow column. */
const MIN_COLUMN_WIDTH = 12;

/** The writer ended the line: sentence punctuation or a closing quote or bracket after it, or a colon. */
const SENTENCE_END = /[。！？；：…」』”"）)\]】!?;:]$/u;
/** A list item, a heading number or a Markdown block starts here. */
const ITEM_START = /^(?:#|■|●|◆|▲|★|—|-|\*|>|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．]|\d+\.(?!\d)|[①-⑳]|第[一二三四五六七八九十]+[章节部分条])/u;
/** A heading has no full stop inside: "（一）加快新型工业化进程" is one, "（一）加快新型工业化进程。聚焦…" a paragraph. */
const FULL_STOP = /[。！？；!?;]/u;
const HAN = /\p{Script=Han}/u;
/**
 * Marks that never begin a line (、 ， 。 ） ” …), and marks that never end a paragraph: opening ones (（ “ 《) and
 * the commas inside a sentence (、 ，). A break next to them is the layout's.
 */
const NEVER_STARTS_LINE = /^[、，。；：！？）」』”’》〉%]/u;
const NEVER_ENDS_PARAGRAPH = /[（「『“‘《〈、，,]$/u;
/** Cells set apart by a tab or a run of spaces: a table row, whose lines are never one sentence. */
const CELL_GAP = /\t| {2,}|\u3000{2,}/u;

/**
 * True when `line` and `next` (trimmed of the break between them) are one sentence cut in two: the line is long
 * enough to have reached its column's edge, does not end a sentence and is not a heading or a table row, the next
 * line starts no list item, and the break falls between two Chinese characters, a Chinese character and a number, a
 * number and its unit ("500亿" / "元", "增长10" / "%"), or before a mark no line begins with ("工业投资" / "、工业").
 * @example isLineBrokenInsideSentence('一般公共预算收入增速高于全省平均水平，固定资产投资增长10%，规模以上工业增加值增长8%以上，固', '定资产投资增长10%') // true
 * @example isLineBrokenInsideSentence('二、2024年重点工作', '今年是新中国成立75周年') // false
 */
export function isLineBrokenInsideSentence(line: string, next: string, previous?: string): boolean {
  const current = line.trimEnd();
  if (!isWrapWidth(current, next, previous)) return false;
  if (SENTENCE_END.test(current) || /\s{2,}$/u.test(line)) return false;
  if (ITEM_START.test(next)) return false;
  if (ITEM_START.test(current) && !FULL_STOP.test(current)) return false;
  if (CELL_GAP.test(current) || CELL_GAP.test(next)) return false;
  if (NEVER_STARTS_LINE.test(next) || NEVER_ENDS_PARAGRAPH.test(current)) return true;
  // A Chinese line ending before a number: only in running text, not in a row of words set apart by spaces.
  if (/ /u.test(current) && /^[0-9]/u.test(next)) return false;
  return isInsideWordOrFigure(current.charAt(current.length - 1), next.charAt(0), current.charAt(current.length - 2));
}

/** Long enough, or as long as a neighbouring line of a narrow column. */
function isWrapWidth(current: string, next: string, previous: string | undefined): boolean {
  if (current.length >= MIN_WRAPPED_LINE_LENGTH) return true;
  if (current.length < MIN_COLUMN_WIDTH || previous === undefined) return false;
  const width = previous.trimEnd().length;
  // Half-width digits and letters make a line of the same width a character or two longer.
  return Math.abs(width - current.length) <= Math.max(1, Math.floor(width * 0.15)) && next.length > 0;
}

function isInsideWordOrFigure(last: string, first: string, beforeLast: string): boolean {
  const isDigit = (char: string) => char >= '0' && char <= '9';
  if (HAN.test(last)) return HAN.test(first) || isDigit(first);
  if (isDigit(last) || last === '%') return HAN.test(first) || first === '%';
  // "1336." / "2亿元": a decimal point never ends a Chinese sentence.
  if (last === '.' && isDigit(beforeLast)) return isDigit(first);
  return false;
}
