/**
 * How a span of a document's extracted text reads in its source — a heading, a list item, a quotation, strong or
 * emphasised words — kept beside the text because the markup itself is gone from it (figure spans point into the
 * text, so the text cannot keep '##' or '**'). Offsets are into the extracted text, end exclusive.
 * Example: '## 一、收入\n全年增长**52.8%**' is read as '一、收入\n全年增长52.8%' with the marks
 * [{ kind: 'heading', level: 2, start: 0, end: 4 }, { kind: 'strong', start: 9, end: 14 }].
 */
export type TextMark =
  /** A heading line, level 1–6 ('#' to '######'). */
  | { readonly kind: 'heading'; readonly level: number; readonly start: number; readonly end: number }
  /** A list item line; its marker ('- ', '1. ') stays in the text, from start to contentStart. */
  | { readonly kind: 'item'; readonly ordered: boolean; readonly start: number; readonly contentStart: number; readonly end: number }
  /** A quoted line ('> '). */
  | { readonly kind: 'quote'; readonly start: number; readonly end: number }
  /** Strong (**…**) or emphasised (*…*) words inside a line. */
  | { readonly kind: 'strong' | 'emphasis'; readonly start: number; readonly end: number };
