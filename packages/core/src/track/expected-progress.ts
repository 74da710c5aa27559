/**
 * 序时进度: the share of a target that should be done by a given day, by elapsed time or by the last passed milestone.
 * Example: start 2024-01-01, deadline 2024-12-31, today 2024-06-30 → 182 of 366 days → 49.73%.
 */
import type { Decimal } from '../model/decimal.ts';
import { toDayNumber } from './iso-date.ts';
import { type Rational, ratCompare, rational, rationalFromDecimal } from '../numbers/rational.ts';
import { divideRatios, roundRatio, toDecimal, type DecimalInput } from './exact-ratio.ts';

/** A planned checkpoint: by `due` (ISO date), `expectedPercent` of the target should be done ("一季度完成25%"). */
export interface Milestone {
  readonly due: string;
  readonly expectedPercent: DecimalInput;
}

/** When the work runs and how it should advance. */
export interface ScheduleWindow {
  /** ISO date the work starts (the plan's publication date or 1 January). */
  readonly start: string;
  /** ISO date by which the target is due (时限), counted as a full working day. */
  readonly deadline: string;
  /** ISO date of the assessment: passed in, never read from a clock. */
  readonly today: string;
  /** Quarterly (or other) milestones; when given they replace the even spread over time. */
  readonly milestones?: readonly Milestone[];
}

/** The expected share by `today` and how it was reached. */
export interface ExpectedProgress {
  /** Exact fraction, 0–100. */
  readonly exact: Rational;
  /** The same, rounded to two decimals: 49.73. */
  readonly percent: Decimal;
  /** 'elapsed_time': elapsed days ÷ total days; 'milestone': the last milestone due on or before today. */
  readonly basis: 'elapsed_time' | 'milestone';
  /** The milestone the expectation comes from, when basis is 'milestone'. */
  readonly milestone?: { readonly due: string; readonly expectedPercent: Decimal };
  /** Days from today to the deadline: 0 on the deadline day, negative once it has passed. */
  readonly daysToDeadline: number;
  /** Whole days in the window, start and deadline both counted. */
  readonly totalDays: number;
  /** Days of the window passed by the end of today (0 before the start, totalDays after the deadline). */
  readonly elapsedDays: number;
}

/**
 * Computes 序时进度. Days are whole: the start day and the deadline day both count, and `today` counts as passed,
 * so the expectation reaches 100% on the deadline day. With milestones, the expectation is the expected percent of
 * the last milestone due on or before today (0 before the first one): a step, as quarterly plans are assessed.
 * Throws a RangeError naming the field for an invalid date, a deadline before the start, or milestones that are
 * unordered, outside 0–100 or decreasing.
 *
 * @example
 * computeExpectedProgress({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-06-30' }).percent
 * // 49.73 (182 ÷ 366 天)
 * computeExpectedProgress({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-07-15',
 *   milestones: [{ due: '2024-03-31', expectedPercent: 25 }, { due: '2024-06-30', expectedPercent: 50 }] }).percent
 * // 50（二季度末目标）
 */
export function computeExpectedProgress(window: ScheduleWindow): ExpectedProgress {
  const milestonesKey = milestonesKeyOf(window.milestones);
  if (milestonesKey === undefined) return computeFreshly(window);
  const known = memo.get(window.today)?.get(window.start)?.get(window.deadline)?.get(milestonesKey);
  if (known) return known;
  const computed = freeze(computeFreshly(window));
  if (memoSize >= MEMO_LIMIT) {
    memo.clear();
    memoSize = 0;
  }
  memoFor(window).set(milestonesKey, computed);
  memoSize += 1;
  return computed;
}

/**
 * Expectations already computed, by today, start, deadline and milestones: most commitments of a plan share their
 * window, and a plan's statuses are computed for one day. Only valid windows are kept (a failure is computed again,
 * so it throws the same error), and they are frozen, because every caller with that window gets the same object.
 * Nested maps on the strings themselves, rather than one joined key, so that no two windows can share a key.
 */
const memo = new Map<string, Map<string, Map<string, Map<string, ExpectedProgress>>>>();
let memoSize = 0;
/** Plenty for a plan (one entry per distinct window); past it the memo starts again, so memory stays bounded. */
const MEMO_LIMIT = 10_000;

/** The memo's entries for a window's dates, made when missing (only for a window about to be kept). */
function memoFor(window: ScheduleWindow): Map<string, ExpectedProgress> {
  let byStart = memo.get(window.today);
  if (!byStart) memo.set(window.today, (byStart = new Map()));
  let byDeadline = byStart.get(window.start);
  if (!byDeadline) byStart.set(window.start, (byDeadline = new Map()));
  let byMilestones = byDeadline.get(window.deadline);
  if (!byMilestones) byDeadline.set(window.deadline, (byMilestones = new Map()));
  return byMilestones;
}

/**
 * The milestones as a key: '' for none, '2|2024-03-31|s25|2024-06-30|n50' for two. A kept key comes from valid dates
 * and percents, which contain no '|', and it starts with the milestone count: so it has exactly 2 × count separators,
 * and no other list, however odd its strings, can spell it. Undefined (not memoised) when a percent is a Decimal
 * object: the result would hand that very object back to the next caller.
 */
function milestonesKeyOf(milestones: readonly Milestone[] | undefined): string | undefined {
  const list = milestones ?? [];
  if (!Array.isArray(list)) return undefined;
  if (list.length === 0) return '';
  let key = String(list.length);
  for (const milestone of list) {
    const percent = milestone.expectedPercent;
    if (typeof percent === 'object') return undefined;
    key += `|${milestone.due}|${typeof percent === 'number' ? 'n' : 's'}${percent}`;
  }
  return key;
}

function freeze(expected: ExpectedProgress): ExpectedProgress {
  Object.freeze(expected.exact);
  Object.freeze(expected.percent);
  if (expected.milestone) Object.freeze(Object.freeze(expected.milestone).expectedPercent);
  return Object.freeze(expected);
}

function computeFreshly(window: ScheduleWindow): ExpectedProgress {
  const start = toDayNumber(window.start, 'start');
  const deadline = toDayNumber(window.deadline, 'deadline');
  const today = toDayNumber(window.today, 'today');
  if (deadline < start) {
    throw new RangeError(`deadline: ${window.deadline} is before start ${window.start}`);
  }
  const totalDays = deadline - start + 1;
  const elapsedDays = Math.min(Math.max(today - start + 1, 0), totalDays);
  const daysToDeadline = deadline - today;
  const milestones = readMilestones(window.milestones ?? []);

  if (milestones.length > 0) {
    let passed: (typeof milestones)[number] | undefined;
    for (const milestone of milestones) if (milestone.day <= today) passed = milestone;
    const exact = passed ? rationalFromDecimal(passed.expectedPercent) : rational(BigInt(0));
    return {
      exact,
      percent: roundRatio(exact, 2),
      basis: 'milestone',
      ...(passed ? { milestone: { due: passed.due, expectedPercent: passed.expectedPercent } } : {}),
      daysToDeadline,
      totalDays,
      elapsedDays,
    };
  }
  const exact = divideRatios(rational(BigInt(BigInt(elapsedDays) * 100n)), rational(BigInt(totalDays)));
  return { exact, percent: roundRatio(exact, 2), basis: 'elapsed_time', daysToDeadline, totalDays, elapsedDays };
}

interface ReadMilestone {
  readonly due: string;
  readonly day: number;
  readonly expectedPercent: Decimal;
}

/** Validates milestones: strictly increasing dates, percents within 0–100 that never decrease. */
function readMilestones(milestones: readonly Milestone[]): ReadMilestone[] {
  const read: ReadMilestone[] = [];
  milestones.forEach((milestone, index) => {
    const field = `milestones[${index}]`;
    const day = toDayNumber(milestone.due, `${field}.due`);
    const expectedPercent = toDecimal(milestone.expectedPercent, `${field}.expectedPercent`);
    const percent = rationalFromDecimal(expectedPercent);
    if (ratCompare(percent, rational(BigInt(0))) < 0 || ratCompare(percent, rational(BigInt(100))) > 0) {
      throw new RangeError(`${field}.expectedPercent: must be between 0 and 100`);
    }
    const previous = read[read.length - 1];
    if (previous && previous.day >= day) {
      throw new RangeError(`${field}.due: ${milestone.due} is not after ${previous.due}`);
    }
    if (previous && ratCompare(percent, rationalFromDecimal(previous.expectedPercent)) < 0) {
      throw new RangeError(`${field}.expectedPercent: less than the previous milestone's`);
    }
    read.push({ due: milestone.due, day, expectedPercent });
  });
  return read;
}
