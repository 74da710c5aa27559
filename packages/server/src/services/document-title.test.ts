import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title.ts';

const context = { regionName: '城南区', year: 2024, fileName: 'chengnan-2024.txt' };

describe('documentTitle', () => {
  it('takes a first heading or short line as the title', () => {
    expect(documentTitle('# 奋力谱写城南新篇章\n\n各位代表：', context)).toBe('奋力谱写城南新篇章');
    expect(documentTitle('\n城南区2024年重点工作安排\n一、稳增长', context)).toBe('城南区2024年重点工作安排');
  });

  it('names a work report that opens with a salutation from its region and year', () => {
    const text = '各位代表：\n\n现在，我代表区人民政府向大会报告工作，请予审议。\n\n一、2023年工作回顾\n';
    expect(documentTitle(text, context)).toBe('城南区2024年政府工作报告');
  });

  it('skips the speaker line above a report and reads its first sentence as no title', () => {
    const text = '区长  张  三\n\n现在，我代表区人民政府，向大会报告政府工作，请予审议。\n';
    expect(documentTitle(text, context)).toBe('城南区2024年政府工作报告');
  });

  it('names a report titled only with the generic words, spaced or not', () => {
    expect(documentTitle('政 府 工 作 报 告\n\n各位代表：', context)).toBe('城南区2024年政府工作报告');
    expect(documentTitle('政府工作报告\n', context)).toBe('城南区2024年政府工作报告');
  });

  it('does not take a section heading, a date line or page furniture for a title', () => {
    expect(documentTitle('一、2023年工作回顾\n过去一年……', context)).toBe('chengnan-2024');
    expect(documentTitle('（2024年1月10日在城南区第三届人民代表大会第四次会议上）\n', context)).toBe('chengnan-2024');
    expect(documentTitle('下载\n', context)).toBe('chengnan-2024');
  });
});
