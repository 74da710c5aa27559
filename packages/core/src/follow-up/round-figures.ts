/**
 * Reads the figures extraction leaves out that a plan sets as goals and a review states as results: a round
 * magnitude after 突破 ("力争投资突破万亿元大关", "交易额突破百亿") and a computing power in P or EFLOPS ("算力规模突破20万P",
 * "智算规模22万P"), and a doubling written in words ("财政科技投入再翻一番", "实现翻番增长": growth of 100%).
 */
import type { Decimal } from '../model/decimal.ts';
import type { Quantity } from '../model/quantity.ts';

/**
 * 突破 / 超过 / 迈上 … and a magnitude alone: 万亿元, 千亿, 百亿元; or the size an industry reaches, "突破万亿级规模"
 * (级 then 规模: the output of the industries named, in 元).
 */
const ROUND_GOAL = /(突破|超过|迈上|跨上|跃上|站上|迈入|进入)(万亿|千亿|百亿|十亿)(元|级(?=规模))?/gu;
/** What may follow a round goal: the end of its clause, 大关 or 台阶; after 级, 规模. */
const ROUND_GOAL_END = /^(?:[，,。；;、）)！!\n]|大关|台阶|$)/u;
/** A number and a unit of computing power: 20万P, 12EFLOPS. */
const COMPUTING_POWER = /(\d+(?:\.\d+)?)(万|亿)?(PFLOPS|EFLOPS|P)(?![A-Za-z])/gu;
/** A noun of money right before the verb: an amount in 百亿 with no unit after it is in 元. */
const MONEY_NOUN = /(?:额|投资|收入|产值|总值|营收|利润|资金|规模)$/u;
/**
 * A doubling or quadrupling in words, as a growth of 100% or 300%; not a count of them ("实现“四个翻番”") and not a
 * part of a name in quotation marks.
 */
const DOUBLING = /(?<![个项“])(翻一番|翻番|翻两番)(?!”)/gu;
const MAGNITUDE: Readonly<Record<string, number>> = { 十亿: 9, 百亿: 10, 千亿: 11, 万亿: 12, 万: 4, 亿: 8 };

/**
 * The figures of `text` of these two kinds that no quantity of `quantities` covers, as quantities ('follow-up/round').
 * @example findRoundFigures('力争技术合同交易额突破百亿。', [])[0] // { text: '百亿', value: 10^10, unit: '元', comparator: '>=' }
 * @example findRoundFigures('智算规模22万P。', [])[0] // { text: '22万P', value: 220000, unit: 'P' }
 * @example findRoundFigures('财政科技投入再翻一番。', [])[0] // { text: '翻一番', value: 100, unit: '%' }
 */
export function findRoundFigures(text: string, quantities: readonly Quantity[]): Quantity[] {
  const found: Quantity[] = [];
  const isFree = (start: number, end: number): boolean => !quantities.some((q) => q.start < end && start < q.end);
  for (const match of text.matchAll(ROUND_GOAL)) {
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length + (match[3]?.length ?? 0);
    // "交易额突破百亿": no unit written, but the noun says money.
    if (match[3] === undefined && !MONEY_NOUN.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    // "营收突破百亿元企业", "突破千亿的产业集群": a size class naming what is counted, not a goal.
    if (match[3] !== '级' && !ROUND_GOAL_END.test(text.slice(end, end + 2))) continue;
    if (!isFree(start, end)) continue;
    found.push(figure(text, start, end, { mantissa: 1n, exponent: MAGNITUDE[match[2]!]! }, '元', 'money', '>='));
  }
  for (const match of text.matchAll(COMPUTING_POWER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isFree(start, end)) continue;
    const [whole, fraction = ''] = match[1]!.split('.');
    const value = { mantissa: BigInt(whole! + fraction), exponent: (match[2] ? MAGNITUDE[match[2]]! : 0) - fraction.length };
    const before = text.slice(Math.max(0, start - 4), start);
    const comparator = /(?:突破|超过|超|以上)$/u.test(before) || /^以上/u.test(text.slice(end)) ? '>=' : undefined;
    found.push(figure(text, start, end, value, match[3]!.startsWith('E') ? 'E' : 'P', 'measure', comparator));
  }
  for (const match of text.matchAll(DOUBLING)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isFree(start, end)) continue;
    found.push(figure(text, start, end, { mantissa: match[1] === '翻两番' ? 300n : 100n, exponent: 0 }, '%', 'percent'));
  }
  return found;
}

function figure(text: string, start: number, end: number, value: Decimal, unit: string, kind: Quantity['kind'], comparator?: '>='): Quantity {
  return {
    id: `round-${start}`,
    start,
    end,
    text: text.slice(start, end),
    value: { type: 'exact', value },
    unit,
    kind,
    ...(comparator ? { comparator } : {}),
    provenance: 'follow-up/round',
  };
}
