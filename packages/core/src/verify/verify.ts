/**
 * Runs every check over one extracted text and numbers the findings: "f1", "f2", …
 * Example: the seed page → a consistent 'growth' finding for 44.4%, among others.
 */
import type { Extraction } from '../model/extraction.ts';
import type { Finding } from '../model/finding.ts';
import { runCheckOnce, type Check } from './check.ts';
import { averageAnnualGrowthCheck } from './checks/average-annual-growth.check.ts';
import { differenceCheck } from './checks/difference.check.ts';
import { growthFromIncreaseCheck } from './checks/growth-from-increase.check.ts';
import { growthCheck } from './checks/growth.check.ts';
import { multipleCheck } from './checks/multiple.check.ts';
import { partsSumCheck } from './checks/parts-sum.check.ts';
import { percentagePointChangeCheck } from './checks/percentage-point-change.check.ts';
import { restatementCheck } from './checks/restatement.check.ts';
import { shareCheck } from './checks/share.check.ts';
import { directionCheck } from './checks/direction.check.ts';
import { thresholdCheck } from './checks/threshold.check.ts';
import { enumerationCheck } from './checks/enumeration.check.ts';
import { partOfWholeCheck } from './checks/part-of-whole.check.ts';
import { unitLogicCheck } from './checks/unit-logic.check.ts';
import { structureRatioCheck } from './checks/structure-ratio.check.ts';

/** The checks in the order their findings are listed. Each lives in its own file under checks/. */
export const checks: readonly Check[] = [
  // arithmetic checks (issue 3) are registered here, one line each
  growthCheck,
  differenceCheck,
  growthFromIncreaseCheck,
  shareCheck,
  percentagePointChangeCheck,
  partsSumCheck,
  restatementCheck,
  averageAnnualGrowthCheck,
  multipleCheck,
  // common-sense checks (issue 9) are registered here, one line each
  directionCheck,
  thresholdCheck,
  enumerationCheck,
  partOfWholeCheck,
  unitLogicCheck,
  structureRatioCheck,
];

/**
 * Checks a text's numbers against each other.
 * @example verify(text, extract(text)) // [{ id: 'f1', check: 'growth', verdict: 'consistent', … }]
 */
export function verify(text: string, extraction: Extraction, selected: readonly Check[] = checks): Finding[] {
  const findings: Finding[] = [];
  // One memo per run: checks that read another check's findings (direction, part-of-whole) get them without a rerun.
  const input = { text, extraction, findingsSoFar: new Map<string, Omit<Finding, 'id'>[]>() };
  for (const check of selected) {
    for (const finding of runCheckOnce(check, input)) {
      const reading = finding.reading ?? check.reading;
      findings.push({ ...finding, ...(reading === undefined ? {} : { reading }), id: `f${findings.length + 1}` });
    }
  }
  return findings;
}
