/**
 * The unit lexicon: the words that may follow a number, and what they make of it.
 * "亿元" → money in 元 (×10^8 comes from the magnitude); "个百分点" → pp; "亩" → measure; "套" → count.
 */
import type { QuantityKind } from '../model/quantity.ts';

/** What one unit word means. */
export interface UnitEntry {
  readonly surface: string;
  readonly unit: string;
  readonly kind: QuantityKind;
}

const entry = (surface: string, unit: string, kind: QuantityKind): UnitEntry => ({ surface, unit, kind });
const many = (surfaces: string, kind: QuantityKind): UnitEntry[] =>
  surfaces.split(' ').map((surface) => entry(surface, surface, kind));

const LEXICON: readonly UnitEntry[] = [
  entry('%', '%', 'percent'),
  entry('‰', '‰', 'ratio'),
  entry('‱', '‱', 'ratio'),
  entry('个百分点', 'pp', 'percentage_point'),
  entry('百分点', 'pp', 'percentage_point'),
  entry('个千分点', '千分点', 'percentage_point'),
  entry('千分点', '千分点', 'percentage_point'),
  entry('元', '元', 'money'),
  ...many('美元 欧元 港元 港币 日元 英镑 澳元 卢布', 'money'),
  entry('倍', '倍', 'ratio'),
  entry('成', '成', 'ratio'),
  ...many(
    '平方公里 平方千米 平方米 立方米 公顷 公里 千米 厘米 毫米 米 吨标准煤 标准煤 吨公里 人公里 蒸吨 吨 公斤 千克 毫克 微克 克 斤 ' +
      '千瓦时 千瓦 兆瓦 吉瓦 千伏 伏特 瓦 亩 标准箱 标箱 升 英寸 小时 分钟 个月 天 岁 摄氏度 ℃ 度',
    'measure',
  ),
  ...many(
    '人次 户次 架次 辆次 件次 场次 批次 车次 班次 人 户 家 处 项 所 座 条 辆 名 件 套 台 只 头 场 次 批 栋 幢 间 张 部 篇 ' +
      '县市区 县区 市州 乡镇 方面 箱 枚 艘 架 支 种 类 组 对 起 宗 笔 单 例 床 株 册 份 列 羽 款 片 门 轮 位 块 盏 棵 口 眼 根 层 个',
    'count',
  ),
];

// Indexed by first character, longest surface first, so 个百分点 wins over 个 and 平方公里 over 公里.
/**
 * Administrative units counted like measure words ("卓尼、临潭2县", "4市州"), but only where they do not begin a
 * word of their own: 10万市场主体, 5县域, 3市民.
 */
const ADMINISTRATIVE = ['县', '市', '区', '州', '乡', '镇', '村', '省'];
const NOT_AFTER_ADMINISTRATIVE = /^[场民域级城委长值政属直管辖内外际情况划道中郊县]/u;

const BY_FIRST_CHAR = new Map<string, UnitEntry[]>();
for (const candidate of [...LEXICON].sort((a, b) => b.surface.length - a.surface.length)) {
  const first = candidate.surface[0]!;
  BY_FIRST_CHAR.set(first, [...(BY_FIRST_CHAR.get(first) ?? []), candidate]);
}

/**
 * The longest unit word at `position`, if any.
 * @example matchUnit('2100个学位', 4) // { surface: '个', unit: '个', kind: 'count' }
 */
export function matchUnit(text: string, position: number): UnitEntry | undefined {
  const char = text[position] ?? '';
  for (const candidate of BY_FIRST_CHAR.get(char) ?? []) {
    if (text.startsWith(candidate.surface, position)) return candidate;
  }
  if (ADMINISTRATIVE.includes(char) && !NOT_AFTER_ADMINISTRATIVE.test(text.slice(position + 1, position + 2))) {
    return { surface: char, unit: char, kind: 'count' };
  }
  return undefined;
}

/**
 * Characters that follow a number without being its measure word: particles, verbs, time words and
 * the words of names (5G, 3号线, 4A级, 20强). Any other single Han character after a number is kept
 * as an unknown measure word rather than dropped.
 */
const NOT_MEASURE_WORDS = new Set([...'的和与及或是在等以为了年月日号届强级大后前中内外多余亿万千百比至到者之上下左右并且而也都就将已被把对于从向版']);

/** What may follow a measure word that ends its phrase: punctuation, a space, 的, 等, or a bound. */
const PHRASE_END = /^(?:$|[^\p{Script=Han}]|的|等|以[上下内]|左右|和|与|及)/u;

/**
 * An unknown measure word at `position`: one Han character, not a particle, verb or name part, that ends its
 * phrase ("建成12座" but also "新建3幢。"). A Han character followed by more Han text is more often the start of a
 * noun (318国道, 6000万低保人员) than a measure word, so it is not taken.
 * @example matchOpenUnit('安装12幢，', 4) // '幢'
 */
export function matchOpenUnit(text: string, position: number): string | undefined {
  const char = text[position];
  if (char === undefined || !/\p{Script=Han}/u.test(char) || NOT_MEASURE_WORDS.has(char)) return undefined;
  return PHRASE_END.test(text.slice(position + 1, position + 3)) ? char : undefined;
}
