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
 * @example restatementCheck.run({ text, extraction })[0].message // '前文称 87.8%，此处称 87.8%，前后一致 ✓'
 */
export const restatementCheck: Check = {
  id: 'restatement',
  reading: '按前后两处说的是同一指标、同一时期理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const findings: RelationFinding[] = [];
    for (const [later, earlier] of indexRelations(text, extraction).restatements) {
      const finding = judgeStated('restatement', later, signedInterval(earlier), [earlier], `前文所称 ${shownFigure(earlier)}`);
      const message =
        finding.verdict === 'consistent'
          ? `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，前后一致 ✓`
          : `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，同一数字前后不符 ✗`;
      findings.push({ ...finding, message });
    }
    return findings;
  },
};
