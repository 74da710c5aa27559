/**
 * Picks the figures of last year's plan that are targets for that year: "新建高标准农田850万亩" and "力争游客数量突破3亿人次"
 * are; "还有63万失能老人" (what exists), "推动肉羊、玉米2个千亿级产业链" (a count of the names listed), "到2027年建成…" (a later year) and
 * "以下11个方面工作" (an outline) are not.
 */
import type { Quantity } from '../model/quantity.ts';
import type { Span } from '../model/span.ts';
import type { ReviewPeriod } from './review-periods.ts';
import { isGroupCount } from './completion-statements.ts';

/** Units that count ages, dates, voltage classes or provinces, never a quantity to reach. */
const NOT_TARGET_UNITS = new Set(['', '年', '岁', '月', '日', '周岁', '千伏', '伏', '省', '届', '次方']);
/** Words in a figure's clause, before it, saying it describes what exists or happened, or a later year. */
const DESCRIPTIVE_BEFORE = /已经|已有|已建|已达|已累计|去年|上年|过去|现有|目前|现阶段|还有|尚有|共有|拥有|我[国省区市县]有|每年|年均|近年来|此前|以来|曾经|“十[四五六]五”|十[四五六]五(?:期间|时期|末)|以下|下列|如下/u;
/** A year named before a figure in its clause: a target for another year than the plan's ("到2027年建成…"). */
const YEAR_NAMED = /((?:19|20)\d{2})年/gu;
/** A magnitude written alone, as a round goal: 万亿元, 千亿元, 百亿. */
const BARE_MAGNITUDE = /^[百千万亿]+/u;
/** A doubling in words, a growth of 100% (follow-up/round reads it): "财政科技投入再翻一番". */
const DOUBLING = /^翻[一两]?番$/u;
/** What may follow a bare magnitude that is a goal: a bound, 大关, the clause's end ("突破万亿元大关", "千亿元以上。"). */
const GOAL_END = /^(?:以上|左右|大关|规模|[，,。；;：:！？!?\n]|$)/u;
/** Units of places, which a magnitude ranks ("千亿县", "百亿市"): a title, not an amount. */
const PLACE_UNITS = new Set(['县', '市', '区', '镇', '乡', '村', '园', '园区']);
/** A capacity in a plant's name ("80万吨煤制油升级示范", "60万吨乙烯项目"): the product, then the project. */
const PLANT_NAME = /^[\u4e00-\u9fff]{1,10}?(?:项目|示范|工程|装置|基地|生产线)/u;
/** A deadline year: 到2030年, 至2027年底. */
const BY_YEAR = /(?:到|至)((?:19|20)\d{2})年/gu;
/** Words that bring a sentence back to the plan's year after a later deadline: "到2032年…，今年新增…". */
const THIS_YEAR = /今年|全年|年内|当年/u;
/** What follows a figure that makes it an outline or part of a name: "11个方面工作", "十大产业集群". */
const DESCRIPTIVE_AFTER = /^(?:级|个?方面|件事|大(?:[^\d]{0,3})(?:行动|工程|计划|任务|产业|集群)|条(?:措施|意见)|项(?:举措|措施))/u;
/** After a sum: the projects or firms of at least that size. */
const SIZE_CLASS = /^(?:及)?以上(?:的)?[\u4e00-\u9fff]{0,6}?(?:项目|企业)/u;
/** Units that size other things (households of a village, people of a town, tonnes of a plant), unlike 个 or 项. */
const SIZE_UNITS = new Set(['户', '人', '吨', '亩', '平方米', '千瓦']);
/** The measures of a policy right after their count: "58条改革举措", "20项支持政策". */
const POLICY_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:措施|举措|意见|政策)/u;
/** A tax named right after a rate: "15%企业和个人所得税". */
const TAX_AFTER = /^[\u4e00-\u9fff]{0,8}?(?:所得税|增值税|税率)/u;
/** Firms or projects right after a sum: "10亿元农业产业化龙头企业". */
const SIZED_NOUN = /^[\u4e00-\u9fff]{0,10}?(?:企业|项目)/u;
/** Units of a time span, which names use ("15分钟生活圈"). */
const TIME_UNITS = new Set(['分钟', '小时']);
/** Units of a distance or time a rate's name can hold: 50米内换乘比例. */
const REACH_UNITS = new Set(['米', '公里', '千米', '分钟', '小时']);
/** Clause marks: a descriptive word only counts within the figure's own clause. */
const CLAUSE_MARK = /[，,。；;：:！？!?\n]/u;

/**
 * The ids of the quantities of last year's report that are targets: inside a plan paragraph (or the 主要预期目标),
 * written with digits, with a unit that can be reached, and not described as existing, past, later or a name.
 * @example selectPlanTargets('二、2025年工作任务\n新建高标准农田850万亩，还有63万失能老人。', quantities, periods, 2025)
 * // Set { id of 850万亩 }
 */
export function selectPlanTargets(
  text: string,
  quantities: readonly Quantity[],
  periods: readonly ReviewPeriod[],
  planYear: number,
  mainTargets?: Span,
): Set<string> {
  const ids = new Set<string>();
  for (const quantity of quantities) {
    const inMain = mainTargets !== undefined && quantity.start >= mainTargets.start && quantity.end <= mainTargets.end;
    const period = periods.find((p) => quantity.start >= p.start && quantity.start < p.end);
    if (!inMain && period?.scope !== 'plan') continue;
    if (NOT_TARGET_UNITS.has(quantity.unit)) continue;
    if (inMain) {
      ids.add(quantity.id);
      continue;
    }
    // "深入抓好两个“关键小事”", "八项规定": numbers written in words outside the targets are names more often than
    // goals; a bare magnitude ("突破万亿元大关", "千亿元以上"), a doubling ("再翻一番") and the count closing a list of the
    // year's 民生实事 ("实施好A、B等十件民生实事", the promises named then counted, which a review answers with
    // "十件民生实事全部完成") are goals.
    if (!/\d/u.test(quantity.text) && !isBareGoal(text, quantity) && !DOUBLING.test(quantity.text) && !isListedGroupCount(text, quantity)) continue;
    if (isCountOfNames(text, quantity)) continue;
    if (isDescriptive(text, quantity, planYear)) continue;
    ids.add(quantity.id);
  }
  return ids;
}

/**
 * "突破万亿元大关", "千亿元以上" are goals written as a bare magnitude; "百万吨乙烯", "千亿县", "千万亩高标准农田改造提升行动"
 * are names: the magnitude is followed by the thing it names, or ranks a place.
 */
function isBareGoal(text: string, quantity: Quantity): boolean {
  if (!BARE_MAGNITUDE.test(quantity.text) || PLACE_UNITS.has(quantity.unit)) return false;
  return GOAL_END.test(text.slice(quantity.end));
}

/** "实施好城乡供水、托育服务等八件民生实事": the count of the 民生实事 closing the list that names them. */
function isListedGroupCount(text: string, quantity: Quantity): boolean {
  return text[quantity.start - 1] === '等' && isGroupCount(text, quantity);
}

/**
 * "推动肉羊、玉米2个千亿级产业链": a count of the names listed right before it (as many names as the figure says) tells
 * which things a task is about, not how many to reach.
 */
function isCountOfNames(text: string, quantity: Quantity): boolean {
  if (quantity.value.type !== 'exact' || !/^[\u4e00-\u9fff”]$/u.test(text[quantity.start - 1] ?? '')) return false;
  let begin = quantity.start;
  while (begin > 0 && !CLAUSE_MARK.test(text[begin - 1]!)) begin -= 1;
  const listed = text.slice(begin, quantity.start);
  const parts = listed.split(/、|和|及/u);
  // "分别控制在5%和2%以内": figures joined by 和 are a list of figures, not of names.
  if (parts.some((part) => part === '' || /[\d%％]$/u.test(part))) return false;
  const names = parts.length;
  const value = quantity.value.value;
  if (!(names >= 2 && value.exponent === 0 && value.mantissa === BigInt(names))) return false;
  // "加快设置甲大学、乙大学2所职业本科院校", "甲、乙2条高速公路建成通车": things named to be made are counted as a goal —
  // how many get made.
  return !MAKE_BEFORE_NAMES.test(listed) && !MADE_AFTER_COUNT.test(clauseAfter(text, quantity.end));
}

/** A verb of completing things after the count and their kind: "2条高速公路建成通车", "3个项目竣工投产". */
const MADE_AFTER_COUNT = /^[\u4e00-\u9fff]{1,8}?(?:提前|全面|如期)?(?:建成|竣工|投产|通车)/u;

/** A verb of making new things at the clause's start, before the names listed: 设置, 设立, 新建, 组建, 创建. */
const MAKE_BEFORE_NAMES = /^(?:加快|积极|力争|推动|推进|确保|今年|全年)?(?:设置|设立|新设|新建|组建|创建|建成)/u;

/** The rest of a figure's clause after it. */
function clauseAfter(text: string, end: number): string {
  let stop = end;
  while (stop < text.length && !CLAUSE_MARK.test(text[stop]!)) stop += 1;
  return text.slice(end, stop);
}

/** The end of a five-year period: “十四五”末, 十四五期末 (the first digit word names the period). */
const PERIOD_END = /“?十([二三四五六])五”?(?:期)?末/gu;
/** The last year of each five-year period: 十四五 ends with 2025. */
const PERIOD_LAST_YEAR: Readonly<Record<string, number>> = { 二: 2015, 三: 2020, 四: 2025, 五: 2030, 六: 2035 };

/** "实现“十四五”末总量达到60万套" in the plan for 2025: the end of the period is the end of the plan's year. */
function withoutPlanYearEnd(clause: string, planYear: number): string {
  return clause.replace(PERIOD_END, (words, digit: string) => (PERIOD_LAST_YEAR[digit] === planYear ? '' : words));
}

function isDescriptive(text: string, quantity: Quantity, planYear: number): boolean {
  let begin = quantity.start;
  while (begin > 0 && !CLAUSE_MARK.test(text[begin - 1]!)) begin -= 1;
  const clause = text.slice(begin, quantity.start);
  if (DESCRIPTIVE_BEFORE.test(withoutPlanYearEnd(clause, planYear))) return true;
  // "到2027年" sets a later goal; "到2025年底" is the plan's own year. The last deadline named in the sentence ("到2030年，
  // 布局20个…") governs what follows it.
  if ([...clause.matchAll(YEAR_NAMED)].some((match) => Number(match[1]) !== planYear)) return true;
  let sentenceStart = begin;
  while (sentenceStart > 0 && !/[。；;！？!?\n]/u.test(text[sentenceStart - 1]!)) sentenceStart -= 1;
  const sentence = text.slice(sentenceStart, quantity.start);
  const deadline = [...sentence.matchAll(BY_YEAR)].pop();
  if (deadline && Number(deadline[1]) !== planYear && !THIS_YEAR.test(sentence.slice(deadline.index))) return true;
  const after = text.slice(quantity.end, quantity.end + 16);
  // "实施500万元以上技改项目", "总投资10亿元以上项目", "年综合能耗5000吨标准煤及以上重点用能单位": a size class;
  // "总投资1.78万亿元的289个省重点项目": the sum of the projects counted.
  if ((quantity.unit === '元' && (SIZE_CLASS.test(after) || /^的\d/u.test(after))) || /^及以上/u.test(after)) return true;
  // "30户以上自然村寨生活垃圾收运设施覆盖率达90%", "对957个50户以上农村木质房屋连片村寨实施…": a size that picks the
  // things another figure of the clause counts or measures.
  // A count of the things themselves ("300个以上精品示范村") is the goal, not a size.
  if (SIZE_UNITS.has(quantity.unit) && /^(?:及)?以上[\u4e00-\u9fff]/u.test(after) && (/\d/u.test(clauseAfter(text, quantity.end)) || /\d[\u4e00-\u9fff]{1,2}$/u.test(clause))) return true;
  // "进入全国前50名", "位列第3位": a rank, not an amount.
  if (/[前第]$/u.test(clause) && (quantity.unit === '名' || quantity.unit === '位')) return true;
  // "优化营商环境58条改革举措": the measures of a policy, counted in its name.
  if ((quantity.unit === '条' || quantity.unit === '项') && POLICY_AFTER.test(after)) return true;
  // "时速250公里城际列车", "3人制篮球场": a speed or a team size names a kind of thing.
  if (/时速$/u.test(clause) || (quantity.unit === '人' && after.startsWith('制'))) return true;
  // "企业所得税减按15%征收", "延续15%企业和个人所得税优惠": the rate of a tax, a policy rather than a goal.
  if (quantity.unit === '%' && (/减按$/u.test(clause) || TAX_AFTER.test(after))) return true;
  // "年销售收入超10亿元农业产业化龙头企业": a sum before the firms or projects it sizes.
  if (quantity.unit === '元' && /(?:超过?|以上)$/u.test(clause) && SIZED_NOUN.test(after)) return true;
  // "国能宁煤80万吨煤制油升级示范": a plant's capacity names the plant.
  if (quantity.unit === '吨' && PLANT_NAME.test(after)) return true;
  // "15分钟生活圈", "240小时过境免签政策": a time span in a name.
  if (TIME_UNITS.has(quantity.unit) && /^[\u4e00-\u9fff]/u.test(after) && !/^(?:以|左右|内)/u.test(after)) return true;
  // "公交与轨道50米内换乘比例", "15分钟内到达率": a reach that names the rate measured.
  if (REACH_UNITS.has(quantity.unit) && /^(?:以内|内)[\u4e00-\u9fff]/u.test(after)) return true;
  return DESCRIPTIVE_AFTER.test(after);
}
