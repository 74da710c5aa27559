/**
 * Pairs the targets of last year's report with the results this year's report states, from both extractions:
 * "国内生产总值增长5%左右" (2023) ↔ "国内生产总值超过126万亿元，增长5.2%" (2024) → met.
 */
import { sentenceEnd, sentenceStart } from '../extract/clauses.ts';
import type { Extraction } from '../model/extraction.ts';
import type { Problem } from '../model/problem.ts';
import type { Quantity, QuantityValue } from '../model/quantity.ts';
import type { Span } from '../model/span.ts';
import { compareDecimals, multiplyDecimals } from '../numbers/decimal.ts';
import { readApproximateCeiling } from './approximate-figure.ts';
import type { FollowUpFigure, FollowUpPair, FollowUpReport } from './follow-up-pair.ts';
import { findCompletionStatements, findStatementGroups, isGroupCount } from './completion-statements.ts';
import { findSubjectStatements, readTargetWords, settlesTarget } from './subject-statements.ts';
import { isScopeCompatible, readFigureScope } from './figure-scope.ts';
import { findFlatResults } from './flat-results.ts';
import { findRoundFigures } from './round-figures.ts';
import { readMetricPhrase } from './metric-phrase.ts';
import { readFigures, type Figure } from './report-figures.ts';
import { scoreMetricSimilarity } from './metric-similarity.ts';
import { classifyReviewPeriods, type ReviewPeriod } from './review-periods.ts';
import { selectPlanTargets } from './plan-targets.ts';
import { findTargetSection } from './target-section.ts';
import { formatAmount, judgePolarity, judgeTarget, type MetricPolarity, type TargetJudgement } from './target-verdict.ts';

/** One report and what extraction found in it. */
export interface ReadReport {
  readonly text: string;
  readonly extraction: Extraction;
}

export interface FollowUpMatchOptions {
  /** The year of last year's report: its targets are for this year. */
  readonly lastYear: number;
  /** The year of this year's report, which reviews `lastYear`. */
  readonly thisYear: number;
  /** Lowest metric similarity that pairs a target with a result (default 0.7). */
  readonly minSimilarity?: number;
  /**
   * Follow only the figures of last year's 主要预期目标. Default false: every quantified target of the plan part —
   * the 主要预期目标, the body's tasks ("改造城镇老旧小区1291个"), the 民生实事 list and appendix tables — the ones
   * outside the 主要预期目标 marked `source: 'commitment'`.
   */
  readonly headlineOnly?: boolean;
}

/** Default lowest similarity of metric phrases for a pair: "城镇调查失业率" / "调查失业率" pass, "工业投资" / "工业技改投资" and "文化产业增加值" / "汽车产业增加值" do not. */
export const DEFAULT_MIN_SIMILARITY = 0.7;

/** Units of mass, in 斤: a target in 亿斤 may be answered in 万吨. */
const JIN_PER_UNIT: Readonly<Record<string, bigint>> = { 斤: 1n, 公斤: 2n, 千克: 2n, 吨: 2000n };
/** Words before a figure that make it a multi-year figure, not last year's. */
const MULTI_YEAR_CLAUSE = /年均|累计|五年|十年|“十[三四五]五”|十[三四五]五期间/u;


/**
 * Finds the targets of last year's plan (its 主要预期目标 alone with `headlineOnly`) and, for each, the best result in
 * this year's review of that year: same unit (mass converted), same kind of figure (a change for a change, a level
 * for a level, a share for a share, an addition for an addition), a metric phrase similar enough, a bound that
 * settles the verdict, and not a multi-year total or a later figure. Each result answers one target; the 主要预期目标
 * choose first. Targets of a 民生实事 group left without a figure are met by a completion statement when one is made.
 * @example matchFollowUp({ text: t2023, extraction: extract(t2023) }, { text: t2024, extraction: extract(t2024) },
 *   { lastYear: 2023, thisYear: 2024 }).pairs[0]
 * // { target: { text: '5%', metric: '国内生产总值增长' }, result: { text: '5.2%' }, verdict: 'met', confidence: 1 }
 */
export function matchFollowUp(last: ReadReport, current: ReadReport, options: FollowUpMatchOptions): FollowUpReport {
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const problems: Problem[] = [];
  const section = findTargetSection(last.text);
  if (!section) {
    problems.push({ code: 'no-target-section', message: `${options.lastYear}年报告中未找到“主要预期目标”` });
    if (options.headlineOnly) return { lastYear: options.lastYear, thisYear: options.thisYear, pairs: [], problems };
  }
  // "突破万亿元大关", "算力规模突破20万P": goals and results extraction does not read as quantities.
  const lastQuantities = withRoundFigures(last.text, last.extraction.quantities);
  const targetIds = new Set(section ? lastQuantities.filter((q) => isTargetQuantity(q, section)).map((q) => q.id) : []);
  const lastPeriods = classifyReviewPeriods(last.text);
  const planIds = options.headlineOnly ? new Set<string>() : selectPlanTargets(last.text, lastQuantities, lastPeriods, options.lastYear, section);
  const allLast = readFigures(last.text, lastQuantities);
  const targets = allLast.filter((figure) => targetIds.has(figure.quantity.id) || planIds.has(figure.quantity.id));
  const periods = classifyReviewPeriods(current.text);
  const candidates: Figure[] = [];
  const isPeriodEnd: boolean[] = [];
  // "居民消费价格与上年持平": a change of nothing, stated in words.
  const stated = [...readFigures(current.text, withRoundFigures(current.text, current.extraction.quantities)), ...findFlatResults(current.text)];
  for (const figure of stated) {
    const when = whenStated(current.text, figure, periods, options.lastYear);
    if (when === undefined) continue;
    candidates.push(figure);
    isPeriodEnd.push(when === 'period-end');
  }

  // Score every admissible target–result pair, then assign greedily from the best, one result per target.
  const scored: { target: number; candidate: number; score: number }[] = [];
  const bestRejected = new Array<number>(targets.length).fill(0);
  // "突破3000亿度" proves at least 3000亿度: a bound short of the threshold settles nothing, and another result may.
  const unsettled = new Map<number, { candidate: number; score: number }>();
  targets.forEach((target, t) => {
    candidates.forEach((candidate, c) => {
      if (!isSameKind(target, candidate)) return;
      // A level a multi-year review states is a stock: it does not answer what a year was to add ("培育…企业10家").
      if (isPeriodEnd[c] && readFigureScope(target.phrase.raw) === 'added') return;
      // A level at the end of a multi-year review is last year's level too, but a figure of the year itself comes first.
      const score = scoreFigures(target, candidate) * (isPeriodEnd[c] ? PERIOD_END_DISCOUNT : 1);
      if (score < minSimilarity) {
        bestRejected[t] = Math.max(bestRejected[t]!, score);
      } else if (!judgeFigures(target, candidate).settled) {
        if (score > (unsettled.get(t)?.score ?? 0)) unsettled.set(t, { candidate: c, score });
      } else {
        scored.push({ target: t, candidate: c, score });
      }
    });
  });
  scored.sort((a, b) => b.score - a.score || candidates[a.candidate]!.quantity.start - candidates[b.candidate]!.quantity.start);
  const chosen = new Map<number, { candidate: number; score: number }>();
  // Which target took each result: a result answers one target, and also the stretch goal beside it.
  const used = new Map<number, number>();
  const isTaken = (candidate: number, target: number): boolean => {
    const taker = used.get(candidate);
    return taker !== undefined && !isStretchGoal(last.text, targets[taker]!, targets[target]!);
  };
  // The 主要预期目标 choose first: a task of the body that restates one ("固定资产投资今年要增长10%左右") or is
  // worded like one never takes its result away.
  const isMain = (t: number): boolean => targetIds.has(targets[t]!.quantity.id);
  for (const mainFirst of [true, false]) {
    for (const entry of scored) {
      if (isMain(entry.target) !== mainFirst || chosen.has(entry.target) || isTaken(entry.candidate, entry.target)) continue;
      chosen.set(entry.target, { candidate: entry.candidate, score: entry.score });
      if (!used.has(entry.candidate)) used.set(entry.candidate, entry.target);
    }
  }

  const pairs: FollowUpPair[] = targets.map((target, t) => {
    const targetFigure = toFollowUpFigure(target);
    const source = targetIds.has(target.quantity.id) ? 'main_targets' : 'commitment';
    const polarity = judgePolarity(target.noun, target.change, target.comparator);
    const match = chosen.get(t);
    const bound = unsettled.get(t);
    if (!match && bound) {
      const result = candidates[bound.candidate]!;
      return {
        target: targetFigure,
        source,
        result: null,
        verdict: 'not_reported',
        basis: 'figure',
        confidence: round(bound.score),
        polarity,
        explanation: `${options.thisYear}年报告只说${result.noun || '该指标'}${describeOpenBound(result.comparator)}${result.quantity.text}，不足以判断是否完成`,
      };
    }
    if (!match) {
      return {
        target: targetFigure,
        source,
        result: null,
        verdict: 'not_reported',
        basis: 'figure',
        confidence: round(1 - bestRejected[t]!),
        polarity,
        explanation: `${options.thisYear}年报告未报告${target.noun || '该指标'}${options.lastYear}年的结果`,
      };
    }
    const result = candidates[match.candidate]!;
    // "游客人次、旅游花费均增长10%" answered by "分别增长14%、8%": every subject must reach it.
    const judgement = judgeMembers(current.text, target, result, candidates, minSimilarity) ?? judgeFigures(target, result).judgement;
    return {
      target: targetFigure,
      source,
      result: toFollowUpFigure(result),
      verdict: judgement.verdict,
      basis: 'figure',
      confidence: round(match.score),
      polarity,
      explanation: judgement.explanation,
    };
  });
  const answered = answerByStatement(pairs, last.text, lastPeriods, current.text, periods, options);
  for (const target of targets) {
    if (!target.noun) problems.push({ code: 'target-without-metric', message: '目标未能识别指标名称', span: spanOf(target.quantity) });
  }
  return { lastYear: options.lastYear, thisYear: options.thisYear, ...(section ? { section } : {}), pairs: answered, problems };
}

/** A pair met by what this year's report says in words, the statement kept and the reading explained. */
function meetByStatement(pair: FollowUpPair, statement: Span, options: FollowUpMatchOptions, reading = ''): FollowUpPair {
  return {
    ...pair,
    verdict: 'met',
    basis: 'statement',
    statement: { start: statement.start, end: statement.end, text: statement.text },
    confidence: 0.8,
    explanation: `${options.thisYear}年报告未报告该项数字，但称“${statement.text}”${reading}，按陈述计为完成`,
  };
}

/**
 * Targets with no result of their own are met when this year's report says, in words, that they were done: a 民生实事
 * group completed ("33项民生实事全部完成") answers the targets of that group — not the money, when the plan counts the
 * group's items ("投入125亿元办好40件民生实事": the money is no item of it); a task of one subject completed ("保交房任务全部完成",
 * "黑臭水体基本消除") answers the target that names that subject, when it says enough (settlesTarget). Basis
 * 'statement', the sentence kept.
 */
function answerByStatement(
  pairs: readonly FollowUpPair[],
  lastText: string,
  lastPeriods: readonly ReviewPeriod[],
  thisText: string,
  periods: readonly ReviewPeriod[],
  options: FollowUpMatchOptions,
): FollowUpPair[] {
  const statement = findCompletionStatements(thisText, periods, options.lastYear)[0];
  const groups = statement ? findStatementGroups(lastText, lastPeriods) : [];
  const groupOf = (pair: FollowUpPair) => groups.find((group) => pair.target.start >= group.start && pair.target.end <= group.end);
  const counted = new Set(pairs.filter((pair) => groupOf(pair) && isGroupCount(lastText, pair.target)).map((pair) => groupOf(pair)!));
  const subjectStatements = findSubjectStatements(thisText, periods, options.lastYear);
  const used = new Set<number>();
  return pairs.map((pair) => {
    if (pair.verdict !== 'not_reported') return pair;
    const group = groupOf(pair);
    // "投入125亿元办好40件民生实事": the things counted were done; the money to be spent on them is not one of them.
    if (statement && group && !(counted.has(group) && pair.target.unit === '元')) return meetByStatement(pair, statement, options);
    const target = { ...pair.target, metric: pair.target.metric + readTargetWords(lastText, pair.target) };
    const index = subjectStatements.findIndex((subject, i) => !used.has(i) && settlesTarget(subject, target));
    if (index < 0) return pair;
    used.add(index);
    const subject = subjectStatements[index]!;
    // "基本消除" is read by its usual meaning for a rate, 90% or more: say so.
    return meetByStatement(pair, subject, options, subject.degree === 'mostly' && pair.target.unit === '%' ? '（“基本”通常指达到90%以上）' : '');
  });
}

/** The extracted quantities with the round figures extraction leaves out, in text order. */
function withRoundFigures(text: string, quantities: readonly Quantity[]): Quantity[] {
  return [...quantities, ...findRoundFigures(text, quantities)].sort((a, b) => a.start - b.start);
}

/**
 * "地区生产总值增长7%以上、力争达到8%": two targets of one metric in one clause pair, the second a 力争 goal beyond the
 * first; one result answers both.
 */
function isStretchGoal(text: string, first: Figure, second: Figure): boolean {
  const [a, b] = first.quantity.start < second.quantity.start ? [first, second] : [second, first];
  if (a.noun !== b.noun || a.change !== b.change) return false;
  return /^[^，。；！？\n\d]*?(?:、|，)?(?:力争|争取|努力)[^，。；！？\n\d]*$/u.test(text.slice(a.quantity.end, b.quantity.start));
}

/** Quantities inside the targets section that can be targets: not dates, and with a unit. */
function isTargetQuantity(quantity: Quantity, section: Span): boolean {
  return quantity.start >= section.start && quantity.end <= section.end && quantity.unit !== '' && quantity.unit !== '年';
}

/**
 * Amounts that accrue over a year (output, trade, income, investment, visitors): in a multi-year review their level
 * ("粮食总产量突破1300万吨，创历史新高") belongs to no named year, unlike a standing level (企业数, 覆盖率, 指数).
 */
const YEARLY_AMOUNT = /产量|总产|产值|总值|增加值|收入|进出口|出口|进口|销售|零售|投资|营收|利润|游客|客运|货运|吞吐量|发电量|消费|支出|生产总值|经济总量|GDP/u;

/** Units of what stands rather than accrues: a rate, a count of firms or institutions (and any 规模, a scale). */
const STANDING_UNITS = new Set(['%', '家']);

/** 从 or 由 before a figure, with at most a time between: the start of a move (从2020年的, 由). */
const MOVE_START = /(?:从|由)[^，。；！？\d]{0,8}$/u;

/** Whether the clause before a figure names `year` as its own year (not a base 比2024年, not a start 2024年以来). */
function namesYearInClause(text: string, position: number, year: number): boolean {
  const sentence = text.slice(sentenceStart(text, position), position);
  const clause = sentence.slice(Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','), sentence.lastIndexOf('；')) + 1);
  return [...clause.matchAll(YEAR_BEFORE)].some((match) => match[1] === undefined && Number(match[2]) === year);
}

/** 每年 in a figure's clause before it, with no word of a total or an average (年均, 累计, 五年). */
function isEveryYear(text: string, position: number): boolean {
  const sentence = text.slice(sentenceStart(text, position), position);
  const clause = sentence.slice(Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','), sentence.lastIndexOf('；')) + 1);
  return clause.includes('每年') && !MULTI_YEAR_CLAUSE.test(clause);
}

/**
 * Verbs by which a multi-year review says where a yearly amount got to (突破, 达到, 翻番达到, 增至) or stayed every year
 * (粮食产量稳定在760亿斤以上: last year too).
 */
const AMOUNT_REACHED = /突破|达到|达|超过|增至|增加到|提高到|翻番|稳定在|保持在/u;
/** Words that make an amount the best year of several, which need not be the last: 创历史新高, 最高年产. */
const RECORD = /最高|历史新高|新高|历史最好|峰值/u;

/**
 * "进出口总值翻番达到2206亿元", "机场年货邮吞吐量突破100万吨": a yearly amount a multi-year review says was reached is
 * where the period ended; "粮食总产量突破1300万吨，创历史新高" and "粮食最高年产840亿斤" name the best year, not the last.
 */
function isAmountReached(text: string, figure: Figure): boolean {
  if (!AMOUNT_REACHED.test(figure.phrase.raw)) return false;
  // The figure's own words and the clause that comments on it ("，创历史新高"), not the rest of the sentence.
  const comment = /^[^，。；！？\n]*(?:，[^，。；！？\n\d]*)?/u.exec(text.slice(figure.quantity.end))![0];
  return !RECORD.test(figure.phrase.raw) && !RECORD.test(comment);
}

/** How much less a level from a multi-year review counts than a figure of last year's own review. */
const PERIOD_END_DISCOUNT = 0.98;

/**
 * When a figure of this year's report holds for last year: 'year' when the one-year review states it (or a multi-year
 * review names last year in its clause), 'period-end' when a multi-year review (这五年, “十四五”时期) states a standing
 * level reached ("国家高新技术企业超1.5万家", "草畜平衡指数降至10%以下") or a yearly amount reached ("进出口总值翻番达到
 * 2206亿元"), which is where last year ended; undefined otherwise (a change, a total or an average over the years, a
 * later year, the start of a move).
 */
function whenStated(text: string, figure: Figure, periods: readonly ReviewPeriod[], lastYear: number): 'year' | 'period-end' | undefined {
  const quantity = figure.quantity;
  // "高速公路由7473公里增至9310公里": the level a move starts from is not where the year ended.
  if (MOVE_START.test(figure.phrase.raw)) return undefined;
  const period = periods.find((p) => quantity.start >= p.start && quantity.start < p.end);
  if (period?.scope === 'years') {
    // "这五年，…，2025年旅居人数超550万": the year named in the figure's clause makes it that year's, whatever it is.
    if (namesYearInClause(text, quantity.start, lastYear) && isLastYearResult(text, quantity, [{ ...period, scope: 'year' }], lastYear)) return 'year';
    // "城镇新增就业每年超过90万人": what held every year of the period held last year too — an amount of the year.
    if (isEveryYear(text, quantity.start) && isLastYearResult(text, quantity, [{ ...period, scope: 'year' }], lastYear)) return 'year';
    // A rate ("主要流域优良水质比例100%"), a count of firms ("国家高新技术企业1.28万家") or a scale ("智算规模22万P")
    // is a standing level even without 达到; other figures without a verb of reaching ("认证“山西精品”200个",
    // "补充耕地39万亩") may be five-year totals.
    const scope = readFigureScope(figure.phrase.raw);
    // "迈入万亿级规模": a size class reached is a standing level too.
    const isStanding = STANDING_UNITS.has(quantity.unit) || /规模$/u.test(figure.noun) || quantity.text.endsWith('级');
    if (figure.change !== undefined || (scope !== 'stock' && !(scope === 'unstated' && isStanding))) return undefined;
    if (YEARLY_AMOUNT.test(figure.noun) && !isAmountReached(text, figure)) return undefined;
    return isLastYearResult(text, quantity, [{ ...period, scope: 'year' }], lastYear) ? 'period-end' : undefined;
  }
  return isLastYearResult(text, quantity, periods, lastYear) ? 'year' : undefined;
}

/**
 * A figure this year's report gives for last year: in a one-year review paragraph, with no other year or part of a
 * year named before it in its sentence ("2024年1—11月", "比2020年" is a base and does not count), and no multi-year
 * word in its clause (年均, 累计, 五年).
 */
function isLastYearResult(text: string, quantity: Quantity, periods: readonly ReviewPeriod[], lastYear: number): boolean {
  const period = periods.find((p) => quantity.start >= p.start && quantity.start < p.end);
  if (!period || period.scope !== 'year') return false;
  if (period.year !== undefined && period.year !== lastYear) return false;
  const sentence = text.slice(sentenceStart(text, quantity.start), quantity.start);
  let stated: number | undefined;
  for (const match of sentence.matchAll(YEAR_BEFORE)) {
    // 较2020年下降11.7%: a change over several years unless the base is the year before.
    if (match[1] !== undefined) {
      if (Number(match[2]) !== lastYear - 1) return false;
      continue;
    }
    stated = Number(match[2]);
  }
  if (stated !== undefined && stated !== lastYear) return false;
  // "从上半年5.5%降到5.3%": the figure after 到 is where the year ended; "针对三季度…，全年地区生产总值增长4.9%": 全年
  // after the part of the year names the whole year again.
  const lastPart = lastIndexOf(sentence, PART_OF_YEAR);
  if (lastPart !== -1 && !FROM_PART_TO.test(sentence) && lastIndexOf(sentence, WHOLE_YEAR) < lastPart) return false;
  const clause = sentence.slice(Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','), sentence.lastIndexOf('：')) + 1);
  // "累计达到61万套" in a one-year review is where the stock stood at the end of the year, unless the sentence names
  // the years summed ("这五年，粮食产量累计达到6000万吨").
  const reached = /累计(?=达到|达|突破)/gu;
  if (!MULTI_YEAR_CLAUSE.test(sentence.replace(reached, ''))) return true;
  return !MULTI_YEAR_CLAUSE.test(clause);
}

/** Where the last match of `pattern` in `text` starts, or -1. */
function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(new RegExp(pattern.source, 'gu'))) last = match.index;
  return last;
}

/** A year named in a sentence, with 比 / 较 before it when it is a comparison base; 以来 makes it a start, not the year. */
const YEAR_BEFORE = /(比|较|与)?((?:19|20)\d{2})年(?!以来|底以来)/gu;
/** Months or quarters that narrow a year: 1—11月, 前三季度, 上半年. */
const PART_OF_YEAR = /\d{1,2}(?:—|-|～|~|至)\d{1,2}月|前[一二三]季度|[一二三]季度|上半年/u;

/** Words that name the whole year: 全年, 年末, 年底. */
const WHOLE_YEAR = /全年|年末|年底/u;

/** A part of the year as the start of a move whose end the figure states: 从上半年5.5%降到. */
const FROM_PART_TO = /从[^，。；]*?(?:上半年|前?[一二三]季度|\d{1,2}月)[^，。；]*(?:到|至)$/u;


/** Same unit (mass converted, 度 read as 千瓦时, 项 and 件 as 个), both changes or both levels, both shares or neither, scopes that agree. */
function isSameKind(target: Figure, candidate: Figure): boolean {
  const unitsAgree =
    unitOf(target) === unitOf(candidate) ||
    (JIN_PER_UNIT[target.quantity.unit] !== undefined && JIN_PER_UNIT[candidate.quantity.unit] !== undefined);
  if (!unitsAgree) return false;
  if ((target.change === undefined) !== (candidate.change === undefined)) return false;
  if (target.phrase.isShare !== candidate.phrase.isShare && !isPartRate(target, candidate) && !isPartRate(candidate, target)) return false;
  return target.change !== undefined || isScopeCompatible(readFigureScope(target.phrase.raw), readFigureScope(candidate.phrase.raw));
}

/**
 * "就业率95%以上，其中区外就业占12%以上": a part of the whole just stated, as its share, is the rate of that part
 * (区外就业率), so a rate (…率) and a share introduced by 其中 are one kind of figure.
 */
function isPartRate(rate: Figure, share: Figure): boolean {
  return !rate.phrase.isShare && /率$/u.test(rate.noun) && share.phrase.isShare && /^其中/u.test(share.phrase.raw);
}

/**
 * Units written two ways for one thing: 亿度 is 亿千瓦时; 事项 and 项目 are counted in 个, 项 or 件 alike, and firms and
 * facilities in 个 or 家 ("新建长者食堂30个" answered by "长者食堂57家"); dwellings in 户 or 套 ("改造老旧小区1.5万户（套）").
 */
const UNIT_ALIASES: Readonly<Record<string, string>> = { 度: '千瓦时', 项: '个', 件: '个', 家: '个', 户: '套' };

function unitOf(figure: Figure): string {
  return UNIT_ALIASES[figure.quantity.unit] ?? figure.quantity.unit;
}

/** The similarity of the two metrics, from the phrase read here and the one extraction gave. */
function scoreFigures(target: Figure, candidate: Figure): number {
  const nouns = [candidate.noun, ...(candidate.members ?? [])];
  if (candidate.quantity.metric) nouns.push(readMetricPhrase(candidate.quantity.metric + '0', candidate.quantity.metric.length).noun);
  // "…工业固废综合利用率均达到60%" and "城市生活垃圾和建筑垃圾利用率均达60%": a figure of several subjects answers for each.
  const targetNouns = [target.noun, ...(target.members ?? [])];
  return Math.max(...targetNouns.flatMap((targetNoun) => nouns.map((noun) => scoreMetricSimilarity(targetNoun, noun))));
}

/** A result value in the target's unit: 1300万吨 → 260亿斤 against a target in 斤. */
function convertValue(quantity: Quantity, unit: string): QuantityValue {
  const from = JIN_PER_UNIT[quantity.unit];
  const to = JIN_PER_UNIT[unit];
  if (from === undefined || to === undefined || from === to) return quantity.value;
  // Exact when the target unit divides the result unit (吨 → 斤); otherwise keep the result's figure.
  if (from % to !== 0n) return quantity.value;
  const factor = { mantissa: from / to, exponent: 0 };
  return quantity.value.type === 'exact'
    ? { type: 'exact', value: multiplyDecimals(quantity.value.value, factor) }
    : { type: 'range', low: multiplyDecimals(quantity.value.low, factor), high: multiplyDecimals(quantity.value.high, factor) };
}

/** The verdict on a target from one result, and whether it is settled (a bound that falls short is not). */
function judgeFigures(target: Figure, result: Figure): { judgement: TargetJudgement; settled: boolean } {
  const polarity = judgePolarity(target.noun, target.change, target.comparator);
  const judgement = judgeTarget(
    { value: target.quantity.value, ...comparatorOf(target), ...(target.change ? { direction: target.change } : {}) },
    { value: convertValue(result.quantity, target.quantity.unit), ...comparatorOf(result), ...(result.change ? { direction: result.change } : {}) },
    polarity,
    target.quantity.unit,
  );
  if (isWordedGrowth(target) || isWordedGrowth(result)) return { judgement: { ...judgement, explanation: wordedExplanation(judgement, target, result) }, settled: true };
  // "近3000个" is a little less than 3000: it does not reach a floor of 3000.
  if (judgement.verdict === 'met' && polarity === 'higher_is_better' && NEARLY.test(result.phrase.raw) && compareDecimals(judgement.effectiveResult, judgement.threshold) <= 0) {
    const explanation = judgement.explanation.replace(/实际[^，]*，完成$/u, `实际近${result.quantity.text}（不足${formatAmount(judgement.effectiveResult, target.quantity.unit)}），未完成`);
    return { judgement: { ...judgement, verdict: 'missed', explanation }, settled: true };
  }
  if (judgement.verdict !== 'missed' || !isOpenBound(result.comparator, polarity)) return { judgement, settled: true };
  // "2800多个" is less than 2900: against a floor of 2900 or more, even its ceiling falls short.
  const ceiling = readApproximateCeiling({ text: result.quantity.text, value: convertValue(result.quantity, target.quantity.unit) });
  if (polarity === 'higher_is_better' && ceiling && compareDecimals(ceiling, judgement.threshold) <= 0) {
    const explanation = judgement.explanation.replace(/实际[^，]*，/u, `实际${result.quantity.text}（不足${formatAmount(ceiling, target.quantity.unit)}），`);
    return { judgement: { ...judgement, explanation }, settled: true };
  }
  return { judgement, settled: false };
}

/** A growth written in words (翻一番, 翻番, 翻两番), read as 100% or 300% by follow-up/round. */
function isWordedGrowth(figure: Figure): boolean {
  return /^翻[一两]?番$/u.test(figure.quantity.text);
}

/** "目标翻一番（增长100%），实际翻番（增长100%），完成": the words of the text, with the growth they mean. */
function wordedExplanation(judgement: TargetJudgement, target: Figure, result: Figure): string {
  const say = (figure: Figure): string => {
    const value = figure.quantity.value.type === 'exact' ? formatAmount(figure.quantity.value.value, '%') : figure.quantity.text;
    return isWordedGrowth(figure) ? `${figure.quantity.text}（增长${value}）` : figure.quantity.text;
  };
  return `目标${say(target)}，实际${say(result)}，${judgement.verdict === 'met' ? '完成' : '未完成'}`;
}

/** 近 / 将近 / 接近 right before a figure: a little less than it. */
const NEARLY = /(?:近|将近|接近)$/u;

/**
 * For a target of several subjects (均) met by one result: the first other subject whose own figure in the result's
 * sentence falls short, as a missed judgement; undefined when none does.
 */
function judgeMembers(text: string, target: Figure, result: Figure, candidates: readonly Figure[], minSimilarity: number): TargetJudgement | undefined {
  if (!target.members || judgeFigures(target, result).judgement.verdict !== 'met') return undefined;
  const begin = sentenceStart(text, result.quantity.start);
  const end = sentenceEnd(text, result.quantity.start);
  for (const other of candidates) {
    if (other === result || other.quantity.start < begin || other.quantity.start >= end || !isSameKind(target, other)) continue;
    if (!target.members.some((member) => scoreMetricSimilarity(member, other.noun) >= minSimilarity)) continue;
    const { judgement, settled } = judgeFigures(target, other);
    if (settled && judgement.verdict === 'missed') return { ...judgement, explanation: `${other.noun}：${judgement.explanation}` };
  }
  return undefined;
}

/** A result stated as a bound on the side the target wants (超过 for a floor, 低于 for a ceiling): it proves only so much. */
function isOpenBound(comparator: Quantity['comparator'], polarity: MetricPolarity): boolean {
  if (polarity === 'higher_is_better') return comparator === '>' || comparator === '>=';
  return comparator === '<' || comparator === '<=';
}

function describeOpenBound(comparator: Quantity['comparator']): string {
  return comparator === '>' || comparator === '>=' ? '超过' : '低于';
}

function comparatorOf(figure: Figure): { comparator?: NonNullable<Quantity['comparator']> } {
  return figure.comparator ? { comparator: figure.comparator } : {};
}

function toFollowUpFigure(figure: Figure): FollowUpFigure {
  const quantity = figure.quantity;
  const metric = figure.change ? `${figure.noun}${changeWord(figure)}` : figure.noun;
  return {
    ...spanOf(quantity),
    metric,
    value: quantity.value,
    unit: quantity.unit,
    ...(figure.comparator ? { comparator: figure.comparator } : {}),
    ...(figure.change ? { direction: figure.change } : {}),
    quantityId: quantity.id,
  };
}

function changeWord(figure: Figure): string {
  return figure.phrase.changeWord ?? (figure.change === 'down' ? '下降' : '增长');
}

function spanOf(quantity: Quantity): Span {
  return { start: quantity.start, end: quantity.end, text: quantity.text };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
