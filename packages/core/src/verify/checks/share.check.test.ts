import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { extract } from '../../extract/pipeline.ts';
import { shareCheck } from './share.check.ts';

const run = (text: string) => findingsOf(shareCheck, text) as Omit<Finding, 'id'>[];

const SEED = '### ■2023年全区一般公共预算支出\n\n**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%** 增支**6.76亿元**\n\n### ■2023年用于民生领域支出\n\n**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**';

describe('share check', () => {
  it('finds the whole by its name in the block above and checks 19.3 ÷ 21.98', () => {
    const [finding] = run(SEED);
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q6', quantities: ['q5', 'q1'] });
    expect(finding?.message).toBe('19.3 ÷ 21.98 = 87.81%，报告称 87.8% ✓');
  });
  it('reports a share its part and whole cannot give', () => {
    expect(run(SEED.replace('87.8%', '85.8%'))[0]?.verdict).toBe('inconsistent');
  });
  it('takes the whole 总人口 from the sentence before', () => {
    const text = '年末全省常住人口4527.98万人，比上年末增加10.58万人。其中，城镇常住人口2810.52万人，占总人口的比重（常住人口城镇化率）为62.07%，比上年末提高0.61个百分点。';
    expect(run(text)[0]).toMatchObject({ verdict: 'consistent', stated: 'q4', quantities: ['q3', 'q1'] });
  });
  it('keeps to the scope the whole names: 全市 is not the counties together', () => {
    const text = '全市一般公共预算收入277.48亿元。县（市、区）一般公共预算收入235.43亿元，增长6.4%。中心城区一般公共预算收入68.48亿元，增长17.9%，占全市一般公共预算收入比重为24.7%。';
    expect(run(text)[0]).toMatchObject({ verdict: 'consistent', quantities: ['q4', 'q1'] });
  });
  it('finds nothing when no level before it carries the name', () => {
    expect(run('全社会研发投入1880.5亿元、增长11.8%，占地区生产总值比重提升至5.81%。')).toHaveLength(0);
  });
});

describe('share check on a rate named after two figures', () => {
  it('reads 营业收入利润率 as 利润总额 ÷ 营业收入', () => {
    const text = '规模以上工业企业实现营业收入5094.6亿元，同比增长8.8%；实现利润总额555.2亿元，增长27.2%；营业收入利润率为10.9%，比上年提高1.48个百分点。';
    expect(run(text)[0]).toMatchObject({ verdict: 'consistent', stated: 'q5', quantities: ['q3', 'q1'] });
    expect(run(text.replace('10.9%', '12.9%'))[0]?.verdict).toBe('inconsistent');
  });
  it('finds nothing for a rate whose name matches no two figures of its sentence', () => {
    expect(run('城镇新增就业4.3万人，城镇调查失业率5.5%。')).toHaveLength(0);
    expect(run('年末规模以上工业企业资产负债率为51.8%，比上年提高0.5个百分点。')).toHaveLength(0);
  });

  it('never takes this year\'s increment for the whole of its own total', () => {
    expect(run('全年新增市场主体3.2万户、达到28.5万户，占全省市场主体总量的11.2%。')).toEqual([]);
    expect(run('高新技术企业新增150家，总数达到1200家，占规上工业企业的比重为40%。')).toEqual([]);
  });

  it('reads a share written after an increment as the share of the stock before it, and says so', () => {
    const [right] = run('年末全市常住人口320万人，城镇人口200万人，新增城镇人口5万人，占常住人口的62.5%。');
    expect(right).toMatchObject({ verdict: 'consistent' });
    expect(right?.message).toBe('200 ÷ 320 = 62.5%，报告称 62.5% ✓');
    expect(right?.reading).toContain('200万人');
    // under that reading a wrong share is still caught
    expect(run('年末全市常住人口320万人，城镇人口200万人，新增城镇人口5万人，占常住人口的60.5%。')[0]?.verdict).toBe('inconsistent');
  });

  it('takes the whole of a 其中 list for a share of its part that names no other whole', () => {
    expect(run('全市已成立家庭农场300个，其中省级示范家庭农场30个、占比10%。')[0]).toMatchObject({ verdict: 'consistent', message: '30 ÷ 300 = 10%，报告称 10% ✓' });
    expect(run('全市已成立家庭农场300个，其中省级示范家庭农场30个、占比15%。')[0]?.verdict).toBe('inconsistent');
    expect(run('年末就业人员20.63万人，其中城镇就业人员1.22万人，占全县就业人员比重为5.91%。')[0]?.verdict).toBe('consistent');
    expect(run('年末就业人员20.63万人，其中城镇就业人员1.22万人，占全县就业人员比重为6.91%。')[0]?.verdict).toBe('inconsistent');
  });
  it('leaves a 其中 part\'s share of a wider scope to that scope', () => {
    // 占全省: the province's total, which the text does not give
    expect(run('全市高新技术企业300家，其中新认定30家、占全省15%。')).toHaveLength(0);
  });
  it('takes the whole before 中 for a bare 占比 of the part after it ("…中，已成立…个、占比…")', () => {
    expect(run('全市1300个行政村中，已成立集体经济组织1200个、占比92.3%。')[0]?.verdict).toBe('consistent');
    expect(run('全市1300个行政村中，已成立集体经济组织1200个、占比82.3%。')[0]?.verdict).toBe('inconsistent');
    // a clause with a figure of its own between them breaks the tie
    expect(run('全市1300个行政村中，新建村部300个，已成立集体经济组织1200个、占比82.3%。')).toHaveLength(0);
  });
});

// counts in 种 need the real extraction, not the test fixture's reading
const read = (text: string) => shareCheck.run({ text, extraction: extract(text) }) as Omit<Finding, 'id'>[];

describe('share check on two whole counts', () => {
  const TEXT = '全年规模以上工业重点监测的9种主要工业产品中，有4种实现增长，增长面达到44.4%。';

  it('takes a count written to its units as a whole number, so a misprinted share of it is caught', () => {
    // 4 ÷ 9 = 44.44%; read as 3.5–4.5 of 8.5–9.5 it would allow anything from 36.8% to 52.9%
    expect(read(TEXT)[0]).toMatchObject({ verdict: 'consistent', message: '4 ÷ 9 = 44.44%，报告称 44.4% ✓' });
    const [wrong] = read(TEXT.replace('44.4%', '51.4%'));
    expect(wrong?.verdict).toBe('inconsistent');
    expect(wrong?.message).toContain('报告称 51.4% ✗');
  });

  it('accepts an exact share that is cut off rather than rounded, and says so', () => {
    // 5 ÷ 9 = 55.56%: 55.5% is the cut-off form, 55.6% the rounded one, 55.4% neither
    const [cutOff] = read(TEXT.replace('有4种', '有5种').replace('44.4%', '55.5%'));
    expect(cutOff).toMatchObject({ verdict: 'consistent', message: '5 ÷ 9 = 55.56%，报告称 55.5%（按舍去尾数的写法）✓' });
    expect(cutOff?.reading).toContain('截尾');
    expect(read(TEXT.replace('有4种', '有5种').replace('44.4%', '55.6%'))[0]?.message).toBe('5 ÷ 9 = 55.56%，报告称 55.6% ✓');
    expect(read(TEXT.replace('有4种', '有5种').replace('44.4%', '55.4%'))[0]?.verdict).toBe('inconsistent');
  });

  it('keeps the half unit of a measured or rounded figure: 3.2万户 is no whole count', () => {
    // 0.9 ÷ 3.2 = 28.1%, but 0.85–0.95 of 3.15–3.25 allows 26.2%–30.2%
    expect(read('全市经营主体3.2万户，其中企业0.9万户、占比29.5%。')[0]?.verdict).toBe('consistent');
  });
});
