/**
 * The sentence a follow-up figure stands in, as shown beside the verdict and kept as the evidence of a fed result:
 * "过去一年，全市地区生产总值增长5.2%" for the figure 5.2%. Offsets are into the document's text, so a reader can
 * highlight the figure inside it; a very long sentence is cut to MAX_SIDE characters either side of the figure.
 */
import { sentenceAround } from '@duixian/core';

/** Most characters kept before and after the figure. */
const MAX_SIDE = 160;

export interface FigureSentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * @example figureSentence('一、回顾\n过去一年，地区生产总值增长5.2%。', 20, 24) // { start: 5, end: 24, text: '过去一年，地区生产总值增长5.2%' }
 */
export function figureSentence(text: string, start: number, end: number): FigureSentence {
  const around = sentenceAround(text, start, end);
  const from = Math.max(around.start, start - MAX_SIDE);
  const to = Math.min(around.end, end + MAX_SIDE);
  return { start: from, end: to, text: text.slice(from, to) };
}
