/**
 * Names what each figure measures: the noun phrase before it in its clause, cleaned of time, place and
 * verb words. "全年实现地区生产总值（GDP）3473.12亿元" → 地区生产总值（GDP）; a figure with no phrase of its own
 * ("，增长5.3%") measures what the figure before it in the sentence measures; "教育建设方面，投入资金3.42亿元"
 * → 教育建设; an infographic number under a heading line takes the heading.
 */
import type { QuantityCandidate } from '../candidate.ts';
import { clauseStart, isHeadingLine, previousLine, sentenceStart } from '../clauses.ts';

/** Time, place and framing words that open a phrase without being part of the metric. */
const LEADING = /^(?:[#■●◆▲★\s]+|其中|全年|年末|年底|年初|今年|去年|上年|同期|当年|本年|截至目前|截至\S*?[年月底末]|\d{4}年(?:\d{1,2}(?:—|-)?\d{0,2}月)?(?:以来|底|末)?|全[国省市区县州]|我[国省市区县]|全社会|累计|共|已|将|要|实现|完成|安排|用于)+/u;
/** Verb and link words that close a phrase before its number. */
const TRAILING = /(?:同比|环比|比上年|较上年|比去年|较去年|(?:比|较)\d{4}年(?:同期)?|分别|增长|增加|上涨|提高|上升|提升|下降|降低|减少|回落|增支|减支|增收|减收|了|为|是|达|达到|到|至|实现|完成|突破|超过|超|约|近|共|累计|合计|总计|共计|占|占比|比重|投入资金|投入|投资|资金|规模|的|由|从|\s)+$/u;
/** Phrases that only say money was spent: the metric is in the clause before ("教育建设方面，投入资金…"). */
const GENERIC = /^(?:投入资金|投入|投资|资金|支出|安排资金|金额|总额|总量|数量|规模)?$/u;

/**
 * Fills `metric` for every candidate, in text order so a figure can inherit from the one before it.
 * @example refineMetrics('一般公共预算支出21.98亿元，增长44.4%', [a, b]) // a.metric === b.metric === '一般公共预算支出'
 */
export function refineMetrics(text: string, candidates: QuantityCandidate[]): void {
  let previous: QuantityCandidate | undefined;
  for (const candidate of candidates) {
    const sentence = sentenceStart(text, candidate.start);
    const sameSentence = previous !== undefined && previous.end > sentence;
    const start = Math.max(clauseStart(text, candidate.start), sameSentence ? previous!.end : 0);
    const phrase = text.slice(start, candidate.start);
    // "19.3亿元 占财政总支出87.8%": a share measures the figure before it; what follows 占 is its whole.
    let metric = /^\s*占/u.test(phrase) ? '' : cleanPhrase(phrase);
    if (GENERIC.test(metric)) metric = '';
    if (!metric) metric = phraseOfClauseBefore(text, start) ?? '';
    if (!metric && sameSentence) metric = previous!.metric ?? '';
    if (!metric && start === sentence) metric = headingAbove(text, candidate.start) ?? '';
    // Lines of one block (an infographic panel) continue each other: "同比增长44.4%" under "21.98亿元".
    if (!metric && previous && isSameBlock(text, previous.end, candidate.start)) metric = previous.metric ?? '';
    if (metric) candidate.metric = metric;
    previous = candidate;
  }
}

/** True when no blank line separates the two positions. */
export function isSameBlock(text: string, from: number, to: number): boolean {
  return !/\n\s*\n/u.test(text.slice(from, to));
}

const EDGE_PUNCTUATION = /^[、，,和与及\s]+|[、，,和与及\s]+$/gu;

function cleanPhrase(phrase: string): string {
  return phrase.replace(EDGE_PUNCTUATION, '').replace(LEADING, '').replace(TRAILING, '').replace(LEADING, '').replace(EDGE_PUNCTUATION, '').trim();
}

/** "教育建设方面，投入资金3.42亿元": the clause before names the area the money went to. */
function phraseOfClauseBefore(text: string, clauseBegin: number): string | undefined {
  if (clauseBegin === 0 || !/[，,：:]/u.test(text[clauseBegin - 1] ?? '')) return undefined;
  const before = text.slice(clauseStart(text, clauseBegin - 1), clauseBegin - 1);
  const area = /^(.{2,20}?)(?:方面|领域|板块)$/u.exec(cleanPhrase(before));
  return area?.[1];
}

/** An infographic figure at the start of its line takes the heading above it: "■2023年全区一般公共预算支出". */
function headingAbove(text: string, position: number): string | undefined {
  // Back to the line's start, or to the first word before the figure on its line (not to the line's start: a long
  // line would make this quadratic).
  let lineStart = position;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') {
    if (/\S/.test(text[lineStart - 1] ?? '')) return undefined;
    lineStart -= 1;
  }
  const line = previousLine(text, lineStart);
  if (!line) return undefined;
  const heading = text.slice(line.start, line.end);
  if (!isHeadingLine(heading)) return undefined;
  return cleanPhrase(heading) || undefined;
}
