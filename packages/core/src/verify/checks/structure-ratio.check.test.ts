import { describe, expect, it } from 'vitest';
import { checkStructureRatio } from './structure-ratio.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

function run(text: string) {
  return checkStructureRatio({ text, extraction: extractionOf(text) });
}

describe('structure-ratio check', () => {
  it('accepts a three-sector structure that adds up to 100 within rounding', () => {
    const [finding] = run('全县三次产业结构比为9.3∶38.4∶52.3，服务业比重提高。');
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'span:10-23' });
    expect(run('三次产业结构调整为9.3:38.4:52.4。')[0]?.verdict).toBe('consistent'); // 100.1, within 3 × 0.05
  });

  it('flags a three-sector structure that does not add up to 100', () => {
    const [finding] = run('全县三次产业结构比为9.3∶38.4∶53.3，服务业比重提高。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('各项之和为101');
    const both = run('产业结构由12.1：40.2：47.7调整为9.3：38.4：50.3。');
    expect(both.map((f) => f.verdict)).toEqual(['consistent', 'inconsistent']);
  });

  it('reads the structure across a comma that only opens the clause giving the ratio', () => {
    expect(run('三次产业结构进一步优化，调整为8.3∶41.4∶50.3。')[0]?.verdict).toBe('consistent');
    expect(run('三次产业结构进一步优化，调整为8.3∶51.4∶50.3。')[0]?.verdict).toBe('inconsistent');
    // a comma before another subject's ratio keeps the structure from reaching it
    expect(run('三次产业结构进一步优化，城乡居民收入比为2.3∶1∶0.5。')).toEqual([]);
  });

  it('reads the short and the other names of the structure: 三产比例, 三大产业, a comma before 比例为', () => {
    expect(run('产业结构持续优化，三产比例调整为3.1∶47.6∶49.3。')[0]?.verdict).toBe('consistent');
    expect(run('产业结构持续优化，三产比例调整为3.1∶57.6∶49.3。')[0]?.verdict).toBe('inconsistent');
    expect(run('三大产业比例为6.2:38.9:54.9。')[0]?.verdict).toBe('consistent');
    expect(run('三大产业比例为6.2:48.9:54.9。')[0]?.verdict).toBe('inconsistent');
    expect(run('三次产业结构更加优化，比例为7.3:41.8:50.9。')[0]?.verdict).toBe('consistent');
    expect(run('三次产业结构更加优化，比例为7.3:51.8:50.9。')[0]?.verdict).toBe('inconsistent');
    // 第三产业 is one sector: a ratio after it is no structure of the whole
    expect(run('第三产业与第二产业增加值之比为1.2∶1∶0.9。')).toEqual([]);
  });

  it('still judges a structure whose misprinted term takes its sum past 110', () => {
    // 9.6 + 40.3 + 50.2 = 100.1 within rounding; 50.2 misprinted 60.2 gives 110.1
    const [finding] = run('三次产业结构调整为9.6∶40.3∶60.2。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('各项之和为110.1');
  });

  it('judges the three sectors\' shares or contributions to growth listed after 分别, which add up to 100', () => {
    const [shares] = run('三次产业增加值占地区生产总值的比重分别为7.2%、41.5%、51.3%。');
    expect(shares).toMatchObject({ verdict: 'consistent', message: '「7.2%、41.5%、51.3%」：各项之和为100，在书写精度内等于100 ✓' });
    expect(run('三次产业增加值占地区生产总值的比重分别为7.2%、51.5%、51.3%。')[0]?.verdict).toBe('inconsistent');
    const [contribution] = run('三次产业对GDP增长的贡献率分别为5.8%、51.6%和42.6%。');
    expect(contribution).toMatchObject({ verdict: 'consistent', reading: '按三次产业对增长的贡献率之和为100%理解' });
    const [wrong] = run('三次产业对GDP增长的贡献率分别为5.8%、61.6%和42.6%。');
    expect(wrong?.verdict).toBe('inconsistent');
    expect(wrong?.message).toBe('「5.8%、61.6%和42.6%」：各项之和为110，三次产业对增长的贡献率之和应为100（按书写精度最多相差0.15）');
  });

  it('leaves alone the sectors\' growth rates, pulls, changes and shares of a wider region', () => {
    expect(run('三次产业增加值分别增长3.9%、7.9%、6.3%。')).toEqual([]);
    expect(run('三次产业占比分别提高0.3%、下降0.5%、提高0.2%。')).toEqual([]);
    // each sector's share of the same sector in the province: 33.1 + 35.2 + 31.9 = 100.2 by chance, no structure
    expect(run('三次产业增加值占全省的比重分别为33.1%、35.2%、31.9%。')).toEqual([]);
  });

  it('leaves alone ratios that are not shares of one structure', () => {
    expect(run('城乡居民收入比缩小为2.1∶1∶0.5。')).toEqual([]);
    expect(run('三次产业结构比为1∶3.4∶5.6。')).toEqual([]); // terms that are no percentages
    expect(run('比分为3:2:1。')).toEqual([]);
  });
});
