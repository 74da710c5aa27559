/** The outcome of one check. */
export type Verdict = 'consistent' | 'inconsistent' | 'unverifiable';

/** An interval of exact values, as decimal strings: { low: '52.42', high: '52.96' }. */
export interface DecimalInterval {
  readonly low: string;
  readonly high: string;
}

/**
 * One verification result.
 * Example: check 'growth', stated q15 (44.4%), quantities [q13, q14],
 * expected { low: '44.37', high: '44.48' }, message
 * '(21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓'.
 */
export interface Finding {
  readonly id: string;
  /** The check's id, named like its file: 'growth', 'share', 'parts-sum', 'direction'. */
  readonly check: string;
  readonly verdict: Verdict;
  /** The quantity whose stated value is being judged. */
  readonly stated: string;
  /** Every quantity used to derive the expected value. */
  readonly quantities: readonly string[];
  readonly expected?: DecimalInterval;
  /** For a finding from a common-sense check: how sure the check is, 0–1. */
  readonly confidence?: number;
  /** For inconsistent findings: how far off, in the stated value's unit. */
  readonly deviation?: string;
  /** Chinese explanation with the arithmetic shown. */
  readonly message: string;
}
