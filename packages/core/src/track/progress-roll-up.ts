/**
 * A parent commitment's progress from its work items, by weight.
 * Example: 三项工作 weights 2 / 1 / 1 at 100% / 50% / 0% → (200 + 50 + 0) ÷ 4 = 62.5%.
 */
import type { Decimal } from '../model/decimal.ts';
import { addDecimals } from '../numbers/decimal.ts';
import { type Rational, ratAdd, ratCompare, ratMul, rational, rationalFromDecimal } from '../numbers/rational.ts';
import { divideRatios, roundRatio, toDecimal, type DecimalInput } from './exact-ratio.ts';

/** One child: its weight (any non-negative scale: 1, 0.3, 20) and its progress in percent. */
export interface WeightedProgress {
  readonly weight: DecimalInput;
  readonly percent: DecimalInput;
}

/** The parent's progress and how it was weighed. */
export interface ProgressRollUp {
  /** Weighted mean of the children's percents (each capped at 100), rounded to two decimals; undefined with no children. */
  readonly percent: Decimal | undefined;
  /** 'weights' normally; 'equal' when every weight is zero, so each child counts the same. */
  readonly weighting: 'weights' | 'equal';
  /** Σ weight, as given. */
  readonly totalWeight: Decimal;
  readonly childCount: number;
}

/**
 * Rolls children's progress up to their parent: Σ weight × min(percent, 100) ÷ Σ weight. A child over 100% counts as
 * 100 so that over-delivery on one item cannot hide another's lag. A child of weight 0 does not count, unless every
 * weight is 0 (weights never set): then the children count equally. Throws a RangeError naming the child for a negative
 * weight or percent.
 *
 * @example
 * rollUpProgress([{ weight: 2, percent: 100 }, { weight: 1, percent: 50 }, { weight: 1, percent: 0 }]).percent
 * // 62.5（三项工作按权重汇总）
 */
export function rollUpProgress(children: readonly WeightedProgress[]): ProgressRollUp {
  const read = children.map((child, index) => {
    const weight = toDecimal(child.weight, `children[${index}].weight`);
    const percent = rationalFromDecimal(toDecimal(child.percent, `children[${index}].percent`));
    if (weight.mantissa < 0n) throw new RangeError(`children[${index}].weight: must not be negative`);
    if (percent.num < 0n) throw new RangeError(`children[${index}].percent: must not be negative`);
    const capped = ratCompare(percent, rational(BigInt(100))) > 0 ? rational(BigInt(100)) : percent;
    return { weight, capped };
  });
  let totalWeight: Rational = rational(BigInt(0));
  let totalWeightDecimal: Decimal = { mantissa: 0n, exponent: 0 };
  for (const child of read) {
    totalWeight = ratAdd(totalWeight, rationalFromDecimal(child.weight));
    totalWeightDecimal = addDecimals(totalWeightDecimal, child.weight);
  }
  if (read.length === 0) {
    return { percent: undefined, weighting: 'weights', totalWeight: totalWeightDecimal, childCount: 0 };
  }
  const equal = totalWeight.num === 0n;
  let weighted: Rational = rational(BigInt(0));
  for (const child of read) {
    weighted = ratAdd(weighted, equal ? child.capped : ratMul(rationalFromDecimal(child.weight), child.capped));
  }
  const mean = divideRatios(weighted, equal ? rational(BigInt(read.length)) : totalWeight);
  return {
    percent: roundRatio(mean, 2),
    weighting: equal ? 'equal' : 'weights',
    totalWeight: totalWeightDecimal,
    childCount: read.length,
  };
}
