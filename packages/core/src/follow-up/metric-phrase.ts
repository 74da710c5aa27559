/**
 * Reads what a figure measures from the words right before it, and whether it is a change:
 * "城镇调查失业率全年控制在5.5%以内" → { noun: '城镇调查失业率', change: undefined };
 * "居民消费价格上涨0.2%" → { noun: '居民消费价格', change: 'up' }; "，增长5.2%" after "国内生产总值超过126万亿元" →
 * inherits 国内生产总值 from the figure before it in the sentence.
 */

/** What a figure measures and how. */
export interface MetricPhrase {
  /** The noun phrase: 城镇调查失业率, 国内生产总值, 粮食产量. Empty when the text names none. */
  readonly noun: string;
  /** Set when the figure is a change of the noun: 增长 / 上涨 / 涨幅 (up), 下降 / 降低 / 减少 / 降幅 (down). */
  readonly change?: 'up' | 'down';
  /** The change word as written: 增长, 上涨, 涨幅, 降幅. */
  readonly changeWord?: string;
  /** The figure is a share of a whole (占 / 比重 / 占比). */
  readonly isShare: boolean;
  /** The phrase says 分别: the figure is one of a list over several subjects. */
  readonly isRespectively: boolean;
  /** The phrase as written, before cleaning: 城乡居民人均可支配收入分别增长. */
  readonly raw: string;
}

/** Where a phrase ends on the left: sentence and clause marks, list commas, brackets. */
const BOUNDARY = /[，,。；;：:！？!?、\n]/u;
const MAX_PHRASE = 40;

const LEADING = /^(?:[—\s　①-⑳]|[一二三四五六七八九十]+是|以上|以下|\d{4}年(?:\d{1,2}月)?|各位代表|其中|全年|年末|年底|今年|去年|上年|当年|本年|预计|初步核算|据初步统计|全[国省市区县州]|我[国省市区县]|全社会|完成|实现|推动|确保|稳定|拟安排|拟|力争|努力|争取|保持|促进|带动|以及|及|和|与|同时|并)+/u;
const CHANGE_WORDS = '增长|增加|上涨|涨幅|增幅|增速|提高|提升|上升|下降|降低|减少|降幅|下降幅度|回落|下跌|缩小|微降|微涨|微升|略降|略涨';
const TRAILING = new RegExp(
  `(?:分别|拟按|拟安排|拟|安排|按|不少于|不低于|不超过|不高于|高于|低于|同比|比上年|较上年|比去年|较去年|全年|年末|平均|均值|首次|再次|预计|稳定|保持|控制|力争|努力|达到|跃上|跨上|突破|超过|超|约|近|逾|在|为|是|达|到|至|了|的|和|共|累计|合计|总计|实际|名义|以上|以下|以内|左右|翻一番|翻番|迈入|迈上|连续[\\d一二三四五六七八九十]+年|增至|增到|减至|减到|(?<![人平日月年])均|(?:19|20)\\d{2}年(?:底|末)?|${CHANGE_WORDS}|降|升|[\\s　])+$`,
  'u',
);
const CHANGE_AT_END = new RegExp(`(${CHANGE_WORDS})(?:了)?(?:控制|保持|稳定)?(?:[^${'\u4e00'}-${'\u9fff'}]|平均|约|近|超过|超|达|为|在|到|至|分别|全年|(?<![人平日月年])均)*$`, 'u');
/** The phrase without the words around a metric: 全年, 确保, 控制在, 以上. */
function clean(phrase: string): string {
  let noun = phrase;
  for (let pass = 0; pass < 3; pass++) noun = noun.replace(LEADING, '').replace(TRAILING, '');
  return noun;
}

const DOWN = /下降|降低|减少|降幅|回落|下跌|缩小|微降|略降/u;
/** 降到 / 提高到 / 增加至: the figure after them is a new level, not the change. */
const MOVED_TO = /(?:增长|增加|提高|提升|上升|下降|降低|减少|回落|降|升|增)(?:到|至)(?:了)?$/u;

/**
 * Reads the metric phrase of the figure starting at `start`; `previousEnd` is where the figure before it in the text
 * ends, so two figures of one clause do not share words. Returns an empty noun when only a verb stands before the
 * figure ("，增长5.2%"): the caller inherits the noun of the figure before.
 * @example readMetricPhrase('粮食产量保持在1.3万亿斤以上', 7) // { noun: '粮食产量', change: undefined }
 */
export function readMetricPhrase(text: string, start: number, previousEnd = 0): MetricPhrase {
  let begin = start;
  const limit = Math.max(previousEnd, start - MAX_PHRASE, 0);
  while (begin > limit && !BOUNDARY.test(text[begin - 1]!)) begin -= 1;
  const raw = text.slice(begin, start);
  const changeMatch = MOVED_TO.test(raw) ? null : CHANGE_AT_END.exec(raw);
  const change = changeMatch ? (DOWN.test(changeMatch[1]!) ? 'down' : 'up') : undefined;
  let noun = clean(raw);
  // "京哈改扩建、本桓、凌绥、台黑4条": a count right after a list of short names counts them all; the list is the metric.
  if (noun !== '' && [...noun].length < 3 && noun === raw && text[begin - 1] === '、') {
    let listBegin = begin - 1;
    while (listBegin > limit && !/[，,。；;：:！？!?\n\d%％]/u.test(text[listBegin - 1]!)) listBegin -= 1;
    // Only names back to the clause's start: a figure before them makes it a list of figures, not of names.
    if (listBegin === 0 || /[，,。；;：:！？!?\n]/u.test(text[listBegin - 1]!)) noun = clean(text.slice(listBegin, start));
  }
  // "光电子信息、农产品加工5大支柱产业": the names a count closes are listed; the noun is what they are.
  noun = noun.replace(/^[^\d]*[\u4e00-\u9fff]\d+大(?=[\u4e00-\u9fff]{2})/u, '');
  // "产业投资占全部投资比重从26.7%提高到": a share; keep the noun, flag the role.
  // 比率 is 比例 in other words ("优良天数比率" / "优良天数比例"): one kind of figure.
  const isShare = /占|比重|占比|比例|比率/u.test(noun);
  // "失业率从上半年5.5%降到", "城镇化率从2020年的53.2%提升到", "高速公路由7473公里增至": the start of a move is not
  // part of the metric.
  noun = noun.replace(/(?:从|由)(?:上半年|年初|前?[一二三]季度|\d{1,2}月份?|(?:19|20)\d{2}年(?:底|末)?的?)?$/u, '');
  return { noun, ...(change ? { change, changeWord: changeMatch![1]! } : {}), isShare, isRespectively: raw.includes('分别'), raw } as MetricPhrase;
}
