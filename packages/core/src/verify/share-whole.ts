/**
 * Finds the whole a share is a share of: by the name after 占 among the levels before it, or the figure whose noun
 * phrase ends in 中 ("196种主要工业产品中，有86种…增长面为45.9%").
 * Example: "…一般公共预算支出 21.98亿元 … 19.3亿元 占财政总支出87.8%" → the whole is 21.98亿元.
 */
import { plainWords } from './figure-role.ts';
import { additiveUnit, cleanMetric, commonRun, sameUnit, type Figure } from './figure.ts';
import type { Statement } from './statement.ts';
import type { TextSegments } from './text-segments.ts';

/** The longest paragraph (in characters) a share may reach across to find its whole: a block of an infographic. */
const SHORT_BLOCK = 120;
/** How far back (in sentences) a share looks for its whole. */
const NEARBY_SENTENCES = 8;

/** "196种主要工业产品中，有86种实现增长，增长面为45.9%": the whole is the figure whose noun phrase ends in 中. */
function wholeBeforeZhong(text: string, figures: readonly Figure[], part: Figure): Figure | undefined {
  const candidate = figures[part.order - 1];
  if (!candidate || candidate.sentence !== part.sentence || candidate.role !== 'level' || !candidate.interval) return undefined;
  if (additiveUnit(candidate) !== additiveUnit(part)) return undefined;
  const between = plainWords(text.slice(candidate.quantity.end, part.quantity.start));
  return /^[^，,。；;！？]{0,20}中[，,]?有?$/.test(between) ? candidate : undefined;
}

/**
 * The whole of a share: among the levels of the part's unit in the eight sentences before it (in its paragraph, or
 * across short infographic blocks), the one whose name shares most with the name after 占 (two characters at least),
 * nearest first.
 * @example findShareWhole(segments, figures, statementOf, share87_8, seedText)?.quantity.text // '21.98亿元'
 */
export function findShareWhole(segments: TextSegments, figures: readonly Figure[], statementOf: ReadonlyMap<Figure, Statement>, share: Figure, text: string): Figure | undefined {
  const part = statementOf.get(share)?.level;
  if (!part || !part.interval) return undefined;
  if (share.shareOf === undefined) return wholeBeforeZhong(text, figures, part);
  const named = cleanMetric(share.shareOf.replace(/比重|比例|份额/g, ''));
  // 占全部 / 占总量: the whole of what the part measures
  const phrase = /^(全部|总体|整体|总量|总额|全体)?$/.test(named) ? part.metric : named;
  if (phrase.length < 2) return undefined;
  const scope = /全(国|省|市|县|区|州)/.exec(share.shareOf ?? '')?.[0];
  let best: Figure | undefined;
  let bestScore = 1;
  const firstParagraph = share.paragraph - 4;
  for (let k = part.order - 1; k >= 0; k--) {
    const candidate = figures[k];
    if (!candidate || candidate.paragraph < firstParagraph || share.sentence - candidate.sentence > NEARBY_SENTENCES) break;
    // beyond the share's own paragraph, only across short blocks (an infographic's headings and figures)
    const paragraph = segments.paragraphs[candidate.paragraph];
    if (candidate.paragraph !== share.paragraph && (!paragraph || plainWords(text.slice(paragraph.start, paragraph.end)).length > SHORT_BLOCK)) break;
    if (candidate.role !== 'level' || candidate.isPart || !candidate.interval || !sameUnit(candidate, part)) continue;
    if (scope && !candidate.clause.includes(scope)) continue;
    const partYear = part.quantity.period?.year;
    const candidateYear = candidate.quantity.period?.year;
    if (partYear !== undefined && candidateYear !== undefined && partYear !== candidateYear) continue;
    const score = commonRun(phrase, candidate.metric);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
