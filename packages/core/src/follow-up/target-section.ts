/**
 * Finds the 主要预期目标 (main expected targets) of a work report: the sentence that opens with
 * "今年发展主要预期目标是：" (or "…建议为：", "…主要预期目标：", or "预期目标作了适当调整。今年要…") up to the end of its paragraph,
 * stopping before a sentence that only comments on them ("上述主要预期目标，体现了…").
 */
import type { Span } from '../model/span.ts';

const OPENER = /主要预期目标(?:建议)?(?:是|为)[：:]?|主要预期目标[：:]|预期目标作了[^。]*。/u;
const COMMENT = /上述(?:主要)?(?:预期)?目标/u;

/**
 * The span of the targets, or undefined when the report states none.
 * @example findTargetSection('…\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。\n…')
 * // { start: 4, end: 46, text: '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。' }（示意）
 */
export function findTargetSection(text: string): Span | undefined {
  const opener = OPENER.exec(text);
  if (!opener) return undefined;
  const paragraphStart = text.lastIndexOf('\n', opener.index) + 1;
  // The sentence holding the opener starts after the previous sentence end within the paragraph.
  let start = opener.index;
  while (start > paragraphStart && !/[。！？；]/u.test(text[start - 1]!)) start -= 1;
  const newline = text.indexOf('\n', opener.index);
  let end = newline === -1 ? text.length : newline;
  const comment = COMMENT.exec(text.slice(opener.index + opener[0].length, end));
  if (comment) end = opener.index + opener[0].length + comment.index;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return { start, end, text: text.slice(start, end) };
}
