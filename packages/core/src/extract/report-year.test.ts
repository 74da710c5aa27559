import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.ts';

describe('report year', () => {
  it('reads the dateline of a work report', () => {
    expect(extract('政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n一、2023年工作回顾').reportYear).toBe(2024);
  });
  it('takes the year after the one a review heading looks back on', () => {
    expect(extract('各位代表：\n\n一、2023年工作回顾\n\n2023年是…').reportYear).toBe(2024);
  });
  it('takes the year a statistical communiqué reports on', () => {
    expect(extract('宜春市2022年国民经济和社会发展统计公报\n\n2022年，全市…2021年').reportYear).toBe(2022);
  });
  it('falls back to the year named most often, and lets the caller decide', () => {
    expect(extract('2023年支出21.98亿元，较2022年增长，2023年').reportYear).toBe(2023);
    expect(extract('2023年支出21.98亿元', { reportYear: 2024 }).reportYear).toBe(2024);
  });
});
