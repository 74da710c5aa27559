import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up.ts';

const report2030 = [
  '一、2029年工作回顾',
  '过去一年，地区生产总值增长4.8%，城镇新增就业58万人。',
  '二、2030年总体要求',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，城镇调查失业率5.5%以内，居民消费价格涨幅2%左右，一般公共预算收入增长3%，粮食产量稳定在1200万吨以上，城乡居民人均可支配收入分别增长5%和6.5%左右。',
  '三、2030年重点工作',
  '全年新建改建农村公路5000公里。',
].join('\n');

const report2031 = [
  '一、2030年工作回顾',
  '过去一年，全省GDP增长5.3%，新增城镇就业62.1万人，城镇调查失业率平均为5.6%，居民消费价格上涨0.4%，全体居民人均可支配收入增长5.5%。',
  '这五年，粮食产量累计达到6000万吨，一般公共预算收入年均增长4%。',
  '二、2031年总体要求',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%，粮食产量稳定在1200万吨以上。',
].join('\n');

describe('followUp', () => {
  const report = followUp(report2030, report2031, { lastYear: 2030, thisYear: 2031 });
  const byMetric = (metric: string) => report.pairs.find((pair) => pair.target.metric.startsWith(metric));

  it('finds every figure of the 主要预期目标 and of the plan\'s tasks as a target, with spans into last year\'s text', () => {
    expect(report.pairs.map((pair) => pair.target.text)).toEqual(['5%', '60万人', '5.5%', '2%', '3%', '1200万吨', '5%', '6.5%', '5000公里']);
    for (const pair of report.pairs) {
      expect(report2030.slice(pair.target.start, pair.target.end)).toBe(pair.target.text);
      if (pair.result) expect(report2031.slice(pair.result.start, pair.result.end)).toBe(pair.result.text);
    }
    expect(report.problems).toEqual([]);
  });

  it('pairs across wording: GDP for 地区生产总值, 新增城镇就业 for 城镇新增就业', () => {
    expect(byMetric('地区生产总值')).toMatchObject({ result: { text: '5.3%' }, verdict: 'met' });
    expect(byMetric('城镇新增就业')).toMatchObject({ result: { text: '62.1万人' }, verdict: 'met' });
    expect(byMetric('城镇新增就业')!.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('judges with the qualifier: 5.5%以内 missed by 5.6%, a price rise of 2%左右 met by 0.4%', () => {
    expect(byMetric('城镇调查失业率')).toMatchObject({ result: { text: '5.6%' }, verdict: 'missed', polarity: 'lower_is_better' });
    expect(byMetric('居民消费价格')).toMatchObject({ result: { text: '0.4%' }, verdict: 'met' });
  });

  it('reports silence: five-year totals, averages and next year\'s targets are not last year\'s results', () => {
    expect(byMetric('一般公共预算收入')).toMatchObject({ result: null, verdict: 'not_reported' });
    expect(byMetric('粮食产量')).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('splits 城乡 over a 分别 list and does not answer it with 全体居民', () => {
    const urban = byMetric('城镇居民人均可支配收入');
    const rural = byMetric('农村居民人均可支配收入');
    expect(urban).toMatchObject({ target: { text: '5%', comparator: '~' }, verdict: 'not_reported' });
    expect(rural).toMatchObject({ target: { text: '6.5%', comparator: '~' }, verdict: 'not_reported' });
  });

  it('explains each verdict in Chinese', () => {
    expect(byMetric('地区生产总值')!.explanation).toBe('目标5%左右（不低于4.5%），实际5.3%，完成');
    expect(byMetric('粮食产量')!.explanation).toContain('未报告');
  });

  it('reports a problem and no pairs when last year\'s report states no main targets', () => {
    const none = followUp('过去一年，地区生产总值增长4.8%。', report2031, { lastYear: 2030, thisYear: 2031 });
    expect(none.pairs).toEqual([]);
    expect(none.problems.map((problem) => problem.code)).toEqual(['no-target-section']);
  });

  it('follows the plan\'s other quantified commitments by default, marked as commitments, and only the 主要预期目标 when asked', () => {
    const withRoad = report2031.replace('全体居民人均可支配收入增长5.5%。', '全体居民人均可支配收入增长5.5%，新建改建农村公路5200公里。');
    const whole = followUp(report2030, withRoad, { lastYear: 2030, thisYear: 2031 });
    const road = whole.pairs.find((pair) => pair.source === 'commitment');
    expect(road).toMatchObject({ target: { text: '5000公里' }, result: { text: '5200公里' }, verdict: 'met' });
    const headline = followUp(report2030, withRoad, { lastYear: 2030, thisYear: 2031, headlineOnly: true });
    expect(headline.pairs.map((pair) => pair.target.text)).toEqual(['5%', '60万人', '5.5%', '2%', '3%', '1200万吨', '5%', '6.5%']);
    expect(headline.pairs.every((pair) => pair.source === 'main_targets')).toBe(true);
  });

  it('does not take a change over several years (较2027年) for last year\'s result', () => {
    const cumulative = followUp(report2030, report2031.replace('居民消费价格上涨0.4%', '居民消费价格较2027年上涨0.4%'), { lastYear: 2030, thisYear: 2031 });
    expect(cumulative.pairs.find((pair) => pair.target.metric.startsWith('居民消费价格'))?.verdict).toBe('not_reported');
    const yearOnYear = followUp(report2030, report2031.replace('居民消费价格上涨0.4%', '居民消费价格比2029年上涨0.4%'), { lastYear: 2030, thisYear: 2031 });
    expect(yearOnYear.pairs.find((pair) => pair.target.metric.startsWith('居民消费价格'))?.verdict).toBe('met');
  });

  it('finds no result in a report that reviews another year', () => {
    const wrongYear = followUp(report2030, report2031.replace('一、2030年工作回顾', '一、2029年工作回顾'), { lastYear: 2030, thisYear: 2031 });
    expect(wrongYear.pairs.every((pair) => pair.verdict === 'not_reported')).toBe(true);
  });

  it('finds no result in a report that reviews nothing', () => {
    const empty = followUp(report2030, '二、2031年重点工作\n今年地区生产总值增长5%左右。', { lastYear: 2030, thisYear: 2031 });
    expect(empty.pairs.every((pair) => pair.verdict === 'not_reported')).toBe(true);
  });
});

describe('toFollowUpJson', () => {
  it('gives plain JSON with the issue 8 contract: target and result spans, verdict, confidence', async () => {
    const { toFollowUpJson } = await import('./follow-up-json.ts');
    const json = JSON.parse(JSON.stringify(toFollowUpJson(followUp(report2030, report2031, { lastYear: 2030, thisYear: 2031 })))) as {
      pairs: { target: { start: number; end: number; text: string; metric: string; value: unknown }; result: { text: string } | null; verdict: string; confidence: number }[];
    };
    expect(json.pairs[0]).toMatchObject({
      target: { text: '5%', metric: '地区生产总值增长', value: 5, unit: '%', comparator: '~' },
      result: { text: '5.3%', value: 5.3 },
      verdict: 'met',
    });
    expect(json.pairs.find((pair) => pair.result === null)?.verdict).toBe('not_reported');
    expect(json.pairs.every((pair) => pair.confidence >= 0 && pair.confidence <= 1)).toBe(true);
  });
});

describe('followUp with bounds stated in words', () => {
  const last = [
    '一、2029年工作回顾',
    '过去一年，地区生产总值增长4.8%。',
    '二、2030年总体要求',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，净增规模工业企业不少于100家，用水总量不超过12亿立方米，普惠性幼儿园覆盖率不低于90%。',
  ].join('\n');
  const current = [
    '一、2030年工作回顾',
    '过去一年，地区生产总值增长5.2%，净增规模工业企业120家，用水总量11.5亿立方米，普惠性幼儿园覆盖率88%。',
  ].join('\n');
  const report = followUp(last, current, { lastYear: 2030, thisYear: 2031 });
  const byMetric = (metric: string) => report.pairs.find((pair) => pair.target.metric.includes(metric));

  it('reads 不少于 and 不低于 as floors: 120家 meets 不少于100家, 88% misses 不低于90%', () => {
    expect(byMetric('规模工业企业')).toMatchObject({ target: { comparator: '>=' }, result: { text: '120家' }, verdict: 'met', polarity: 'higher_is_better' });
    expect(byMetric('普惠性幼儿园覆盖率')).toMatchObject({ target: { comparator: '>=' }, result: { text: '88%' }, verdict: 'missed' });
  });

  it('reads 不超过 as a ceiling even for a metric it does not know: 11.5亿立方米 stays under 12亿', () => {
    expect(byMetric('用水总量')).toMatchObject({ target: { comparator: '<=' }, result: { text: '11.5亿立方米' }, verdict: 'met', polarity: 'lower_is_better' });
  });
});

describe('followUp over the whole plan', () => {
  const plan = [
    '一、2029年工作回顾',
    '过去一年，地区生产总值增长4.8%。',
    '二、2030年重点工作',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，规模以上工业增加值增长7%左右，固定资产投资增长10%左右。',
    '（一）抓农业。稳定粮食播种面积1300万亩、总产260亿斤，新建高标准农田850万亩，新增设施农业25万亩，电力总装机超过4500万千瓦。',
    '（二）抓民生。我省还有63万失能老人，推动肉羊、玉米2个产业链提质增效，到2032年建成养老床位10万张，今年新增城镇就业20万人以上，力争游客数量突破3亿人次。',
  ].join('\n');
  const review = [
    '一、2030年工作回顾',
    '过去一年，地区生产总值增长5.1%，规上工业增加值、固定资产投资分别增长6.8%、4%。粮食总产量1350万吨，设施农业达到300万亩，新增城镇就业突破18万人，全年接待游客人数突破3.2亿人次。',
    '这五年，累计建成高标准农田4000万亩。',
    '二、2031年重点工作',
    '新建高标准农田900万亩。',
  ].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('takes the body\'s quantified tasks as targets, and leaves out what exists, a count of listed names and a later year\'s goal', () => {
    expect(report.pairs.map((pair) => pair.target.text)).toEqual(['5%', '7%', '10%', '1300万亩', '260亿斤', '850万亩', '25万亩', '4500万千瓦', '20万人', '3亿人次']);
    expect(byText('850万亩')!.source).toBe('commitment');
    expect(byText('5%')!.source).toBe('main_targets');
  });

  it('gives each member of a 分别 list its own subject', () => {
    expect(byText('7%')).toMatchObject({ result: { text: '6.8%' }, verdict: 'met' });
    expect(byText('10%')).toMatchObject({ result: { text: '4%' }, verdict: 'missed' });
  });

  it('reads 10%左右 to the unit: 4% is far from it', () => {
    expect(byText('10%')!.explanation).toBe('目标10%左右（不低于9.5%），实际4%，未完成');
  });

  it('carries the subject of the clause before to a bare measure and converts 万吨 to 亿斤', () => {
    expect(byText('260亿斤')).toMatchObject({ target: { metric: '粮食总产' }, result: { text: '1350万吨' }, verdict: 'met' });
  });

  it('does not answer an addition with a level, nor a five-year total or next year\'s target with last year\'s result', () => {
    expect(byText('25万亩')).toMatchObject({ result: null, verdict: 'not_reported' });
    expect(byText('850万亩')).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('counts a result stated as a bound only when the bound settles the verdict', () => {
    expect(byText('20万人')).toMatchObject({ result: null, verdict: 'not_reported' });
    expect(byText('20万人')!.explanation).toContain('不足以判断');
  });
});

describe('followUp with a completion statement', () => {
  const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '（九）办好民生实事。新建幼儿园20所，改造老旧小区300个。', '（十）抓安全。整治隐患500处。'].join('\n');
  const review = ['一、2030年工作回顾', '过去一年，改造老旧小区280个，12件民生实事全部完成。', '二、2031年重点工作', '今年继续办好民生实事。'].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('meets a 民生实事 target with no figure of its own by the statement, labelled so', () => {
    expect(byText('20所')).toMatchObject({ result: null, verdict: 'met', basis: 'statement', statement: { text: '12件民生实事全部完成' } });
  });

  it('judges a target of the group on its own figure when the report gives one, and leaves other groups alone', () => {
    expect(byText('300个')).toMatchObject({ result: { text: '280个' }, verdict: 'missed', basis: 'figure' });
    expect(byText('500处')).toMatchObject({ result: null, verdict: 'not_reported', basis: 'figure' });
  });
});

describe('followUp with statements about a counted group and about one subject', () => {
  const plan = [
    '一、2029年工作回顾',
    '过去一年，略。',
    '二、2030年重点工作',
    '（五）增进民生福祉。投入90亿元办好30件民生实事，新建托育机构40个。',
    '（六）建设宜居城市。既有保交房项目交付率100%，更新改造燃气管道1800公里，县城黑臭水体消除率90%以上，城市污水集中收集率80%以上。',
  ].join('\n');
  const review = [
    '一、2030年工作回顾',
    '过去一年，主要目标任务如期完成，30件民生实事全面完成，涉及6万人的保交房任务全部完成，完成年度燃气管道改造任务，县城黑臭水体基本消除，污水治理任务全部完成。',
    '二、2031年重点工作',
    '今年要做好工作。',
  ].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('answers the count and the items of a counted group, with the count in the statement, but not the money for it', () => {
    expect(byText('30件')).toMatchObject({ verdict: 'met', basis: 'statement', statement: { text: '30件民生实事全面完成' } });
    expect(byText('40个')).toMatchObject({ verdict: 'met', basis: 'statement' });
    expect(byText('90亿元')).toMatchObject({ result: null, verdict: 'not_reported', basis: 'figure' });
  });

  it('meets a target whose own subject the review says was done', () => {
    expect(byText('100%')).toMatchObject({ verdict: 'met', basis: 'statement', statement: { text: '涉及6万人的保交房任务全部完成' } });
    expect(byText('1800公里')).toMatchObject({ verdict: 'met', basis: 'statement', statement: { text: '完成年度燃气管道改造任务' } });
    expect(byText('90%')).toMatchObject({ verdict: 'met', basis: 'statement', statement: { text: '县城黑臭水体基本消除' } });
    expect(byText('90%')!.explanation).toBe('2031年报告未报告该项数字，但称“县城黑臭水体基本消除”（“基本”通常指达到90%以上），按陈述计为完成');
  });

  it('lets 基本建成 settle a target that itself asks for 基本建成', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '基本建成5个区域医疗中心，建成3个区域医疗中心分中心。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，5家区域医疗中心基本建成。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const pairs = followUp(plan, review, { lastYear: 2030, thisYear: 2031 }).pairs;
    expect(pairs.map((pair) => [pair.target.text, pair.verdict, pair.basis])).toEqual([
      ['5个', 'met', 'statement'],
      ['3个', 'not_reported', 'figure'],
    ]);
  });

  it('takes neither the general claim nor a statement of another subject for a target', () => {
    expect(byText('80%')).toMatchObject({ result: null, verdict: 'not_reported', basis: 'figure' });
  });
});

describe('followUp with figures before their noun, moves within the year and levels of a multi-year review', () => {
  const plan = [
    '一、2029年工作回顾',
    '过去一年，略。',
    '二、2030年重点工作',
    '今年经济社会发展的主要预期目标是：城镇调查失业率5.5%左右。',
    '再推出30个“高效办成一件事”，实施100个以上关键技术攻关项目。国家高新技术企业突破1.5万家，粮食产量稳定在260亿斤以上，设区城市生活污水集中收集率75%以上。',
  ].join('\n');
  const review = [
    '一、2030年工作回顾',
    '“十四五”时期，国家高新技术企业超1.6万家，粮食总产量突破270亿斤，创历史新高，城市生活污水集中收集率87.8%。',
    '过去一年，年末城镇调查失业率从上半年5.6%降到5.3%。推出“高效办成一件事”重点事项32个，实施关键技术攻关项目120个。',
    '二、2031年重点工作',
    '今年要做好工作。',
  ].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('reads the noun after a figure that has only a verb before it', () => {
    expect(byText('30个')).toMatchObject({ target: { metric: '再推出“高效办成一件事”' }, result: { text: '32个' }, verdict: 'met' });
    expect(byText('100个')).toMatchObject({ result: { text: '120个' }, verdict: 'met' });
  });

  it('takes the level a move within the year ends at (从上半年5.6%降到5.3%) as the year\'s', () => {
    expect(byText('5.5%')).toMatchObject({ result: { text: '5.3%' }, verdict: 'met' });
  });

  it('takes a figure whose clause says 全年 as the year\'s, after a quarter named earlier in the sentence', () => {
    const wholeYear = followUp(plan, review.replace('过去一年，', '过去一年，针对三季度增速回落，出台一揽子措施，全年城镇调查失业率5.2%，').replace('年末城镇调查失业率从上半年5.6%降到5.3%。', ''), { lastYear: 2030, thisYear: 2031 });
    expect(wholeYear.pairs.find((pair) => pair.target.text === '5.5%')).toMatchObject({ result: { text: '5.2%' }, verdict: 'met' });
    const quarter = followUp(plan, review.replace('过去一年，', '过去一年，三季度城镇调查失业率5.2%，').replace('年末城镇调查失业率从上半年5.6%降到5.3%。', ''), { lastYear: 2030, thisYear: 2031 });
    expect(quarter.pairs.find((pair) => pair.target.text === '5.5%')).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('takes a standing level stated by a multi-year review, but not a yearly amount without its year', () => {
    expect(byText('1.5万家')).toMatchObject({ result: { text: '1.6万家' }, verdict: 'met' });
    expect(byText('75%')).toMatchObject({ result: { text: '87.8%' }, verdict: 'met' });
    expect(byText('260亿斤')).toMatchObject({ result: null, verdict: 'not_reported' });
  });
});

describe('followUp when a bound does not settle the verdict', () => {
  const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '今年新增城镇就业20万人以上。'].join('\n');
  const review = ['一、2030年工作回顾', '过去一年，新增城镇就业突破18万人。', '民生保障有力，全年新增城镇就业21.3万人。', '二、2031年重点工作', '今年要做好工作。'].join('\n');

  it('looks past a bound that falls short (突破18万人) to a figure that settles it', () => {
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '20万人' }, result: { text: '21.3万人' }, verdict: 'met' });
  });
});

describe('followUp with a change stated as 持平', () => {
  it('meets a price ceiling of 2%左右 by 居民消费价格与上年持平', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年总体要求', '今年经济社会发展的主要预期目标是：居民消费价格涨幅2%左右。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，城镇调查失业率4.7%，居民消费价格与上年持平。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ result: { text: '与上年持平' }, verdict: 'met' });
  });
});

describe('followUp with results written with 多 or 余', () => {
  const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '今年实施重点项目3700个，新建学校40所，引进人才500人以上。'].join('\n');
  const review = ['一、2030年工作回顾', '过去一年，实施重点项目3600多个，新建学校40余所，引进人才600余人。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('misses 3700个 by 3600多个, whose ceiling is 3700, and says so', () => {
    expect(byText('3700个')).toMatchObject({ result: { text: '3600多个' }, verdict: 'missed' });
    expect(byText('3700个')!.explanation).toBe('目标3700个（不低于3700个），实际3600多个（不足3700个），未完成');
  });

  it('misses a floor by a figure written 近 that floor, and meets it by one written 近 a figure well above', () => {
    const near = followUp(plan, review.replace('实施重点项目3600多个', '实施重点项目近3700个').replace('新建学校40余所', '新建学校近50所'), { lastYear: 2030, thisYear: 2031 });
    const nearBy = (text: string) => near.pairs.find((pair) => pair.target.text === text);
    expect(nearBy('3700个')).toMatchObject({ result: { text: '3700个' }, verdict: 'missed' });
    expect(nearBy('3700个')!.explanation).toBe('目标3700个（不低于3700个），实际近3700个（不足3700个），未完成');
    expect(nearBy('40所')).toMatchObject({ result: { text: '50所' }, verdict: 'met' });
  });

  it('meets a target by a figure with 余 at or above it', () => {
    expect(byText('40所')).toMatchObject({ result: { text: '40余所' }, verdict: 'met' });
    expect(byText('500人')).toMatchObject({ result: { text: '600余人' }, verdict: 'met' });
  });
});

describe('followUp with levels a multi-year review states', () => {
  const plan = [
    '一、2029年工作回顾',
    '过去一年，略。',
    '二、2030年重点工作',
    '科技型企业总量超过1万家，机场旅客吞吐量2000万人次，培育“小巨人”企业5家，粮食产量260亿斤以上，外贸进出口总额超过900亿元。',
  ].join('\n');
  const review = [
    '一、2030年工作回顾',
    '过去一年，略。',
    '“十四五”时期，国家科技型企业0.9万家、“小巨人”企业30家，机场年旅客吞吐量突破2000万人次，粮食总产量突破270亿斤，创历史新高，外贸进出口总值翻番达到960亿元。',
    '二、2031年重点工作',
    '今年要做好工作。',
  ].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
  const byText = (text: string) => report.pairs.find((pair) => pair.target.text === text);

  it('takes a count stated without a verb as the level reached: 0.9万家 misses 超过1万家', () => {
    expect(byText('1万家')).toMatchObject({ result: { text: '0.9万家' }, verdict: 'missed' });
  });

  it('takes a yearly amount the review says was reached (突破, 翻番达到) as last year\'s, not a record year', () => {
    expect(byText('2000万人次')).toMatchObject({ result: { text: '2000万人次' }, verdict: 'met' });
    expect(byText('900亿元')).toMatchObject({ result: { text: '960亿元' }, verdict: 'met' });
    expect(byText('260亿斤')).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('takes a yearly amount the review says stayed above a floor every year as last year\'s bound', () => {
    const stayed = followUp(plan, review.replace('粮食总产量突破270亿斤，创历史新高', '粮食产量连续5年稳定在265亿斤以上'), { lastYear: 2030, thisYear: 2031 });
    expect(stayed.pairs.find((pair) => pair.target.text === '260亿斤')).toMatchObject({ result: { text: '265亿斤' }, verdict: 'met' });
  });

  it('takes any figure whose clause names the reviewed year as that year\'s: 2030年游客人数650万', () => {
    const named = followUp(plan.replace('机场旅客吞吐量2000万人次', '游客人数600万人次'), review.replace('“十四五”时期，', '“十四五”时期，2030年游客人数650万人次，2029年游客人数660万人次，'), { lastYear: 2030, thisYear: 2031 });
    expect(named.pairs.find((pair) => pair.target.text === '600万人次')).toMatchObject({ result: { text: '650万人次' }, verdict: 'met' });
  });

  it('takes the level a move ends at, not the one it starts from: 由7400公里增至9100公里', () => {
    const moved = followUp(plan.replace('机场旅客吞吐量2000万人次', '高速公路通车里程突破9000公里'), review.replace('“十四五”时期，', '“十四五”时期，铁路里程由2100公里增至3000公里，高速公路由7400公里增至9100公里，'), { lastYear: 2030, thisYear: 2031 });
    expect(moved.pairs.find((pair) => pair.target.text === '9000公里')).toMatchObject({ result: { text: '9100公里' }, verdict: 'met' });
  });

  it('does not answer what a year was to add with a level of the review', () => {
    expect(byText('5家')).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('does not take a figure of the review with neither a verb of reaching nor a standing unit for a level: 补充耕地39万亩 may be a total', () => {
    const withLand = followUp(plan.replace('外贸进出口总额', '补充耕地10万亩，外贸进出口总额'), review.replace('外贸进出口总值', '补充耕地39万亩，外贸进出口总值'), { lastYear: 2030, thisYear: 2031 });
    expect(withLand.pairs.find((pair) => pair.target.text === '10万亩')).toMatchObject({ result: null, verdict: 'not_reported' });
  });
});

describe('followUp with a figure stated for a group (均)', () => {
  it('meets a growth target of several subjects only when each subject\'s own figure reaches it', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '力争接待游客人次、旅游收入增速均达到12%。'].join('\n');
    const met = ['一、2030年工作回顾', '过去一年，接待游客人次、旅游收入分别增长15%、13%。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const short = met.replace('15%、13%', '15%、9%');
    expect(followUp(plan, met, { lastYear: 2030, thisYear: 2031 }).pairs[0]).toMatchObject({ target: { text: '12%' }, verdict: 'met' });
    const missed = followUp(plan, short, { lastYear: 2030, thisYear: 2031 }).pairs[0]!;
    expect(missed).toMatchObject({ target: { text: '12%' }, verdict: 'missed' });
    expect(missed.explanation).toBe('旅游收入：目标12%（不低于12%），实际9%，未完成');
  });

  it('answers a target of a group by a result stated for several of its members', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '力争餐厨垃圾资源化处理率、园林垃圾综合处理率、污泥无害化处理率均达到70%以上。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，餐厨垃圾和园林垃圾处理率均达72%。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ target: { text: '70%' }, result: { text: '72%' }, verdict: 'met' });
  });
});

describe('followUp with round goals extraction leaves out', () => {
  it('takes a scale stated by a multi-year review as the level reached: 智算规模16.5万P answers 算力规模突破15万P', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '力争算力规模突破15万P。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，略。', '“十四五”时期，智算规模16.5万P、居全国前列。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '15万P' }, result: { text: '16.5万P' }, verdict: 'met' });
  });

  it('follows 突破万亿元大关 and 突破15万P as targets, and finds a result in P', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '力争重大项目投资突破万亿元大关，算力规模突破15万P。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，算力规模达到16.5万P。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs.map((pair) => [pair.target.text, pair.result?.text ?? null, pair.verdict])).toEqual([
      ['万亿元', null, 'not_reported'],
      ['15万P', '16.5万P', 'met'],
    ]);
  });
});

describe('followUp with a stretch goal', () => {
  it('answers a floor and the 力争 goal beside it with one result', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年总体要求', '今年经济社会发展的主要预期目标是：地区生产总值增长6%以上、力争达到7%，城镇新增就业5万人、农村劳动力转移就业8万人。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，地区生产总值增长6.4%，城镇新增就业5.3万人。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs.map((pair) => [pair.target.text, pair.result?.text ?? null, pair.verdict])).toEqual([
      ['6%', '6.4%', 'met'],
      ['7%', '6.4%', 'missed'],
      ['5万人', '5.3万人', 'met'],
      ['8万人', null, 'not_reported'],
    ]);
  });
});

describe('followUp with dwellings counted in 户 or 套', () => {
  it('answers 套 by 户', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '改造棚户区3000套。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，改造棚户区3200户。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '3000套' }, result: { text: '3200户' }, verdict: 'met' });
  });
});

describe('followUp with facilities counted in 个 or 家', () => {
  it('answers 个 by 家', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '新建社区托育中心40个。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，新建社区托育中心35家。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '40个' }, result: { text: '35家' }, verdict: 'missed' });
  });
});

describe('followUp with investment of the key projects', () => {
  it('answers a bare 完成投资 in a sentence about 重大项目 by the 重点项目 investment', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '加快重大项目建设，全年完成投资900亿元以上。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，重点项目完成投资950亿元。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '900亿元' }, result: { text: '950亿元' }, verdict: 'met' });
  });
});

describe('followUp with a doubling in words', () => {
  it('answers 再翻一番 by 实现翻番 and explains it in the words of the text', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '今年市级科技专项资金再翻一番。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，市级科技专项资金实现翻番。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs[0]).toMatchObject({ target: { text: '翻一番' }, result: { text: '翻番' }, verdict: 'met' });
    expect(report.pairs[0]!.explanation).toBe('目标翻一番（增长100%），实际翻番（增长100%），完成');
  });
});

describe('followUp with a rate answered by a share of a part', () => {
  it('answers 县外务工率 by 其中县外务工占', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '确保脱贫劳动力务工率90%以上、县外务工率40%以上。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，脱贫劳动力务工率92%，其中县外务工占38%。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs.map((pair) => [pair.target.text, pair.result?.text, pair.verdict])).toEqual([
      ['90%', '92%', 'met'],
      ['40%', '38%', 'missed'],
    ]);
  });
});

describe('followUp with a stock reached, 累计达到 in a one-year review', () => {
  it('answers a stock target by the 累计达到 level of the year, but not a yearly target by it', () => {
    const plan = ['一、2029年工作回顾', '过去一年，略。', '二、2030年重点工作', '全年新建公共租赁住房3万套，公共租赁住房总量达到25万套。'].join('\n');
    const review = ['一、2030年工作回顾', '过去一年，新建公共租赁住房2.6万套、累计达到24.6万套。', '二、2031年重点工作', '今年要做好工作。'].join('\n');
    const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs.map((pair) => [pair.target.text, pair.result?.text, pair.verdict])).toEqual([
      ['3万套', '2.6万套', 'missed'],
      ['25万套', '24.6万套', 'missed'],
    ]);
  });
});

describe('followUp, what held every year of a five-year review', () => {
  const plan = [
    '一、2029年工作回顾',
    '过去一年，城镇新增就业51万人。',
    '二、2030年重点工作',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。',
  ].join('\n');
  const review = [
    '一、2030年和“十七五”时期工作回顾',
    '过去一年，地区生产总值增长5.2%，城镇新增就业超额完成全年任务。',
    '过去五年，城镇新增就业每年超过55万人，高新技术企业年均新增800家。',
    '二、2031年重点工作',
    '城镇新增就业50万人以上。',
  ].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });

  it('answers an addition of the year by a figure the review says held every year, before a statement in words', () => {
    expect(report.pairs.find((pair) => pair.target.text === '50万人')).toMatchObject({ result: { text: '55万人' }, verdict: 'met', basis: 'figure' });
  });
});

describe('followUp, the size class industries reach', () => {
  const plan = ['一、2029年工作回顾', '过去一年，经济平稳。', '二、2030年重点工作', '推动化工、食品等支柱产业突破千亿级规模，打造“甲乙丙”万亿级汽车走廊。'].join('\n');
  const review = ['一、2030年和“十七五”时期工作回顾', '过去一年，地区生产总值增长5.2%。', '过去五年，电子、汽车、化工、食品4大支柱产业迈入千亿级规模。', '二、2031年重点工作', '做好工作。'].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });

  it('takes 突破千亿级规模 as a goal, met by the level a five-year review says was reached, and leaves a name alone', () => {
    expect(report.pairs.map((pair) => pair.target.text)).toEqual(['千亿级']);
    expect(report.pairs[0]).toMatchObject({ result: { text: '千亿级' }, verdict: 'met', basis: 'figure' });
  });
});

describe('followUp, a count of the things named', () => {
  const plan = ['一、2029年工作回顾', '过去一年，经济平稳。', '二、2030年重点工作', '推动甲乙高速改扩建、丙丁、戊己3条高速公路建成通车。'].join('\n');
  const review = ['一、2030年工作回顾', '过去一年，甲乙改扩建、丙丁宽、戊己3条高速建成通车。', '二、2031年重点工作', '做好工作。'].join('\n');
  const report = followUp(plan, review, { lastYear: 2030, thisYear: 2031 });

  it('answers a count of short names listed by the count of the same names', () => {
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ target: { text: '3条' }, result: { text: '3条' }, verdict: 'met' });
  });
});
