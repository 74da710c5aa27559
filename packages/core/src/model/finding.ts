/**
 * The outcome of one check. 'inconsistent' is kept for numbers that contradict each other under every reading the
 * wording allows; 'questionable' (需复核) is wording worth a second look that is not an error ("增长-6.2%", a list whose
 * count cannot be confirmed): it never makes `duixian check` fail.
 */
export type Verdict = 'consistent' | 'inconsistent' | 'questionable' | 'unverifiable';

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
  /** The reading of the wording the check assumed, in Chinese: "按'新增…总量'理解". */
  readonly reading?: string;
  /** Chinese explanation with the arithmetic shown. */
  readonly message: string;
}
