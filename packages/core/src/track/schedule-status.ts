/**
 * Schedule status of one commitment: 序时进度 against reported progress → 提前完成 / 超序时 / 按序时 / 慢序时 / 逾期 /
 * 已完成 / 未完成 with a warning colour. Example: 2024年全年目标2万亩，6月30日完成1.2万亩 → 60% vs 序时49.73% → 超序时.
 */
import type { Decimal } from '../model/decimal.ts';
import type { Comparator, QuantityValue } from '../model/quantity.ts';
import type { ScheduleStatusCode, WarningColour } from '../model/vocabulary.ts';
import { computeExpectedProgress, type ExpectedProgress, type ScheduleWindow } from './expected-progress.ts';
import { toDayNumber } from './iso-date.ts';
import {
  compareRatios,
  ratioOfDecimal,
  roundRatio,
  showPercent,
  subtractRatios,
  toDecimal,
  type DecimalInput,
  type Ratio,
} from './exact-ratio.ts';

/** The status words governments publish, in the glossary's English codes. */
export type { ScheduleStatusCode } from '../model/vocabulary.ts';

/** The Chinese status word for each code. */
export const SCHEDULE_STATUS_LABELS = {
  done_early: '提前完成',
  ahead: '超序时',
  on_track: '按序时',
  behind: '慢序时',
  overdue: '逾期',
  done: '已完成',
  missed: '未完成',
} as const satisfies Record<ScheduleStatusCode, string>;

/** 提前完成 / 超序时 / 按序时 / 慢序时 / 逾期 / 已完成 / 未完成. */
export type ScheduleStatusLabel = (typeof SCHEDULE_STATUS_LABELS)[ScheduleStatusCode];

/** 三色预警: green on track, yellow near the deadline or behind, red overdue or missed. */
export type { WarningColour } from '../model/vocabulary.ts';

/** Reported progress: an amount in the target's unit (1.2万亩 → 12000) or a percent of the target (60). */
export type Progress = { readonly amount: DecimalInput } | { readonly percent: DecimalInput };

/** Default band around 序时进度 that still counts as 按序时: ±5 percentage points. */
export const DEFAULT_TOLERANCE_POINTS = 5;
/** Default warning window: an unfinished item due within 30 days turns yellow. */
export const DEFAULT_WARN_DAYS = 30;

/** Everything the schedule status depends on; dates are ISO strings and `today` is passed in. */
export interface ScheduleStatusInput extends ScheduleWindow {
  /**
   * The target amount, needed when progress is an amount: 20000 (亩). A range target (10—15万) counts from its
   * lower end, the least that fulfils it.
   */
  readonly target?: DecimalInput | QuantityValue;
  /**
   * The target's stated bound. A ceiling (不超过 / 以内: '<=' or '<') is kept rather than reached: an amount reported
   * under it is on schedule, over it missed, and reaching it finishes nothing.
   */
  readonly comparator?: Comparator | '=' | 'at_least_class' | 'at_most_class';
  /** The latest reported progress; absent means nothing reported yet (counted as 0%). */
  readonly progress?: Progress;
  /** The unit reports the item finished (办结), whatever the figure says. */
  readonly done?: boolean;
  /** ISO date it was finished, when known: decides 提前完成 (before the deadline) or 已完成. */
  readonly doneOn?: string;
  /** The item is closed (销号) or assessed for the last time: unfinished, it is 未完成 rather than 逾期. */
  readonly closed?: boolean;
  /** Half-width of the 按序时 band in percentage points (default 5): |actual − expected| ≤ tolerance. */
  readonly tolerancePoints?: DecimalInput;
  /** An unfinished item due within this many days (default 30) is yellow even when on or ahead of schedule. */
  readonly warnDays?: number;
}

/** The computed schedule status. Percents are rounded to two decimals; comparisons use exact values. */
export interface ScheduleStatus {
  /** 序时进度, 0–100. */
  readonly expectedPercent: Decimal;
  /** Reported progress as a percent of the target; may exceed 100. 0 when nothing is reported. */
  readonly actualPercent: Decimal;
  /** actual − expected in percentage points. */
  readonly gapPoints: Decimal;
  readonly status: ScheduleStatusLabel;
  readonly code: ScheduleStatusCode;
  readonly colour: WarningColour;
  /** Short Chinese explanation with the figures: '序时进度49.73%，实际进度60%，超出10.27个百分点'. */
  readonly explanation: string;
  /** How 序时进度 was reached. */
  readonly basis: 'elapsed_time' | 'milestone';
  /** Days from today to the deadline: negative once it has passed. */
  readonly daysToDeadline: number;
  /** False when no progress has been reported. */
  readonly hasProgress: boolean;
}

/**
 * Computes a commitment's schedule status (never stored by hand). Order of the rules:
 * 1. finished (`done`, or progress ≥ 100%): 提前完成 when finished before the deadline day (by `doneOn`, else by
 *    `today`), otherwise 已完成 — green;
 * 2. unfinished and `closed`: 未完成 — red; unfinished after the deadline: 逾期 — red;
 * 3. otherwise actual − expected against the tolerance: above → 超序时, within → 按序时 (both green, or yellow when
 *    due within `warnDays`), below → 慢序时 (yellow).
 * Throws a RangeError naming the field for bad input: invalid dates, a deadline before the start, an amount without
 * a positive target, negative progress or tolerance.
 *
 * @example
 * computeScheduleStatus({ start: '2024-01-01', deadline: '2024-12-31', today: '2024-06-30',
 *   target: 20000, progress: { amount: 12000 } })
 * // { expectedPercent: 49.73, actualPercent: 60, status: '超序时', code: 'ahead', colour: 'green',
 * //   explanation: '序时进度49.73%，实际进度60%，超出序时10.27个百分点' }
 */
export function computeScheduleStatus(input: ScheduleStatusInput): ScheduleStatus {
  const expected = computeExpectedProgress(input);
  const points = input.tolerancePoints ?? DEFAULT_TOLERANCE_POINTS;
  const tolerance = points === DEFAULT_TOLERANCE_POINTS ? DEFAULT_TOLERANCE : readTolerance(points);
  const warnDays = input.warnDays ?? DEFAULT_WARN_DAYS;
  if (!Number.isInteger(warnDays) || warnDays < 0) throw new RangeError('warnDays: must be a whole number ≥ 0');

  // Exact values compare; rounded ones are shown. The ratios are not reduced: rounding and comparing do not need it.
  const actual = readActualPercent(input);
  const hasProgress = input.progress !== undefined;
  const gap = subtractRatios(actual, expected.exact);
  const actualPercent = roundRatio(actual, 2);
  const gapPoints = roundRatio(gap, 2);
  const daysToDeadline = expected.daysToDeadline;
  const progressText = hasProgress ? `实际进度${showPercent(actualPercent)}%` : '尚未填报进展';

  // One return for every status rather than a closure to build it: this runs for every commitment of a plan, and
  // under tsx (keepNames) each named closure is also renamed at each call.
  let code: ScheduleStatusCode;
  let colour: WarningColour;
  let explanation: string;
  const finished = input.done === true || actual.num >= 100n * actual.den;
  const isCeiling = (input.comparator === '<=' || input.comparator === '<') && input.progress !== undefined && 'amount' in input.progress;
  if (isCeiling && input.done !== true) {
    const over = compareRatios(actual, HUNDRED_PERCENT);
    const used = `实际${showPercent(actualPercent)}%（上限为100%）`;
    if (over > 0 || (over === 0 && input.comparator === '<')) {
      code = 'missed';
      colour = 'red';
      explanation = `已超出上限：${used}`;
    } else if (daysToDeadline < 0) {
      code = 'done';
      colour = 'green';
      explanation = `时限${input.deadline}已到，未超出上限：${used}`;
    } else {
      code = 'on_track';
      colour = 'green';
      explanation = `未超出上限：${used}，时限${input.deadline}`;
    }
  } else if (finished) {
    // Finished by `today` (valid: the expectation read it) unless `doneOn` says when.
    const early = input.doneOn !== undefined ? toDayNumber(input.doneOn, 'doneOn') < toDayNumber(input.deadline, 'deadline') : daysToDeadline > 0;
    const when = input.doneOn !== undefined ? `${input.doneOn}完成` : '已完成';
    const figure = hasProgress ? `，${progressText}` : '';
    code = early ? 'done_early' : 'done';
    colour = 'green';
    explanation = early ? `${when}${figure}，早于时限${input.deadline}` : `${when}${figure}，时限${input.deadline}`;
  } else if (input.closed === true) {
    code = 'missed';
    colour = 'red';
    explanation = `已销号但未完成：${progressText}，时限${input.deadline}`;
  } else if (daysToDeadline < 0) {
    code = 'overdue';
    colour = 'red';
    explanation = `已超过时限${input.deadline} ${-daysToDeadline}天，${progressText}，尚未完成`;
  } else {
    const nearDeadline = daysToDeadline <= warnDays;
    const dueText = nearDeadline ? `，距时限仅剩${daysToDeadline}天` : '';
    const head = `${expectationTextOf(expected)}，${progressText}`;
    if (compareRatios(gap, tolerance.exact) > 0) {
      code = 'ahead';
      colour = nearDeadline ? 'yellow' : 'green';
      explanation = `${head}，超出序时${showPercent(gapPoints)}个百分点${dueText}`;
    } else if (compareRatios(gap, { num: -tolerance.exact.num, den: tolerance.exact.den }) < 0) {
      code = 'behind';
      colour = 'yellow';
      explanation = `${head}，落后序时${showPercent({ mantissa: -gapPoints.mantissa, exponent: gapPoints.exponent })}个百分点${dueText}`;
    } else {
      code = 'on_track';
      colour = nearDeadline ? 'yellow' : 'green';
      explanation = `${head}，与序时相差在${tolerance.text}个百分点以内${dueText}`;
    }
  }
  return {
    expectedPercent: expected.percent,
    actualPercent,
    gapPoints,
    basis: expected.basis,
    daysToDeadline,
    hasProgress,
    status: SCHEDULE_STATUS_LABELS[code],
    code,
    colour,
    explanation,
  };
}

interface Tolerance {
  readonly exact: Ratio;
  /** As the explanation writes it, to two places: '5'. */
  readonly text: string;
}

/** The tolerance in percentage points; throws a RangeError when it is not a decimal or is negative. */
function readTolerance(points: DecimalInput): Tolerance {
  const exact = ratioOfDecimal(toDecimal(points, 'tolerancePoints'));
  if (exact.num < 0n) throw new RangeError('tolerancePoints: must not be negative');
  return { exact, text: showPercent(roundRatio(exact, 2)) };
}
const HUNDRED_PERCENT: Ratio = { num: 100n, den: 1n };
/** Read once: most commitments keep the default. */
const DEFAULT_TOLERANCE = readTolerance(DEFAULT_TOLERANCE_POINTS);

/**
 * '序时进度49.73%' or, by milestones, '序时进度25%（2024-03-31节点）' / '序时进度0%（首个节点未到）': the same for every
 * commitment sharing a window, so kept beside the (memoised) expectation it describes.
 */
function expectationTextOf(expected: ExpectedProgress): string {
  let text = expectationTexts.get(expected);
  if (text === undefined) {
    const basisText = expected.basis === 'milestone' ? (expected.milestone ? `（${expected.milestone.due}节点）` : '（首个节点未到）') : '';
    text = `序时进度${showPercent(expected.percent)}%${basisText}`;
    expectationTexts.set(expected, text);
  }
  return text;
}
const expectationTexts = new WeakMap<ExpectedProgress, string>();

/** Progress as an exact percent of the target. */
function readActualPercent(input: ScheduleStatusInput): Ratio {
  const progress = input.progress;
  if (progress === undefined) return { num: 0n, den: 1n };
  if ('percent' in progress) {
    const percent = ratioOfDecimal(toDecimal(progress.percent, 'progress.percent'));
    if (percent.num < 0n) throw new RangeError('progress.percent: must not be negative');
    return percent;
  }
  const amount = ratioOfDecimal(toDecimal(progress.amount, 'progress.amount'));
  if (amount.num < 0n) throw new RangeError('progress.amount: must not be negative');
  if (input.target === undefined) throw new RangeError('target: needed when progress is an amount');
  const target = ratioOfDecimal(readTarget(input.target));
  if (target.num <= 0n) throw new RangeError('target: must be greater than 0 when progress is an amount');
  // amount ÷ target × 100; target.num > 0, so the denominator stays positive.
  return { num: amount.num * target.den * 100n, den: amount.den * target.num };
}

function readTarget(target: DecimalInput | QuantityValue): Decimal {
  if (typeof target === 'object' && 'type' in target) return target.type === 'exact' ? target.value : target.low;
  return toDecimal(target, 'target');
}
