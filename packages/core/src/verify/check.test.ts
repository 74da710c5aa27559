import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import type { Finding } from '../model/finding.ts';
import { runCheckOnce, type Check, type CheckInput } from './check.ts';
import { verify } from './verify.ts';

/** A check that reports which text it read, and counts its runs. */
function echoCheck(): Check & { runs: number } {
  const check = {
    id: 'echo',
    runs: 0,
    run({ text }: CheckInput): Omit<Finding, 'id'>[] {
      check.runs += 1;
      return [{ check: 'echo', verdict: 'consistent', stated: text, quantities: [], message: `读到“${text}”` }];
    },
  };
  return check;
}

describe('runCheckOnce', () => {
  it('judges each text on its own: two texts of the same length and one extraction do not share findings', () => {
    const extraction = extract('收入5亿元。');
    const check = echoCheck();
    const first = runCheckOnce(check, { text: '收入5亿元。', extraction });
    const second = runCheckOnce(check, { text: '支出6亿元。', extraction });
    expect(first.map((finding) => finding.stated)).toEqual(['收入5亿元。']);
    expect(second.map((finding) => finding.stated)).toEqual(['支出6亿元。']);
  });

  it('runs a check that another check reads once per verification, and again in the next verification', () => {
    const text = '一般公共预算收入21.98亿元，增长8%。';
    const extraction = extract(text);
    const base = echoCheck();
    const reader: Check = { id: 'reader', run: (input) => runCheckOnce(base, input).map((finding) => ({ ...finding, check: 'reader' })) };
    const findings = verify(text, extraction, [base, reader]);
    expect(findings.map((finding) => finding.check)).toEqual(['echo', 'reader']);
    expect(base.runs).toBe(1);
    verify(text, extraction, [base, reader]);
    expect(base.runs).toBe(2);
  });
});
