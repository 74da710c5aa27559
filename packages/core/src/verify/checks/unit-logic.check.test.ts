import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUnitLogic } from './unit-logic.check.ts';
import { extractionOf } from './fixtures/sense-quantities.fixture.ts';

function run(text: string) {
  return checkUnitLogic({ text, extraction: extractionOf(text) });
}

describe('unit-logic check', () => {
  it('flags fewer people than households for one group', () => {
    const [finding] = run('全年帮扶困难群众350户210人，发放救助金1200万元。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.stated).toBe('q2');
    expect(finding?.quantities).toEqual(['q1', 'q2']);
    expect(finding?.message).toContain('户数');
  });

  it('accepts more people than households, with a 、 between', () => {
    expect(run('易地扶贫搬迁2.3万户、8.5万人。').map((f) => f.verdict)).toEqual(['consistent']);
  });

  it('leaves alone households and people of different groups', () => {
    expect(run('完成棚户区改造500户，新增就业300人。')).toEqual([]);
  });

  it('flags a share of a whole above 100%', () => {
    const [finding] = run('民生支出占一般公共预算支出的112.5%。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(run('城镇化率达到101%。')[0]?.verdict).toBe('inconsistent');
  });

  it('leaves alone percentages that may pass 100', () => {
    expect(run('一般公共预算收入完成预算的105.2%。')).toEqual([]);
    expect(run('进出口总额为上年的112%，增长12%。')).toEqual([]);
    expect(run('民生支出占比87.8%，优良率达到100%。')).toEqual([]);
  });

  it('flags a count of whole things written with a fraction', () => {
    const [finding] = run('新建改扩建学校2.5所，新增学位2100个。');
    expect(finding?.verdict).toBe('inconsistent');
    expect(finding?.message).toContain('整数');
  });

  it('leaves alone averages and scaled counts', () => {
    expect(run('每千人口执业医师3.2人，户均人口2.6人。')).toEqual([]);
    expect(run('城镇新增就业1.25万人，新建安置房3.5万套。')).toEqual([]);
  });

  it('never throws on any text and catches every group with fewer people than households', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => run(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (households, people) => {
        fc.pre(households !== people);
        const [finding] = run(`帮扶困难群众${households}户${people}人。`);
        expect(finding?.verdict).toBe(people > households ? 'consistent' : 'inconsistent');
      }),
    );
  });

  it('leaves alone rates written with a measure word: per mille points, per hundred people, per 亿元', () => {
    expect(run('死亡率为6.94‰，上升0.23个千分点。')).toEqual([]);
    expect(run('移动电话普及率为103.9部/百人。')).toEqual([]);
    expect(run('亿元生产总值生产安全事故死亡人数0.011人。')).toEqual([]);
  });

  it('lets a gross enrolment ratio pass 100%', () => {
    expect(run('小学毛入学率105.8%，初中毛入学率117.48%。')).toEqual([]);
  });

  it('marks a rate counted on two registers above 100% for review, not as inconsistent', () => {
    const [insured] = run('全县城乡居民医疗保险参保率104.2%，持续巩固。');
    expect(insured?.verdict).toBe('questionable');
    expect(insured?.reading).toContain('参保率');
    // a share of a whole stays impossible above 100%
    expect(run('全县民生支出占一般公共预算支出的104.2%。')[0]?.verdict).toBe('inconsistent');
  });

  it('reads the words before a 、-joined list of figures for each of them: rates per thousand people', () => {
    expect(run('每万人公共图书馆、体育场地数分别达到1.6个、3.4处。')).toEqual([]);
    expect(run('每千老人养老床位、护理员数增至35.2张、6.8名。')).toEqual([]);
    // without a rate word, a fraction of a thing is still flagged
    expect(run('新建公共图书馆、体育场地分别达到1.6个、3.4处。').map((f) => f.verdict)).toEqual(['inconsistent', 'inconsistent']);
  });

  it('reads a shared 个百分点 at the end of a list of figures', () => {
    expect(run('出口、进口增速分别高于全省2.6个、0.8个百分点。')).toEqual([]);
    expect(run('出口、进口增速分别高于全省2.6个、1个百分点。')).toEqual([]);
    expect(run('新建学校2.5个、幼儿园3所。')[0]?.verdict).toBe('inconsistent');
  });

  it('reads a number opening a line of notes as the note\'s number before a count', () => {
    expect(run('名词解释：\n3.5个先行区：指全市首批数字乡村先行区。')).toEqual([]);
    expect(run('名词解释：新建学校3.5个。')[0]?.verdict).toBe('inconsistent');
  });
});

