import type { QuantityValue } from './quantity.ts';
import type { Span } from './span.ts';
import type { TargetComparator } from './vocabulary.ts';

/** A graded target rather than a number: water quality "Ⅲ类", where Ⅰ is best. */
export interface GradeValue {
  readonly type: 'grade';
  /** As written: 'Ⅲ类'. */
  readonly grade: string;
  /** Its rank, 1 for Ⅰ类: a lower rank is better. */
  readonly rank: number;
}

/**
 * The quantified goal of a commitment: "确保空气质量优良率达到92%以上" → 92 %, '>='; "水质稳定保持在Ⅲ类以上" →
 * grade Ⅲ类, unit 'class', comparator 'at_least_class' (Ⅲ or better).
 */
export interface Target {
  readonly value: QuantityValue | GradeValue;
  readonly unit: string;
  readonly comparator?: Exclude<TargetComparator, '='>;
  /** The quantity this target was read from. */
  readonly quantityId?: string;
}

/**
 * A target or task the report commits to.
 * Example: "实施退化林分改造2万亩" under "聚力打好生态环境保护战" →
 * theme '生态环境保护', action '实施退化林分改造', target 20000 亩.
 */
export interface Commitment extends Span {
  readonly id: string;
  /** The campaign or section heading it sits under, shortened: 生态环境保护. */
  readonly theme?: string;
  /** The verb phrase: 实施退化林分改造, 新建托养机构. */
  readonly action?: string;
  /** The indicator for "X达到Y" targets: 空气质量优良率. */
  readonly indicator?: string;
  readonly target?: Target;
  readonly provenance: string;
}
