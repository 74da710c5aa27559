/**
 * Checks facts restated across several documents (`duixian check a.txt b.txt`): sentences of two documents whose
 * figures line up role by role, at least two of them equal and precise enough not to agree by chance.
 * Example: a news page says "全年将87.8%的支出用于保障民生…增加了6.66亿元，同比增长52.8%" and the budget page
 * "占财政总支出87.8% 较2022年增加7.66亿元 同比增长52.8%" → the increase is inconsistent across the two.
 */
import type { Extraction } from '../model/extraction.ts';
import type { Finding } from '../model/finding.ts';
import type { Figure } from './figure.ts';
import { judgeStated, shownFigure, signedInterval } from './relation-finding.ts';
import { indexRelations } from './relation-index.ts';
import { findRestatementPairs } from './restatement-pairs.ts';

/** One document of a multi-document check: its name (the file name) and what extraction found in it. */
export interface NamedDocument {
  readonly name: string;
  readonly text: string;
  readonly extraction: Extraction;
}

/**
 * Finds and judges the facts one document restates from another by sentences whose figures line up role by role.
 * Quantity ids in the findings are prefixed with the document's name: 'b.txt#q7'. Restatements within one document
 * are left to `verify`; `checkAcrossDocuments` (cross-document.ts) adds the facts matched by metric and period.
 * @example findAlignedRestatements([{ name: 'a.txt', … }, { name: 'b.txt', … }])[0]
 * // { check: 'restatement', verdict: 'consistent', stated: 'b.txt#q6', quantities: ['a.txt#q1'], message: '《a.txt》称 87.8%，《b.txt》称 87.8%，前后一致 ✓' }
 */
export function findAlignedRestatements(documents: readonly NamedDocument[]): Finding[] {
  const bySentence: (readonly Figure[])[] = [];
  const sentenceParagraph: number[] = [];
  const documentOf = new Map<Figure, number>();
  let paragraphOffset = 0;
  documents.forEach((document, d) => {
    const index = indexRelations(document.text, document.extraction);
    index.figuresBySentence.forEach((list, s) => {
      bySentence.push(list);
      sentenceParagraph.push(paragraphOffset + (index.segments.sentenceParagraph[s] ?? 0));
      for (const figure of list) documentOf.set(figure, d);
    });
    paragraphOffset += index.segments.paragraphs.length + 1;
  });
  const pairs = findRestatementPairs({ paragraphs: [], sentences: [], sentenceParagraph }, bySentence);
  const findings: Finding[] = [];
  for (const [later, earlier] of pairs) {
    const laterDocument = documents[documentOf.get(later) ?? -1];
    const earlierDocument = documents[documentOf.get(earlier) ?? -1];
    if (!laterDocument || !earlierDocument || laterDocument === earlierDocument) continue;
    const judged = judgeStated('restatement', later, signedInterval(earlier), [earlier], shownFigure(earlier));
    const agree = judged.verdict === 'consistent';
    findings.push({
      ...judged,
      id: `x${findings.length + 1}`,
      stated: `${laterDocument.name}#${later.quantity.id}`,
      quantities: [`${earlierDocument.name}#${earlier.quantity.id}`],
      message: `《${earlierDocument.name}》称 ${shownFigure(earlier)}，《${laterDocument.name}》称 ${shownFigure(later)}，${agree ? '前后一致 ✓' : '同一数字前后不符 ✗'}`,
    });
  }
  return findings;
}
