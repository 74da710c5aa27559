/**
 * Reporting periods and their due days: which 周/月/季 a calendar date falls in, and the day a unit's report for that
 * period is due (a due day past a month's end falls on its last day). Dates are China calendar dates ('YYYY-MM-DD');
 * nothing here reads a clock. Example: periodOf({ frequency: 'monthly', dueDay: 31 }, '2024-02-10') →
 * { key: '2024-02', startsOn: '2024-02-01', endsOn: '2024-02-29', dueOn: '2024-02-29' }.
 */
import type { ReportingFrequency } from '../model/vocabulary.ts';

/** A reporting cycle: how often, and the due day (1–31 of the month; for weekly, 1–7 = Monday–Sunday). */
export interface ReportingCycle {
  readonly frequency: ReportingFrequency;
  readonly dueDay: number;
}

/** One period of a cycle: a stable key ('2024-06', '2024-Q2', '2024-W27'), its first and last day and its due day. */
export interface ReportingPeriod {
  readonly key: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly dueOn: string;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The largest due day a frequency takes: 7 for weekly (Sunday), 31 otherwise. */
export function maxDueDay(frequency: ReportingFrequency): number {
  return frequency === 'weekly' ? 7 : 31;
}

/**
 * The China calendar date (UTC+8, no daylight saving since 1991) of an instant given in ms since the epoch.
 * Example: chinaDateOf(Date.UTC(2024, 11, 31, 16, 0)) → '2025-01-01' (midnight in Beijing).
 */
export function chinaDateOf(epochMs: number): string {
  return formatDay(Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS));
}

/** The date `days` days after `date` (before, when negative). Example: addCalendarDays('2024-02-28', 2) → '2024-03-01'. */
export function addCalendarDays(date: string, days: number): string {
  return formatDay(dayNumber(date) + days);
}

/**
 * The period of `cycle` that holds `date`. Monthly: the calendar month, due on the due day or the month's last day;
 * quarterly: the quarter, due in its last month; weekly: the ISO week (Monday first), due on weekday `dueDay`.
 * Example: periodOf({ frequency: 'quarterly', dueDay: 25 }, '2024-11-02') → key '2024-Q4', due '2024-12-25'.
 */
export function periodOf(cycle: ReportingCycle, date: string): ReportingPeriod {
  checkDueDay(cycle);
  const day = dayNumber(date);
  const { year, month } = civilOf(day);
  if (cycle.frequency === 'monthly') {
    const last = daysInMonth(year, month);
    return {
      key: `${year}-${pad(month)}`,
      startsOn: `${year}-${pad(month)}-01`,
      endsOn: `${year}-${pad(month)}-${pad(last)}`,
      dueOn: `${year}-${pad(month)}-${pad(Math.min(cycle.dueDay, last))}`,
    };
  }
  if (cycle.frequency === 'quarterly') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    const lastMonth = quarter * 3;
    const last = daysInMonth(year, lastMonth);
    return {
      key: `${year}-Q${quarter}`,
      startsOn: `${year}-${pad(lastMonth - 2)}-01`,
      endsOn: `${year}-${pad(lastMonth)}-${pad(last)}`,
      dueOn: `${year}-${pad(lastMonth)}-${pad(Math.min(cycle.dueDay, last))}`,
    };
  }
  // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const monday = day - weekday;
  // The ISO week belongs to the year of its Thursday.
  const thursday = civilOf(monday + 3);
  const firstThursday = firstThursdayOf(thursday.year);
  const week = Math.floor((monday + 3 - firstThursday) / 7) + 1;
  return { key: `${thursday.year}-W${pad(week)}`, startsOn: formatDay(monday), endsOn: formatDay(monday + 6), dueOn: formatDay(monday + cycle.dueDay - 1) };
}

/**
 * Every period of `cycle` from the one holding `from` to the one holding `to`, in order; empty when `to` is earlier.
 * Example: periodsBetween({ frequency: 'monthly', dueDay: 25 }, '2024-11-15', '2025-01-03') → keys 2024-11, 2024-12, 2025-01.
 */
export function periodsBetween(cycle: ReportingCycle, from: string, to: string): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  if (to < from) return periods;
  let period = periodOf(cycle, from);
  const last = periodOf(cycle, to).key;
  for (;;) {
    periods.push(period);
    if (period.key === last) return periods;
    period = periodOf(cycle, addCalendarDays(period.endsOn, 1));
  }
}

function checkDueDay(cycle: ReportingCycle): void {
  if (!Number.isInteger(cycle.dueDay) || cycle.dueDay < 1 || cycle.dueDay > maxDueDay(cycle.frequency)) {
    throw new RangeError(`due day ${cycle.dueDay} is outside 1–${maxDueDay(cycle.frequency)} for a ${cycle.frequency} cycle`);
  }
}

function firstThursdayOf(year: number): number {
  const january4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (((january4 + 3) % 7) + 7) % 7;
  return january4 - weekday + 3;
}

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`'${date}' is not a calendar date (YYYY-MM-DD)`);
  }
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function civilOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilOf(day);
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
