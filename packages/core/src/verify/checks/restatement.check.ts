/**
 * Checks that a fact stated twice (in the text and again in an infographic) has the same value both times.
 * Example: "全年将87.8%的支出用于保障民生…投入资金增加了6.66亿元，同比增长52.8%" and the infographic's
 * "占财政总支出87.8% 较2022年增加6.66亿元 同比增长52.8%" → three restatements, each ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { indexRelations } from '../relation-index.ts';
import { judgeStated, shownFigure, signedInterval, type RelationFinding } from '../relation-finding.ts';

/**
 * Judges each pair of statements of the same fact the index lined up.
 * @example restatementCheck.run({ text, extraction })[0].message // '前文称 87.8% ✓…'
 */
export const restatementCheck: Check = {
  id: 'restatement',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const findings: RelationFinding[] = [];
    for (const [later, earlier] of indexRelations(text, extraction).restatements) {
      findings.push(judgeStated('restatement', later, signedInterval(earlier), [earlier], `前文所称 ${shownFigure(earlier)}`));
    }
    return findings;
  },
};
