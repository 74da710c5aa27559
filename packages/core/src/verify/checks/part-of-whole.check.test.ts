import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checks, verify } from '../verify.ts';
import { checkPartOfWhole } from './part-of-whole.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

/** Runs the check on its own, without leaving any part to the parts-sum check. */
function run(text: string) {
  return checkPartOfWhole({ text, extraction: extractionOf(text) }, () => []);
}

describe('part-of-whole check', () => {
  it('flags a 其中 part larger than its whole', () => {
    const [finding] = run('全市在建重点项目80个，其中新开工95个，完成投资120亿元。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.stated).toBe('q2');
    expect(finding?.quantities).toEqual(['q1', 'q2']);
    expect(finding?.message).toContain('其中');
    expect(finding?.deviation).toBe('15');
  });

  it('finds the whole past a growth rate and judges every part of the list', () => {
    const text = '全县农业总产值282563万元，比上年增长5.04%，其中：种植业1130577万元，增长10.3%，林业产值33942万元，增长8.8%。';
    const findings = run(text);
    expect(findings.map((f) => f.verdict)).toEqual(['inconsistent', 'consistent']);
    expect(findings[0]?.stated).toBe('q3');
  });

  it('takes the whole from the sentence before when 其中 opens a sentence', () => {
    const text = '全年地区生产总值32074.7亿元，比上年增长4.7%。其中，第一产业增加值2451.5亿元，增长3.9%。';
    expect(run(text).map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('leaves alone a 其中 of a different unit, and the growth rates of the parts', () => {
    expect(run('全市共有中小学120所，其中新建学校招收学生8000人。')).toEqual([]);
    expect(run('规模以上工业增加值增长7.1%，其中制造业增长7.4%，采矿业下降13.5%。')).toEqual([]);
  });

  it('leaves alone a change figure after 其中 and a figure of another scope', () => {
    expect(run('粮食总产量308525吨，其中：早稻109924吨，比上年减产849吨。').map((f) => f.verdict)).toEqual(['consistent']);
    expect(run('投入资金5亿元，其中中央资金2亿元，带动社会投资10亿元。').map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('flags more items done than the list they belong to', () => {
    expect(run('全年31项民生实事中有35项已完成。')[0]?.verdict).toBe('inconsistent');
    expect(run('全年31项民生实事中，已有29项全面完成。')[0]?.verdict).toBe('consistent');
  });

  it('flags more requests closed than received', () => {
    const [finding] = run('全年受理群众诉求1.2万件，办结1.5万件，满意率95%。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('受理');
    expect(run('征集意见建议2300条，采纳1200条。')[0]?.verdict).toBe('consistent');
  });

  it('flags a yearly increase larger than the total it adds to', () => {
    expect(run('全年新增经营主体18万户，总数达到15万户。')[0]?.verdict).toBe('inconsistent');
    expect(run('今年新增5G基站2万个，累计建成8万个。')[0]?.verdict).toBe('consistent');
  });

  it('says unverifiable when precision cannot order part and whole', () => {
    expect(run('全区常住人口2万人，其中城镇人口2.3万人。')[0]?.verdict).toBe('unverifiable');
  });

  it('does not take a per-head average for a part', () => {
    expect(run('居民可支配收入3.5万元，其中人均工资性收入4万元。')).toEqual([]);
  });

  it('leaves a 其中 list that parts-sum adds up to that check, so one error gives one finding', () => {
    const text = '全县农业总产值282563万元，比上年增长5.04%，其中：种植业1130577万元，林业产值33942万元。';
    const extraction = extractionOf(text);
    const summed = checkPartOfWhole({ text, extraction });
    const alone = checkPartOfWhole({ text, extraction }, () => []);
    const all = verify(text, extraction, checks).filter((f) => f.verdict === 'inconsistent');
    // Alone, part-of-whole flags the list; beside parts-sum it stays silent and the one finding is parts-sum's.
    expect(alone.filter((f) => f.verdict === 'inconsistent')).toHaveLength(1);
    expect(summed.filter((f) => f.verdict === 'inconsistent')).toEqual([]);
    expect(all.map((f) => f.check)).toEqual(['parts-sum']);
  });

  it('stops the parts of a 其中 at a sibling total', () => {
    const text = '各项存款余额达1221442万元，其中，储蓄存款余额912831万元，各项贷款余额达2678599万元。';
    expect(run(text).map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('reads "N个…中，M个" with a comma and no verb, but not the 中 of a name', () => {
    expect(run('36个工业大类行业中，45个大类行业增加值实现增长。')[0]?.verdict).toBe('inconsistent');
    expect(run('建好18个省级临床医学中心、40个国家临床重点专科。')).toEqual([]);
  });

  it('judges the parts of a breakdown against the paragraph total they share a name with', () => {
    const text =
      '全年社会消费品零售总额1131.0亿元，同比增长5.6%。其中，限额以上消费品零售额313.2亿元，增长19.7%。' +
      '按经营单位所在地分，城镇市场实现消费品零售额1249.2亿元，增长5.4%；乡村市场实现消费品零售额181.8亿元，增长6.2%。';
    const findings = run(text);
    expect(findings.filter((f) => f.verdict === 'inconsistent').map((f) => f.message)).toEqual([
      expect.stringContaining('1249.2亿元'),
    ]);
    expect(findings.find((f) => f.message.includes('1249.2亿元'))?.quantities).toEqual(['q1', 'q5']);
  });

  it('leaves alone a breakdown of another measure in the paragraph', () => {
    const text = '全市一般公共预算收入277.48亿元，增长9.1%。分级次看：市级一般公共预算支出342.05亿元，增长27.9%。';
    expect(run(text).filter((f) => f.verdict === 'inconsistent')).toEqual([]);
  });

  it('never throws on any text and catches every part made larger than its whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => run(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (whole, part) => {
        fc.pre(whole !== part);
        const [finding] = run(`全市在建项目${whole}个，其中新开工${part}个。`);
        expect(finding?.verdict).toBe(part < whole ? 'consistent' : 'inconsistent');
      }),
    );
  });

  it('ends a 其中 without a colon at its clause, and a bracketed one at its bracket', () => {
    expect(run('新增铁路运营里程639公里、其中高铁370公里，新增高速公路2600公里。').map((f) => f.verdict)).toEqual(['consistent']);
    expect(run('新增托位6870个（其中普惠托位5505个），新增学位8.4万个。').map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('does not add up standards, or parts that name another measure', () => {
    expect(run('农村特困人员供养标准提高至780元/人月，其中失能对象的供养标准为1080元/人月。')).toEqual([]);
    expect(run('完成工业增加值644350万元。其中规模以上工业企业完成工业总产值2596736万元。')).toEqual([]);
  });

  it('needs a word of total before a figure it sets against a 新增', () => {
    expect(run('城镇新增就业超143万人、超额完成国家下达的110万人年度任务。')).toEqual([]);
  });

  it('reads a bound followed by a noun or a count as a class of things, never as an amount of the whole', () => {
    const classes = run('全年签约1亿元以上项目150个，其中10亿元以上项目20个。');
    expect(classes.filter((f) => f.verdict === 'inconsistent')).toEqual([]);
    expect(classes.map((f) => f.verdict)).toEqual(['consistent']); // 20 of the 150 projects
    expect(run('新签约超5亿元项目40个，其中超20亿元12个、超50亿元5个。').filter((f) => f.verdict === 'inconsistent')).toEqual([]);
    // an amount that ends its clause is still an amount
    expect(run('完成固定资产投资120亿元，其中工业投资150亿元以上。')[0]?.verdict).toBe('inconsistent');
    expect(run('全年签约1亿元以上项目150个，其中10亿元以上项目200个。')[0]?.verdict).toBe('inconsistent');
  });

  it('pairs a 新增 figure only with a total of the same thing', () => {
    expect(run('全年新增家庭农场320户，农民合作社总数达到280户。')).toEqual([]);
    expect(run('新增高新技术企业300家，科技型中小企业总数达到260家。')).toEqual([]);
    const [same] = run('新增家庭农场320户，家庭农场总数达到280户。');
    expect(same?.verdict).toBe('inconsistent');
    expect(same?.reading).toBe('按“新增…总数”即部分与整体理解');
    expect(run('新增家庭农场320户、总数达到280户。')[0]?.verdict).toBe('inconsistent');
  });

  it('reads an amount written straight before a name as the size of that one thing, not as a part amount', () => {
    const text = '新签约总投资80亿元锂电池材料、60亿元储能电站等重大项目6个，其中投资95亿元光伏组件、70亿元氢能装备项目当年投产。';
    expect(run(text).filter((f) => f.verdict === 'inconsistent')).toEqual([]);
    expect(run('完成固定资产投资80亿元，其中工业投资95亿元。')[0]?.verdict).toBe('inconsistent');
    expect(run('完成固定资产投资80亿元，其中工业投资95亿元增长12%。')[0]?.verdict).toBe('inconsistent');
  });
});

