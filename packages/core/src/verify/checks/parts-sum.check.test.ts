import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { partsSumCheck } from './parts-sum.check.ts';

const run = (text: string) => findingsOf(partsSumCheck, text) as Omit<Finding, 'id'>[];

const BREAKDOWN = [
  '**19.3亿元** 占财政总支出**87.8%**',
  '**教育建设方面**，投入资金**3.42亿元**，提升义务教育环境质量。',
  '**文化科技方面**，投入资金**3522万元**，健全公共服务发展体系。',
  '**社会保障方面**，投入资金**5.35亿元**，全面落实城乡居民养老保险等民生政策。',
  '**公共卫生方面**，投入资金**3.78亿元**，提升全区基本公共卫生服务水平。',
  '**生态环境方面**，投入资金**7647万元**，为居民创造更加宜居和谐的生活环境。',
  '**城乡基础设施建设等方面**，投入**5.63亿元**，不断优化城乡居住环境。',
].join('\n\n');

describe('parts-sum check', () => {
  it('adds the seed 方面 paragraphs up to 19.3亿元 within its rounding', () => {
    const [finding] = run(BREAKDOWN);
    expect(finding).toMatchObject({ verdict: 'consistent', stated: 'q1', quantities: ['q3', 'q4', 'q5', 'q6', 'q7', 'q8'] });
    expect(finding?.message).toBe('3.42亿元 + 3522万元 + 5.35亿元 + 3.78亿元 + 7647万元 + 5.63亿元 = 19.2969亿元，报告称 19.3亿元 ✓');
  });
  it('reports a breakdown that falls short of its whole', () => {
    expect(run(BREAKDOWN.replace('3.42亿元', '3.12亿元'))[0]?.verdict).toBe('inconsistent');
  });
  it('reports the published Wanzai error: 种植业 1130577万元 inside 农业总产值 282563万元', () => {
    const text = '全县农业总产值282563万元，按可比价格计算，比上年增长5.04%，其中：种植业1130577万元，与上年增长10.3%，林业产值33942万元，比上年增长8.8 %，牧业产值89081万元，增长-3.2%，渔业产值26363万元，增长5.5%。';
    const [finding] = run(text);
    expect(finding).toMatchObject({ verdict: 'inconsistent', stated: 'q1' });
    expect(finding?.quantities).toHaveLength(4);
    expect(finding?.message).toContain('1130577万元 一项就大于总数');
  });
  it('accepts 其中 parts that leave some out', () => {
    expect(run('全年粮食播种面积76.8万亩，其中稻谷播种面积66.4万亩。')[0]?.verdict).toBe('consistent');
  });
  it('ends a 其中 list at a semicolon that opens another subject, and keeps bracketed 其中 within its brackets', () => {
    expect(run('全县共有普通和职业高、初中毕业生17456人，其中高中7117人；全县在校学生102090人。')[0]?.quantities).toEqual(['q2']);
    expect(run('新增托位6870个（其中普惠托位5505个），新建成中小学84000个。')[0]?.quantities).toEqual(['q2']);
    expect(run('新增铁路运营里程639公里、其中高铁370公里，新增高速公路2600公里。')[0]?.quantities).toEqual(['q2']);
  });
  it('finds nothing for figures per person, which do not add up', () => {
    expect(run('全体居民人均可支配收入30000元，其中城镇居民人均可支配收入45000元，农村居民人均可支配收入20000元。')).toHaveLength(0);
    expect(run('农村特困人员供养标准提高至780元/人月，其中失能对象的供养标准为1080元/人月。')).toHaveLength(0);
  });
});

describe('parts-sum check on a stated sum (合计)', () => {
  it('adds the listed figures up to the 合计 that follows them', () => {
    const text = '县直单位现有在编人员685人，大集体人员27人，聘用卫技人员737人，合计1449人；乡镇卫生院现有在编人员449人，大集体65人，小集体4人，聘用卫技人员706人，合计1224人。';
    expect(run(text).map((f) => [f.stated, f.quantities, f.verdict])).toEqual([
      ['q4', ['q1', 'q2', 'q3'], 'consistent'],
      ['q9', ['q5', 'q6', 'q7', 'q8'], 'consistent'],
    ]);
    expect(run(text.replace('合计1449人', '合计1459人'))[0]?.verdict).toBe('inconsistent');
  });
  it('does not take 累计 for a sum of the listed figures', () => {
    expect(run('今年新建学校5所，改扩建学校3所，累计建成学校120所。')).toHaveLength(0);
  });
});

describe('parts-sum check on budget totals', () => {
  it('does not read a named total (收入总计) as the sum of the figures of its sentence alone', () => {
    expect(run('上级补助收入50亿元，债务转贷收入20亿元，上年结余10亿元，收入总计200.5亿元。')).toHaveLength(0);
  });

  it('ends a 其中 without a colon at its clause when the wider list would contradict the whole', () => {
    const [narrow] = run('在建重点项目20个、其中新开工8个，推进产业项目45个，统筹推进民生项目36个。');
    expect(narrow?.verdict).toBe('consistent');
    expect(narrow?.quantities).toHaveLength(1);
    expect(narrow?.reading).toContain('本分句');
    // with a colon the list runs on past the comma, and a part larger than the whole is still an error
    expect(run('在建重点项目20个，其中：新开工8个，续建项目45个。')[0]?.verdict).toBe('inconsistent');
    // a part past the clause named like the first stays in the list under every reading
    expect(run('外贸进出口总额500亿元，其中出口总额470亿元，增长5%；进口总额330亿元，增长3%。')[0]?.verdict).toBe('inconsistent');
    // "其中，" opens the list like "其中："
    expect(run('在建重点项目20个，其中，新开工8个，续建项目45个。')[0]?.verdict).toBe('inconsistent');
    // and a part larger than the whole in the 其中's own clause is an error under every reading
    expect(run('在建重点项目20个、其中新开工28个，推进产业项目45个。')[0]?.verdict).toBe('inconsistent');
  });

  it('never says a sum does not exceed a total it exceeds within rounding', () => {
    const [finding] = run('全年工业产值10.0亿元，其中：甲园区5.03亿元，乙园区5.0亿元。');
    expect(finding?.verdict).toBe('consistent');
    expect(finding?.message).not.toContain('不超过');
    expect(finding?.message).toContain('略大于总数 10.0亿元');
    expect(run('全年工业产值10.0亿元，其中：甲园区4.03亿元，乙园区5.0亿元。')[0]?.message).toContain('不超过总数 10.0亿元');
  });

  it('reads a sum after a list closed by 等 as a whole the listed items need not fill', () => {
    const [open] = run('教育支出30亿元、卫生健康支出20亿元、社会保障支出25亿元等，合计90亿元。');
    expect(open?.verdict).toBe('consistent');
    expect(open?.message).toContain('不超过总数 90亿元');
    // still wrong when the listed items alone exceed the sum
    expect(run('教育支出50亿元、卫生健康支出20亿元、社会保障支出25亿元等，合计90亿元。')[0]?.verdict).toBe('inconsistent');
    // a closed list must add up
    expect(run('教育支出30亿元、卫生健康支出20亿元、社会保障支出25亿元，合计90亿元。')[0]?.verdict).toBe('inconsistent');
  });

  it('holds the three sectors after 其中 to the whole they make up, not only under it', () => {
    const short = run('全县地区生产总值210亿元，其中第一产业增加值30亿元，第二产业增加值70亿元，第三产业增加值90亿元。');
    expect(short[0]?.verdict).toBe('inconsistent');
    expect(run('全县地区生产总值210.4亿元，其中第一产业增加值30.1亿元，第二产业增加值80.2亿元，第三产业增加值100.1亿元。')[0]?.verdict).toBe('consistent');
    // two sectors named are a part of the whole, as any 其中 list
    expect(run('全县地区生产总值210亿元，其中第二产业增加值70亿元，第三产业增加值90亿元。')[0]?.verdict).toBe('consistent');
  });
});


describe('parts-sum check on the three sectors named together (三次产业…分别为)', () => {
  it('holds the three sectors given after 分别为 to the GDP they make up', () => {
    const [finding] = run('全市地区生产总值1000亿元，增长5.2%，三次产业增加值分别为100亿元、400亿元、500亿元。');
    expect(finding).toMatchObject({ verdict: 'consistent', reading: '按三次产业增加值之和即地区生产总值理解' });
    // a breakdown 100亿元 short of the whole is no longer green
    const [short] = run('全市地区生产总值1000亿元，增长5.2%，三次产业增加值分别为100亿元、400亿元、400亿元。');
    expect(short?.verdict).toBe('inconsistent');
    expect(short?.message).toContain('= 900亿元，报告称 1000亿元 ✗');
  });
  it('finds the GDP in the sentence before, within the paragraph', () => {
    expect(run('全年实现地区生产总值1000亿元，增长5.2%。第一、二、三产业增加值分别为100亿元、400亿元、400亿元。')[0]?.verdict).toBe('inconsistent');
  });
  it('leaves alone sector growth rates and sectors without the GDP', () => {
    expect(run('地区生产总值1000亿元，三次产业增加值分别增长3%、7%、7%。')).toEqual([]);
    expect(run('固定资产投资1000亿元，三次产业投资分别为100亿元、400亿元、400亿元。')).toEqual([]);
  });
});

describe('parts-sum check on a count set out item by item (N个，分别为…)', () => {
  it('holds the items after 分别为 to the count right before it', () => {
    const [finding] = run('获批省级科技项目3个，分别为揭榜挂帅项目1个、三区人才项目1个、引导资金项目1个。');
    expect(finding).toMatchObject({ verdict: 'consistent', reading: '按“总数，分别为…”列出了全部各项理解' });
    expect(run('获批省级科技项目6个，分别为揭榜挂帅项目1个、三区人才项目1个、引导资金项目1个。')[0]?.verdict).toBe('inconsistent');
    // a count written to its units is a whole number: three items of 1 add up to 3, never to 4
    const [short] = run('获批省级科技项目4个，分别为揭榜挂帅项目1个、三区人才项目1个、引导资金项目1个。');
    expect(short).toMatchObject({ verdict: 'inconsistent', message: '1 + 1 + 1 = 3个，报告称 4个 ✗（应为 3个，至少相差 1个）' });
    expect(run('全县实施民生项目12项，分别为教育5项、医疗3项、养老2项。')[0]?.verdict).toBe('inconsistent');
  });
  it('leaves alone 分别为 after another clause or in another unit', () => {
    expect(run('获批省级科技项目3个，争取资金500万元，分别为揭榜挂帅项目1个、三区人才项目1个。')).toEqual([]);
    expect(run('完成投资100亿元，分别为年度计划的110%、105%。')).toEqual([]);
    // items named without figures: the figures after the semicolon belong to the next class
    const classes = run('筛选出12个候选项目。其中，新建类5个，分别是：综合枢纽工程、口袋公园；改造提升类7个，分别是：提升改造小区20个、供水工程。');
    expect(classes.filter((f) => f.reading === '按“总数，分别为…”列出了全部各项理解')).toEqual([]);
    expect(classes.filter((f) => f.verdict === 'inconsistent')).toEqual([]);
  });
});
