/**
 * Checks that a part is not larger than the whole it belongs to, in the wordings reports use for it: 其中 subsets,
 * "N项…中有M项", received against handled (受理 / 征集 against 办结 / 采纳), and 新增 / 净增 against a total.
 * Example: "在建项目80个，其中新开工95个" → a part of 95 in a whole of 80: inconsistent.
 * Whether several parts add up to their whole is the arithmetic parts-sum check's job, and a part of a list that
 * check adds up is left to it; this one judges the other parts, one by one.
 */
import type { Quantity } from '../../model/quantity.ts';
import { runCheckOnce, type Check, type CheckInput } from '../check.ts';
import { partsSumCheck } from './parts-sum.check.ts';
import { commonRun } from '../figure.ts';
import {
  clauseBefore,
  differenceText,
  isChangeFigure,
  isSameMeasure,
  orderOf,
  plainText,
  shown,
  splitSentences,
  type Sentence,
  type SenseFinding,
  withoutSharedBound,
} from './sense-text.ts';

/** A part never exceeds its whole only for amounts, counts and measures; rates and shares of a part may. */
const ADDITIVE_KINDS = new Set(['money', 'count', 'measure']);
/** Figures that are averages or ratios per head are not parts: 人均, 户均, 每千人. */
const PER_HEAD = /人均|户均|平均|每[^\d，。；、]{0,4}$|均$/;
/** Clauses after 其中 that leave the list of parts for a figure of another scope. */
/** Figures that are standards, prices or rates per head: they do not add up (供养标准780元/人月). */
const RATE_WORD = /标准|价格|单价|均价|费率|补助|补贴标准|工资|收入水平/;
/** Nouns that name a measure at the end of a figure's words. */
const METRIC_HEAD = /(增加值|总产值|产值|营业收入|收入|支出|产量|面积|里程|投资|销售额|营业额|进出口额|总额|余额|人口|户数|人数)$/;
const OTHER_SCOPE = /带动|拉动|撬动|吸引|引导|争取|合计|共计|总计|累计|计划|目标|预计|各项|全部|全[年市省县区]/;
const RECEIVED = /(?:受理|收集|征集|收到|接收|接到|接听|登记|收到了)[^，。；、]{0,10}$/;
const HANDLED = /(?:办结|解决|答复|回复|化解|采纳|吸纳|已办结|已解决)[^，。；、]{0,8}$/;
const NEW = /(?:新增|净增|新登记|新注册|新认定|新培育|新引进)[^，。；、]{0,16}$/;
const TOTAL = /(?:总数|总量|总计|累计|共有|共计|保有量|总规模|总户数|总人数|总面积|总里程)(?:达到?|为)?[^，。；、]{0,4}$/;
/** "36个工业大类行业中，15个…", "32项民生实事中有30项…": 中 as a place word, then a comma or 有 / 已. */
const AMONG = /^(?:的)?[^\d，。；、]{0,12}中(?:[，,]|[，,]?(?:有|已有|共有|已|已经))[^\d，。；、]{0,10}$/;

interface Relation {
  readonly whole: Quantity;
  readonly part: Quantity;
  readonly wording: string;
  readonly confidence: number;
}

function judge(text: string, relation: Relation): SenseFinding {
  const { whole, part, wording, confidence } = relation;
  const order = orderOf(withoutSharedBound(part, whole), withoutSharedBound(whole, part));
  const quantities = [whole.id, part.id];
  const trigger = `${plainText(text, whole.start - 6, whole.end).replace(/^.*[，。；：,;:]/, '')}…${plainText(text, part.start - 6, part.end).replace(/^.*[，。；：,;:]/, '')}`;
  if (order === 'greater') {
    const deviation = differenceText(part, whole);
    return {
      check: 'part-of-whole',
      verdict: 'inconsistent',
      stated: part.id,
      quantities,
      confidence,
      ...(deviation === undefined ? {} : { deviation }),
      reading: `按“${wording}”即部分与整体理解`,
      message: `「${trigger}」：按“${wording}”，${shown(part)}是${shown(whole)}的一部分，却大于整体`,
    };
  }
  if (order === 'less' || compareEqual(part, whole)) {
    return {
      check: 'part-of-whole',
      verdict: 'consistent',
      stated: part.id,
      quantities,
      confidence,
      reading: `按“${wording}”即部分与整体理解`,
      message: `「${trigger}」：部分${shown(part)}不大于整体${shown(whole)}（${wording}）✓`,
    };
  }
  return {
    check: 'part-of-whole',
    verdict: 'unverifiable',
    stated: part.id,
    quantities,
    confidence: confidence / 2,
    message: `「${trigger}」：按书写精度，部分${shown(part)}可能大于整体${shown(whole)}，无法判断（${wording}）`,
  };
}

/** True when a part written the same as its whole: "其中…全部" style equality is allowed. */
function compareEqual(a: Quantity, b: Quantity): boolean {
  return a.value.type === 'exact' && b.value.type === 'exact' && a.text === b.text;
}

function isPart(text: string, q: Quantity): boolean {
  if (!ADDITIVE_KINDS.has(q.kind) || isChangeFigure(text, q)) return false;
  const before = clauseBefore(text, q.start, 12);
  const after = plainText(text, q.end, q.end + 4);
  // "5万元以上的村496个": a size class of the things counted, not an amount of the whole.
  return !PER_HEAD.test(before) && !RATE_WORD.test(before) && !/^(?:[/／每]|(?:以上|以下|及以上)?的)/.test(after) && !isSizeClass(text, q);
}

/** Words that may follow an amount of the whole in its own clause: a change, a comparison, a bound, a purpose. */
const AMOUNT_GOES_ON = /^(?:增长|增加|下降|减少|同比|比上年|比|较|占|为|达|是|左右|以上|以下|及以上|以内|多|余|的|和|及|与|或|人民币|用于|其中|等|分别|已|均|全部|实现|完成|投资)/;

/**
 * True when a figure is a bound that names a class of things rather than an amount: a bound word followed by a noun
 * or a count ("5亿元以上项目60个", "超50亿元项目", "超50亿元15个"); or an amount written straight before the name
 * of the one thing it is the size of ("签约100亿元钠电池项目"). The amount of the class is unknown, so two such
 * bounds are never part and whole ("10亿元以上项目…其中100亿元以上项目": the larger bound names the smaller class).
 */
function isSizeClass(text: string, q: Quantity): boolean {
  const after = plainText(text, q.end, q.end + 6);
  if (/^(?:及以上|以上|以下|以内|及以下)(?![，。；、,;：:）)]|$)/.test(after)) return true;
  // "投资112亿元宁国光伏项目": an amount written straight before a name is that one thing's size, not a part amount
  if (q.kind === 'money' && /^[\p{Script=Han}A-Za-z]/u.test(after) && !AMOUNT_GOES_ON.test(after)) return true;
  const before = plainText(text, q.start - 3, q.start);
  return /(?:超|超过|逾|不足|不到)$/.test(before) && /^(?:的)?[\p{Script=Han}\d]/u.test(after) && !/^(?:的?(?:水平|规模|大关|台阶|目标))/.test(after);
}

/**
 * Where the parts a 其中 introduces end: at the closing bracket when 其中 opens inside brackets ("（其中普惠托位
 * 5505个）"); at the sentence's end after "其中：" / "其中，"; else at the end of its own clause, since the next
 * clause may start a sibling of the whole ("…639公里、其中高铁370公里，新增高速公路2600公里").
 */
function scopeEnd(text: string, at: number, sentenceEnd: number): number {
  const nextAmong = text.indexOf('其中', at + 2);
  const limit = nextAmong < 0 ? sentenceEnd : Math.min(nextAmong, sentenceEnd);
  if (isInsideBrackets(text, at)) {
    const close = text.slice(at, limit).search(/[）)]/);
    return close < 0 ? limit : at + close;
  }
  if (/^其中[\s*]*[：:，,]/.test(text.slice(at, at + 6))) return limit;
  const stop = text.slice(at, limit).search(/[，,；;]/);
  return stop < 0 ? limit : at + stop;
}

/** How far back a bracket opening a 其中 is looked for: a text without brackets would otherwise be read back to its start. */
const BRACKET_REACH = 1000;

/** True when the nearest bracket at or before `at` (within BRACKET_REACH) opens one: "（其中普惠托位…". */
function isInsideBrackets(text: string, at: number): boolean {
  for (let i = at; i >= 0 && i >= at - BRACKET_REACH; i--) {
    const ch = text[i];
    if (ch === '（' || ch === '(') return true;
    if (ch === '）' || ch === ')') return false;
  }
  return false;
}

/**
 * The measure a figure's own words name, when they name one: "完成工业增加值" → 增加值, "林业产值" → 产值.
 * Two figures of one unit that name different measures (增加值 and 总产值) are not part and whole.
 */
function measureName(text: string, q: Quantity): string | undefined {
  const words = clauseBefore(text, q.start, 16).replace(/(?:完成|实现|达到|达|为|共|约|近|超过|了|的)+$/, '');
  return METRIC_HEAD.exec(words)?.[1]?.replace(/^总/, '');
}

function isSameMeasureName(text: string, whole: Quantity, part: Quantity): boolean {
  const a = measureName(text, whole);
  const b = measureName(text, part);
  return a === undefined || b === undefined || a === b;
}

/** 其中 subsets: the whole is the nearest level of the same measure before 其中, in its sentence or the one before. */
function findSubsets(text: string, sentences: readonly Sentence[]): Relation[] {
  const relations: Relation[] = [];
  sentences.forEach((sentence, index) => {
    const sentenceText = text.slice(sentence.start, sentence.end);
    for (const match of sentenceText.matchAll(/其中/g)) {
      const at = sentence.start + match.index;
      const partsEnd = scopeEnd(text, at, sentence.end);
      const before = sentence.quantities.filter((q) => q.end <= at);
      const pool = before.length > 0 ? before : (sentences[index - 1]?.quantities ?? []);
      const parts = sentence.quantities.filter(
        (q) => q.start > at && q.start < partsEnd && (isPart(text, q) || isNewFigure(text, q)),
      );
      for (const part of parts) {
        if (OTHER_SCOPE.test(clauseBefore(text, part.start, 16))) break;
        const whole = [...pool].reverse().find((q) => isSameMeasure(q, part) && (isPart(text, q) || isNewFigure(text, q)));
        if (!whole || !isSameMeasureName(text, whole, part)) continue;
        relations.push({ whole, part, wording: '其中', confidence: 0.85 });
      }
    }
  });
  return relations;
}

/** A 新增 / 净增 figure: a change of the total, yet a part of it, so it is kept for the total-against-new pair. */
function isNewFigure(text: string, q: Quantity): boolean {
  return ADDITIVE_KINDS.has(q.kind) && NEW.test(clauseBefore(text, q.start, 24)) && !PER_HEAD.test(clauseBefore(text, q.start, 12));
}

/** A sentence that breaks the paragraph's total down by one dimension: "按经营单位所在地分，", "分级次看：". */
const BREAKDOWN = /^(?:其中[，,：:]?)?(?:按[^，。；\d]{1,12}分|分[^，。；\d]{1,8}看|从[^，。；\d]{1,8}看)[：:，,]/;
/** Words that name no measure: verbs of reporting, places and periods. */
const GENERIC_WORDS = /全年|全市|全省|全县|全区|年末|实现|完成|达到|达|为|共|的|了/g;

/** How far back (in characters) a breakdown looks for its whole: report paragraphs are far shorter. */
const BREAKDOWN_REACH = 10_000;

/** Where the paragraph holding `position` starts: after a blank line, or after a line that ends a sentence. */
function paragraphStart(text: string, position: number): number {
  let at = text.lastIndexOf('\n', position - 1);
  while (at > 0) {
    // The last character before the line break, spacing aside, and the start of its line: read backwards from the
    // break, not by trimming all the text before it (quadratic in a long document).
    let end = at;
    while (end > 0 && /[ \t　]/.test(text[end - 1] ?? '')) end--;
    const last = end > 0 ? (text[end - 1] ?? '\n') : '\n';
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (last === '\n' || /[。！？：:]/.test(last) || text[lineStart] === '#') return at + 1;
    at = text.lastIndexOf('\n', at - 1);
  }
  return 0;
}

function metricWords(text: string, q: Quantity): string {
  return clauseBefore(text, q.start, 20).replace(GENERIC_WORDS, '');
}

/**
 * Breakdowns: "全年社会消费品零售总额1131.0亿元…。按经营单位所在地分，城镇市场…949.2亿元；乡村市场…181.8亿元。"
 * The parts are the levels of the breakdown (through its ；-joined pieces); the whole is the level of the same measure
 * earlier in the paragraph whose name shares most with the part's, outside any 其中.
 */
function findBreakdowns(text: string, sentences: readonly Sentence[]): Relation[] {
  const relations: Relation[] = [];
  sentences.forEach((sentence, index) => {
    if (!BREAKDOWN.test(plainText(text, sentence.start, sentence.end))) return;
    // The paragraph's sentences before this one, at most BREAKDOWN_REACH back (a text without breaks is one paragraph).
    const start = Math.max(paragraphStart(text, sentence.start), sentence.start - BREAKDOWN_REACH);
    let first = index;
    while (first > 0 && (sentences[first - 1]?.start ?? -1) >= start) first--;
    const wholes = sentences
      .slice(first, index)
      .filter((s) => !BREAKDOWN.test(plainText(text, s.start, s.end)))
      .flatMap((s) => s.quantities.filter((q) => !/其中/.test(text.slice(s.start, q.start)) && isPart(text, q)));
    const parts: Quantity[] = [];
    for (let k = index; k < sentences.length; k++) {
      const piece = sentences[k];
      if (!piece) break;
      parts.push(...piece.quantities.filter((q) => isPart(text, q)));
      if (!/[；;]$/.test(text.slice(piece.start, piece.end))) break;
    }
    for (const part of parts) {
      if (OTHER_SCOPE.test(clauseBefore(text, part.start, 16))) break;
      let whole: Quantity | undefined;
      let best = 1;
      for (const candidate of wholes) {
        if (!isSameMeasure(candidate, part)) continue;
        const run = commonRun(metricWords(text, candidate), metricWords(text, part));
        if (run > best) {
          best = run;
          whole = candidate;
        }
      }
      if (whole && isSameMeasureName(text, whole, part)) relations.push({ whole, part, wording: '按…分', confidence: 0.7 });
    }
  });
  return relations;
}

/** Words that name no thing of their own before a figure: places, periods, reporting verbs. */
const SCOPE_WORDS = /全年|全市|全省|全县|全区|年末|年底|截至目前|目前|累计|实现|完成|达到|达|为|共|的|了|其|和|及/g;

/** The thing a 新增 figure counts: the words after the 新增 word, "新增市场主体" → 市场主体. */
function newNoun(before: string): string {
  const match = NEW.exec(before);
  return match ? match[0].replace(/^(?:新增|净增|新登记|新注册|新认定|新培育|新引进)/, '').replace(SCOPE_WORDS, '') : '';
}

/** The thing a total counts when its clause names one: "个体工商户总数达到" → 个体工商户; "总数达到" → ''. */
function totalNoun(before: string): string {
  const match = TOTAL.exec(before);
  return match ? before.slice(0, match.index).replace(SCOPE_WORDS, '') : '';
}

/**
 * True when the total names a thing of its own that shares no three characters (or the whole of the shorter name) with what the 新增 figure counts:
 * "新增市场主体3.2万户，个体工商户总数达到2.1万户" sets two different stocks side by side, not a part and its whole.
 */
function namesOtherThing(newThing: string, totalThing: string): boolean {
  // a shared head noun alone (企业, 项目) does not make one thing: 高新技术企业 and 科技型中小企业 are two stocks
  return newThing.length >= 2 && totalThing.length >= 2 && commonRun(newThing, totalThing) < Math.min(3, newThing.length, totalThing.length);
}

/** Pairs of neighbouring figures of one measure in a sentence: "N项…中有M项", 受理 → 办结, 新增 ↔ 总数. */
function findPairs(text: string, sentence: Sentence): Relation[] {
  const relations: Relation[] = [];
  const qs = sentence.quantities;
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i];
    const b = qs[i + 1];
    if (!a || !b || !isSameMeasure(a, b) || !ADDITIVE_KINDS.has(a.kind)) continue;
    if (!isPart(text, a) && !isNewFigure(text, a)) continue;
    if (!isPart(text, b) && !isNewFigure(text, b)) continue;
    const gap = plainText(text, a.end, b.start);
    if (gap.length > 20 || /其中/.test(gap)) continue;
    const beforeA = clauseBefore(text, a.start, 24);
    const beforeB = clauseBefore(text, b.start, 24);
    if (AMONG.test(gap) && isPart(text, a) && isPart(text, b)) {
      relations.push({ whole: a, part: b, wording: `${gap.replace(/^.*?中/, '中')}`, confidence: 0.8 });
    } else if (RECEIVED.test(beforeA) && HANDLED.test(beforeB) && !isChangeFigure(text, b)) {
      const received = RECEIVED.exec(beforeA)?.[0].slice(0, 2) ?? '';
      const handled = HANDLED.exec(beforeB)?.[0].replace(/^已/, '').slice(0, 2) ?? '';
      relations.push({ whole: a, part: b, wording: `${received}…${handled}`, confidence: 0.75 });
    } else if (NEW.test(beforeA) && TOTAL.test(beforeB) && !NEW.test(beforeB)) {
      if (namesOtherThing(newNoun(beforeA), totalNoun(beforeB))) continue;
      relations.push({ whole: b, part: a, wording: `${NEW.exec(beforeA)?.[0].slice(0, 2) ?? ''}…总数`, confidence: 0.7 });
    } else if (TOTAL.test(beforeA) && NEW.test(beforeB)) {
      if (namesOtherThing(newNoun(beforeB), totalNoun(beforeA))) continue;
      relations.push({ whole: a, part: b, wording: `总数…${NEW.exec(beforeB)?.[0].slice(0, 2) ?? ''}`, confidence: 0.7 });
    }
  }
  return relations;
}

/**
 * The "whole>part" pairs of quantity ids that the parts-sum check has judged. Its message names a part larger than
 * the whole, so such a part is left to it: one relation, one finding.
 * @example partsSummedElsewhere({ text: '农业总产值282563万元，其中：种植业1130577万元…', extraction }) // ['q1>q3', …]
 */
export function partsSummedElsewhere(input: CheckInput): string[] {
  return runCheckOnce(partsSumCheck, input)
    .filter((finding) => finding.verdict !== 'unverifiable')
    .flatMap((finding) => finding.quantities.map((part) => `${finding.stated}>${part}`));
}

/**
 * Finds parts and their wholes and judges each part against its whole, with the precision both are written to.
 * @example checkPartOfWhole({ text: '全市在建项目80个，其中新开工95个。', extraction })
 * // [{ check: 'part-of-whole', verdict: 'inconsistent', stated: '95个', quantities: ['80个', '95个'], … }]
 */
export function checkPartOfWhole(
  input: CheckInput,
  judgedElsewhere: (input: CheckInput) => Iterable<string> = partsSummedElsewhere,
): SenseFinding[] {
  const { text, extraction } = input;
  const sentences = splitSentences(text, extraction.quantities);
  const relations = [
    ...findSubsets(text, sentences),
    ...findBreakdowns(text, sentences),
    ...sentences.flatMap((s) => findPairs(text, s)),
  ];
  const seen = new Set<string>(judgedElsewhere(input));
  const findings: SenseFinding[] = [];
  for (const relation of relations) {
    const key = `${relation.whole.id}>${relation.part.id}`;
    if (seen.has(key) || relation.whole.id === relation.part.id) continue;
    seen.add(key);
    findings.push(judge(text, relation));
  }
  return findings;
}

/** The part-of-whole check, for the registry in verify.ts. */
export const partOfWholeCheck: Check = { id: 'part-of-whole', reading: '按部分不大于其整体理解', run: (input) => checkPartOfWhole(input) };
