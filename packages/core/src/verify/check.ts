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
  run(input: CheckInput): Omit<Finding, 'id'>[];
}
