/**
 * Reads the structure the arithmetic checks share, once per text: each figure's role, the statements that tie
 * figures together within a sentence, lists of parts (其中…, a list of 方面 paragraphs) and facts stated twice.
 * Example: "**19.3亿元** 占财政总支出**87.8%** 较2022年增加**6.66亿元** 同比增长**52.8%**" is one statement:
 * level 19.3亿元, share 87.8% of 财政总支出, change +6.66亿元, growth rate 52.8%.
 * All search stays within a sentence, a paragraph or a few paragraphs back, through indexes: linear in the text.
 */
import type { Extraction } from '../model/extraction.ts';
import type { Quantity } from '../model/quantity.ts';
import { plainWords, readFigureRole, type FigureRole } from './figure-role.ts';
import { intervalFromValue, type Interval } from './interval.ts';
import { segmentText, type TextSegments } from './text-segments.ts';

/** A quantity with what the text around it says about it. */
export interface Figure {
  readonly quantity: Quantity;
  /** Position in reading order among all figures. */
  readonly order: number;
  readonly sentence: number;
  readonly paragraph: number;
  readonly role: FigureRole;
  /** −1 for a fall (下降 / 减少) or a written minus sign. */
  readonly sign: 1 | -1;
  /** For a share: the whole the text names (占财政总支出 → 财政总支出). */
  readonly shareOf?: string;
  /** The noun phrase before the figure in its clause, or its heading: 一般公共预算支出. */
  readonly metric: string;
  /** The values the figure stands for, in its unit (元, %, pp …); absent for bounds and approximations (以上, 约). */
  readonly interval?: Interval;
  /** Also for figures said to be approximate (约 / 左右): the values their written digits allow. Parts and wholes use it. */
  readonly looseInterval?: Interval;
  readonly isFrom: boolean;
  /** True when the words before it name a new subject, so it does not attach to the statement before. */
  readonly hasSubject: boolean;
  /** True when the figure follows a 其中 in its sentence: it is a part of something. */
  readonly isPart: boolean;
  /** The plain words between the previous figure (or the clause start) and this one: 较2022年增加. */
  readonly before: string;
  /** The plain words of its clause up to the figure: 全县农业总产值. */
  readonly clause: string;
  /** The plain words right after it, up to six characters: "/人月". */
  readonly after: string;
}

/** Figures of one statement about one subject: "X 21.98亿元，较2022年15.22亿元，同比增长44.4%，增支6.76亿元". */
export interface Statement {
  readonly sentence: number;
  level?: Figure;
  previous?: Figure;
  readonly changes: Figure[];
  readonly rates: Figure[];
  readonly shares: Figure[];
  readonly ppChanges: Figure[];
  readonly multiples: Figure[];
  readonly averageRates: Figure[];
}

/** A whole and its parts: "农业总产值282563万元…其中：种植业…，林业产值…". */
export interface PartsList {
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** True for a list that sets out the whole (a run of 方面 paragraphs); a 其中 list may leave parts out. */
  readonly isExhaustive: boolean;
  readonly cue: '其中' | '分项段落';
}

/** Everything the arithmetic checks read. */
export interface RelationIndex {
  readonly text: string;
  readonly segments: TextSegments;
  readonly figures: readonly Figure[];
  readonly figuresBySentence: readonly (readonly Figure[])[];
  readonly statements: readonly Statement[];
  readonly statementOf: ReadonlyMap<Figure, Statement>;
  readonly partsLists: readonly PartsList[];
  /** Pairs [later, earlier] of the same fact stated twice. */
  readonly restatements: readonly (readonly [Figure, Figure])[];
  /** For each figure, the other statements of the same fact. */
  readonly twins: ReadonlyMap<Figure, readonly Figure[]>;
  /** The whole a share figure is a share of, found by its name among the levels before it. */
  shareTotal(share: Figure): Figure | undefined;
  /** True when the growth of this statement is real (at comparable prices), not a ratio of the stated levels. */
  isRealGrowth(statement: Statement, rate: Figure): boolean;
}

const CLAUSE_BREAK = /[，,；;：:、\n]/;
/** The longest paragraph (in characters) a share may reach across to find its whole: a block of an infographic. */
const SHORT_BLOCK = 120;
const NOT_ADDITIVE = /人均|平均|每|率|指数|价格|均价|单价|密度|增速|增幅|比重|占比|标准/;
/** A figure after 其中 that is not a part but another whole or a balance: 油料总产量, 贸易顺差, 净增. */
const NOT_A_PART = /差额|顺差|逆差|净|余额|合计|结余|累计/;
const ANOTHER_WHOLE = /总/;
/** Classes by size threshold ("超10亿元的99户，超50亿元的9户") nest inside each other: they are not parts. */
const SIZE_CLASS = /超(?!市)|以上|以下|不足|不到/;
const REAL_GROWTH = /可比价|不变价|实际增长|扣除价格因素|实际下降/;
const REAL_METRIC = /生产总值|GDP|增加值|经济总量/;
const METRIC_NOISE =
  /(?:\d{4}|[一二三四五六七八九〇零]{4})年(?:末|底|初|度)?|全(?:国|省|市|县|区|州|盟|旗|年)|年末|年初|今年|去年|上年|本年|当年|实现|完成|达到|累计|共计|其中|用于|投入资金|投入|资金|[：:，,、（）()]|的|为|达/g;

/** Cleans a noun phrase for comparison: 2023年全区一般公共预算支出 → 一般公共预算支出. */
export function cleanMetric(words: string): string {
  return plainWords(words.replace(/[（(][^（）()]*[）)]/g, '')).replace(METRIC_NOISE, '').replace(/[^\u4e00-\u9fffA-Za-z]/g, '');
}

/** Length of the longest common substring of two short phrases. */
export function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** Significant digits of a stated figure: 87.8 → 3, 2万 → 1. */
export function significantDigits(quantity: Quantity): number {
  if (quantity.value.type !== 'exact') return 0;
  let m = quantity.value.value.mantissa < 0n ? -quantity.value.value.mantissa : quantity.value.value.mantissa;
  while (m !== 0n && m % 10n === 0n) m /= 10n;
  return m === 0n ? 0 : m.toString().length;
}

/** Measure words that count the same thing: 名 and 人 both count people. */
const SAME_UNITS: Readonly<Record<string, string>> = { 名: '人', 位: '人' };

/** The unit a figure adds up in: 1550名 and 6000人 are both people. */
export function additiveUnit(figure: Figure): string {
  return SAME_UNITS[figure.quantity.unit] ?? figure.quantity.unit;
}

function sameUnit(a: Figure, b: Figure): boolean {
  return a.quantity.unit === b.quantity.unit;
}

function isAdditiveKind(figure: Figure): boolean {
  const kind = figure.quantity.kind;
  return kind === 'money' || kind === 'count' || kind === 'measure';
}

const cache = new WeakMap<Extraction, RelationIndex>();

/**
 * Builds (once per extraction) the relation index the arithmetic checks read.
 * @example indexRelations(seedText, extraction).statements[1].level?.quantity.text // '21.98亿元'
 */
export function indexRelations(text: string, extraction: Extraction): RelationIndex {
  const cached = cache.get(extraction);
  if (cached && cached.text === text) return cached;
  const built = buildIndex(text, extraction);
  cache.set(extraction, built);
  return built;
}

function buildIndex(text: string, extraction: Extraction): RelationIndex {
  const segments = segmentText(text);
  const quantities = [...extraction.quantities]
    .filter((q) => q.start >= 0 && q.end <= text.length && q.start < q.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const figures: Figure[] = [];
  const figuresBySentence: Figure[][] = segments.sentences.map(() => []);
  let sentenceIndex = 0;
  for (const quantity of quantities) {
    while (sentenceIndex < segments.sentences.length && (segments.sentences[sentenceIndex]?.end ?? 0) <= quantity.start) sentenceIndex++;
    const sentence = segments.sentences[sentenceIndex];
    if (!sentence || quantity.start < sentence.start) continue;
    const inSentence = figuresBySentence[sentenceIndex] ?? [];
    const previous = inSentence[inSentence.length - 1];
    const figure = readFigure(text, quantity, figures.length, sentenceIndex, segments, previous, sentence.start);
    figures.push(figure);
    inSentence.push(figure);
  }
  const withHeadings = figures.map((figure) => withHeadingMetric(text, segments, figure, figures[figure.order - 1]));
  figures.splice(0, figures.length, ...withHeadings);
  figuresBySentence.forEach((list, index) => {
    figuresBySentence[index] = list.map((f) => withHeadings[f.order] ?? f);
  });

  const statements: Statement[] = [];
  const statementOf = new Map<Figure, Statement>();
  figuresBySentence.forEach((list, sentence) => buildStatements(sentence, list, statements, statementOf));

  const partsLists = [
    ...findQizhongLists(text, segments, figuresBySentence),
    ...findBreakdownLists(text, segments, figuresBySentence),
    ...findParagraphLists(text, segments, figuresBySentence),
  ];
  const restatements = findRestatements(segments, figuresBySentence);
  const twins = new Map<Figure, Figure[]>();
  for (const [later, earlier] of restatements) {
    twins.set(later, [...(twins.get(later) ?? []), earlier]);
    twins.set(earlier, [...(twins.get(earlier) ?? []), later]);
  }

  const totals = new Map<Figure, Figure | undefined>();
  const shareTotal = (share: Figure): Figure | undefined => {
    if (!totals.has(share)) totals.set(share, resolveShareTotal(segments, figures, statementOf, share, text));
    return totals.get(share);
  };
  const isRealGrowth = (statement: Statement, rate: Figure): boolean => {
    const sentence = segments.sentences[rate.sentence];
    const upTo = sentence ? text.slice(sentence.start, rate.quantity.start) : '';
    const metric = statement.level?.metric ?? statement.previous?.metric ?? '';
    return REAL_GROWTH.test(upTo) || REAL_METRIC.test(metric) || REAL_METRIC.test(upTo);
  };
  return { text, segments, figures, figuresBySentence, statements, statementOf, partsLists, restatements, twins, shareTotal, isRealGrowth };
}

function readFigure(
  text: string,
  quantity: Quantity,
  order: number,
  sentence: number,
  segments: TextSegments,
  previous: Figure | undefined,
  sentenceStart: number,
): Figure {
  let clauseStart = quantity.start;
  while (clauseStart > sentenceStart && !CLAUSE_BREAK.test(text[clauseStart - 1] ?? '')) clauseStart--;
  const beforeStart = Math.max(clauseStart, previous?.quantity.end ?? 0);
  const before = text.slice(beforeStart, quantity.start).replace(/[（(][^（）()]*[）)]/g, '');
  const sentenceEnd = segments.sentences[sentence]?.end ?? text.length;
  const after = text.slice(quantity.end, Math.min(sentenceEnd, quantity.end + 6));
  let reading = readFigureRole(before, after, quantity.unit, quantity.text);
  const between = plainWords(before);
  if (previous && previous.quantity.unit === quantity.unit && /^(和|及|与|、|，)?$/.test(between) && /[、和及与]/.test(text.slice(previous.quantity.end, quantity.start))) {
    // a list "4.0%、9.2%、12.3%" or "6.9%、49.9%和43.2%": each takes the role of the first
    reading = { role: previous.role, sign: previous.sign, hasSubject: false, isFrom: false, ...(previous.shareOf !== undefined ? { shareOf: previous.shareOf } : {}) };
  }
  const comparator = quantity.comparator;
  const interval = comparator === undefined ? intervalFromValue(quantity.value) : undefined;
  const looseInterval = comparator === undefined || comparator === '~' ? intervalFromValue(quantity.value) : undefined;
  const sentenceText = text.slice(sentenceStart, quantity.start);
  return {
    quantity,
    order,
    sentence,
    paragraph: segments.sentenceParagraph[sentence] ?? 0,
    role: reading.role,
    sign: reading.sign,
    ...(reading.shareOf !== undefined ? { shareOf: reading.shareOf } : {}),
    metric: cleanMetric(text.slice(beforeStart, quantity.start)),
    ...(interval ? { interval } : {}),
    ...(looseInterval ? { looseInterval } : {}),
    isFrom: reading.isFrom,
    hasSubject: reading.hasSubject,
    isPart: sentenceText.includes('其中'),
    before: plainWords(before),
    clause: plainWords(text.slice(clauseStart, quantity.start)),
    after: plainWords(after),
  };
}

/** A figure that opens its paragraph with no words before it takes its metric from the heading just above. */
function withHeadingMetric(text: string, segments: TextSegments, figure: Figure, previous: Figure | undefined): Figure {
  if (figure.metric.length > 0) return figure;
  const paragraph = segments.paragraphs[figure.paragraph];
  if (!paragraph || plainWords(text.slice(paragraph.start, figure.quantity.start)).length > 0) return figure;
  const heading = segments.paragraphs[figure.paragraph - 1];
  if (!heading) return figure;
  const words = text.slice(heading.start, heading.end);
  // a heading holds no figure: the figure before this one, if any, lies in an earlier paragraph
  const hasFigures = previous !== undefined && previous.paragraph === figure.paragraph - 1;
  if (hasFigures || plainWords(words).length > 40) return figure;
  return { ...figure, metric: cleanMetric(words) };
}

function newStatement(sentence: number): Statement {
  return { sentence, changes: [], rates: [], shares: [], ppChanges: [], multiples: [], averageRates: [] };
}

function buildStatements(sentence: number, list: readonly Figure[], statements: Statement[], statementOf: Map<Figure, Statement>): void {
  let current: Statement | undefined;
  const open = (): Statement => {
    current = newStatement(sentence);
    statements.push(current);
    return current;
  };
  for (const figure of list) {
    let target: Statement;
    if (figure.role === 'level') {
      if (current && !current.level && current.previous?.isFrom && sameUnit(current.previous, figure)) target = current;
      else target = open();
      target.level = figure;
    } else if (figure.role === 'previous') {
      if (!figure.isFrom && current?.level && !current.previous && sameUnit(current.level, figure) && !figure.hasSubject) target = current;
      else target = open();
      target.previous = figure;
    } else {
      target = current && !figure.hasSubject ? current : open();
      const lists: Record<Exclude<FigureRole, 'level' | 'previous'>, Figure[]> = {
        change: target.changes,
        growth_rate: target.rates,
        share: target.shares,
        pp_change: target.ppChanges,
        multiple: target.multiples,
        average_growth: target.averageRates,
      };
      lists[figure.role].push(figure);
    }
    statementOf.set(figure, target);
  }
}

/** 其中 lists: the whole is the last level before 其中, the parts the levels of its unit after it. */
function findQizhongLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  segments.sentences.forEach((sentence, index) => {
    const words = text.slice(sentence.start, sentence.end);
    const cues: number[] = [];
    for (let at = words.indexOf('其中'); at >= 0; at = words.indexOf('其中', at + 2)) cues.push(sentence.start + at);
    const depth = bracketDepths(words);
    const depthAt = (offset: number): number => depth[offset - sentence.start] ?? 0;
    if (cues.length === 0) return;
    const figures = bySentence[index] ?? [];
    cues.forEach((cue, k) => {
      // the list runs to the next 其中 at the same bracket depth (a 其中 in brackets opens a list of its own)
      const nextCue = cues.slice(k + 1).find((c) => depthAt(c) <= depthAt(cue)) ?? sentence.end;
      const scopeEnd = qizhongScopeEnd(text, cue, nextCue);
      const isLevel = (f: Figure): boolean => f.role === 'level' && f.looseInterval !== undefined && isAdditiveKind(f) && !isPerUnit(f);
      let total = [...figures].reverse().find((f) => f.quantity.end <= cue && isLevel(f));
      if (!total && plainWords(text.slice(sentence.start, cue)).length === 0) {
        const earlier = bySentence[index - 1] ?? [];
        if (segments.sentenceParagraph[index - 1] === segments.sentenceParagraph[index]) {
          total = [...earlier].reverse().find(isLevel);
        }
      }
      if (!total || NOT_ADDITIVE.test(total.metric)) return;
      const parts: Figure[] = [];
      let last = cue;
      for (const f of figures) {
        if (f.quantity.start < cue || f.quantity.start >= scopeEnd) continue;
        if (f.role !== 'level' || additiveUnit(f) !== additiveUnit(total) || depthAt(f.quantity.start) > depthAt(cue)) continue;
        const first = parts[0];
        const gap = text.slice(last, f.quantity.start);
        // after a semicolon the list goes on only with a parallel item: 第一产业增加值…；第二产业增加值…
        if (first && /[；;]/.test(gap) && first.metric.slice(-2) !== f.metric.slice(-2)) break;
        // a clause that opens like the whole's own clause names a sibling of the whole, not a part: 新增…，新增…
        if (first && /[，,]/.test(gap) && f.clause.length >= 2 && total.clause.slice(0, 2) === f.clause.slice(0, 2)) break;
        if (NOT_A_PART.test(f.metric) || isAnotherWhole(f, total, first)) break;
        if (f.looseInterval === undefined || isPerUnit(f) || SIZE_CLASS.test(f.clause)) return;
        parts.push(f);
        last = f.quantity.end;
      }
      if (parts.length > 0) lists.push({ total, parts, isExhaustive: false, cue: '其中' });
    });
  });
  return lists;
}

/**
 * A 总 figure after 其中 is another whole (粮食总产量…其中早稻…，油料总产量), unless the list is one of 总 figures
 * named like the whole: 邮电业务总量 → 邮政业务总量、电信业务总量.
 */
function isAnotherWhole(f: Figure, total: Figure, first: Figure | undefined): boolean {
  if (!ANOTHER_WHOLE.test(f.metric)) return false;
  const sameTail = f.metric.slice(-2) === total.metric.slice(-2);
  return !(sameTail && (first === undefined || ANOTHER_WHOLE.test(first.metric)));
}

/** For each character of a sentence, how many brackets are open around it. */
function bracketDepths(words: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const ch of words) {
    if (ch === '（' || ch === '(') depth++;
    depths.push(depth);
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depths;
}

/** A 其中 inside brackets speaks only within them: "新增托位6870个（其中普惠托位5505个）". */
function qizhongScopeEnd(text: string, cue: number, limit: number): number {
  const open = Math.max(text.lastIndexOf('（', cue), text.lastIndexOf('(', cue));
  const close = Math.max(text.lastIndexOf('）', cue), text.lastIndexOf(')', cue));
  if (open > close && cue - open < 30) {
    for (let i = cue; i < limit; i++) if (text[i] === '）' || text[i] === ')') return i;
  }
  return limit;
}

/** A figure per person, per month or per unit ("780元/人月", "人均…") does not add up with others. */
function isPerUnit(figure: Figure): boolean {
  return /^[/／每]/.test(figure.after) || NOT_ADDITIVE.test(figure.metric);
}

const BREAKDOWN_CUE = /^(?:按[^，,：:。]{1,12}分|分[^，,：:。]{1,8}看)[，,：:]/;

/**
 * "按经营单位所在地分，城镇…949.2亿元…；乡村…181.8亿元" and "分级次看：市级…，县（市、区）…": a sentence that
 * opens with a classification splits the paragraph's headline figure. Judged like a 其中 list (the classes may not
 * all be named); the parts must be named like the whole.
 */
function findBreakdownLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  segments.sentences.forEach((sentence, index) => {
    if (!BREAKDOWN_CUE.test(plainWords(text.slice(sentence.start, sentence.end)))) return;
    const paragraph = segments.sentenceParagraph[index];
    let headline: Figure | undefined;
    for (let k = index - 1; k >= 0 && segments.sentenceParagraph[k] === paragraph; k--) {
      const first = bySentence[k]?.find((f) => f.role === 'level' && f.looseInterval && isAdditiveKind(f) && !f.isPart);
      if (first) headline = first;
    }
    if (!headline || isPerUnit(headline)) return;
    const total = headline;
    const parts: Figure[] = [];
    for (const f of bySentence[index] ?? []) {
      if (f.role !== 'level' || additiveUnit(f) !== additiveUnit(total)) continue;
      if (!f.looseInterval || isPerUnit(f) || NOT_A_PART.test(f.metric) || commonRun(f.metric, total.metric) < 2) return;
      parts.push(f);
    }
    if (parts.length >= 2) lists.push({ total, parts, isExhaustive: false, cue: '其中' });
  });
  return lists;
}

/** The label a list paragraph opens with: "**教育建设方面**，…" → 'bold'; "教育方面，…" → '方面'. */
function paragraphLabel(words: string): string | undefined {
  const trimmed = words.trim();
  if (/^\*\*[^*\n]{1,20}\*\*\s*[，,：:]/.test(trimmed)) return 'bold';
  const first = /^([^，,：:。\d]{2,20})[，,：:]/.exec(trimmed);
  const label = first?.[1]?.replace(/[*\s]/g, '');
  if (label && /(方面|领域|类|项目)$/.test(label)) return label.slice(-2);
  return undefined;
}

/** Runs of three or more paragraphs, each one labelled item with one figure, after a paragraph that states their whole. */
function findParagraphLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const byParagraph: Figure[][] = segments.paragraphs.map(() => []);
  bySentence.forEach((list) => list.forEach((f) => byParagraph[f.paragraph]?.push(f)));
  const lists: PartsList[] = [];
  const item = (index: number): { label: string; figure: Figure } | undefined => {
    const paragraph = segments.paragraphs[index];
    const figures = byParagraph[index] ?? [];
    const only = figures[0];
    if (!paragraph || figures.length !== 1 || !only || only.role !== 'level' || !only.looseInterval || !isAdditiveKind(only)) return undefined;
    const label = paragraphLabel(text.slice(paragraph.start, paragraph.end));
    return label ? { label, figure: only } : undefined;
  };
  let index = 0;
  while (index < segments.paragraphs.length) {
    const first = item(index);
    if (!first) {
      index++;
      continue;
    }
    const run = [first];
    let next = index + 1;
    for (let candidate = item(next); candidate && candidate.label === first.label && additiveUnit(candidate.figure) === additiveUnit(first.figure); candidate = item(next)) {
      run.push(candidate);
      next++;
    }
    if (run.length >= 3) {
      // the whole: the first level of the nearest paragraph above that has figures, at most three paragraphs up
      for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
        const figures = byParagraph[back] ?? [];
        if (figures.length === 0) continue;
        const total = figures.find((f) => f.role === 'level' && additiveUnit(f) === additiveUnit(first.figure) && f.looseInterval);
        if (total && !NOT_ADDITIVE.test(total.metric)) {
          lists.push({ total, parts: run.map((r) => r.figure), isExhaustive: true, cue: '分项段落' });
        }
        break;
      }
    }
    index = next;
  }
  return lists;
}

const RESTATED_ROLES: ReadonlySet<FigureRole> = new Set(['level', 'share', 'change', 'growth_rate', 'pp_change']);

function restatementKey(f: Figure): string {
  return `${f.role}|${f.quantity.unit}|${f.role === 'level' || f.role === 'share' ? 1 : f.sign}`;
}

function valueKey(f: Figure): string | undefined {
  if (f.quantity.value.type !== 'exact' || !f.interval) return undefined;
  return `${restatementKey(f)}|${f.interval.point.num}/${f.interval.point.den}`;
}

/**
 * The same facts stated twice: two sentences in different paragraphs whose figures line up, role by role, over
 * three or more figures, at least two of which are equal and, together, too precise to agree by chance.
 */
function findRestatements(segments: TextSegments, bySentence: readonly (readonly Figure[])[]): [Figure, Figure][] {
  const sequences = bySentence.map((list) => list.filter((f) => RESTATED_ROLES.has(f.role) && f.interval));
  const byValue = new Map<string, number[]>();
  sequences.forEach((list, sentence) => {
    for (const f of list) {
      const key = valueKey(f);
      if (!key || significantDigits(f.quantity) < 2) continue;
      const sentences = byValue.get(key) ?? [];
      if (sentences[sentences.length - 1] !== sentence) sentences.push(sentence);
      byValue.set(key, sentences);
    }
  });
  const pairs: [Figure, Figure][] = [];
  const seen = new Set<string>();
  sequences.forEach((list, sentence) => {
    const shared = new Map<number, number>();
    const keys = new Set(list.map(valueKey).filter((k): k is string => k !== undefined));
    for (const key of keys) {
      const sentences = byValue.get(key) ?? [];
      if (sentences.length > 8) continue; // too common a value to tie two sentences
      for (const other of sentences) if (other < sentence) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      if (count < 2 || segments.sentenceParagraph[other] === segments.sentenceParagraph[sentence]) continue;
      const aligned = alignSequences(sequences[other] ?? [], list);
      const equal = aligned.filter(([a, b]) => valueKey(a) === valueKey(b));
      const digits = equal.reduce((sum, [a]) => sum + significantDigits(a.quantity), 0);
      if (aligned.length < 3 || equal.length < 2 || digits < 5) continue;
      for (const [earlier, later] of aligned) {
        const id = `${later.order}:${earlier.order}`;
        if (!seen.has(id)) {
          seen.add(id);
          pairs.push([later, earlier]);
        }
      }
    }
  });
  return pairs;
}

/** Longest common subsequence of two figure sequences by role, unit and sign. */
function alignSequences(a: readonly Figure[], b: readonly Figure[]): [Figure, Figure][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      const fa = a[i] as Figure;
      const fb = b[j] as Figure;
      row[j] = restatementKey(fa) === restatementKey(fb) ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [Figure, Figure][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const fa = a[i] as Figure;
    const fb = b[j] as Figure;
    if (restatementKey(fa) === restatementKey(fb)) {
      pairs.push([fa, fb]);
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** "196种主要工业产品中，有86种实现增长，增长面为45.9%": the whole is the figure whose noun phrase ends in 中. */
function wholeBeforeZhong(text: string, figures: readonly Figure[], part: Figure): Figure | undefined {
  const candidate = figures[part.order - 1];
  if (!candidate || candidate.sentence !== part.sentence || candidate.role !== 'level' || !candidate.interval) return undefined;
  if (additiveUnit(candidate) !== additiveUnit(part)) return undefined;
  const between = plainWords(text.slice(candidate.quantity.end, part.quantity.start));
  return /^[^，,。；;！？]{0,20}中[，,]?有?$/.test(between) ? candidate : undefined;
}

/** The whole of a share: among the levels of the part's unit in this paragraph and the four above, the one whose
 *  name shares most with the name after 占 (two characters at least), nearest first. */
function resolveShareTotal(segments: TextSegments, figures: readonly Figure[], statementOf: ReadonlyMap<Figure, Statement>, share: Figure, text: string): Figure | undefined {
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
    if (!candidate || candidate.paragraph < firstParagraph) break;
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
