/**
 * Finds the commitments of the plan parts of a report: every clause that sets a quantified target
 * ("实施退化林分改造2万亩", "确保空气质量优良率达到92%以上") and every clause that opens with an action verb
 * ("启动实施小桥大街小学改扩建"), each under the theme of the section it sits in.
 */
import type { QuantityCandidate } from '../candidate.ts';
import { isClauseEnd } from '../clauses.ts';
import type { SectionCandidate } from './section.parser.ts';
import type { TenseSpan } from './tense.parser.ts';

/** A commitment with offsets into the normalized text. */
export interface CommitmentCandidate {
  readonly start: number;
  readonly end: number;
  readonly theme?: string;
  readonly action?: string;
  readonly indicator?: string;
  readonly quantity?: QuantityCandidate;
  /** A graded target: "保持在Ⅲ类以上". */
  readonly grade?: { readonly grade: string; readonly rank: number; readonly isAtLeast: boolean };
}

/** Water and air quality grades: Ⅲ类, III类, 三类; 以上 means that grade or better. */
const GRADE = /(?:达到|保持在|保持|优于|好于|稳定在|控制在)([ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V|[一二三四五])类(以上|及以上|以下|及以下)?/u;
const GRADE_RANKS: Readonly<Record<string, number>> = {
  Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5, I: 1, II: 2, III: 3, IV: 4, V: 5, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5,
};

const ADVERBS = '全力|加快|加速|大力|积极|持续|深入|扎实|着力|不断|切实|稳步|有序|统筹|全面|进一步|力争|确保|坚持|努力|引导|继续|重点|同步|协同';
const VERBS = '推进|推动|实施|开展|完成|建设|建成|新建|改建|扩建|改造|启动|增加|新增|加大|加强|落实|打造|创建|提升|实现|引进|培育|促进|深化|扩大|支持|组织|举办|办好|做好|抓好|解决|新改建|改扩建|提高|降低|减少|保持|控制|达到|争创|争取|投运|投用|整治|治理|修复|植树|造林|筹集|发放|培训|帮扶|吸纳|招引|开工|竣工|交付|保障|兜住|对';
const ACTION_OPENER = new RegExp(`^(?:(?:${ADVERBS}))*(?:${VERBS})`, 'u');
/** In explanatory notes only a verb that does something counts, not a preposition like 对. */
const GLOSS_ACTION = new RegExp(`^(?:(?:${ADVERBS}))*(?:${VERBS.replace('|对', '')}|引进|留用|遴选|选取|新改建)`, 'u');
const INDICATOR_TARGET = /^(?:确保|力争|努力|争取)?(.{2,24}?)(?:稳定)?(?:达到|保持在|保持|控制在|不低于|不高于|提高到|提升到|降低到|降到|降至|提高至|提升至|在)$/u;
/**
 * A count written in words directly before the noun it counts inside a fixed name is part of the name, not a target:
 * "落实中央八项规定" (the 八项规定), "坚定拥护“两个确立”", "打好三大攻坚战", "汽车零部件".
 */
const NAME_TAIL = /^(?:规定|确立|维护|务必|自信|意识|攻坚战|保卫战|部件|方面工作)/u;
/** A count written in words at the start of a figure: 八 of 八项, 三 of 三大. */
const LEADING_WORD_NUMERAL = /^[零〇一二两三四五六七八九十百千万]+/u;
/** What may stand beside a figure in a clause that says nothing else: bounds, brackets, punctuation ("700个", "100%"). */
const FRAGMENT_FILLER = /(?:以上|以下|以内|左右|及以上|约|近|超|达|[\s　、，。；：:“”"（）()%])/gu;
/** 、 separates two commitments only when both sides carry their own number. */
const LIST_SPLIT = '、';

/**
 * Lists commitments in plan paragraphs.
 * @example parseCommitments(text, quantities, sections, tenses) // [{ text: '实施退化林分改造2万亩', theme: '生态环境保护', … }]
 */
export function parseCommitments(
  text: string,
  quantities: readonly QuantityCandidate[],
  sections: readonly SectionCandidate[],
  tenses: readonly TenseSpan[],
): CommitmentCandidate[] {
  const commitments: CommitmentCandidate[] = [];
  let quantityIndex = 0;
  for (const paragraph of tenses) {
    if (paragraph.tense !== 'plan' && paragraph.tense !== 'gloss') continue;
    // In notes that explain a programme, a figure commits only where an action verb sets it in the sentence
    // ("建设10个示范县、100个示范乡镇") or a bound states it as a goal ("银龄教师6000人左右").
    let sentenceHasAction = false;
    for (const clause of splitClauses(text, paragraph.start, paragraph.end, quantities)) {
      if (clause.start > 0 && /[。！？；\n]/u.test(text[clause.start - 1] ?? '')) sentenceHasAction = false;
      const opensWithAction = GLOSS_ACTION.test(text.slice(clause.start, clause.end));
      sentenceHasAction ||= opensWithAction;
      while (quantityIndex < quantities.length && quantities[quantityIndex]!.end <= clause.start) quantityIndex++;
      const inside = [];
      for (let i = quantityIndex; i < quantities.length && quantities[i]!.start < clause.end; i++) inside.push(quantities[i]!);
      const isHeading = sectionAt(sections, clause.start)?.end !== undefined && sectionAt(sections, clause.start)!.end >= clause.end;
      if (isHeading || isTitleLine(text, clause)) continue;
      const theme = themeAt(sections, clause.start);
      const body = text.slice(clause.start, clause.end);
      // The target is the bounded figure if there is one ("对10类群体发放贷款不低于80亿元"), else the first;
      // a comparison with last year (比上年增加1800亿元) or a share of a whole describes, it does not commit, unless
      // a bound makes the share a target (公办园在园幼儿占比不低于65%).
      const targets = inside.filter(
        (q) => q.role !== 'pp_change' && !(q.base && /上年|去年|\d{4}年/u.test(q.base)) && (q.role !== 'share' || q.comparator !== undefined) && !isCountInName(text, q),
      );
      // A clause that is a figure and nothing else ("700个") names no work to do: it commits to nothing on its own —
      // unless a bound carried over a 分别 list makes it the target of the indicator before it ("分别不低于69.2%、100%").
      if (targets.length > 0 && !targets.some((q) => q.comparator) && isBareFigure(body, inside, text)) continue;
      const quantity = targets.find((q) => q.comparator) ?? targets[0];
      if (paragraph.tense === 'gloss' && quantity && !sentenceHasAction && !quantity.comparator) continue;
      if (paragraph.tense === 'gloss' && !quantity) continue;
      const grade = quantity ? undefined : GRADE.exec(body);
      if (quantity) {
        commitments.push({ ...clause, ...(theme ? { theme } : {}), ...describe(text, clause, quantity), quantity });
      } else if (grade) {
        const indicator = body.slice(0, grade.index).replace(LEADING_ADVERBS, '').replace(/稳定$/u, '');
        commitments.push({
          ...clause,
          ...(theme ? { theme } : {}),
          ...(indicator ? { indicator } : {}),
          grade: { grade: `${grade[1]!}类`, rank: GRADE_RANKS[grade[1]!]!, isAtLeast: !grade[2]?.includes('下') },
        });
      } else if (inside.length === 0 && ACTION_OPENER.test(body) && body.length >= 6) {
        commitments.push({ ...clause, ...(theme ? { theme } : {}), action: stripAdverbs(body) });
      }
    }
  }
  return commitments;
}

/** "中央八项规定": a figure written in words, glued to the name's noun, counts the name's parts. */
function isCountInName(text: string, quantity: QuantityCandidate): boolean {
  const written = text.slice(quantity.start, quantity.end);
  const numeral = LEADING_WORD_NUMERAL.exec(written)?.[0];
  if (!numeral || !/^[项个大条种部]?$/u.test(written.slice(numeral.length))) return false;
  const following = text.slice(quantity.start + numeral.length, quantity.start + numeral.length + 6).replace(/^[项个大条种]/u, '');
  return NAME_TAIL.test(following);
}

/** True when the clause holds its figures and no word besides ("700个", "100%"). */
function isBareFigure(body: string, inside: readonly QuantityCandidate[], text: string): boolean {
  let rest = body;
  for (const quantity of inside) rest = rest.replace(text.slice(quantity.start, quantity.end), '');
  return rest.replace(FRAGMENT_FILLER, '').length === 0;
}

/** A short line of its own with no punctuation and no action verb is a title ("2025年10件惠民实事"), not a commitment. */
function isTitleLine(text: string, clause: Clause): boolean {
  const lineStart = text.lastIndexOf('\n', clause.start - 1) + 1;
  const newline = text.indexOf('\n', clause.end);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline).trim();
  const body = text.slice(clause.start, clause.end);
  return line === body && line.length <= 24 && !/[，。；：]/u.test(line) && !ACTION_OPENER.test(line);
}

interface Clause {
  readonly start: number;
  readonly end: number;
}

function splitClauses(text: string, from: number, to: number, quantities: readonly QuantityCandidate[]): Clause[] {
  const clauses: Clause[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !isClauseEnd(text, i)) continue;
    clauses.push(...splitList(text, start, i, quantities));
    start = i + 1;
  }
  return clauses
    .map((clause) => trim(text, clause))
    .filter((clause) => clause.end - clause.start >= 2);
}

/** "推进131处雨污管网混错接整治、北川河东路等4个雨污分流项目实施" holds two commitments. */
function splitList(text: string, start: number, end: number, quantities: readonly QuantityCandidate[]): Clause[] {
  const parts: Clause[] = [];
  let partStart = start;
  let depth = 0; // a list inside brackets (其中A 200人、B 100人) stays with its clause
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    if (char === '（' || char === '(') depth++;
    else if ((char === '）' || char === ')') && depth > 0) depth--;
    if (char !== LIST_SPLIT || depth > 0) continue;
    const hasNumberBefore = hasQuantityWithin(quantities, partStart, i);
    const nextBreak = text.indexOf(LIST_SPLIT, i + 1);
    const partEnd = nextBreak === -1 || nextBreak > end ? end : nextBreak;
    const hasNumberAfter = hasQuantityWithin(quantities, i + 1, partEnd);
    if (hasNumberBefore && hasNumberAfter) {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
  }
  parts.push({ start: partStart, end });
  return parts;
}

/** Binary search over quantities sorted by start: is one wholly inside [from, to)? */
function hasQuantityWithin(quantities: readonly QuantityCandidate[], from: number, to: number): boolean {
  let low = 0;
  let high = quantities.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (quantities[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  const first = quantities[low];
  return first !== undefined && first.end <= to;
}

function trim(text: string, clause: Clause): Clause {
  let { start, end } = clause;
  while (start < end && /[\s　“”"]/u.test(text[start]!)) start++;
  while (end > start && /[\s　]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The index of the last section opening at or before `position` (sections are in text order), or -1. */
function lastSectionIndex(sections: readonly SectionCandidate[], position: number): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sections[middle]!.start <= position) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The section whose heading text holds `position`, if any. */
function sectionAt(sections: readonly SectionCandidate[], position: number): SectionCandidate | undefined {
  const section = sections[lastSectionIndex(sections, position)];
  return section && section.end > position ? section : undefined;
}

/** The innermost section holding `position`: a topic sentence reaches to its paragraph's end only. */
function themeAt(sections: readonly SectionCandidate[], position: number): string | undefined {
  for (let index = lastSectionIndex(sections, position); index >= 0; index--) {
    const section = sections[index]!;
    if (section.scopeEnd === undefined || position < section.scopeEnd) return section.theme;
  }
  return undefined;
}

function describe(text: string, clause: Clause, quantity: QuantityCandidate): { action?: string; indicator?: string } {
  const before = text.slice(clause.start, quantity.start);
  const after = text.slice(quantity.end, clause.end).replace(/^(?:以上|以下|以内|左右|及以上)/u, '');
  const indicator = INDICATOR_TARGET.exec(before);
  if (indicator) return { indicator: indicator[1]! };
  if (after.length >= 2) return { action: after.replace(/^(?:的)/u, '') };
  const action = stripAdverbs(before);
  return action ? { action } : {};
}

const LEADING_ADVERBS = new RegExp(`^(?:${ADVERBS})+`, 'u');

function stripAdverbs(phrase: string): string {
  return phrase.replace(LEADING_ADVERBS, '');
}
