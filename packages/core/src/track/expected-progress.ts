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
