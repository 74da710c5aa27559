import type { Decimal } from './decimal.ts';
import type { Span } from './span.ts';
import type { Comparator } from './vocabulary.ts';

/** What a figure measures, in the answer keys' words. */
export type QuantityKind = 'money' | 'percent' | 'percentage_point' | 'count' | 'measure' | 'ratio';

/**
 * A stated bound: 以上 / 不低于 / 不少于 / 超过 (>=), 以下 / 以内 / 不超过 (<=), 高于 / 多于 (>), 不足 / 低于 (<),
 * 左右 / 约 / 近 (~). Every word and its bound: extract/refiners/bound-words.ts.
 */
export type { Comparator } from './vocabulary.ts';

/** The part a figure plays in its sentence. */
export type QuantityRole =
  | 'level'          // 一般公共预算支出21.98亿元
  | 'change'         // 增支6.76亿元 / 减少3万户 (sign in `direction`)
  | 'growth_rate'    // 同比增长44.4%
  | 'share'          // 占87.8%
  | 'pp_change'      // 提高4.8个百分点
  | 'multiple';      // 增长2倍 / 翻一番

/** The value as written: one number, or a range such as 10—15万元. */
export type QuantityValue =
  | { readonly type: 'exact'; readonly value: Decimal }
  | { readonly type: 'range'; readonly low: Decimal; readonly high: Decimal };

/** A reporting period the figure belongs to, resolved against the report year. */
export interface Period {
  /** First year covered (2023 for 2023年 and for 2023年1—11月); absent for "3月" when no year is known. */
  readonly year?: number;
  /** Last year covered, when the period spans years (十四五: 2021–2025). */
  readonly endYear?: number;
  /** Months, when the text narrows the year (1—11月 → [1, 11]; 上半年 → [1, 6]). */
  readonly months?: readonly [number, number];
}

/**
 * One quantity found in a text.
 * Example: "一般公共预算支出21.98亿元" → unit '元', kind 'money',
 * value exact { mantissa: 2198n, exponent: 6 }, metric '一般公共预算支出', role 'level'.
 */
export interface Quantity extends Span {
  readonly id: string;
  readonly value: QuantityValue;
  /** Normalized unit: '元' for 元 / 万元 / 亿元 (other currencies keep theirs: '美元'), '%', 'pp', or the measure word. */
  readonly unit: string;
  readonly kind: QuantityKind;
  readonly comparator?: Comparator;
  /** The noun phrase this figure measures: 一般公共预算支出, 民生领域支出, 教育. */
  readonly metric?: string;
  readonly role?: QuantityRole;
  /** For a change or growth: up or down (增长 / 下降). */
  readonly direction?: 'up' | 'down';
  /** The comparison base the text names: 同比, 比上年, 较2022年. */
  readonly base?: string;
  readonly period?: Period;
  /** Which parser or refiner produced it: 'parser/number-unit', 'refiner/range-merge'. */
  readonly provenance: string;
}
