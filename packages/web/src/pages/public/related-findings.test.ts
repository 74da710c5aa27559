import { describe, expect, it } from 'vitest';
import type { DocumentFinding } from '../../api/view-types.ts';
import { relatedFindings } from './related-findings.ts';

const finding = (id: string, check: string, stated: string, quantities: string[], verdict: DocumentFinding['verdict'] = 'consistent'): DocumentFinding => ({
  id, check, verdict, stated, quantities, message: id,
});

describe('relatedFindings', () => {
  const findings = [
    finding('f1', 'growth-from-increase', 'q20', ['q18', 'q19']),
    finding('f2', 'restatement', 'q20', ['q5']),
    finding('f3', 'share', 'q17', ['q15', 'q16']),
  ];
  it('gives a restated figure the arithmetic of the figure it repeats', () => {
    expect(relatedFindings('q5', findings).map((item) => item.id)).toEqual(['f1', 'f2']);
  });
  it('lists the checks a figure is used in, not only those that judge it', () => {
    expect(relatedFindings('q18', findings).map((item) => item.id)).toEqual(['f1']);
  });
  it('does not follow an inconsistent restatement', () => {
    const broken = [finding('f1', 'growth', 'q2', ['q1']), finding('f2', 'restatement', 'q2', ['q9'], 'inconsistent')];
    expect(relatedFindings('q9', broken).map((item) => item.id)).toEqual(['f2']);
  });
  it('returns nothing for a figure in no check', () => {
    expect(relatedFindings('q99', findings)).toEqual([]);
  });
});
