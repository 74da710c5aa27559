import { describe, expect, it } from 'vitest';
import { classifyReviewPeriods } from './review-periods.ts';
import { findSubjectStatements, readTargetWords, settlesTarget, type StatedTarget } from './subject-statements.ts';

const percent = (value: number, comparator?: StatedTarget['comparator']): Pick<StatedTarget, 'value' | 'unit' | 'comparator'> => ({
  value: { type: 'exact', value: { mantissa: BigInt(value), exponent: 0 } },
  unit: '%',
  ...(comparator ? { comparator } : {}),
});
const amount = (value: number, unit: string): Pick<StatedTarget, 'value' | 'unit'> => ({ value: { type: 'exact', value: { mantissa: BigInt(value), exponent: 0 } }, unit });

describe('findSubjectStatements', () => {
  const text = [
    '一、2030年工作回顾',
    '过去一年，主要目标任务如期完成。涉及3.2万人的保交房任务全部完成，完成年度“燃气管道”改造任务，县城黑臭水体基本消除，全市乡镇卫生院服务能力全部达到国家标准，12件民生实事全部完成。',
    '二、2031年重点工作',
    '确保城中村改造任务全部完成。',
  ].join('\n');
  const statements = findSubjectStatements(text, classifyReviewPeriods(text), 2030);

  it('reads the subject and how completely it was done, from the review of the year only', () => {
    expect(statements.map((statement) => [statement.text, statement.subject, statement.degree, statement.named ?? ''])).toEqual([
      ['涉及3.2万人的保交房任务全部完成', '保交房', 'all', ''],
      ['完成年度“燃气管道”改造任务', '燃气管道', 'all', ''],
      ['县城黑臭水体基本消除', '县城黑臭水体', 'mostly', '消除'],
      ['全市乡镇卫生院服务能力全部达到国家标准', '乡镇卫生院', 'all', '国家标准'],
    ]);
    for (const statement of statements) expect(text.slice(statement.start, statement.end)).toBe(statement.text);
  });

  it('takes no general claim (主要目标任务如期完成), no 民生实事 and no promise of the plan', () => {
    expect(statements.some((statement) => /主要目标|民生实事|城中村/u.test(statement.text))).toBe(false);
  });
});

describe('findSubjectStatements, other word orders', () => {
  it('reads 完成 before the task, 超额, 全部开工 and 基本实现全覆盖, and none of the general claims', () => {
    const text = [
      '一、2030年工作回顾',
      '过去一年，全面完成保交楼任务，超额完成清欠企业账款年度目标，造林绿化完成年度任务，安置住房项目全部开工，建制镇污水处理设施基本实现全覆盖。',
      '超额完成国家下达任务，完成了市人代会确定的目标任务，顺利完成全年经济社会发展主要目标，提前完成“十四五”减排目标任务。',
      '二、2031年重点工作',
    ].join('\n');
    const statements = findSubjectStatements(text, classifyReviewPeriods(text), 2030);
    expect(statements.map((statement) => [statement.subject, statement.degree, statement.named ?? ''])).toEqual([
      ['保交楼', 'all', ''],
      ['清欠企业账款', 'all', ''],
      ['造林绿化', 'all', ''],
      ['安置住房', 'all', '开工'],
      ['建制镇污水处理设施', 'mostly', '覆盖'],
    ]);
  });
});

describe('settlesTarget', () => {
  const [housing, pipes, water, clinics] = (() => {
    const text = '过去一年，涉及3.2万人的保交房任务全部完成，完成年度“燃气管道”改造任务，县城黑臭水体基本消除，全市乡镇卫生院服务能力全部达到国家标准。';
    return findSubjectStatements(text, classifyReviewPeriods(text), 2030);
  })() as [never, never, never, never];

  it('meets a target naming the statement\'s subject: a rate, a length, a share reaching the standard', () => {
    expect(settlesTarget(housing, { metric: '已售难交付住房项目保交房交付率', ...percent(100) })).toBe(true);
    expect(settlesTarget(pipes, { metric: '更新改造城市燃气管道', ...amount(800, '公里') })).toBe(true);
    expect(settlesTarget(clinics, { metric: '乡镇卫生院、村卫生室达到国家标准比例', ...percent(100) })).toBe(true);
  });

  it('lets 基本 settle a rate of 90% or less only', () => {
    expect(settlesTarget(water, { metric: '县城黑臭水体消除率', ...percent(90, '>=') })).toBe(true);
    expect(settlesTarget(water, { metric: '县城黑臭水体消除率', ...percent(95, '>=') })).toBe(false);
    expect(settlesTarget(water, { metric: '治理县城黑臭水体', ...amount(30, '条') })).toBe(false);
  });

  it('settles no target of another subject, no money, no change and no target the statement does not name', () => {
    expect(settlesTarget(housing, { metric: '城中村改造', ...amount(6000, '套') })).toBe(false);
    expect(settlesTarget(housing, { metric: '保交房专项借款', ...amount(80, '元') })).toBe(false);
    expect(settlesTarget(pipes, { metric: '燃气管道投资增长', direction: 'up', ...percent(10) })).toBe(false);
    expect(settlesTarget(clinics, { metric: '乡镇卫生院床位', ...amount(2000, '张') })).toBe(false);
  });

  it('does not take 全部达标 for a target that measures something else of the subject', () => {
    const text = '过去一年，各市空气质量全部达标。';
    const [air] = findSubjectStatements(text, classifyReviewPeriods(text), 2030);
    expect(air).toMatchObject({ subject: '空气质量', named: '达标' });
    expect(settlesTarget(air!, { metric: '城市空气质量优良天数比例', ...percent(88) })).toBe(false);
    expect(settlesTarget(air!, { metric: '城市空气质量达标率', ...percent(100) })).toBe(true);
  });
});

describe('settlesTarget, coverage', () => {
  it('lets 基本实现全覆盖 settle a coverage of 90% or less of the same facilities', () => {
    const text = '过去一年，建制镇污水处理设施基本实现全覆盖。';
    const [coverage] = findSubjectStatements(text, classifyReviewPeriods(text), 2030);
    expect(settlesTarget(coverage!, { metric: '建制镇污水处理设施覆盖率', ...percent(85) })).toBe(true);
    expect(settlesTarget(coverage!, { metric: '建制镇污水处理设施覆盖率', ...percent(95) })).toBe(false);
    expect(settlesTarget(coverage!, { metric: '新建建制镇污水处理设施', ...amount(40, '座') })).toBe(false);
  });
});

describe('settlesTarget, coverage without 全部', () => {
  it('reads 实现全覆盖 as every one covered, settling a coverage target of the same things', () => {
    const text = '过去一年，乡镇寄递物流站点实现全覆盖。';
    const [covered] = findSubjectStatements(text, classifyReviewPeriods(text), 2030);
    expect(covered).toMatchObject({ subject: '乡镇寄递物流站点', degree: 'all', named: '覆盖' });
    expect(settlesTarget(covered!, { metric: '乡镇寄递物流站点覆盖率', ...percent(98) })).toBe(true);
    expect(settlesTarget(covered!, { metric: '新建乡镇寄递物流站点', ...amount(300, '个') })).toBe(false);
  });
});

describe('readTargetWords', () => {
  it('takes the words after a figure when no other figure follows in its clause', () => {
    const text = '乡镇卫生院、村卫生室100%达到国家标准，新建幼儿园20所、托育机构30个。';
    const at = (figure: string) => ({ start: text.indexOf(figure), end: text.indexOf(figure) + figure.length });
    expect(readTargetWords(text, at('100%'))).toBe('乡镇卫生院、村卫生室达到国家标准');
    expect(readTargetWords(text, at('20所'))).toBe('新建幼儿园');
    expect(readTargetWords(text, at('30个'))).toBe('所、托育机构');
  });
});
