/**
 * Attaches units to numbers: "8040套" → 8040 count 套; "21.98亿元" → 2198000000 元; "4.8个百分点" → 4.8 pp;
 * "1万多人" → 10000 人 (≥); an unknown measure word after an Arabic number is kept as the unit ("12盏" → 盏).
 * Numbers in codes and ordinals (C919, 5G, 第三, 十五届) are set aside as non-quantities.
 */
import type { Comparator, QuantityKind } from '../../model/quantity.ts';
import { matchOpenUnit, matchUnit } from '../../numbers/units.ts';
import { shapeCandidate, type NonQuantityCandidate, type QuantityCandidate } from '../candidate.ts';
import type { NumeralToken } from './numeral.scanner.ts';

/** Words that begin with a measure word but are none: 迈上千亿台阶, 个人所得税. */
const WORDS_STARTING_WITH_UNIT = ['台阶', '个人所得', '个体'];

/** Approximations written between the number and its unit: 300余家, 1万多人. */
export const APPROXIMATE_INFIXES: Readonly<Record<string, Comparator>> = { 余: '>=', 多: '>=' };

/** Units a bare Chinese numeral must carry to count: 一 and 三 appear in too many words to trust otherwise. */
const CHINESE_COUNT_OK: ReadonlySet<QuantityKind> = new Set(['money', 'percent', 'percentage_point', 'count', 'measure', 'ratio']);

export interface QuantityParse {
  readonly quantities: QuantityCandidate[];
  readonly nonQuantities: NonQuantityCandidate[];
}

/**
 * Reads every numeral token not already used by a date.
 * @example parseQuantities('实施8040套', tokens).quantities[0] // { start: 2, end: 7, unit: '套', kind: 'count', … }
 */
export function parseQuantities(text: string, tokens: readonly NumeralToken[], used: ReadonlySet<NumeralToken>): QuantityParse {
  const quantities: QuantityCandidate[] = [];
  const nonQuantities: NonQuantityCandidate[] = [];
  let consumedUntil = 0; // a unit such as 千米 may hold numeral characters: they are not numbers of their own
  for (const token of tokens) {
    if (used.has(token) || token.start < consumedUntil) continue;
    const excluded = classifyExcluded(text, token);
    if (excluded) {
      nonQuantities.push({ start: token.start, end: excluded.end ?? token.end, reason: excluded.reason });
      continue;
    }
    const quantity = readQuantity(text, token);
    if (quantity) {
      quantities.push(shapeCandidate(quantity));
      consumedUntil = quantity.end;
    }
    else nonQuantities.push(...classifyUnitless(text, token));
  }
  return { quantities, nonQuantities };
}

function readQuantity(text: string, token: NumeralToken): QuantityCandidate | undefined {
  const base = {
    start: token.start,
    value: { type: 'exact', value: token.value } as const,
    isChinese: token.script === 'chinese',
    hasMagnitude: token.hasMagnitude,
    magnitudePower: token.magnitudePower,
  };
  if (token.isSpelledPercent) {
    return { ...base, end: token.end, unit: '%', kind: 'percent', provenance: 'parser/spelled-percent' };
  }
  let position = token.end;
  // "8.8 %": a space some pages put before the percent sign.
  if (text[position] === ' ' && text[position + 1] === '%') position += 1;
  let comparator: Comparator | undefined = token.isMoreThan ? '>=' : undefined;
  const infix = APPROXIMATE_INFIXES[text[position] ?? ''];
  if (infix && (matchUnit(text, position + 1) || matchOpenUnit(text, position + 1))) {
    comparator = infix;
    position += 1;
  }
  // 千亿台阶: the measure word opens a word of its own, so the number has no unit.
  const opensWord = WORDS_STARTING_WITH_UNIT.some((word) => text.startsWith(word, position));
  const unit = opensWord ? undefined : matchUnit(text, position);
  if (token.script === 'chinese' && opensWord) return undefined;
  if (unit) {
    if (token.script === 'chinese' && !isTrustedChineseQuantity(text, token, unit.kind)) {
      return undefined;
    }
    // “3个100”: a short quoted phrase is a name, however countable it looks.
    if (isInsideQuotes(text, token.start) && closesQuoteSoon(text, position + unit.surface.length)) return undefined;
    const per = readPerUnit(text, position + unit.surface.length);
    return {
      ...base,
      end: position + unit.surface.length + (per ? per.length + 1 : 0),
      unit: per ? `${unit.unit}/${per}` : unit.unit,
      kind: unit.kind,
      ...(comparator ? { comparator } : {}),
      provenance: 'parser/number-unit',
    };
  }
  if (token.script === 'arabic') {
    const open = opensWord ? undefined : matchOpenUnit(text, position);
    if (open) {
      const per = readPerUnit(text, position + 1);
      return {
        ...base,
        end: position + 1 + (per ? per.length + 1 : 0),
        unit: per ? `${open}/${per}` : open,
        kind: 'count',
        ...(comparator ? { comparator } : {}),
        provenance: 'parser/open-measure-word',
      };
    }
    if (token.hasMagnitude && countsPeople(text, token)) {
      return { ...base, end: token.end, unit: '人', kind: 'count', ...(comparator ? { comparator } : {}), provenance: 'parser/implied-people' };
    }
    if (token.hasMagnitude && countsMoney(text, token)) {
      return { ...base, end: token.end, unit: '元', kind: 'money', ...(comparator ? { comparator } : {}), provenance: 'parser/implied-money' };
    }
    if (isUnitlessRatio(text, token)) {
      return { ...base, end: token.end, unit: '', kind: 'ratio', ...(comparator ? { comparator } : {}), provenance: 'parser/unitless-ratio' };
    }
    // A bare number: kept for the range and ratio refiners, dropped if they do not claim it.
    return { ...base, end: token.end, provenance: 'parser/bare-number' };
  }
  return undefined;
}

const PEOPLE = '人|人口|人员|学生|群众|居民|农民|职工|老人|儿童|儿女|纳税人|劳动力|用户|游客|旅客|患者|员工|毕业生|志愿者|员额|群体|对象';
const PEOPLE_AFTER = new RegExp(`^[^，。；、\\d]{0,6}?(?:${PEOPLE})`, 'u');
const PEOPLE_BEFORE = new RegExp(`(?:${PEOPLE}|就业|务工|参保|受益|惠及|帮扶|培训|转移)[^，。；\\d]{0,8}$`, 'u');

/**
 * Chinese leaves out 人 after a count of people in 万 or 亿: "6600多万纳税人受益", "务工规模超过3300万".
 * The people noun after the number, or a people word just before it, tells.
 */
function countsPeople(text: string, token: NumeralToken): boolean {
  const clause = clauseJustBefore(text, token.start);
  // 人均 ("per person") measures something else: 人均地区生产总值突破5万 is money.
  return PEOPLE_AFTER.test(text.slice(token.end, token.end + 10)) || PEOPLE_BEFORE.test(clause.replaceAll('人均', ''));
}

/** How far back the words that name an implied unit may stand. */
const IMPLIED_UNIT_REACH = 16;

/** The words of the clause right before `position`, at most IMPLIED_UNIT_REACH characters of them. */
function clauseJustBefore(text: string, position: number): string {
  const before = text.slice(Math.max(0, position - IMPLIED_UNIT_REACH), position);
  return before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1);
}

/** Economic totals leave 元 out after 亿 and 万: "经济总量迈上1200亿台阶", "产值超500亿". */
const MONEY_BEFORE = /(?:经济总量|生产总值|GDP|产值|营业收入|营收|收入|投资|交易额|销售额|总额|融资|贷款|资金|规模)[^，。；\d]{0,8}$/u;

function countsMoney(text: string, token: NumeralToken): boolean {
  const clause = clauseJustBefore(text, token.start);
  return MONEY_BEFORE.test(clause);
}

/** A ratio or index written without a unit: "城乡居民收入比值由3.27缩小至2.93", "交通指数从6.32下降至6.08". */
const RATIO_BEFORE = /(?:比值|倍差|收入比|指数|系数|之比|比率)[^，。；]{0,14}$/u;

function isUnitlessRatio(text: string, token: NumeralToken): boolean {
  if (token.hasMagnitude || token.value.exponent >= 0) return false; // indices are written with decimals
  const clause = clauseJustBefore(text, token.start);
  return RATIO_BEFORE.test(clause);
}

/**
 * A Chinese numeral counts as a quantity only where a reader would count it: a magnitude (两万人), or a value
 * of two or more with a measure word, outside quotation marks (“三个最大” is a slogan), and not a 一 that
 * is an article (一个体系, 一批项目).
 */
function isTrustedChineseQuantity(text: string, token: NumeralToken, kind: QuantityKind): boolean {
  if (!CHINESE_COUNT_OK.has(kind)) return false;
  if (isInsideQuotes(text, token.start)) return false;
  // A lone 千, 百 or 万 before a unit is part of the unit's name (千升, 百亩方, 万吨级), not a number.
  if (/^[百千万亿佰仟]$/u.test(text.slice(token.start, token.end))) return false;
  if (token.hasMagnitude) return true;
  // 一 is mostly an article (一个体系, 一批项目), but 增长一倍 is a multiple.
  return !(token.value.mantissa === 1n && token.value.exponent === 0) || kind === 'ratio';
}

/** "30.5微克/立方米", "1.2万元/人": a rate's second unit after the slash. */
function readPerUnit(text: string, position: number): string | undefined {
  if (text[position] !== '/') return undefined;
  const second = matchUnit(text, position + 1);
  if (second && second.kind !== 'percent') return second.surface;
  const single = text[position + 1] ?? '';
  return /^[人户亩年月天日次]$/u.test(single) ? single : undefined;
}

/** True when a closing quotation mark follows within a few characters: the number sits in a short quoted name. */
function closesQuoteSoon(text: string, position: number): boolean {
  const ahead = text.slice(position, position + 8);
  const close = ahead.search(/[”」"]/u);
  return close >= 0 && !/[，。；]/u.test(ahead.slice(0, close));
}

function isInsideQuotes(text: string, position: number): boolean {
  // Quotes in Chinese prose are short: only an opening mark close before the number, with no closing mark
  // between them, makes the number part of a quoted name (“三个最大”, “13+N”).
  for (let i = position - 1; i >= 0 && i >= position - QUOTE_REACH; i--) {
    const char = text[i]!;
    if (char === '”' || char === '」' || char === '\n') return false;
    if (char === '“' || char === '「' || char === '"') return true;
  }
  return false;
}

/** How far back an opening quotation mark may stand from a quoted numeral. */
const QUOTE_REACH = 12;

function isYearLike(text: string, token: NumeralToken): boolean {
  return token.end - token.start === 4 && !token.hasMagnitude && /^(?:19|20)\d\d$/u.test(text.slice(token.start, token.end));
}

function classifyExcluded(text: string, token: NumeralToken): { reason: NonQuantityCandidate['reason']; end?: number } | undefined {
  const before = text[token.start - 1] ?? '';
  const after = text[token.end] ?? '';
  if (token.script === 'arabic' && (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) || before === '+' || after === '+')) {
    return { reason: 'code' }; // C919, 5G, G318, 13+N
  }
  if (before === '第' || (after === '届' || after === '号' || after === '期' && before === '第')) {
    return { reason: 'ordinal', end: after === '届' || after === '号' ? token.end + 1 : token.end };
  }
  if (after === '周' && text[token.end + 1] === '年') return { reason: 'ordinal', end: token.end + 2 };
  // 排名53位, 居全国前3位, 提升6位: a rank, not a count of persons.
  if (after === '位' && /(?:排名|排|居|列|前|提升|上升|下降|后移|前移)$/u.test(text.slice(Math.max(0, token.start - 2), token.start))) {
    return { reason: 'ordinal', end: token.end + 1 };
  }
  if (token.end - token.start >= 5 && text.slice(token.end, token.end + 8).includes('热线')) return { reason: 'code' }; // 12345热线
  if (before === '届') return { reason: 'ordinal', end: after === '次' ? token.end + 1 : token.end }; // 十五届八次全会
  if (after === '强' || after === '级' || after === '大') {
    return { reason: 'name', end: token.end + 1 }; // 百强县, 4A级, 二十大, 三大保卫战, 10大类
  }
  if (token.script === 'arabic') {
    const following = text.slice(token.end, token.end + 3);
    // 318国道, 109新线, 3号线; 2.0版, 4.0阶段; 2024中国国际友城大会
    if (/^(?:国道|省道|县道|新线|号线|线)/u.test(following)) return { reason: 'name' };
    if (token.value.exponent === -1 && token.value.mantissa % 10n === 0n && /^\p{Script=Han}/u.test(following)) return { reason: 'name' };
    if (isYearLike(text, token) && /^\p{Script=Han}/u.test(following) && following[0] !== '年' && !matchUnit(text, token.end)) return { reason: 'name' };
  }
  return undefined;
}

/**
 * Names what a number without a unit is, where it is recognisably no quantity: a list marker (一、 （二） 3.),
 * a footnote, a duration (连续3年), a quoted name (“3815”战略), a numeral inside a word (进一步).
 */
export function classifyUnitless(text: string, token: { start: number; end: number; script: 'arabic' | 'chinese' }): NonQuantityCandidate[] {
  const before = text[token.start - 1] ?? '';
  const after = text[token.end] ?? '';
  if (token.script === 'chinese') {
    if ((after === '、' || after === '）' || after === ')') && /^$|[\n（(\s]/u.test(before)) {
      return [{ start: token.start, end: token.end, reason: 'list-marker' }];
    }
    if (after === '是' && /^$|[\n，。；\s]/u.test(before)) return [{ start: token.start, end: token.end, reason: 'list-marker' }]; // 一是…二是…
    if (isInsideQuotes(text, token.start)) return [{ start: token.start, end: token.end, reason: 'slogan' }];
    // 进一步, 统一, 千方百计: a numeral inside a word.
    if (/\p{Script=Han}/u.test(before) || /\p{Script=Han}/u.test(after)) return [{ start: token.start, end: token.end, reason: 'lexical' }];
    return [];
  }
  if ((after === '、' || after === '.' || after === '．' || after === ')' || after === '）') && /^$|[\n（(\s]/.test(before)) {
    return [{ start: token.start, end: token.end, reason: 'list-marker' }];
  }
  if (before === '[' && after === ']') return [{ start: token.start, end: token.end, reason: 'footnote' }];
  if (after === '年' || after === '月' || after === '日' || after === '周') return [{ start: token.start, end: token.end + 1, reason: 'duration' }];
  if ((after === '多' || after === '余') && text[token.end + 1] === '年') return [{ start: token.start, end: token.end + 2, reason: 'duration' }];
  if (/(?:附件|附表|附图|图|表)$/u.test(text.slice(Math.max(0, token.start - 2), token.start))) return [{ start: token.start, end: token.end, reason: 'name' }];
  if (/^\d{2}:\d{2}/u.test(text.slice(token.start, token.start + 5))) return [{ start: token.start, end: token.end, reason: 'code' }]; // 09:02:33
  // 平台2.0, 3.0版: a version number.
  if (token.script === 'arabic' && /^\d+\.0$/u.test(text.slice(token.start, token.end))) return [{ start: token.start, end: token.end, reason: 'name' }];
  if (isInsideQuotes(text, token.start) || after === '版') return [{ start: token.start, end: token.end, reason: 'name' }];
  if (after === '/' || before === '/') return [{ start: token.start, end: token.end, reason: 'ratio' }];
  return [];
}
