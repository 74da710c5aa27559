/**
 * How alike two metric phrases are, character by character, after the standard names are brought together:
 * "城镇新增就业" vs "新增城镇就业" → 0.8; "GDP" vs "地区生产总值" → 1; "城镇居民人均可支配收入" vs "全体居民人均可支配收入" → 0.
 */

/** Standard indicators written several ways: each pattern is replaced by one canonical name. */
const ALIASES: readonly (readonly [RegExp, string])[] = [
  [/GDP|国内生产总值|地区生产总值|全省生产总值|全市生产总值|经济总量/gu, '生产总值'],
  [/CPI|居民消费价格指数|居民消费价格|消费价格|物价/gu, '消费价格'],
  [/规模以上/gu, '规上'],
  [/社会消费品零售总额|社零额?/gu, '社会消费品零售'],
  // "进出口贸易总额" is the 外贸进出口总额 in other words.
  [/外贸进出口|货物贸易进出口|货物进出口|进出口贸易(?:总额|总值)?|进出口总额|进出口总值|外贸/gu, '进出口'],
  // "优良天数比率" and "优良天数比例" name one rate.
  [/比率/gu, '比例'],
  [/新增城镇就业|城镇新增就业/gu, '城镇新增就业'],
  // "乡村建设" and "农村建设", "乡村公路" and "农村公路" name one thing.
  [/乡村/gu, '农村'],
  // "经济增长5.5%左右": the economy's growth is the growth of its output.
  [/^经济(?:增速)?$/gu, '生产总值'],
  [/接待(?:国内外)?游客(?:人次|数量)?|游客接待量|游客数量|游客人次/gu, '游客人次'],
  // "原煤产量" is how statistics name the 煤炭产量; "粮食总产" is its 产量.
  [/原煤/gu, '煤炭'],
  [/(?<=[\u4e00-\u9fff])总产量?(?!值)/gu, '产量'],
  // "智算" is the short name of 智能算力; 营收 that of 营业收入.
  [/智算/gu, '智能算力'],
  [/营业收入/gu, '营收'],
];

/**
 * Words that frame what is counted without changing it: 年度计划投资 is the 投资 of the year, 重点项目 the projects a
 * plan counts, 能源工业增加值 the 能源工业 (an industry grows by its value added), 通车总里程 the 通车里程,
 * "化工园区达到较低风险等级" the 化工园区较低风险等级, 风电装机规模 the 风电装机, 高新技术企业总量 the 高新技术企业 (but
 * 用水总量 keeps its 总量: 用水 alone names nothing); a verb or adverb left at the end before a figure in words
 * ("科技投入再翻一番", "科技投入实现翻番") is no part of the name.
 */
/**
 * 通车里程 is the 里程 of roads, 营业里程 / 运营里程 that of railways: dropped in a third reading, so 通车总里程 (read
 * as 通车里程) still ends 高速公路通车里程, and 高铁通车里程 is 高铁营业里程.
 */
const ROAD_FRAMING = /(?:通车|营业|运营)(?=里程)/gu;
const FRAMING = /(?<=[\u4e00-\u9fff]{2})(?:再|实现)$|计划|年度|重点|完成|(?<=[\u4e00-\u9fff]{2})(?:达到|降至|降到|提高到|提升到)(?=[\u4e00-\u9fff]{2})|总(?=里程)|(?<=[\u4e00-\u9fff]{3})(?:总量|总数|数量|规模|增加值)$/gu;

/** Words that state how a figure is computed or framed, not what it measures. */
const NOISE = /(?:同口径|可比口径|按可比价格计算|按可比价计算|可比价|按现价计算|现价|名义|实际|总体|平均|均值|全[国省市区县]|我[国省市区县]|本[省市区县]|（[^）]*）|\([^)]*\)|“|”|\s)/gu;

/**
 * Groups of scope words that exclude each other: a metric naming one of them is not the same metric as one naming
 * another ("城镇居民人均可支配收入" ≠ "农村居民人均可支配收入" ≠ "全体居民人均可支配收入").
 */
const SCOPES: readonly (readonly string[])[] = [
  ['城镇居民', '农村居民', '全体居民', '城乡居民', '脱贫'],
  ['调查失业率', '登记失业率'],
  ['第一产业', '第二产业', '第三产业', '一产', '二产', '三产', '服务业', '工业', '农业', '建筑业'],
  ['出口', '进口', '进出口'],
  ['收入', '支出'],
  ['民间', '国有', '外资', '工业投资', '基础设施', '制造业', '房地产'],
  ['中央', '地方'],
  ['户籍人口', '常住人口'],
  // Measures of an industry's output: its value added is not its revenue, output value or profit.
  ['增加值', '营收', '产值', '利润'],
  // Pipe networks by what they carry; 地下管网 is all of them.
  ['燃气', '供水', '排水', '供热', '污水', '雨水', '地下管网'],
  // Parts of industry: "规上装备工业增加值" is not "规上工业增加值".
  ['装备工业', '装备制造业', '高技术制造业', '原材料工业', '消费品工业', '能源工业', '工业', '制造业'],
  // Roads by class (all roads, motorways, rural roads) and railways.
  ['高速公路', '农村公路', '国省干线', '公路', '高铁', '铁路'],
];

/**
 * Brings a metric phrase to a comparable form: aliases unified, framing words and brackets dropped.
 * @example normalizeMetric('地区生产总值（GDP）') // '生产总值'
 */
export function normalizeMetric(metric: string): string {
  let text = metric;
  // "外贸进出口总额": one alias can leave another behind it (进出口总额 → 进出口).
  for (let pass = 0; pass < 2; pass++) for (const [pattern, canonical] of ALIASES) text = text.replace(pattern, canonical);
  // "居民人均可支配收入" with no scope is the figure for all residents.
  text = text.replace(/(?<!城镇|农村|全体|城乡|脱贫人口|脱贫地区农村)居民人均/gu, '全体居民人均');
  return text.replace(NOISE, '');
}

/**
 * Similarity of two metric phrases, 0–1: the mean of the character overlap (order-free, so reordered words still
 * match) and the bigram overlap (order-aware), raised to 0.85 when the longer phrase only puts modifiers before the
 * shorter one (城镇调查失业率 / 调查失业率), and 0 when they name different scopes of one group (城镇 vs 农村, 收入 vs
 * 支出) or one is a breakdown by partner (对东盟进出口).
 * @example scoreMetricSimilarity('城镇新增就业', '新增城镇就业') // 1（同名异序，别名统一后相同）
 * @example scoreMetricSimilarity('国内生产总值', '地区生产总值') // 1
 */
export function scoreMetricSimilarity(a: string, b: string): number {
  const [shortA, shortB] = alignAbbreviations(a, b);
  const plainLeft = normalizeMetric(shortA);
  const plainRight = normalizeMetric(shortB);
  // Framing words out and kept in: kept, "省重点项目" still ends "铺排落实省重点项目"; out, 年度计划投资 is 投资.
  const left = plainLeft.replace(FRAMING, '');
  const right = plainRight.replace(FRAMING, '');
  // Scopes are read before framing words go: 数字经济核心产业增加值 stays apart from 数字经济核心产业营收.
  if (hasScopeConflict(plainLeft, plainRight)) return 0;
  const score = Math.max(
    scoreNormalized(plainLeft, plainRight),
    scoreNormalized(left, right),
    scoreNormalized(left.replace(ROAD_FRAMING, ''), right.replace(ROAD_FRAMING, '')),
  );
  // "建设“两通工程”项目" / "新开工“两通工程”项目": verbs of one kind of doing before one object; "易积水点位改造" is
  // "改造易积水点位" with the verb put last.
  const [frontLeft, frontRight] = [verbFirst(left), verbFirst(right)];
  const verbs = [LEADING_DOING.exec(frontLeft)?.[0], LEADING_DOING.exec(frontRight)?.[0]];
  if (verbs[0] === undefined || verbs[1] === undefined || !shareFamily(verbs[0], verbs[1])) return score;
  return Math.max(score, scoreNormalized(frontLeft.slice(verbs[0].length), frontRight.slice(verbs[1].length)));
}

/**
 * Verbs at the start of a metric that name how a plan carries something out, not what: one family (starting or
 * carrying out; adding; bringing in) stands for one another, so 建设 and 新开工, 建设 and 新增 of one object agree, but
 * 新建 and 改造, 新增 and 新开工 do not.
 */
const DOING_FAMILIES: readonly (readonly string[])[] = [
  ['实施', '建设', '推进', '新开工', '开工', '启动', '开展'],
  // 获批 (a lab approved, a park designated) adds one more of a kind, as 新增 does.
  ['建设', '新建', '新增', '建成', '修建', '筹集', '筹措', '获批'],
  // Putting right what is wrong: "消除易积水点位" answers "易积水点位改造".
  ['改造', '治理', '整治', '消除'],
  ['引进', '落地', '转化', '招引'],
];
const LEADING_DOING = new RegExp(`^(?:再|新)?(?:(?:${DOING_FAMILIES.flat().sort((x, y) => y.length - x.length).join('|')})(?:和|及|、)?)+`, 'u');

/** A verb of doing after an object of three characters or more moved before it: "易积水点位改造" → "改造易积水点位". */
function verbFirst(phrase: string): string {
  const last = TRAILING_DOING.exec(phrase);
  return last && [...phrase.slice(0, last.index)].length >= 3 && !LEADING_DOING.test(phrase) ? last[0] + phrase.slice(0, last.index) : phrase;
}

const TRAILING_DOING = new RegExp(`(?:${DOING_FAMILIES.flat().sort((x, y) => y.length - x.length).join('|')})$`, 'u');

function shareFamily(left: string, right: string): boolean {
  return DOING_FAMILIES.some((family) => family.some((verb) => left.includes(verb)) && family.some((verb) => right.includes(verb)));
}

/**
 * A quoted short name in one phrase whose characters recur in order in the other is its abbreviation:
 * "“教共体”覆盖率" / "基础教育发展共同体覆盖率" → both read with 教共体. Only a quoted name counts: quotes mark a coined term.
 */
function alignAbbreviations(a: string, b: string): [string, string] {
  return [shortenBy(b, a) ?? a, shortenBy(a, b) ?? b];
}

/** `phrase` with the long form of an abbreviation quoted in `other` replaced by the abbreviation; undefined when none. */
function shortenBy(other: string, phrase: string): string | undefined {
  for (const match of other.matchAll(/“([\u4e00-\u9fff]{2,5})”/gu)) {
    const short = match[1]!;
    if (phrase.includes(short)) continue;
    const spread = new RegExp([...short].join('[\u4e00-\u9fff]{0,4}?'), 'u').exec(phrase);
    if (spread && spread[0].length <= 3 * short.length) return phrase.replace(spread[0], short);
  }
  return undefined;
}

/**
 * Two characters that are a verb alone — of doing (新建, 完工, 实施), of reaching (达到, 突破) or of change (增长) —
 * with the object lost: "新建30个" and "新建8个" say nothing of what was built.
 */
const BARE_ACTION = /^(?:新.|.增|增.|建.|.建|.工|开.|完.|实施|推进|启动|开展|治理|修复|培育|打造|投产|招引|引进|落地|转化|筹.|达.|突破|超过|提.|降.|下降|减少|改造|创建|项目|任务|目标|指标|总量|总额|规模|数量)$/u;

function scoreNormalized(left: string, right: string): number {
  // A phrase of one or two characters (新建, 完工) names an action, not a metric; but the same two characters naming a
  // thing done to an object ("造林120万亩" / "造林309万亩", "种草") are one metric.
  if ([...left].length === 2 && left === right && !BARE_ACTION.test(left)) return 1;
  if ([...left].length < 3 || [...right].length < 3) return 0;
  if (left === right) return 1;
  // "财政科技支出占一般公共预算支出比重" / "民生支出占一般公共预算支出比例": shares of one whole are as alike as their parts.
  const parts = [left.split('占')[0]!, right.split('占')[0]!];
  if (left.includes('占') && right.includes('占') && parts[0] !== parts[1]) {
    const partDice = (2 * countCommon([...parts[0]!], [...parts[1]!])) / ([...parts[0]!].length + [...parts[1]!].length);
    return Math.min(partDice, scoreWhole(left, right));
  }
  return scoreWhole(left, right);
}

function scoreWhole(left: string, right: string): number {
  if (hasScopeConflict(left, right)) return 0;
  // "对东盟进出口", "对共建国家投资": a breakdown by partner is not the total.
  if (left.startsWith('对') !== right.startsWith('对')) return 0;
  // "蒙能集团电力总装机" against "电力总装机": one company's figure is not the region's.
  if (OWNED.test(left) !== OWNED.test(right)) return 0;
  const common = countCommon([...left], [...right]);
  const characterDice = (2 * common) / ([...left].length + [...right].length);
  const containment = common / Math.min([...left].length, [...right].length);
  const leftBigrams = bigrams(left);
  const rightBigrams = bigrams(right);
  const bigramDice =
    leftBigrams.length + rightBigrams.length === 0
      ? characterDice
      : (2 * countCommon(leftBigrams, rightBigrams)) / (leftBigrams.length + rightBigrams.length);
  const mean = (characterDice + bigramDice) / 2;
  // "调查失业率" ending "城镇调查失业率": the longer phrase only adds modifiers in front of the same head noun.
  // Only for a phrase long enough to name something: "新增" inside "城镇新增就业" is not the metric.
  const short = shorter(left, right);
  const long = longer(left, right);
  const contained = [...short].length >= 3 && 2 * [...short].length >= [...long].length && long.endsWith(short);
  return contained ? Math.max(mean, 0.85) : mean;
}

/** A company or group owning a figure: 集团, 公司. */
const OWNED = /集团|公司/u;

function hasScopeConflict(left: string, right: string): boolean {
  for (const group of SCOPES) {
    const inLeft = scopesIn(left, group);
    const inRight = scopesIn(right, group);
    if (inLeft.length > 0 && inRight.length > 0 && !inLeft.some((word) => inRight.includes(word))) return true;
  }
  return false;
}

/** The scope words of a group a phrase names, the longest first so 进出口 is not read as 出口. */
function scopesIn(phrase: string, group: readonly string[]): string[] {
  const found: string[] = [];
  let rest = phrase;
  for (const word of [...group].sort((x, y) => y.length - x.length)) {
    if (rest.includes(word)) {
      found.push(word);
      rest = rest.split(word).join('　');
    }
  }
  return found;
}

function countCommon(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const item of left) counts.set(item, (counts.get(item) ?? 0) + 1);
  let common = 0;
  for (const item of right) {
    const count = counts.get(item) ?? 0;
    if (count > 0) {
      common += 1;
      counts.set(item, count - 1);
    }
  }
  return common;
}

function bigrams(text: string): string[] {
  const characters = [...text];
  const result: string[] = [];
  for (let i = 0; i + 1 < characters.length; i++) result.push(characters[i]! + characters[i + 1]!);
  return result;
}

function shorter(a: string, b: string): string {
  return a.length <= b.length ? a : b;
}

function longer(a: string, b: string): string {
  return a.length <= b.length ? b : a;
}
