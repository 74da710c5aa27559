import { describe, expect, it } from 'vitest';
import { normalizeMetric, scoreMetricSimilarity } from './metric-similarity.ts';

describe('scoreMetricSimilarity', () => {
  it('drops a verb or adverb left before a figure in words: 市科技投入再 answers 科技投入实现', () => {
    expect(scoreMetricSimilarity('市科技投入再', '科技投入实现')).toBeGreaterThanOrEqual(0.7);
    expect(scoreMetricSimilarity('科技投入再', '教育投入实现')).toBeLessThan(0.7);
  });

  it('treats GDP, 国内生产总值 and 地区生产总值 as one metric', () => {
    expect(scoreMetricSimilarity('GDP', '地区生产总值')).toBe(1);
    expect(scoreMetricSimilarity('国内生产总值', '地区生产总值')).toBe(1);
    expect(normalizeMetric('地区生产总值（GDP）')).toBe('生产总值');
  });

  it('reads 乡村 and 农村 as one word: 乡村建设品质提升行动完成投资 answers 农村建设品质提升投资', () => {
    expect(scoreMetricSimilarity('新建改造乡村公路', '新建改造农村公路')).toBe(1);
    expect(scoreMetricSimilarity('农村建设品质提升投资', '乡村建设品质提升行动完成投资')).toBeGreaterThanOrEqual(0.7);
  });

  it('reads 比率 as 比例 and 进出口贸易总额 as 外贸进出口总额', () => {
    expect(scoreMetricSimilarity('达标天数比率', '达标天数比例')).toBe(1);
    expect(scoreMetricSimilarity('进出口贸易总额', '外贸进出口总额')).toBe(1);
    expect(scoreMetricSimilarity('进出口贸易', '外贸进出口')).toBe(1);
  });

  it('matches one two-character thing done (种树, 造林) but not a bare verb (新建, 完工)', () => {
    expect(scoreMetricSimilarity('种树', '种树')).toBe(1);
    expect(scoreMetricSimilarity('造林', '完成造林')).toBe(1);
    expect(scoreMetricSimilarity('新建', '新建')).toBe(0);
    expect(scoreMetricSimilarity('完工', '完工')).toBe(0);
    expect(scoreMetricSimilarity('种树', '种草')).toBe(0);
  });

  it('reads 再获批 / 新获批 as adding, like 新增: 再获批省级实验室 answers 新增省级实验室', () => {
    expect(scoreMetricSimilarity('再获批省级工程中心', '新增省级工程中心')).toBeGreaterThanOrEqual(0.7);
    expect(scoreMetricSimilarity('再获批省级工程中心', '新增省级技术中心')).toBeLessThan(0.7);
  });

  it('reads a verb of putting right put last as put first: 隐患点改造 answers 消除隐患点', () => {
    expect(scoreMetricSimilarity('老旧桥梁隐患点改造', '消除老旧桥梁隐患点')).toBe(1);
    expect(scoreMetricSimilarity('老旧桥梁隐患点改造', '消除城市内涝积水点')).toBeLessThan(0.7);
  });

  it('matches reordered words: 城镇新增就业 and 新增城镇就业', () => {
    expect(scoreMetricSimilarity('城镇新增就业', '新增城镇就业')).toBe(1);
    expect(scoreMetricSimilarity('新增就业城镇', '城镇新增就业')).toBeGreaterThan(0.6);
  });

  it('matches a shorter phrase whose words all recur in order: 调查失业率 in 城镇调查失业率', () => {
    expect(scoreMetricSimilarity('城镇调查失业率', '调查失业率')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('一般公共预算收入同口径', '地方一般公共预算收入')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('规模以上工业增加值', '规上工业增加值')).toBe(1);
  });

  it('reads 经济增长 as the growth of 生产总值, and 接待游客 as 游客数量', () => {
    expect(scoreMetricSimilarity('经济', '地区生产总值')).toBe(1);
    expect(scoreMetricSimilarity('经济增速', 'GDP')).toBe(1);
    expect(scoreMetricSimilarity('游客数量', '接待游客')).toBe(1);
    expect(scoreMetricSimilarity('原煤产量', '煤炭产量')).toBe(1);
    expect(scoreMetricSimilarity('棉花总产', '棉花产量')).toBe(1);
    expect(scoreMetricSimilarity('智算规模', '智能算力规模')).toBe(1);
    expect(scoreMetricSimilarity('算力规模', '智算规模')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('工业总产值', '工业产量')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('经济', '数字经济')).toBeLessThan(0.7);
  });

  it('brings aliases together after another alias: 外贸进出口总额 is 进出口总值', () => {
    expect(scoreMetricSimilarity('外贸进出口总额', '进出口总值')).toBe(1);
  });

  it('leaves out framing words: 计划, 年度, 重点, 完成, 总里程, 总量', () => {
    expect(scoreMetricSimilarity('计划实施项目', '实施重点项目')).toBe(1);
    expect(scoreMetricSimilarity('项目年度投资', '重点项目完成投资')).toBe(1);
    expect(scoreMetricSimilarity('通车总里程', '铁路通车里程')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('新增通车里程', '新增里程')).toBe(1);
    expect(scoreMetricSimilarity('城际铁路通车里程', '城际铁路运营里程')).toBe(1);
    expect(scoreMetricSimilarity('新增通车里程', '新增高铁运营里程')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('科技型企业总量', '国家科技型企业')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('用水总量', '用水总量')).toBe(1);
    expect(scoreMetricSimilarity('风电装机规模', '风电装机')).toBe(1);
    expect(scoreMetricSimilarity('文旅产业', '文旅产业增加值')).toBe(1);
    expect(scoreMetricSimilarity('工业增加值', '工业投资')).toBeLessThan(0.7);
    // Kept where keeping them makes the shorter phrase the end of the longer one.
    expect(scoreMetricSimilarity('市重点项目', '铺排落实市重点项目')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('实施重点产业项目', '市级重点产业项目')).toBeGreaterThanOrEqual(0.7);
    expect(scoreMetricSimilarity('危化企业达到低风险等级', '危化企业降至低风险等级')).toBe(1);
  });

  it('reads a quoted short name as the abbreviation of a longer one whose characters it takes in order', () => {
    expect(scoreMetricSimilarity('职业教育产教联合体覆盖率', '“职教体”覆盖率')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('“医共体”覆盖率', '县域医疗卫生共同体覆盖率')).toBeGreaterThanOrEqual(0.85);
    // Unquoted, or with characters out of order, it is no abbreviation.
    expect(scoreMetricSimilarity('职业教育产教联合体覆盖率', '职教体覆盖率')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('职业教育产教联合体覆盖率', '“体教职”覆盖率')).toBeLessThan(0.7);
  });

  it('lets verbs of one kind of doing stand for each other before one object, not verbs of different works', () => {
    expect(scoreMetricSimilarity('建设“城乡融合”项目', '新开工“城乡融合”项目')).toBe(1);
    expect(scoreMetricSimilarity('引进转化专利成果', '引进和落地专利成果')).toBe(1);
    expect(scoreMetricSimilarity('建设社区食堂', '新增社区食堂')).toBe(1);
    expect(scoreMetricSimilarity('修建人行天桥', '建设城区人行天桥')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('开工筹集保障房项目', '启动保障房')).toBeGreaterThanOrEqual(0.7);
    expect(scoreMetricSimilarity('新建农村公路', '改造农村公路')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('新增社区食堂', '新开工社区食堂')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('实施技改项目', '实施招商项目')).toBeLessThan(0.7);
  });

  it('keeps different scopes of one group apart', () => {
    expect(scoreMetricSimilarity('城镇居民人均可支配收入', '全体居民人均可支配收入')).toBe(0);
    expect(scoreMetricSimilarity('城镇调查失业率', '城镇登记失业率')).toBe(0);
    expect(scoreMetricSimilarity('规上工业增加值', '服务业增加值')).toBe(0);
    expect(scoreMetricSimilarity('一般公共预算收入', '一般公共预算支出')).toBe(0);
    expect(scoreMetricSimilarity('户籍人口城镇化率', '常住人口城镇化率')).toBe(0);
    expect(scoreMetricSimilarity('规上工业增加值', '规上装备工业增加值')).toBe(0);
    expect(scoreMetricSimilarity('软件产业增加值', '软件产业营业收入')).toBe(0);
    expect(scoreMetricSimilarity('软件产业营业收入', '软件产业营收')).toBe(1);
    expect(scoreMetricSimilarity('建设改造城镇燃气管网', '建设改造城镇地下管网')).toBe(0);
    expect(scoreMetricSimilarity('制造业增加值', '高技术制造业增加值')).toBe(0);
    expect(scoreMetricSimilarity('公路通车总里程', '高速公路通车里程')).toBe(0);
    expect(scoreMetricSimilarity('高速公路通车里程', '高铁里程')).toBe(0);
    expect(scoreMetricSimilarity('通车总里程', '高速公路通车里程')).toBeGreaterThanOrEqual(0.85);
  });

  it('scores shares of one whole by their parts', () => {
    expect(scoreMetricSimilarity('财政科技支出占一般公共预算支出比重', '民生支出占一般公共预算支出比例')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('装配式建筑面积占新建建筑比例', '装配式建筑面积占新建建筑比重')).toBeGreaterThanOrEqual(0.85);
    expect(scoreMetricSimilarity('园区规模工业占比', '园区规模工业增加值占全市比重')).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps a company\'s figure apart from the region\'s', () => {
    expect(scoreMetricSimilarity('能源集团新能源装机', '新能源装机')).toBe(0);
    expect(scoreMetricSimilarity('能源集团新能源装机', '能源集团新能源装机规模')).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps a breakdown by partner apart from the total: 对东盟进出口 is not 进出口总额', () => {
    expect(scoreMetricSimilarity('进出口总额', '对东盟进出口')).toBe(0);
  });

  it('scores a narrower measure with inserted words below the default threshold', () => {
    expect(scoreMetricSimilarity('工业投资', '工业技改投资')).toBeLessThan(0.7);
    expect(scoreMetricSimilarity('文化产业增加值', '汽车产业增加值')).toBeLessThan(0.7);
  });

  it('scores unrelated metrics low', () => {
    expect(scoreMetricSimilarity('固定资产投资', '工业投资')).toBeLessThan(0.6);
    expect(scoreMetricSimilarity('城镇新增就业', '城镇调查失业率')).toBeLessThan(0.6);
    expect(scoreMetricSimilarity('粮食产量', '居民消费价格')).toBeLessThan(0.2);
  });

  it('reads 居民人均可支配收入 without a scope as 全体居民', () => {
    expect(scoreMetricSimilarity('居民人均可支配收入', '全体居民人均可支配收入')).toBe(1);
    expect(scoreMetricSimilarity('农村居民人均可支配收入', '居民人均可支配收入')).toBe(0);
  });

  it('gives 0 for an empty phrase or a bare verb', () => {
    expect(scoreMetricSimilarity('新建', '新建')).toBe(0);
    expect(scoreMetricSimilarity('', '国内生产总值')).toBe(0);
  });
});

describe('scoreMetricSimilarity on short phrases', () => {
  it('does not take a two-character fragment for the metric: 新增 is not 城镇新增就业', () => {
    expect(scoreMetricSimilarity('城镇新增就业', '新增')).toBeLessThan(0.6);
  });
});
