import type { DocumentFinding } from '../../api/view-types.ts';

/**
 * Every finding a figure takes part in, and those of the figures it restates ("前文所称 52.8%"): a figure repeated
 * in a summary box is the same figure, so the arithmetic that judged one judges the other.
 */
export function relatedFindings(figureId: string, findings: readonly DocumentFinding[]): DocumentFinding[] {
  const involves = (finding: DocumentFinding, id: string) => finding.stated === id || finding.quantities.includes(id);
  const same = new Set([figureId]);
  for (const finding of findings) {
    if (finding.check === 'restatement' && finding.verdict === 'consistent' && involves(finding, figureId)) {
      same.add(finding.stated);
      for (const id of finding.quantities) same.add(id);
    }
  }
  return findings.filter((finding) => [...same].some((id) => involves(finding, id)));
}
