import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../numbers/decimal.ts';
import type { Quantity } from '../model/quantity.ts';
import { extract } from './pipeline.ts';

const valueOf = (q: Quantity) =>
  q.value.type === 'exact' ? formatDecimal(q.value.value) : [formatDecimal(q.value.low), formatDecimal(q.value.high)];
const figures = (text: string, year?: number) =>
  extract(text, year === undefined ? {} : { reportYear: year }).quantities.map((q) => ({
    text: q.text, value: valueOf(q), unit: q.unit, kind: q.kind, ...(q.comparator ? { comparator: q.comparator } : {}),
  }));

describe('extract: quantities', () => {
  it('reads 3522万元 as 35,220,000 元 and 21.98亿元 as 2,198,000,000 元', () => {
    expect(figures('投入资金3522万元，全区支出21.98亿元')).toEqual([
      { text: '3522万元', value: '35220000', unit: '元', kind: 'money' },
      { text: '21.98亿元', value: '2198000000', unit: '元', kind: 'money' },
    ]);
  });
  it('keeps 个百分点 apart from %', () => {
    expect(figures('支出占比提高了4.8个百分点，同比增长52.8%')).toEqual([
      { text: '4.8个百分点', value: '4.8', unit: 'pp', kind: 'percentage_point' },
      { text: '52.8%', value: '52.8', unit: '%', kind: 'percent' },
    ]);
  });
  it('keeps the measure word as the unit: 8040套, 2万亩, 330户', () => {
    expect(figures('实施8040套老旧小区改造，退化林分改造2万亩，330户燃气管道更新')).toEqual([
      { text: '8040套', value: '8040', unit: '套', kind: 'count' },
      { text: '2万亩', value: '20000', unit: '亩', kind: 'measure' },
      { text: '330户', value: '330', unit: '户', kind: 'count' },
    ]);
  });
  it('keeps an unknown measure word instead of dropping it', () => {
    expect(figures('种植50丛，新建3爿。')).toEqual([
      { text: '50丛', value: '50', unit: '丛', kind: 'count' },
      { text: '3爿', value: '3', unit: '爿', kind: 'count' },
    ]);
  });
  it('takes no Han character that starts a noun as a measure word', () => {
    expect(figures('沿318国道，12345市民服务热线，居全国第3位，排名53位')).toEqual([]);
  });
  it('counts people where Chinese leaves 人 out after 万', () => {
    expect(figures('6600多万纳税人受益，脱贫人口务工规模超过3300万。')).toEqual([
      { text: '6600多万', value: '66000000', unit: '人', kind: 'count', comparator: '>=' },
      { text: '3300万', value: '33000000', unit: '人', kind: 'count', comparator: '>=' },
    ]);
  });
  it('reads 多 inside a magnitude: 3万多亿元 is more than 3万亿元', () => {
    expect(figures('减轻负担3万多亿元')).toEqual([{ text: '3万多亿元', value: '3000000000000', unit: '元', kind: 'money', comparator: '>=' }]);
  });
  it('reads full-width digits, thousands separators and Markdown emphasis', () => {
    expect(figures('总额**１２,３４５.６万元**')).toEqual([{ text: '１２,３４５.６万元', value: '123456000', unit: '元', kind: 'money' }]);
  });
  it('reads Chinese numerals with a measure word or magnitude: 两万人, 二千一百个, 百分之五点五', () => {
    expect(figures('新增就业两万人，增加学位二千一百个，占百分之五点五')).toEqual([
      { text: '两万人', value: '20000', unit: '人', kind: 'count' },
      { text: '二千一百个', value: '2100', unit: '个', kind: 'count' },
      { text: '百分之五点五', value: '5.5', unit: '%', kind: 'percent' },
    ]);
  });
  it('reads ranges: 10—15万元, 5%—6%, 5%到6%', () => {
    expect(figures('补助10—15万元，增长5%—6%，或者5%到6%')).toEqual([
      { text: '10—15万元', value: ['100000', '150000'], unit: '元', kind: 'money' },
      { text: '5%—6%', value: ['5', '6'], unit: '%', kind: 'percent' },
      { text: '5%到6%', value: ['5', '6'], unit: '%', kind: 'percent' },
    ]);
  });
  it('reads bounds on either side: 超过, 以上, 以内, 左右, 约, 近, 余', () => {
    expect(figures('超过126万亿元，达到92%以上，控制在3%以内，增长5%左右，约3万人，近2亿元，300余家').map((f) => f.comparator)).toEqual([
      '>=', '>=', '<=', '~', '~', '~', '>=',
    ]);
  });
  it('reads 万亿 and 万亿斤', () => {
    expect(figures('粮食产量1.39万亿斤，收入21.7万亿元')).toEqual([
      { text: '1.39万亿斤', value: '1390000000000', unit: '斤', kind: 'measure' },
      { text: '21.7万亿元', value: '21700000000000', unit: '元', kind: 'money' },
    ]);
  });
  it('leaves out ordinals, names, codes and slogans', () => {
    expect(figures('紧扣市委十五届八次全会要求，第三批，二十大，国产大飞机C919，5G基站，“13+N”服务，“三个最大”，三大保卫战，进一步统一')).toEqual([]);
  });
  it('takes years and months as dates, not quantities', () => {
    const result = extract('2023年1—11月，2021—2025年，3月5日');
    expect(result.quantities).toEqual([]);
    expect(result.dates.map((d) => d.text)).toEqual(['2023年1—11月', '2021—2025年', '3月5日']);
  });
  it('reads a web dateline 2026-02-10 as a date', () => {
    expect(extract('时间：2026-02-10 甘肃省').dates.map((d) => d.text)).toEqual(['2026-02-10']);
  });
  it('reads 个千分点 as a point change of a per-mille rate, and unitless indices as ratios', () => {
    expect(figures('出生率下降1.15个千分点，城乡居民收入比值由3.27缩小至2.93')).toEqual([
      { text: '1.15个千分点', value: '1.15', unit: '千分点', kind: 'percentage_point' },
      { text: '3.27', value: '3.27', unit: '', kind: 'ratio' },
      { text: '2.93', value: '2.93', unit: '', kind: 'ratio' },
    ]);
  });
  it('fills in the 人 or 元 that Chinese leaves out after 万 and 亿, but not for 人均', () => {
    expect(figures('为80万重点群体提供帮扶，经济总量迈上1200亿台阶，人均地区生产总值突破5万关口')).toEqual([
      { text: '80万', value: '800000', unit: '人', kind: 'count' },
      { text: '1200亿', value: '120000000000', unit: '元', kind: 'money' },
      { text: '5万', value: '50000', unit: '元', kind: 'money', comparator: '>=' },
    ]);
  });
  it('counts administrative units but not the words they begin', () => {
    expect(figures('临潭2县新通高速，开展黄河流域4市州督察，新增10万市场主体')).toEqual([
      { text: '2县', value: '2', unit: '县', kind: 'count' },
      { text: '4市州', value: '4', unit: '市州', kind: 'count' },
    ]);
  });
  it('resolves 今年 and 上年 against the report year, not the clock', () => {
    const result = extract('今年目标比上年提高', { reportYear: 2024 });
    expect(result.dates.map((d) => d.period.year)).toEqual([2024, 2023]);
  });
  it('finds nothing in text without numbers', () => {
    expect(extract('坚持以人民为中心的发展思想。').quantities).toEqual([]);
  });
});

describe('extract: metric, role and period', () => {
  const text = '### ■2023年全区一般公共预算支出\n\n**21.98亿元** 较2022年**15.22亿元**  \n同比增长**44.4%** 增支**6.76亿元**';
  it('gives every figure of an infographic panel the heading as metric', () => {
    const quantities = extract(text).quantities;
    expect(quantities.map((q) => q.metric)).toEqual(Array(4).fill('一般公共预算支出'));
    expect(quantities.map((q) => q.role)).toEqual(['level', 'level', 'growth_rate', 'change']);
    expect(quantities.map((q) => q.period?.year)).toEqual([2023, 2022, 2023, 2023]);
  });
  it('reads a share with its whole and a growth rate with its base', () => {
    const [share, growth] = extract('民生支出19.3亿元，占财政总支出87.8%，同比增长52.8%').quantities.slice(1);
    expect(share).toMatchObject({ role: 'share', metric: '民生支出', base: '财政总支出' });
    expect(growth).toMatchObject({ role: 'growth_rate', direction: 'up', base: '同比', metric: '民生支出' });
  });
  it('names the area a sum went to from the clause before', () => {
    expect(extract('教育建设方面，投入资金3.42亿元，提升质量。').quantities[0]?.metric).toBe('教育建设');
  });
});

describe('extract: commitments', () => {
  const text = '新的一年，我们将做好以下工作。\n\n聚力打好生态环境保护战，巩固成效。实施退化林分改造2万亩，加大治理力度。确保空气质量优良率达到92%以上。全力推进131处雨污管网整治、北川河东路等4个雨污分流项目实施，确保断面水质稳定保持在Ⅲ类以上。';
  it('finds quantified commitments with target and theme', () => {
    const commitments = extract(text).commitments.filter((c) => c.target);
    expect(commitments.map((c) => c.text)).toEqual([
      '实施退化林分改造2万亩', '确保空气质量优良率达到92%以上', '全力推进131处雨污管网整治', '北川河东路等4个雨污分流项目实施', '确保断面水质稳定保持在Ⅲ类以上',
    ]);
    expect(new Set(commitments.map((c) => c.theme))).toEqual(new Set(['生态环境保护']));
    expect(commitments[1]).toMatchObject({ indicator: '空气质量优良率', target: { unit: '%', comparator: '>=' } });
    expect(commitments[4]?.target).toMatchObject({ unit: 'class', comparator: 'at_least_class', value: { grade: 'Ⅲ类' } });
  });
  it('finds qualitative commitments without a target', () => {
    expect(extract(text).commitments.find((c) => c.text === '加大治理力度')?.target).toBeUndefined();
  });
  it('takes from explanatory notes only the figures an action verb or a bound sets as goals', () => {
    const notes = '新的一年，重点做好以下工作。\n名词解释\n1.“示范工程”：建设10个示范县、100个示范乡镇。\n2.“人才计划”：银龄教师6000人左右。\n3.“协作”：上海16个区与云南16个州结对。';
    expect(extract(notes).commitments.filter((c) => c.target).map((c) => c.text)).toEqual(['建设10个示范县', '100个示范乡镇', '银龄教师6000人左右']);
  });
  it('takes a title line for no commitment', () => {
    expect(extract('附件\n2025年10件惠民实事\n一、稳定和扩大就业\n年度目标：实现城镇新增就业50万人以上。').commitments.map((c) => c.text)).toEqual(['实现城镇新增就业50万人以上']);
  });
  it('takes no commitments from a review of last year', () => {
    expect(extract('过去一年，我们实施退化林分改造2万亩，新建学校3所。').commitments).toEqual([]);
  });
});

describe('extract: tables flattened to one cell per line', () => {
  const table = '主要工业产品产量\n\n产品名称\n\n计量单位\n\n产量\n\n较上年±%\n\n饮料酒\n\n千升\n\n15767\n\n18.64\n\n塑料制品\n\n吨\n\n183946\n\n-6.63\n\n供电量\n\n万度\n\n50616\n\n8.83\n\n建筑业生产稳定增长。';
  it('gives each figure the unit of its row and the percent of its column', () => {
    expect(figures(table)).toEqual([
      { text: '15767', value: '15767', unit: '千升', kind: 'measure' },
      { text: '18.64', value: '18.64', unit: '%', kind: 'percent' },
      { text: '183946', value: '183946', unit: '吨', kind: 'measure' },
      { text: '-6.63', value: '-6.63', unit: '%', kind: 'percent' },
      { text: '50616', value: '506160000', unit: '度', kind: 'measure' },
      { text: '8.83', value: '8.83', unit: '%', kind: 'percent' },
    ]);
  });
  it('leaves short lines that do not line up as a table alone', () => {
    expect(figures('一、综合\n\n二、农业\n\n三、工业\n\n12\n\n四、服务业')).toEqual([]);
  });
});
