/**
 * Reads what each figure of a report measures, with the rules of Chinese lists: "规上工业增加值、固定资产投资分别增长
 * 6.7%、4%" gives 规上工业增加值 6.7% and 固定资产投资 4%; "稳定粮食播种面积1300万亩、总产260亿斤" gives 粮食总产 for
 * 260亿斤, the subject carried over from the clause before.
 */
import { sentenceStart } from '../extract/clauses.ts';
import type { Quantity } from '../model/quantity.ts';
import { readMetricPhrase, type MetricPhrase } from './metric-phrase.ts';

/** A quantity of a report with what it measures. */
export interface Figure {
  readonly quantity: Quantity;
  readonly phrase: MetricPhrase;
  /** The noun after inheritance, 分别 distribution and 城乡 splitting. */
  readonly noun: string;
  readonly change?: 'up' | 'down';
  readonly comparator?: Quantity['comparator'];
  /**
   * The subjects a figure stated with 均 holds for, each its own metric: "城市生活垃圾和建筑垃圾利用率均达60%" →
   * ['城市生活垃圾利用率', '建筑垃圾利用率']. Absent for a figure of one subject.
   */
  readonly members?: readonly string[];
}

/** A noun that names only a measure, whose subject the clause before gives: "总产260亿斤" after "粮食播种面积…". */
const BARE_MEASURE = /^(?:总产量?|产量|单产|产值|总产值|面积|播种面积|规模|总额|总量|增加值|营收|营业收入|利润|收入|增速|增幅|数量|占比|比重)$/u;
/** Where the subject of a noun ends: "粮食播种面积" → 粮食, "乳业产业链产值" → 乳业产业链. */
const MEASURE_HEAD = /(?:播种面积|种植面积|面积|总产量|总产|产量|单产|总产值|产值|增加值|营业收入|营收|利润|规模|总额|总量|数量)/u;
/** Money spent on what the clause before counts: "完成投资", "年度计划投资". */
const MONEY_OF_COUNT = /^(?:全年|年内|今年)?(?:年度)?(?:计划)?(?:完成)?(?:年度)?投资$/u;
/** The programme of key projects a sentence may be about: 重大项目, 重点项目, 省重点项目, 重大工程. */
const PROJECT_PROGRAMME = /[省市区县]?(?:重大|重点)(?:项目|工程)/u;
/** A total with no subject of its own ("总量", "“十四五”末总量"), and the end of a five-year period it is set for. */
const STOCK_AT_END = /^(?:“?十[二三四五六]五”?(?:期)?末)?(?:总量|总数|规模)$/u;
const PERIOD_END_WORDS = /十[二三四五六]五”?(?:期)?末/u;
/** Verbs before the things counted, which their stock does not keep: "建设筹措保障性租赁住房" → 保障性租赁住房. */
const VERBS_OF_ADDING = /^(?:全年|今年|年内|再)*(?:新建|新增|建设|建成|筹集|筹措|改造|实施|完成|供应)+/u;
/** Money named by nothing but a verb of spending: "安排资金", "筹措资金", "投入". */
const GROUP_MONEY = /^(?:(?:安排|筹措|筹集|累计投入|投入)(?:资金)?|资金)$/u;
/** The yearly list of practical things done for the people, by its names. */
const PEOPLES_LIST = /民生实事|为民办实事|惠民实事/u;
/** Units that count things a plan carries out: projects, items, works. */
const COUNT_UNITS = new Set(['个', '项', '批']);
/** Verbs of doing before a counted noun, not part of what is counted: "计划实施项目" → 项目. */
const LEADING_VERBS = /^(?:全年|计划|力争|新|再)*(?:实施|建设|推进|开工|新开工|启动|完成|安排)/u;
/** A clause that builds works or projects, with no figure: "推进重大工程建设" → 重大工程. */
const WORKS_BUILT = /^(?:全面|加快|持续|扎实|统筹|大力)*(?:推进|推动|实施|抓好|加强|加快)((?:[\u4e00-\u9fff]|[“”]){0,10}(?:工程|项目))(?:建设)?$/u;
/**
 * Examples ending in 等 before a noun of three characters or more: "枣庄欣旺达等" of "枣庄欣旺达等“源网荷储”一体化试点";
 * not 高等, 均等, 等级, nor before a bare head (康复护理等机构) or 方面 / 领域, which the examples name.
 */
const EXAMPLES = /^.*[^高中初同平对均头一二三特]等(?![级同候化于]|方面|领域)(?=(?:[\u4e00-\u9fff]|[“”]){3})/u;
/** The words between the subjects of a 分别 list. */
const SUBJECT_SEPARATOR = /、|和|及|与|以及/u;

/**
 * Reads each quantity's metric phrase. A figure with no noun of its own ("，增长5.2%", "分别增长3.1%、5.1%") inherits
 * the noun, and in a list the change, of the figure before it in the sentence; a bare measure ("总产", "产值")
 * takes the subject of the figure before it; in a 分别 list each figure takes its own subject, the last member's
 * qualifier holds for all ("分别增长5%和7%左右"), and 城乡 splits into 城镇 and 农村 over two members.
 * @example readFigures('规上工业增加值、固定资产投资分别增长6.7%、4%。', quantities).map((f) => f.noun)
 * // ['规上工业增加值', '固定资产投资']
 */
export function readFigures(text: string, quantities: readonly Quantity[]): Figure[] {
  const figures: Figure[] = [];
  let previous: Figure | undefined;
  for (const quantity of quantities) {
    const sameSentence = previous !== undefined && !/[。；！？\n]/u.test(text.slice(previous.quantity.end, quantity.start));
    const phrase = readMetricPhrase(text, quantity.start, sameSentence ? previous!.quantity.end : 0);
    // "开展威海碳纤维、枣庄欣旺达等“源网荷储”一体化试点30个": the examples before 等 give way to what they are examples of.
    let noun = phrase.noun.replace(EXAMPLES, '');
    let change = phrase.change;
    // "实施100个以上关键技术攻关项目", "1550个省重点项目完成投资…": a figure before its noun, with at most a verb before it.
    // "甲公园、乙公园和20个口袋公园等建成": after 和 / 及 / 与 the figure opens a member of its own, its noun after it.
    const joined = noun !== '' && JOINED.test(phrase.raw);
    const after = change === undefined && (VERB_ONLY.test(noun) || noun.endsWith('等') || joined) ? nounAfter(text, quantity.end, quantity.unit) : undefined;
    // "90%的化工园区降至较低风险等级": a share stated first, what it is a share of after it.
    const shareOf = quantity.unit === '%' && noun === '' ? SHARE_OF.exec(text.slice(quantity.end, quantity.end + 40))?.[1] : undefined;
    if (shareOf) {
      noun = shareOf;
    } else if (after) {
      // "雄商等6条高铁": the examples before the figure give way to the noun after it.
      noun = noun.endsWith('等') || joined ? after : noun + after;
    } else if (!noun && sameSentence) {
      noun = previous!.noun;
      // "增长7%以上、力争达到8%": a stretch goal after a change is a change too.
      if (!change && phrase.raw.replace(/[、和及与，,\s]|力争|争取|努力|达到|实现/gu, '') === '') change = previous!.change;
    } else if (sameSentence && STOCK_AT_END.test(noun) && PERIOD_END_WORDS.test(phrase.raw) && previous!.quantity.unit === quantity.unit) {
      // "建设筹措保障性租赁住房7万套，“十四五”末总量达到60万套": the stock of the things just counted.
      noun = previous!.noun.replace(VERBS_OF_ADDING, '') + '总量';
    } else if (sameSentence && BARE_MEASURE.test(noun)) {
      const subject = subjectOf(previous!.noun);
      if (subject) noun = subject + noun;
    } else if (sameSentence && MONEY_OF_COUNT.test(noun) && COUNT_UNITS.has(previous!.quantity.unit)) {
      // "实施重点项目2800个，完成投资2400亿元": the investment is that of the projects just counted.
      noun = previous!.noun.replace(LEADING_VERBS, '') + noun;
    } else if (GROUP_MONEY.test(noun) && quantity.unit === '元') {
      // "安排资金148亿元，实施民生实事28项", "投入187亿元办好28项民生实事": money with no noun of its own, in the
      // sentence of the yearly list of 民生实事, is the money for that list.
      const group = PEOPLES_LIST.exec(sentenceAround(text, quantity.start))?.[0];
      if (group) noun = group + '资金';
    } else if (MONEY_OF_COUNT.test(noun)) {
      // Bare investment belongs to the works the clause before builds ("推进重大工程建设，全年完成投资2400亿元"), else to
      // the key projects its sentence is about ("加快重大项目建设，完成投资2000亿元"). 全年/年内 only date it.
      const works = WORKS_BUILT.exec(clauseBefore(text, quantity.start - phrase.raw.length))?.[1];
      const owner = works ?? PROJECT_PROGRAMME.exec(text.slice(sentenceStart(text, quantity.start), quantity.start))?.[0];
      if (owner) noun = owner + noun.replace(/^(?:全年|年内|今年)/u, '');
    }
    if (!noun && quantity.metric) noun = readMetricPhrase(quantity.metric + '0', quantity.metric.length).noun;
    // "改造供热管网120公里、燃气管网80公里": the verb of the first member carries over a list of one figure per noun,
    // measured alike (a sum of money after a count is not done the way the things counted are).
    const carried = sameSentence && noun && !after && previous!.quantity.unit === quantity.unit && text.slice(previous!.quantity.end, quantity.start - phrase.raw.length) === '、' && !LIST_VERB.test(noun)
      ? LIST_VERB.exec(previous!.noun)?.[0]
      : undefined;
    if (carried) noun = carried + noun;
    // "交通、能源、水利完成投资5400亿元": one figure for the subjects listed, not for the last of them.
    const joint = noun && !phrase.isRespectively && !after && !shareOf ? readJointSubjects(text, quantity.start - phrase.raw.length, quantity.start) : undefined;
    if (joint) noun = joint;
    // "蒙能集团要当好…，力争电力总装机超过4500万千瓦": the company the sentence is about owns the figure.
    const owner = OWNER.exec(text.slice(sentenceStart(text, quantity.start), quantity.start))?.[1];
    if (owner && noun && !noun.includes(owner)) noun = owner + noun;
    const members = phrase.isRespectively ? undefined : readMembers(text, quantity.start);
    const figure: Figure = {
      quantity,
      phrase,
      noun,
      ...(members ? { members } : {}),
      ...(change ? { change } : {}),
      ...(quantity.comparator ? { comparator: quantity.comparator } : {}),
    };
    figures.push(figure);
    previous = figure;
  }
  return distributeLists(text, figures);
}

/** A verb of doing within the first words of a noun ("有序改造供热管网" → 改造), which a list's later members share. */
const LIST_VERB = /(?<=^[\u4e00-\u9fff]{0,2})(?:新建|新增|建设|建成|改造|改建|实施|完成|治理|修复|培育|打造|新开工|开工|提升)/u;
/** A phrase that ends joining one more member to a list: "甲公园和", "乙馆及". */
const JOINED = /(?:和|及|与)$/u;
/** Nothing but a verb of doing before a figure: "实施", "再推出", "新建", or nothing at all. */
const VERB_ONLY = /^(?:再|新|要|将|共|还|并|全面|加快|力争|争取|确保|今年)*(?:创成|获批|推出|实施|建设|新建|改建|扩建|建成|完成|打造|培育|推进|创建|新开工|开工|改造|完善|打通|新增|开展|启动|组建|认定|支持|引进|举办|办好|推动|布局|设立|开通|治理|提升|改善|筹措|筹集|供应){0,2}(?:首批|第[一二三四五六七八九十]批|新一批)?$/u;
/** What a percentage stated before its subject measures: "的煤矿达到安全生产标准化二级以上" up to the clause mark. */
const SHARE_OF = /^的((?:[\u4e00-\u9fff]|[“”]){2,30}?)(?=[，,。；;、！？!?\n]|$)/u;
/** A verb that opens a clause of its own after a list mark: "新建10个公园、改造绿地5处". */
const CLAUSE_VERB = '(?:再|新|要|将|并|加快|全面)*(?:推出|实施|建设|新建|建成|完成|打造|培育|推进|创建|开工|改造|完善|新增|开展|启动|推动|治理|提升|改善|支持|引进)';
/** A list mark that goes on to another figure or another clause ends the noun; one that joins nouns does not. */
const LIST_END = `、(?=[^，,。；;！？!?\\n]*?\\d|若干|一批|多个|${CLAUSE_VERB})`;
const NOUN_CHARS = '[\\u4e00-\\u9fff]|[“”《》]';
/** The noun right after a figure, up to a clause mark, a digit or 等: "个以上关键技术攻关项目。" → 关键技术攻关项目. */
const NOUN_AFTER = new RegExp(`^(?:以上|左右|多|余)?((?:${NOUN_CHARS}){2,24}?)(?=[，,。；;、：:！？!?\\n（(\\d]|等|$)`, 'u');
/** The same after a count, whose noun may be a list: "40个机关、企事业单位附属空间对外开放" counts both. */
const COUNTED_NOUN_AFTER = new RegExp(`^(?:以上|左右|多|余)?((?!、)(?:${NOUN_CHARS}|(?!${LIST_END})、){2,24}?)(?=[，,。；;：:！？!?\\n（(\\d]|${LIST_END}|等|$)`, 'u');
/** Units that count things, whose noun may follow them as a list. */
const COUNTING_UNITS = /^(?:个|项|条|家|座|所|处|套|批|张|台|间|件|类|部|栋|片|支|只)$/u;
/** Where a noun after a figure gives way to what is done with it: "省重点项目完成投资" → 省重点项目. */
const AFTER_VERB = /(?:完成|实现|达到|增长|增加|开工|建成|竣工|投产|下降|提高|超过|累计|开展)/u;
/** The head of a counted noun that a verb before it only qualifies: "投产达效项目", "新开工工程". */
const COUNTED_HEAD = /^[\u4e00-\u9fff“”]{0,6}(?:项目|工程|企业|试点|基地|园区|单位|平台|设施|场景)$/u;

/** The noun a figure is followed by, when it is one: "“两通工程”项目。" → "“两通工程”项目"; none before 增长, 的 or a mark. */
function nounAfter(text: string, end: number, unit: string): string | undefined {
  // "7万套（间）保障性租赁住房": a unit's bracketed alternative stands between the figure and its noun.
  const unitNote = /^[（(][\u4e00-\u9fff]{1,2}[）)]/u.exec(text.slice(end, end + 4))?.[0].length ?? 0;
  const match = (COUNTING_UNITS.test(unit) ? COUNTED_NOUN_AFTER : NOUN_AFTER).exec(text.slice(end + unitNote, end + unitNote + 32));
  if (!match) return undefined;
  let noun = match[1]!;
  if (/^(?:的|是|为|和|与|及|增长|下降|以上|以下|以内|左右|同比|比|较|占|居|位|次|年|倍)/u.test(noun)) return undefined;
  // "3920个新投产项目增加产值…", "3900多个投产达效项目": a verb that only qualifies the counted head is part of it.
  let from = 0;
  let verb = AFTER_VERB.exec(noun);
  while (verb && verb.index < 2 && COUNTED_HEAD.test(noun.slice(0, nextVerbAt(noun, verb.index + verb[0].length)))) {
    from = verb.index + verb[0].length;
    verb = nextVerb(noun, from);
  }
  // "15条高速公路建成。", "3900多个项目投产达效、": with no figure after it in the clause, the verb says what is
  // counted (roads opened, projects in production) and stays with the noun.
  const endsClause = !/\d/u.test(text.charAt(end + unitNote + match[0].length));
  // But a verb with an object of its own ("500名特派员开展入企服务", "300所卫生室达到合格标准") says what the things
  // counted did, not which they are: the noun ends before it.
  const hasObject = verb !== null && [...noun.slice(verb.index + verb[0].length)].length > 2;
  if (verb && verb.index >= 2 && (!endsClause || hasObject)) noun = noun.slice(0, verb.index);
  else if (verb && verb.index < 2) return undefined;
  return noun;
}

/** The clause that ends with the comma right before `at`, in the same sentence; empty when there is none. */
function clauseBefore(text: string, at: number): string {
  if (!/[，,]/u.test(text.charAt(at - 1))) return '';
  let begin = at - 1;
  while (begin > 0 && !/[，,。；;：:！？!?\n]/u.test(text.charAt(begin - 1))) begin -= 1;
  return text.slice(begin, at - 1);
}

/** The first verb of doing in `noun` at or after `from`. */
function nextVerb(noun: string, from: number): RegExpExecArray | null {
  const verb = AFTER_VERB.exec(noun.slice(from));
  if (verb) verb.index += from;
  return verb;
}

/** Where the next verb of doing in `noun` starts at or after `from`; the end of `noun` when none does. */
function nextVerbAt(noun: string, from: number): number {
  return nextVerb(noun, from)?.index ?? noun.length;
}

/** A character no text holds, standing for 、 while a list is read as one phrase. */
const LIST_MARK = '\uE000';

/**
 * The noun of a figure whose phrase follows a list of short subjects with no figure of their own: "交通、能源、水利完成
 * 投资" → "交通、能源、水利完成投资"; undefined when the phrase does not follow 、, the list holds a figure, says 均, 各,
 * 分别 or 等, or its members are longer than a short name (then they are tasks, not subjects of one figure).
 */
function readJointSubjects(text: string, phraseStart: number, figureStart: number): string | undefined {
  if (text[phraseStart - 1] !== '、') return undefined;
  let begin = phraseStart - 1;
  while (begin > 0 && phraseStart - begin < 40 && !/[，,。；;：:！？!?\n]/u.test(text[begin - 1]!)) begin -= 1;
  const list = text.slice(begin, figureStart);
  if (/[\d０-９]|均|各|分别|等/u.test(list)) return undefined;
  const members = text.slice(begin, phraseStart - 1).split('、').map((member) => readMetricPhrase(`${member}0`, member.length).noun);
  if (members.some((member) => member.length === 0 || member.length > 4)) return undefined;
  // 、 ends a metric phrase: read the list with a stand-in that does not, then write 、 back.
  const joined = list.replace(/、/gu, LIST_MARK);
  return readMetricPhrase(`${joined}0`, joined.length).noun.replace(new RegExp(LIST_MARK, 'gu'), '、') || undefined;
}

/** A company or group named as the subject a sentence opens with: "蒙能集团要…", "交通投资公司将…". */
const OWNER = /^((?:[\u4e00-\u9fff]|[“”]){2,10}?(?:集团|公司))(?:要|将|须|必须|力争|，)/u;

/** 均 after a list of subjects, then only a verb of reaching or a bound before the figure: "…利用率均达到". */
const ALL_OF = /(?<![人平日月年])均(?:达到|达|为|在|超过|超|保持在|稳定在|不低于|不少于|控制在)?$/u;
/** The measure word that ends the last subject of a list and is shared by the others: 利用率, 覆盖率, 总量. */
const SHARED_MEASURE = /[\u4e00-\u9fff]{0,2}(?:率|量|额|比例|比重|指数)$/u;

/**
 * The subjects of a figure stated with 均: the clause before 均 split at 、 和 及 与, a subject without the last one's
 * measure word given it ("城市生活垃圾和建筑垃圾利用率" → 城市生活垃圾利用率, 建筑垃圾利用率); undefined without 均 or
 * with fewer than two subjects.
 */
function readMembers(text: string, figureStart: number): string[] | undefined {
  let begin = figureStart;
  while (begin > 0 && figureStart - begin < 80 && !/[，,。；;：:！？!?\n]/u.test(text[begin - 1]!)) begin -= 1;
  const clause = text.slice(begin, figureStart);
  const all = ALL_OF.exec(clause);
  if (!all) return undefined;
  const parts = clause.slice(0, all.index).split(SUBJECT_SEPARATOR).map((part) => readMetricPhrase(`${part}0`, part.length).noun).filter((part) => part !== '');
  if (parts.length < 2) return undefined;
  const measure = SHARED_MEASURE.exec(parts[parts.length - 1]!)?.[0];
  return parts.map((part) => (measure && !part.endsWith(measure.slice(-1)) ? part + measure : part));
}

/** The subject before a noun's measure word: "粮食播种面积" → "粮食"; none when the noun has no measure word. */
function subjectOf(noun: string): string | undefined {
  const head = MEASURE_HEAD.exec(noun);
  return head && head.index > 0 ? noun.slice(0, head.index) : undefined;
}

/** The whole sentence a position lies in. */
function sentenceAround(text: string, position: number): string {
  const end = text.slice(position).search(/[。；！？\n]/u);
  return text.slice(sentenceStart(text, position), end < 0 ? text.length : position + end);
}

/** Applies the 分别 rules to runs of figures that share one noun in one sentence. */
function distributeLists(text: string, figures: Figure[]): Figure[] {
  const out = [...figures];
  for (let i = 0; i < out.length; i++) {
    const head = out[i]!;
    if (!head.phrase.isRespectively) continue;
    let j = i + 1;
    while (j < out.length && out[j]!.noun === head.noun && !/[。；！？\n，]/u.test(text.slice(out[j - 1]!.quantity.end, out[j]!.quantity.start).replace(/^[^，]*?(?:左右|以上|以内|以下)/u, ''))) j += 1;
    const members = out.slice(i, j);
    if (members.length < 2) continue;
    const comparator = members[members.length - 1]!.comparator;
    const split = members.length === 2 && head.noun.includes('城乡') ? ['城镇', '农村'] : undefined;
    const subjects = split ? undefined : listSubjects(text, head.quantity.start, members.length);
    members.forEach((member, k) => {
      out[i + k] = {
        ...member,
        noun: split ? member.noun.replace('城乡', split[k]!) : (subjects?.[k] ?? member.noun),
        ...(member.comparator === undefined && comparator !== undefined ? { comparator } : {}),
      };
    });
    i = j - 1;
  }
  return out;
}

/**
 * The subjects of a 分别 list, one per figure, from the clause before 分别: "规上工业增加值、固定资产投资分别增长" →
 * ['规上工业增加值', '固定资产投资']; "城镇、农村居民人均可支配收入分别" → ['城镇居民人均可支配收入', '农村居民…'].
 * Undefined when the clause does not name as many subjects as there are figures.
 */
function listSubjects(text: string, firstFigure: number, count: number): string[] | undefined {
  const before = text.slice(0, firstFigure);
  const at = before.lastIndexOf('分别');
  if (at === -1) return undefined;
  let begin = at;
  while (begin > 0 && !/[，,。；;：:！？!?\n]/u.test(text[begin - 1]!)) begin -= 1;
  const parts = text.slice(begin, at).split(SUBJECT_SEPARATOR).filter((part) => part.trim() !== '');
  if (parts.length !== count) return undefined;
  // "交通、水利分别完成投资2500亿元、800亿元": the words between 分别 and the figure measure every subject.
  const measure = readMetricPhrase(`${text.slice(at + 2, firstFigure)}0`, firstFigure - at - 2);
  const shared = measure.change === undefined ? measure.noun : '';
  // "对中亚五国、东盟进出口": 对 before the first partner holds for every one.
  const partners = parts[0]!.trim().startsWith('对');
  const nouns = parts.map((part) => (partners && !part.trim().startsWith('对') ? '对' : '') + readMetricPhrase(`${part}0`, part.length).noun + shared);
  const last = nouns[nouns.length - 1]!;
  // "城镇、农村居民…": a short first subject shares the last one's words after its own length.
  return nouns.map((noun, k) => (k < nouns.length - 1 && noun.length > 0 && 2 * noun.length <= last.length ? noun + last.slice(noun.length) : noun));
}
