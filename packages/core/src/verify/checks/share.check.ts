/**
 * Checks a stated share (占 / 占比 / 比重) against its part and the whole the text names.
 * Example: "2023年全区一般公共预算支出 21.98亿元 … 2023年用于民生领域支出 19.3亿元 占财政总支出87.8%"
 * → 19.3 ÷ 21.98 = 87.81%，报告称 87.8% ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { divideIntervals } from '../interval.ts';
import { indexRelations } from '../relation-index.ts';
import { findNamedRatio } from '../share-whole.ts';
import { isIncrementFigure, sameUnit, type Figure } from '../figure.ts';
import { asFraction, judgeStated, operandTexts, type RelationFinding } from '../relation-finding.ts';

/** The nearest level before an increment, in its sentence and unit, that is not an increment and not the whole. */
function stockBefore(figures: readonly Figure[], increment: Figure, whole: Figure): Figure | undefined {
  for (let k = increment.order - 1; k >= 0; k--) {
    const f = figures[k];
    if (!f || f.sentence !== increment.sentence) return undefined;
    if (f === whole) return undefined;
    if (f.role === 'level' && f.interval && sameUnit(f, increment) && !isIncrementFigure(f)) return f;
  }
  return undefined;
}

/**
 * Finds a level followed by one share of a named whole, and the whole among the levels before it.
 * @example shareCheck.run({ text, extraction })[0].message // '19.3 ÷ 21.98 = 87.81%，报告称 87.8% ✓'
 */
export const shareCheck: Check = {
  id: 'share',
  reading: '按“占…X%”为该部分除以所指整体理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const statement of index.statements) {
      let part = statement.level;
      const share = statement.shares.length === 1 ? statement.shares[0] : undefined;
      if (!part?.interval || !share?.interval || part.quantity.unit === '%') continue;
      const total = index.shareTotal(share);
      if (!total?.interval) continue;
      let reading: string | undefined;
      // "城镇人口200万人，新增5万人，占常住人口的62.5%": a share of a stock, written after this year's increment,
      // describes the stock level before the increment; with no such level it cannot be judged.
      if (isIncrementFigure(part) && !isIncrementFigure(total) && !/新增|净增/.test(share.shareOf ?? '')) {
        part = stockBefore(index.figures, part, total);
        if (!part?.interval) continue;
        reading = `按占比说的是新增之前的总量${part.quantity.text.replace(/\s+/g, '')}理解`;
      }
      const derived = divideIntervals(part.interval, total.interval);
      const [a, t] = operandTexts([part, total], share).texts;
      const finding = judgeStated('share', share, derived, [part, total], `${a} ÷ ${t}`, asFraction(share));
      findings.push(reading ? { ...finding, reading } : finding);
    }
    // a rate named after two figures of its sentence: 营业收入利润率 = 利润总额 ÷ 营业收入
    for (const rate of index.figures) {
      if (rate.role !== 'level' || rate.quantity.unit !== '%' || !rate.interval) continue;
      const terms = findNamedRatio(index.figures, rate);
      if (!terms?.part.interval || !terms.whole.interval) continue;
      const derived = divideIntervals(terms.part.interval, terms.whole.interval);
      const [a, t] = operandTexts([terms.part, terms.whole], rate).texts;
      findings.push(judgeStated('share', rate, derived, [terms.part, terms.whole], `${a} ÷ ${t}`, asFraction(rate)));
    }
    return findings;
  },
};
