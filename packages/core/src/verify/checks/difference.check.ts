/**
 * Checks a stated increase or decrease (增加 / 增支 / 减少) against the two levels it separates.
 * Example: "21.98亿元 较2022年15.22亿元 … 增支6.76亿元" → 21.98 − 15.22 = 6.76亿元，报告称 6.76亿元 ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { subtractIntervals } from '../interval.ts';
import { judgeLevelChanges } from '../level-changes.ts';
import { judgeStated, operandTexts, unverifiableRelation, type RelationFinding } from '../relation-finding.ts';

/**
 * Finds statements with a current level, the earlier level and one change in their unit.
 * @example differenceCheck.run({ text, extraction })[0].message // '21.98 − 15.22 = 6.76亿元，报告称 6.76亿元 ✓'
 */
export const differenceCheck: Check = {
  id: 'difference',
  reading: '按“增加/减少X”为同一指标前后两个水平之差理解',
  run(input: CheckInput): RelationFinding[] {
    return judgeLevelChanges(input, ({ level, previous, change }) => {
      if (!previous) return undefined;
      const unit = level.quantity.unit;
      if (previous.quantity.unit !== unit || change.quantity.unit !== unit) return undefined;
      if (!level.interval || !previous.interval || !change.interval) return unverifiableRelation('difference', change, [level, previous]);
      const derived = subtractIntervals(level.interval, previous.interval);
      const [c, p] = operandTexts([level, previous], change).texts;
      return judgeStated('difference', change, derived, [level, previous], `${c} − ${p}`, undefined, 6);
    });
  },
};
