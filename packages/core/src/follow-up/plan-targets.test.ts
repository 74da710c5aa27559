import { describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.ts';
import { selectPlanTargets } from './plan-targets.ts';
import { classifyReviewPeriods } from './review-periods.ts';
import { findRoundFigures } from './round-figures.ts';

const targetsOf = (text: string): string[] => {
  const quantities = extract(text, { reportYear: 2025 }).quantities;
  const ids = selectPlanTargets(text, quantities, classifyReviewPeriods(text), 2025);
  return quantities.filter((q) => ids.has(q.id)).map((q) => q.text);
};

describe('selectPlanTargets', () => {
  it('takes the quantified tasks of the plan, not the figures of the review before it', () => {
    expect(targetsOf('过去一年，新建高标准农田800万亩。\n二、2025年重点工作\n新建高标准农田850万亩、黑土地保护性耕作2500万亩，力争游客数量突破3亿人次。')).toEqual([
      '850万亩',
      '2500万亩',
      '3亿人次',
    ]);
  });

  it('takes each figure of a 分别 list joined by 和, even one equal to the number of figures', () => {
    expect(targetsOf('二、2025年重点工作\n城东城西两区重污染天数比例分别控制在6%和2%以内。')).toEqual(['6%', '2%']);
  });

  it('takes the count of things named to be made, unlike the count of names a task is about', () => {
    expect(targetsOf('二、2025年重点工作\n加快设置甲城理工大学、乙城师范大学2所本科院校，推动甲、乙2个产业链提质增效。')).toEqual(['2所']);
    expect(targetsOf('二、2025年重点工作\n推动甲乙、丙丁2条高速公路建成通车。')).toEqual(['2条']);
  });

  it('leaves out what exists, an outline, a count of the names listed, ages and a later year\'s goal', () => {
    expect(
      targetsOf('二、2025年重点工作\n今年要重点做好以下11个方面工作。我区还有63万失能老人、40万3岁以下婴幼儿。推动肉羊、玉米2个千亿级产业链提质增效。到2027年建成养老床位10万张，到2025年底建成5G基站3万个。'),
    ).toEqual(['3万个']);
  });
});

describe('selectPlanTargets, counts in words', () => {
  it('takes the count in words closing a list of the year\'s 民生实事, not other numbers in words', () => {
    expect(targetsOf('二、2025年重点工作\n用心办好民生实事。实施好城乡供水保障、托育服务扩容等八件民生实事。深入抓好两个“关键小事”。')).toEqual(['八件']);
    expect(targetsOf('二、2025年重点工作\n坚持八项规定精神，办好八件重点民生实事。')).toEqual([]);
  });
});

describe('selectPlanTargets, names that hold numbers', () => {
  it('leaves out a size class, a grade and a time span in a name, but keeps the count they describe', () => {
    expect(targetsOf('二、2025年重点工作\n实施500万元以上技改项目1.2万个左右，推进30万吨级进港航道，打造城市15分钟生活圈100个。')).toEqual(['1.2万个', '100个']);
    expect(targetsOf('二、2025年重点工作\n建立年综合能耗5000吨标准煤及以上重点用能单位监测体系。')).toEqual([]);
    expect(targetsOf('二、2025年重点工作\n公交与轨道50米内换乘比例提高到90%。')).toEqual(['90%']);
    expect(targetsOf('二、2025年重点工作\n推进好总投资1.78万亿元的289个省重点项目。')).toEqual(['289个']);
  });

  it('leaves out the figures of a sentence a later deadline governs', () => {
    expect(targetsOf('二、2025年重点工作\n实施“先锋工程”：到2030年，布局20个左右重大专项，实施100个左右重大项目。今年实施5个以上重大专项。')).toEqual(['5个']);
  });
});

describe('selectPlanTargets, doublings in words', () => {
  it('keeps a doubling of the plan year as a target, not one for a later year', () => {
    const wordedTargetsOf = (text: string): string[] => {
      const extracted = extract(text, { reportYear: 2025 }).quantities;
      const quantities = [...extracted, ...findRoundFigures(text, extracted)];
      const ids = selectPlanTargets(text, quantities, classifyReviewPeriods(text), 2025);
      return quantities.filter((q) => ids.has(q.id)).map((q) => q.text);
    };
    expect(wordedTargetsOf('二、2025年重点工作\n今年市级科技专项资金再翻一番。')).toEqual(['翻一番']);
    expect(wordedTargetsOf('二、2025年重点工作\n到2030年数字经济规模翻一番。')).toEqual([]);
  });
});

describe('selectPlanTargets, the end of a five-year period', () => {
  it('keeps a level for the end of the period that ends with the plan year, not one for a later period', () => {
    expect(targetsOf('二、2025年重点工作\n新建公共租赁住房3万套，实现“十四五”末总量达到25万套。')).toEqual(['3万套', '25万套']);
    expect(targetsOf('二、2025年重点工作\n新建公共租赁住房3万套，“十五五”末总量达到40万套。')).toEqual(['3万套']);
  });
});

describe('selectPlanTargets, magnitudes and capacities that name', () => {
  it('keeps a bare magnitude written as a goal, but not one that ranks a place or names a programme or a plant', () => {
    expect(targetsOf('二、2025年重点工作\n数字经济规模突破千亿元，文旅产业产值稳定在千亿元以上。')).toEqual(['千亿元', '千亿元']);
    expect(targetsOf('二、2025年重点工作\n培育一批经济总量千亿县、财政收入百亿县，实施千万亩盐碱地改造行动，加快建设百万吨乙烯项目。')).toEqual([]);
  });

  it('leaves out the capacity that names a plant, but keeps a capacity to add', () => {
    expect(targetsOf('二、2025年重点工作\n开工建设某某化工60万吨煤制烯烃升级示范，新增煤炭产能900万吨。')).toEqual(['900万吨']);
  });
});

describe('selectPlanTargets, figures that describe a kind of thing or a policy', () => {
  it('leaves out a speed, a team size, a tax rate, a sum that sizes firms or villages, a rank and the measures of a policy, but keeps the counts beside them', () => {
    expect(targetsOf('二、2025年重点工作\n研制时速400公里高速列车，建成60个社区健身路径或5人制足球场。')).toEqual(['60个']);
    expect(targetsOf('二、2025年重点工作\n落实企业所得税减按15%征收，延续15%个人所得税优惠，制造业企业使用绿电比例达到40%。')).toEqual(['40%']);
    expect(targetsOf('二、2025年重点工作\n培育年销售收入超5亿元农业产业化龙头企业12家，农业产值突破900亿元。')).toEqual(['12家', '900亿元']);
    expect(targetsOf('二、2025年重点工作\n落实优化营商环境36条改革举措，推出“高效办成一件事”20项。')).toEqual(['20项']);
    expect(targetsOf('二、2025年重点工作\n力争2所高校进入全国前30名。')).toEqual(['2所']);
    expect(targetsOf('二、2025年重点工作\n20户以上自然村寨垃圾收运设施覆盖率达85%，对600个30户以上木质房屋村寨实施电改，建设200个以上精品示范村。')).toEqual(['85%', '600个', '200个']);
  });
});
