/**
 * Finds the qualitative completion statements of a review ("10件民生实事全部完成", "为民办实事工程项目全面完成") and the
 * group of last year's plan they answer: the 民生实事 paragraph ("筹措资金835亿元以上，实施十大为民办实事工程") or the
 * part under a heading that names them ("（十）…办好民生实事" up to the next heading of that kind).
 */
import type { Span } from '../model/span.ts';
import type { ReviewPeriod } from './review-periods.ts';

/** The names of a government's yearly list of practical things done for the people. */
const GROUP_NAME = /民生实事|为民办实事|惠民实事|民生工程项目|为民办实事工程/u;
/**
 * "33项民生实事全部完成", "为民办实事工程项目全面完成", "民生实事……全部兑现": a name (with the count before it, which is
 * part of what is said), then a word of completion in its clause; or, in the review, 办好 before the count and the name.
 */
const STATEMENT = new RegExp(
  [
    '(?:(?:\\d+|[一二三四五六七八九十百]+)[件项个类])?(?:民生实事|为民办实事|惠民实事)[^。；！？\\n]{0,24}?(?:全部|全面|如期|圆满|均已|已经|已)(?:完成|兑现|落实|办结|建成|实现|落地)',
    // A review says what was done: "办好“28+10”项民生实事" (the items planned and those added) is the counted list
    // carried out; without its count ("坚持办好民生实事") it is a way of working, not a list done.
    '(?:办好|办成|办结)“?\\d+(?:\\+\\d+)?”?[件项个](?:民生实事|为民办实事|惠民实事)',
  ].join('|'),
  'u',
);
/** A line that only opens an appendix: "附件", "附件2：", "附表". */
const APPENDIX_LINE = /^(?:附件|附表)[\d一二三四五六七八九十]*[：:]?$/u;
/** A numbered heading opening a paragraph: "（十）", "(十)", "十、", "3.", "附件". */
const NUMBERED_HEADING = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|附件|附表)/u;

/**
 * The completion statements in the one-year review of `reviewedYear`.
 * @example findCompletionStatements('过去一年，…，33项民生实事全部完成。', periods, 2025) // [{ text: '33项民生实事全部完成', … }]
 */
export function findCompletionStatements(text: string, periods: readonly ReviewPeriod[], reviewedYear: number): Span[] {
  const spans: Span[] = [];
  for (const period of periods) {
    if (period.scope !== 'year' || (period.year !== undefined && period.year !== reviewedYear)) continue;
    const paragraph = text.slice(period.start, period.end);
    for (const match of paragraph.matchAll(new RegExp(STATEMENT.source, 'gu'))) {
      const start = period.start + match.index;
      spans.push({ start, end: start + match[0].length, text: match[0] });
    }
  }
  return spans;
}

/**
 * The parts of last year's plan whose targets a completion statement answers: in a plan paragraph, the sentence naming
 * the 民生实事 (with the rest of the paragraph when it opens it or counts them, groupsInParagraph), or, when the
 * paragraph opens with a numbered heading whose first sentence names them ("（十）…办好民生实事。"), everything up to the
 * next paragraph numbered the same way (for the title of an appendix, "附件" then "2025年10件惠民实事", the appendix).
 * @example findStatementGroups('二、2025年重点工作\n筹措资金835亿元以上，实施十大为民办实事工程。\n…', periods)
 * // [{ text: '筹措资金835亿元以上，实施十大为民办实事工程。\n', … }]
 */
export function findStatementGroups(text: string, periods: readonly ReviewPeriod[]): Span[] {
  const plan = periods.filter((period) => period.scope === 'plan');
  const groups: Span[] = [];
  for (let i = 0; i < plan.length; i++) {
    const period = plan[i]!;
    const paragraph = text.slice(period.start, period.end).trim();
    if (!GROUP_NAME.test(paragraph)) continue;
    // Only a heading whose own first sentence names them ("（十）…办好民生实事。") makes its whole part the group; the
    // title of an appendix ("附件" then "2025年10件惠民实事") makes the whole appendix the group.
    const heading = NUMBERED_HEADING.exec(paragraph);
    const isAppendixTitle = i > 0 && APPENDIX_LINE.test(text.slice(plan[i - 1]!.start, plan[i - 1]!.end).trim()) && !paragraph.includes('。');
    let end = period.end;
    if ((heading && GROUP_NAME.test(paragraph.split('。')[0]!)) || isAppendixTitle) {
      const kind = heading ? headingKind(heading[0]) : 'appendix';
      let j = i + 1;
      while (j < plan.length) {
        const next = NUMBERED_HEADING.exec(text.slice(plan[j]!.start, plan[j]!.end).trim());
        if (next && headingKind(next[0]) === kind) break;
        end = plan[j]!.end;
        j += 1;
      }
      i = j - 1;
      groups.push({ start: period.start, end, text: text.slice(period.start, end) });
      continue;
    }
    groups.push(...groupsInParagraph(text, period.start, period.end));
  }
  return groups;
}

/** A count before the group's name: "办好20件民生实事", "实施十大为民办实事工程" — a list of them follows. */
const COUNT_NAME = new RegExp(`(?:\\d+|[一二三四五六七八九十百]+)(?:件|项|个|大类?|类)[^，,。；;：:！？!?\\n]{0,12}?(?:${GROUP_NAME.source})`, 'u');

const COUNT_AT_START = new RegExp(`^${COUNT_NAME.source}`, 'u');

/**
 * The group inside one plan paragraph: from the sentence naming the 民生实事 to the paragraph's end when that sentence
 * opens the paragraph or counts them (a list of the things follows: "办好20件民生实事。为7000户…"); otherwise that
 * sentence alone, since the sentences after it are other tasks ("对票决出来的民生实事项目，集中力量攻坚。深入实施全民参保
 * 计划，基本养老保险参保达…" — the 参保 figure is no 民生实事).
 */
function groupsInParagraph(text: string, start: number, end: number): Span[] {
  const groups: Span[] = [];
  let isFirst = true;
  for (const sentence of text.slice(start, end).matchAll(/[^。！？；]+[。！？；]?/gu)) {
    const from = start + sentence.index;
    const words = sentence[0];
    if (words.trim() === '') continue;
    if (GROUP_NAME.test(words)) {
      const to = isFirst || COUNT_NAME.test(words) ? end : from + words.length;
      groups.push({ start: from, end: to, text: text.slice(from, to) });
      if (to === end) break;
    }
    isFirst = false;
  }
  return groups;
}

/**
 * Whether a figure of the plan counts the 民生实事 group itself ("办好40件民生实事"), rather than one of its items or
 * the money for it ("投入125亿元办好…").
 * @example isGroupCount('投入125亿元办好40件群众急难愁盼民生实事。', { start: 9, end: 12, text: '40件' }) // true
 * @example isGroupCount('安排资金90亿元，实施民生实事15项。', { start: 14, end: 17, text: '15项' }) // true
 */
export function isGroupCount(text: string, figure: Span): boolean {
  // "实施民生实事28项": the name may come first, the count right after it.
  return COUNT_AT_START.test(text.slice(figure.start)) || NAME_AT_END.test(text.slice(Math.max(0, figure.start - 12), figure.start));
}

const NAME_AT_END = new RegExp(`(?:${GROUP_NAME.source})$`, 'u');

/** The numbering style of a heading: "（十）" and "(三)" are one kind, "十、" another, "3." a third. */
function headingKind(heading: string): string {
  if (/^[（(]/u.test(heading)) return 'bracket';
  if (/^[一二三四五六七八九十]/u.test(heading)) return 'comma';
  if (/^\d/u.test(heading)) return 'arabic';
  return 'appendix';
}
