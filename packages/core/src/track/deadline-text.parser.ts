/**
 * Reads a 完成时限 as offices write it in a 任务分解表 into a calendar date, against the plan year for the words that
 * leave the year out; ongoing work (持续推进, 长期坚持, 常态化) has no deadline.
 * Example: parseDeadlineText('2024年12月底', 2024) → { kind: 'date', date: '2024-12-31' }.
 */

/** A deadline read: a day, no deadline at all (ongoing work), or text that names no day or an impossible one. */
export type DeadlineReading =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'open' }
  | { readonly kind: 'impossible'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly text: string };

/** Work with no end date: 持续推进, 长期坚持, 常态化开展, 持续实施. */
const OPEN_WORDS = /^(持续|长期|常态化|久久为功|按年度推进|逐年推进)/u;
/** Words around a day that do not change it: 前 / 以前 / 之前 / 完成 / 止 / 截止. */
const FILLER = /(截止|截至|完成|之前|以前|前|止|为止)/gu;
const CHINESE_MONTHS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};
const QUARTER_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The deadline `text` names, resolving 年底 / 12月底 / 三季度末 in `planYear`.
 * @example parseDeadlineText('12月底', 2024) // { kind: 'date', date: '2024-12-31' }
 * @example parseDeadlineText('持续推进', 2024) // { kind: 'open' }
 * @example parseDeadlineText('2024年2月30日', 2024) // { kind: 'impossible', text: '2024年2月30日' }
 */
export function parseDeadlineText(text: string, planYear: number): DeadlineReading {
  const written = text.trim();
  const plain = toHalfWidth(written).replace(/\s+/gu, '');
  if (plain === '' || OPEN_WORDS.test(plain)) return { kind: 'open' };
  const core = plain.replace(FILLER, '');

  // 2024-12-31, 2024/12/31, 2024.12.31, 2024年12月31日
  const full = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})[日号]?$/u.exec(core);
  if (full) return dayOf(Number(full[1]), Number(full[2]), Number(full[3]), written);
  // 12月31日 (the plan's year)
  const monthDay = /^(\d{1,2})月(\d{1,2})[日号]$/u.exec(core);
  if (monthDay) return dayOf(planYear, Number(monthDay[1]), Number(monthDay[2]), written);

  // The year part, when written: 2024年… or 2024-… ; what follows it names the part of that year.
  const yearMatch = /^(\d{4})(?:年度?|[-/.])?/u.exec(core);
  const year = yearMatch ? Number(yearMatch[1]) : planYear;
  const rest = yearMatch ? core.slice(yearMatch[0].length) : core;

  // 年底 / 年末 / 年内 / 底 / 全年, or a bare year: the year's last day.
  if (/^(今年|本年|年度|当年)?(年底|年末|年内|底|末|内|全年)?$/u.test(rest)) {
    return rest === '' && !yearMatch ? { kind: 'unreadable', text: written } : dayOf(year, 12, 31, written);
  }
  // 12月底 / 12月 / 十二月底 / 2024-12
  const month = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])(?:月份?)?(底|末|中旬|上旬|下旬)?$/u.exec(rest);
  if (month && (yearMatch || rest.includes('月'))) {
    const number = /^\d+$/u.test(month[1]!) ? Number(month[1]) : CHINESE_MONTHS[month[1]!];
    if (number === undefined) return { kind: 'unreadable', text: written };
    if (number < 1 || number > 12) return { kind: 'impossible', text: written };
    if (month[2] === '上旬') return dayOf(year, number, 10, written);
    if (month[2] === '中旬') return dayOf(year, number, 20, written);
    return dayOf(year, number, daysInMonth(year, number), written);
  }
  // 上半年 / 下半年
  if (/^上半年(底|末)?$/u.test(rest)) return dayOf(year, 6, 30, written);
  if (/^下半年(底|末)?$/u.test(rest)) return dayOf(year, 12, 31, written);
  // 三季度末 / 第一季度 / Q3
  const quarter = /^(?:第?([一二三四1-4])季度|Q([1-4]))(底|末)?$/iu.exec(rest);
  if (quarter) {
    const number = QUARTER_NUMBERS[(quarter[1] ?? quarter[2])!]!;
    const lastMonth = number * 3;
    return dayOf(year, lastMonth, daysInMonth(year, lastMonth), written);
  }
  return { kind: 'unreadable', text: written };
}

function dayOf(year: number, month: number, day: number, written: string): DeadlineReading {
  if (year < 1900 || year > 2200) return { kind: 'impossible', text: written };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'impossible', text: written };
  return { kind: 'date', date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Full-width digits and punctuation (２０２４／１２) as ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/gu, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}
