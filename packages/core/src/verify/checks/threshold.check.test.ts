import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkThreshold } from './threshold.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

function run(text: string) {
  return checkThreshold({ text, extraction: extractionOf(text) });
}

describe('threshold check', () => {
  it('flags a figure below the threshold it claims to pass', () => {
    const [finding] = run('全年进出口总额首次突破500亿元，达到468亿元，创历史新高。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.stated).toBe('q2');
    expect(finding?.quantities).toEqual(['q1', 'q2']);
    expect(finding?.message).toContain('突破');
    expect(finding?.deviation).toBe('-3200000000');
  });

  it('accepts a figure that passes its threshold, with 大关 and 达 between', () => {
    expect(run('地区生产总值迈上3万亿元大关，达30145.79亿元。').map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('reads the threshold after the figure reached', () => {
    expect(run('减税降费2.36万亿元，超过原定的近2万亿元规模。')[0]?.verdict).toBe('consistent');
    expect(run('地方级收入1.86万亿元，突破2万亿元。')[0]?.verdict).toBe('inconsistent');
  });

  it('flags a figure above a ceiling it claims to stay under', () => {
    const [finding] = run('城镇调查失业率5.8%，低于5.5%左右的预期目标。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(run('居民消费价格上涨2%，低于3%左右的预期目标。')[0]?.verdict).toBe('consistent');
    expect(run('安全事故死亡人数控制在40人以内，全年为52人。')[0]?.verdict).toBe('inconsistent');
  });

  it('says unverifiable when the figure reached rounds onto the threshold', () => {
    expect(run('全市常住人口突破1000万人，达到1000万人。')[0]?.verdict).toBe('unverifiable');
    expect(run('全市常住人口突破1000万人，达到1002.1万人。')[0]?.verdict).toBe('consistent');
    expect(run('研发投入强度超过3%，达到3.0%。')[0]?.verdict).toBe('unverifiable');
  });

  it('checks the examples given for a size category', () => {
    const findings = run('新开工10亿元以上项目58个，如新能源产业园项目总投资8亿元、数据中心项目总投资15亿元。');
    expect(findings.map((f) => f.verdict)).toEqual(['inconsistent', 'consistent']);
  });

  it('does not compare a yearly increase with the total it pushes over a threshold', () => {
    expect(run('经营主体净增98万户、突破1900万户。')).toEqual([]);
  });

  it('does not compare figures of different units', () => {
    expect(run('货物进出口总额年均增长8.6%，突破40万亿元。')).toEqual([]);
  });

  it('does not read a threshold target without a figure reached', () => {
    expect(run('确保空气质量优良率达到92%以上，森林覆盖率达到35%。')).toEqual([]);
  });

  it('reads a threshold written without its unit from the figure reached', () => {
    const [finding] = run('全市工业增加值首次突破千亿、达到942亿元。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.quantities[0]).toBe('span:11-13');
    expect(run('旅游总收入突破“五百亿”、达513.35亿元。')[0]?.verdict).toBe('consistent');
    expect(run('居民人均可支配收入突破5万关口、达到4.86万元。')[0]?.verdict).toBe('inconsistent');
  });

  it('never throws on any text and catches every figure moved below its threshold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => run(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (threshold, reached) => {
        fc.pre(threshold !== reached);
        const [finding] = run(`进出口总额首次突破${threshold}亿元，达到${reached}亿元。`);
        expect(finding?.verdict).toBe(reached > threshold ? 'consistent' : 'inconsistent');
      }),
    );
  });

  it('does not compare new registrations with the stock that passes a threshold', () => {
    expect(run('市场主体新登记3.1万户、突破12万户。')).toEqual([]);
  });

  it('reads other words for passing a threshold: 首破…大关, 迈过, 登上', () => {
    expect(run('全县财政收入首破50亿元大关，达到48.6亿元。')[0]?.verdict).toBe('inconsistent');
    expect(run('全县财政收入首破50亿元大关，达到51.2亿元。')[0]?.verdict).toBe('consistent');
    expect(run('旅游收入登上200亿元台阶，达到186亿元。')[0]?.verdict).toBe('inconsistent');
    expect(run('打破行业壁垒，营收达到48.6亿元。')).toEqual([]);
  });

  it('leaves alone two bounds side by side, each naming a class', () => {
    expect(run('经营性收入超5万元、超20万元的村分别占60%、15%。')).toEqual([]);
    expect(run('全年营收达到18万元、超过20万元的目标。')[0]?.verdict).toBe('inconsistent');
  });
});

