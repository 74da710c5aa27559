import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checks, verify } from '../verify.ts';
import { checkDirection } from './direction.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

/** Runs the check on its own, without leaving any pair to the arithmetic checks. */
function run(text: string) {
  return checkDirection({ text, extraction: extractionOf(text) }, () => []);
}

describe('direction check', () => {
  it('flags a 下降 whose end level is higher than its start', () => {
    const [finding] = run('全年空气质量优良天数比例从87.5%下降至89.1%，群众获得感明显增强。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.stated).toBe('q2');
    expect(finding?.quantities).toEqual(['q1', 'q2']);
    expect(finding?.message).toContain('下降');
    expect(finding?.deviation).toBe('1.6');
    expect(finding?.confidence).toBeGreaterThan(0.5);
  });

  it('accepts a 提高 from a lower to a higher level', () => {
    const findings = run('城镇化率由52.6%提高到58.5%。');
    expect(findings.map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('flags an 增加到 that ends lower, with a noun between 从 and the figure', () => {
    const [finding] = run('农村低保标准从每人每月450元提高到410元。');
    expect(finding?.verdict).toBe('inconsistent');
  });

  it('reads the size of the change between the two levels', () => {
    const [finding] = run('城镇调查失业率从5.6%下降0.4个百分点至5.9%。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.quantities).toEqual(['q1', 'q2', 'q3']);
  });

  it('says unverifiable when precision cannot separate the two levels', () => {
    const [finding] = run('森林覆盖率从5%提高到4.8%左右。');
    expect(finding?.verdict).toBe('unverifiable');
  });

  it('checks a rise stated against two levels compared with 较', () => {
    expect(run('一般公共预算支出21.98亿元，较2022年15.22亿元同比增长44.4%。')[0]?.verdict).toBe('consistent');
    const [finding] = run('一般公共预算支出13.98亿元，较2022年15.22亿元同比增长4.4%。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.stated).toBe('q1');
  });

  it('marks a change word followed by a negative figure for review, not as inconsistent: "增长-X%" is a convention', () => {
    const [finding] = run('水产品产量4.6万吨，增长-1.7%。');
    expect(finding?.verdict).toBe('questionable');
    expect(finding?.stated).toBe('q2');
    expect(finding?.message).toContain('下降1.7%');
    expect(finding?.reading).toContain('下降1.7%');
    expect(run('工业用电量上升-0.8%。')[0]?.verdict).toBe('questionable');
    // no convention writes a rise as a fall of a negative figure
    expect(run('工业用电量下降-0.8%。')[0]?.verdict).toBe('inconsistent');
    expect(run('水产品产量4.6万吨，增长1.7%。')).toEqual([]);
  });

  it('does not read a rank that rises as its number falls', () => {
    expect(run('营商环境评价从第9名提升至第2名。')).toEqual([]);
    expect(run('综合排名由369位上升到235位。')).toEqual([]);
  });

  it('leaves alone a 下降 of a rate measured in 个百分点 without two levels', () => {
    expect(run('城镇调查失业率下降0.3个百分点，降至5.2%。')).toEqual([]);
  });

  it('leaves alone an 增长至 that reaches a different metric or unit', () => {
    expect(run('研发投入从12亿元增长至占地区生产总值的2.5%。')).toEqual([]);
    expect(run('园区投资从10亿元增长，带动产值至8亿元。')).toEqual([]);
  });

  it('leaves alone parallel lists of levels', () => {
    expect(run('补助标准从每人每月202元、270元提高到209元、280元。')).toEqual([]);
  });

  it('never throws on any text and judges every from–to pair by its order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => run(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), fc.boolean(), (a, b, up) => {
        fc.pre(a !== b);
        const [finding] = run(`全市森林面积从${a}亩${up ? '增加' : '减少'}到${b}亩。`);
        expect(finding?.verdict).toBe((up ? b > a : b < a) ? 'consistent' : 'inconsistent');
      }),
    );
  });

  it('leaves a pair whose stated growth the arithmetic checks judge to them, so one error gives one finding', () => {
    const text = '一般公共预算支出13.98亿元，较2022年15.22亿元同比增长44.4%。';
    const extraction = extractionOf(text);
    const inconsistent = verify(text, extraction, checks).filter((f) => f.verdict === 'inconsistent');
    expect(inconsistent).toHaveLength(1);
    expect(checkDirection({ text, extraction })).toEqual([]);
    expect(run('农村低保标准从每人每月450元提高到410元。')[0]?.verdict).toBe('inconsistent');
  });

  it('reads a year between 由 and the first level: 由2020年的X下降到Y', () => {
    expect(run('森林覆盖率由2021年的41.2%下降到43.5%。')[0]?.verdict).toBe('inconsistent');
    expect(run('森林覆盖率从2021年末的41.2%提高到43.5%。')[0]?.verdict).toBe('consistent');
  });
});
