import type { Extraction } from '../model/extraction.ts';
import type { Finding } from '../model/finding.ts';

/** What every check reads: the text and what extraction found in it. */
export interface CheckInput {
  readonly text: string;
  readonly extraction: Extraction;
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

/** Findings of each check per extraction: a check that builds on another's findings reads them instead of rerunning it. */
const resultsByExtraction = new WeakMap<Extraction, Map<string, Omit<Finding, 'id'>[]>>();

/**
 * Runs a check once per extraction and text and remembers its findings.
 * @example runCheckOnce(growthCheck, { text, extraction }) // the same array on a second call
 */
export function runCheckOnce(check: Check, input: CheckInput): Omit<Finding, 'id'>[] {
  let results = resultsByExtraction.get(input.extraction);
  if (!results) {
    results = new Map();
    resultsByExtraction.set(input.extraction, results);
  }
  const key = `${check.id}\u0000${input.text.length}`;
  let findings = results.get(key);
  if (!findings) {
    findings = check.run(input);
    results.set(key, findings);
  }
  return findings;
}
