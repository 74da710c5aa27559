/**
 * Recognises years and periods: "2023年", "2021—2025年", "2023年1—11月", "3月5日", "今年", "上半年", "十四五".
 * Relative words resolve against the report year the caller passes, never the clock.
 */
import type { Period } from '../../model/quantity.ts';
import type { NumeralToken } from './numeral.scanner.ts';

/** A date found in normalized text, before ids and original offsets are assigned. */
export interface DateCandidate {
  readonly start: number;
  readonly end: number;
  readonly period: Period;
  readonly provenance: string;
}

const RANGE_CONNECTOR = /^[—–\-~至到]{1,2}$/u;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Periods named by words, relative to the report year. */
const RELATIVE_YEARS: readonly (readonly [string, number])[] = [
  ['今年', 0], ['本年', 0], ['当年', 0], ['明年', 1], ['去年', -1], ['上年', -1], ['前年', -2],
];
const PARTS_OF_YEAR: readonly (readonly [string, readonly [number, number]])[] = [
  ['上半年', [1, 6]], ['下半年', [7, 12]], ['前三季度', [1, 9]], ['一季度', [1, 3]], ['二季度', [4, 6]],
  ['三季度', [7, 9]], ['四季度', [10, 12]], ['第一季度', [1, 3]], ['第二季度', [4, 6]], ['第三季度', [7, 9]],
  ['第四季度', [10, 12]],
];
/** Five-year plans: 十四五 is 2021–2025, 十三五 2016–2020. */
const FIVE_YEAR_PLAN = /十([一二三四五六])五/gu;
const PLAN_NUMBER: Readonly<Record<string, number>> = { 一: 11, 二: 12, 三: 13, 四: 14, 五: 15, 六: 16 };

/** Result of date parsing: the dates, and the numeral tokens they used up. */
export interface DateParse {
  readonly dates: DateCandidate[];
  readonly usedTokens: ReadonlySet<NumeralToken>;
}

/**
 * The dates written with numbers only (2023年, 3月5日, 2026-02-10): what tells the report year when nobody says.
 * @example parseWrittenDates('2023年全区', tokens).dates // [{ start: 0, end: 5, period: { year: 2023 } }]
 */
export function parseWrittenDates(text: string, tokens: readonly NumeralToken[]): DateParse {
  const dates: DateCandidate[] = [];
  const used = new Set<NumeralToken>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (used.has(token)) continue;
    const year = readYear(token);
    if (year === undefined) {
      const monthDate = readMonthDay(text, tokens, index, undefined);
      if (monthDate) {
        dates.push(monthDate.date);
        monthDate.tokens.forEach((t) => used.add(t));
      }
      continue;
    }
    const next = tokens[index + 1];
    // 2021—2025年: a year range shares the 年 written after its second year.
    if (next && text[token.end] !== '年' && RANGE_CONNECTOR.test(text.slice(token.end, next.start))) {
      const endYear = readYear(next);
      if (endYear !== undefined && endYear > year && text[next.end] === '年') {
        dates.push({ start: token.start, end: next.end + 1, period: { year, endYear }, provenance: 'parser/date' });
        used.add(token).add(next);
        index += 1;
        continue;
      }
    }
    const isoDate = readIsoDate(text, tokens, index, year);
    if (isoDate) {
      dates.push(isoDate.date);
      isoDate.tokens.forEach((t) => used.add(t));
      index += isoDate.tokens.length - 1;
      continue;
    }
    if (text[token.end] !== '年') continue;
    used.add(token);
    const withMonths = readMonthDay(text, tokens, index + 1, year, token.end + 1);
    if (withMonths) {
      dates.push({ ...withMonths.date, start: token.start });
      withMonths.tokens.forEach((t) => used.add(t));
      index += withMonths.tokens.length;
    } else {
      dates.push({ start: token.start, end: token.end + 1, period: { year }, provenance: 'parser/date' });
    }
  }
  return { dates, usedTokens: used };
}

/**
 * Adds the dates written with words (今年, 上半年, 十四五) to the written ones, resolved against the report year.
 * @example addRelativeDates('今年', tokens, written, 2024).dates // [{ text: '今年', period: { year: 2024 } }]
 */
export function addRelativeDates(text: string, tokens: readonly NumeralToken[], written: DateParse, reportYear: number | undefined): DateParse {
  const used = new Set(written.usedTokens);
  const dates = [...written.dates, ...findRelativeDates(text, reportYear, tokens, used)];
  dates.sort((a, b) => a.start - b.start);
  return { dates, usedTokens: used };
}

/** "2026-02-10" (a dateline from a web page). */
function readIsoDate(
  text: string,
  tokens: readonly NumeralToken[],
  index: number,
  year: number,
): { date: DateCandidate; tokens: NumeralToken[] } | undefined {
  const [yearToken, monthToken, dayToken] = [tokens[index]!, tokens[index + 1], tokens[index + 2]];
  if (!monthToken || !dayToken || text[yearToken.end] !== '-' || monthToken.start !== yearToken.end + 1) return undefined;
  if (text[monthToken.end] !== '-' || dayToken.start !== monthToken.end + 1) return undefined;
  const month = readSmallInteger(monthToken, 12);
  const day = readSmallInteger(dayToken, 31);
  if (month === undefined || day === undefined) return undefined;
  return {
    date: { start: yearToken.start, end: dayToken.end, period: { year, months: [month, month] }, provenance: 'parser/iso-date' },
    tokens: [yearToken, monthToken, dayToken],
  };
}

function readYear(token: NumeralToken): number | undefined {
  if (token.hasMagnitude || token.value.exponent < 0) return undefined;
  const length = token.end - token.start;
  if (length !== 4 || token.value.exponent !== 0) return undefined;
  const year = Number(token.value.mantissa);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

function readSmallInteger(token: NumeralToken, max: number): number | undefined {
  if (token.hasMagnitude || token.value.exponent !== 0 || token.end - token.start > 2) return undefined;
  const value = Number(token.value.mantissa);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

/** "1—11月", "3月5日", "3月" right after a year (or alone, with the report year). */
function readMonthDay(
  text: string,
  tokens: readonly NumeralToken[],
  index: number,
  year: number | undefined,
  mustStartAt?: number,
): { date: DateCandidate; tokens: NumeralToken[] } | undefined {
  const first = tokens[index];
  if (!first || (mustStartAt !== undefined && first.start !== mustStartAt)) return undefined;
  const month = readSmallInteger(first, 12);
  if (month === undefined) return undefined;
  const second = tokens[index + 1];
  if (second && text[first.end] !== '月' && RANGE_CONNECTOR.test(text.slice(first.end, second.start))) {
    const endMonth = readSmallInteger(second, 12);
    if (endMonth !== undefined && endMonth > month && text[second.end] === '月') {
      const period: Period = { ...(year === undefined ? {} : { year }), months: [month, endMonth] };
      return { date: { start: first.start, end: second.end + 1, period, provenance: 'parser/date' }, tokens: [first, second] };
    }
  }
  if (text[first.end] !== '月') return undefined;
  let end = first.end + 1;
  const used = [first];
  const day = tokens[index + 1];
  if (day && day.start === end && readSmallInteger(day, 31) !== undefined && text[day.end] === '日') {
    end = day.end + 1;
    used.push(day);
  }
  const period: Period = { ...(year === undefined ? {} : { year }), months: [month, month] };
  return { date: { start: first.start, end, period, provenance: 'parser/date' }, tokens: used };
}

function findRelativeDates(
  text: string,
  reportYear: number | undefined,
  tokens: readonly NumeralToken[],
  used: Set<NumeralToken>,
): DateCandidate[] {
  const dates: DateCandidate[] = [];
  const claim = (start: number, end: number) => {
    for (const token of tokens) if (token.start >= start && token.end <= end) used.add(token);
  };
  if (reportYear !== undefined) {
    for (const [word, offset] of RELATIVE_YEARS) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        // 上半年 and 下半年 are parts of a year, not 上年.
        if (word === '上年' && text[at - 1] === '半') continue;
        dates.push({ start: at, end: at + word.length, period: { year: reportYear + offset }, provenance: 'parser/relative-date' });
      }
    }
  }
  for (const [word, months] of PARTS_OF_YEAR) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      if (word.length === 3 && text[at - 1] === '第') continue; // counted by 第X季度
      dates.push({ start: at, end: at + word.length, period: { ...(reportYear === undefined ? {} : { year: reportYear }), months }, provenance: 'parser/part-of-year' });
      claim(at, at + word.length);
    }
  }
  for (const match of text.matchAll(FIVE_YEAR_PLAN)) {
    const plan = PLAN_NUMBER[match[1]!]!;
    const year = 1966 + (plan - 3) * 5; // from the third plan (1966–1970) on, one plan every five years
    dates.push({ start: match.index, end: match.index + match[0].length, period: { year, endYear: year + 4 }, provenance: 'parser/five-year-plan' });
    claim(match.index, match.index + match[0].length);
  }
  return dates;
}
