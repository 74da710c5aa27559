/**
 * Finds the whole a share is a share of: by the name after 占 among the levels before it, or the figure whose noun
 * phrase ends in 中 ("196种主要工业产品中，有86种…增长面为45.9%").
 * Example: "…一般公共预算支出 21.98亿元 … 19.3亿元 占财政总支出87.8%" → the whole is 21.98亿元.
 */
import { plainWords } from './figure-role.ts';
import { additiveUnit, cleanMetric, commonRun, isIncrementFigure, sameUnit, type Figure } from './figure.ts';
import type { Statement } from './statement.ts';
import type { TextSegments } from './text-segments.ts';

/** The longest paragraph (in characters) a share may reach across to find its whole: a block of an infographic. */
const SHORT_BLOCK = 120;
/** How far back (in sentences) a share looks for its whole. */
const NEARBY_SENTENCES = 8;
/** How far back (in characters) a share or a named rate looks for its figures: eight report sentences are far shorter;
 *  a text without stops is one sentence, and looking back through all of it for every share would be quadratic. */
const NEARBY_CHARACTERS = 4000;

/** True when [start, end) holds more than `limit` characters that plainWords keeps; stops counting there. */
function hasMorePlainWords(text: string, start: number, end: number, limit: number): boolean {
  let kept = 0;
  for (let i = start; i < end; i++) if (plainWords(text[i] ?? '').length > 0 && ++kept > limit) return true;
  return false;
}

/** "196种主要工业产品中，有86种实现增长，增长面为45.9%": the whole is the figure whose noun phrase ends in 中. */
function wholeBeforeZhong(text: string, figures: readonly Figure[], part: Figure): Figure | undefined {
  const candidate = figures[part.order - 1];
  if (!candidate || candidate.sentence !== part.sentence || candidate.role !== 'level' || !candidate.interval) return undefined;
  if (additiveUnit(candidate) !== additiveUnit(part)) return undefined;
  const between = plainWords(text.slice(candidate.quantity.end, part.quantity.start));
  // "…中有86种", "…中，有86种", "1300个行政村中，已成立集体经济组织1200个": one clause after 中 that names the part
  return /^[^，,。；;！？]{0,20}中(?:[，,]?有|[，,][^，,。；;！？]{0,14})?$/.test(between) ? candidate : undefined;
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
  // a share that names no whole (比重为…, a bare 占比) may be of the whole before 中
  if (share.shareOf === undefined || share.shareOf === '比') return wholeBeforeZhong(text, figures, part);
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
    if (share.quantity.start - candidate.quantity.end > NEARBY_CHARACTERS) break;
    // beyond the share's own paragraph, only across short blocks (an infographic's headings and figures)
    const paragraph = segments.paragraphs[candidate.paragraph];
    if (candidate.paragraph !== share.paragraph && (!paragraph || hasMorePlainWords(text, paragraph.start, paragraph.end, SHORT_BLOCK))) break;
    if (candidate.role !== 'level' || candidate.isPart || !candidate.interval || !sameUnit(candidate, part)) continue;
    // "新增上市公司3家、达到25家，占全省的12.5%": this year's increment is a part of the stock, never its whole,
    // unless the share itself is one of increments (占全省新增的…).
    if (isIncrementFigure(candidate) && !isIncrementFigure(part) && !/新增|净增/.test(share.shareOf)) continue;
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

/**
 * The whole of a share written right after a part of a 其中 list, when the share names no other whole: "家庭农场300个，
 * 其中省级示范家庭农场30个、占比10%" → 300个. A share of a wider scope (占全省…) is of that scope's total, not of the
 * list's whole; a share naming a whole counts only when that name shares two characters with the list whole's.
 * @example wholeOfListedPart(share10, part30, whole300) // whole300
 */
export function wholeOfListedPart(share: Figure, part: Figure, whole: Figure): Figure | undefined {
  if (share.sentence !== part.sentence || whole.sentence !== part.sentence || !sameUnit(part, whole)) return undefined;
  const named = (share.shareOf ?? '').replace(/比重|比例|份额/g, '');
  if (named === '' || named === '比') return whole;
  const name = cleanMetric(named.replace(/^全(国|省|市|县|区|州)/, ''));
  return name.length >= 2 && commonRun(name, whole.metric) >= 2 ? whole : undefined;
}

/**
 * The two figures a rate named after them divides: "营业收入5094.6亿元…利润总额555.2亿元…营业收入利润率为10.9%"
 * → 利润总额 ÷ 营业收入. The name before 率 must split into the end of one figure's name (the whole) and the start of
 * another's (the part), both earlier in the same sentence and in one unit.
 * @example findNamedRatio(figures, rate10_9) // { part: 555.2亿元, whole: 5094.6亿元 }
 */
export function findNamedRatio(figures: readonly Figure[], rate: Figure): { part: Figure; whole: Figure } | undefined {
  const name = rate.metric.endsWith('率') ? rate.metric.slice(0, -1) : '';
  if (name.length < 4) return undefined;
  const earlier: Figure[] = [];
  for (let k = rate.order - 1; k >= 0; k--) {
    const f = figures[k];
    if (!f || f.sentence !== rate.sentence || rate.quantity.start - f.quantity.end > NEARBY_CHARACTERS) break;
    if (f.role === 'level' && f.interval && f.metric.length >= 2) earlier.push(f);
  }
  for (let cut = 2; cut <= name.length - 2; cut++) {
    const wholeName = name.slice(0, cut);
    const partName = name.slice(cut);
    const whole = earlier.find((f) => f.metric.endsWith(wholeName));
    const part = earlier.find((f) => f !== whole && f.metric.startsWith(partName));
    if (whole && part && sameUnit(whole, part)) return { part, whole };
  }
  return undefined;
}

