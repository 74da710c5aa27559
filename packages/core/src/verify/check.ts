import type { Extraction } from '../model/extraction.ts';
import type { Finding } from '../model/finding.ts';

/** What every check reads: the text and what extraction found in it. */
export interface CheckInput {
  readonly text: string;
  readonly extraction: Extraction;
  /**
   * The findings this verification run has computed so far, by check id: `verify` makes one per run, so a check that
   * builds on another's findings reads them instead of rerunning it. Without it every check runs afresh.
   */
  readonly findingsSoFar?: Map<string, Omit<Finding, 'id'>[]>;
}

/**
 * One verification rule, one file under `checks/`: finds the relations of its kind and judges each.
 * Returns findings without ids; `verify` numbers them.
 */
export interface Check {
  readonly id: string;
  /** The reading of the wording its findings assume unless a finding names its own: "按“增长X%”为…理解". */
  readonly reading?: string;
  run(input: CheckInput): Omit<Finding, 'id'>[];
}

/**
 * Runs a check once per verification run: its findings are kept in the run's `findingsSoFar` (no state outside the
 * call, so two texts never share an entry).
 * @example runCheckOnce(growthCheck, { text, extraction, findingsSoFar }) // the same array on a second call in the run
 */
export function runCheckOnce(check: Check, input: CheckInput): Omit<Finding, 'id'>[] {
  const findingsSoFar = input.findingsSoFar;
  if (!findingsSoFar) return check.run(input);
  let findings = findingsSoFar.get(check.id);
  if (!findings) {
    findings = check.run(input);
    findingsSoFar.set(check.id, findings);
  }
  return findings;
}
