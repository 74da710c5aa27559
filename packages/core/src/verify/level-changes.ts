/**
 * Walks the statements that pair a current level with exactly one stated change (增加 / 增支 / 减少), the shape the
 * difference and growth-from-increase checks both judge. Example: "19.3亿元 … 较2022年增加6.66亿元 同比增长52.8%" →
 * one step: level 19.3亿元, no earlier level, change +6.66亿元.
 */
import type { CheckInput } from './check.ts';
import { indexRelations, type Figure, type RelationIndex, type Statement } from './relation-index.ts';
import type { RelationFinding } from './relation-finding.ts';

/** One statement with its current level, its earlier level if it names one, and its only change. */
export interface LevelChange {
  readonly statement: Statement;
  readonly level: Figure;
  readonly previous: Figure | undefined;
  readonly change: Figure;
}

/**
 * Asks `judge` about every statement with a level and one change, in text order, and keeps the findings it gives.
 * @example judgeLevelChanges({ text: '增加6.66亿元', extraction }, judge) // [] (no level, so `judge` is not asked)
 */
export function judgeLevelChanges(
  { text, extraction }: CheckInput,
  judge: (step: LevelChange, index: RelationIndex) => RelationFinding | undefined,
): RelationFinding[] {
  const index = indexRelations(text, extraction);
  const findings: RelationFinding[] = [];
  for (const statement of index.statements) {
    const { level, previous } = statement;
    const change = statement.changes.length === 1 ? statement.changes[0] : undefined;
    if (!level || !change) continue;
    const finding = judge({ statement, level, previous, change }, index);
    if (finding) findings.push(finding);
  }
  return findings;
}
