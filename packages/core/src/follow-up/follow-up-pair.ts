/**
 * The data of issue 8's follow-up: a target of last year's report, the result this year's report states for it,
 * and the verdict. Example: target "5%左右" (国内生产总值增长) ↔ result "5.2%" → met, confidence 1.
 */
import type { Comparator, QuantityValue } from '../model/quantity.ts';
import type { Problem } from '../model/problem.ts';
import type { Span } from '../model/span.ts';
import type { MetricPolarity } from './target-verdict.ts';
import type { FollowUpVerdict } from '../model/vocabulary.ts';

/** met: the result reaches the target; missed: it does not; not_reported: this year's report states no result. */
export type { FollowUpVerdict } from '../model/vocabulary.ts';

/** A figure of one report with what it measures. Offsets are into that report's text. */
export interface FollowUpFigure extends Span {
  /** The metric phrase: 国内生产总值增长, 城镇新增就业. */
  readonly metric: string;
  readonly value: QuantityValue;
  readonly unit: string;
  readonly comparator?: Comparator;
  readonly direction?: 'up' | 'down';
  /** The id of the quantity in that report's extraction. */
  readonly quantityId: string;
}

/** One target with its result and verdict. */
export interface FollowUpPair {
  readonly target: FollowUpFigure;
  /** 'main_targets': a figure of the 主要预期目标; 'commitment': another quantified commitment of the plan. */
  readonly source: 'main_targets' | 'commitment';
  /** The figure this year's report states for the target; null when none (and for a verdict by statement). */
  readonly result: FollowUpFigure | null;
  readonly verdict: FollowUpVerdict;
  /**
   * 'figure': judged on a stated result; 'statement': met because this year's report says the target's group was
   * completed ("33项民生实事全部完成") without a figure for the target itself; the sentence is in `statement`.
   */
  readonly basis: 'figure' | 'statement';
  /** For basis 'statement': the completion statement in this year's report. */
  readonly statement?: Span;
  /**
   * How sure the pairing is, 0–1: the metric similarity of target and result; for not_reported, one minus the
   * similarity of the closest candidate that was turned down.
   */
  readonly confidence: number;
  readonly polarity: MetricPolarity;
  /** Chinese explanation: '目标5%左右（不低于4.5%），实际5.2%，完成'. */
  readonly explanation: string;
}

/** Everything `followUp` returns. */
export interface FollowUpReport {
  readonly lastYear: number;
  readonly thisYear: number;
  /** The 主要预期目标 of last year's report, when found. */
  readonly section?: Span;
  readonly pairs: readonly FollowUpPair[];
  /** What could not be read: no target section, a target without a metric. */
  readonly problems: readonly Problem[];
}
