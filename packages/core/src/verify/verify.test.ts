import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import { verify } from './verify.ts';

describe('verify', () => {
  it('gives every finding the reading of the wording it assumed', () => {
    const text =
      '全区一般公共预算支出21.98亿元，较上年15.22亿元增长44.4%。全年新开工重点项目126个，其中产业项目78个。' +
      '城镇化率由58.2%提高到60.5%。地区生产总值首次突破300亿元，达到312.6亿元。三次产业结构比为9.3∶38.4∶52.3。';
    const findings = verify(text, extract(text, { reportYear: 2024 }));
    expect(findings.length).toBeGreaterThanOrEqual(5);
    for (const finding of findings) expect(finding.reading, `${finding.check}: ${finding.message}`).toMatch(/^按.+理解/);
    expect(findings.find((f) => f.check === 'growth')?.reading).toBe('按“增长X%”为同一指标本期对上期之比理解');
  });
});
