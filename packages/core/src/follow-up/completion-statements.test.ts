import { describe, expect, it } from 'vitest';
import { findCompletionStatements, findStatementGroups, isGroupCount } from './completion-statements.ts';
import { classifyReviewPeriods } from './review-periods.ts';

describe('findCompletionStatements', () => {
  it('finds "N件民生实事全部完成" and "为民办实事工程项目全面完成" in the review of the year', () => {
    const text = '一、2030年工作回顾\n过去一年，财政民生支出增长4%，为民办实事工程项目全面完成，15件民生实事全部兑现。\n二、2031年重点工作\n今年继续办好民生实事。';
    expect(findCompletionStatements(text, classifyReviewPeriods(text), 2030).map((span) => span.text)).toEqual(['为民办实事工程项目全面完成', '15件民生实事全部兑现']);
  });

  it('reads "办好N项民生实事" in the review as the counted list done, with items added ("12+3"), but not without a count', () => {
    const text = '一、2030年工作回顾\n过去一年，投入60亿元办好“12+3”项民生实事。我们坚持办好民生实事。\n二、2031年重点工作\n今年办好15件民生实事。';
    expect(findCompletionStatements(text, classifyReviewPeriods(text), 2030).map((span) => span.text)).toEqual(['办好“12+3”项民生实事']);
  });

  it('finds none in the plan part, in another year\'s review, or where the things are only promised', () => {
    const text = '一、2029年工作回顾\n过去一年，10件民生实事全部完成。\n二、2031年重点工作\n确保民生实事全部完成。';
    expect(findCompletionStatements(text, classifyReviewPeriods(text), 2030)).toEqual([]);
  });
});

describe('findStatementGroups', () => {
  it('takes the plan paragraph that names the 民生实事, or the part under a heading naming them', () => {
    const text = [
      '二、2030年重点工作',
      '（九）办好民生实事。新建幼儿园20所。',
      '改造老旧小区300个。',
      '（十）抓安全。整治隐患500处。',
      '筹措资金835亿元以上，实施十大为民办实事工程。',
    ].join('\n');
    const groups = findStatementGroups(text, classifyReviewPeriods(text)).map((span) => span.text.trim());
    expect(groups).toEqual(['（九）办好民生实事。新建幼儿园20所。\n改造老旧小区300个。', '筹措资金835亿元以上，实施十大为民办实事工程。']);
  });
});

describe('findStatementGroups, headings', () => {
  it('does not stretch a group over a part whose heading is about something broader', () => {
    const text = ['二、2030年重点工作', '（八）切实保障和改善民生。以办好10件民生实事为牵引，新增城镇就业41万人。', '每千人口护士数达到4.3人以上。', '（九）抓安全。'].join('\n');
    expect(findStatementGroups(text, classifyReviewPeriods(text)).map((span) => span.text.trim())).toEqual(['以办好10件民生实事为牵引，新增城镇就业41万人。']);
  });
});

describe('findStatementGroups, appendix', () => {
  it('takes the whole appendix whose title names the counted group, up to the next appendix', () => {
    const text = [
      '二、2030年重点工作',
      '继续办好8件惠民实事。',
      '附件',
      '2030年8件惠民实事',
      '一、稳定就业',
      '年度目标：城镇新增就业30万人以上。',
      '二、改善人居环境',
      '年度目标：农村卫生户厕覆盖率达到75%。',
      '附件2',
      '名词解释',
      '1.“三个一批”：新建、改建、扩建。',
    ].join('\n');
    const groups = findStatementGroups(text, classifyReviewPeriods(text)).map((span) => span.text.trim());
    expect(groups).toEqual([
      '继续办好8件惠民实事。',
      '2030年8件惠民实事\n一、稳定就业\n年度目标：城镇新增就业30万人以上。\n二、改善人居环境\n年度目标：农村卫生户厕覆盖率达到75%。',
    ]);
  });
});

describe('findStatementGroups, inside a paragraph', () => {
  it('takes the list a count announces, but only the sentence that names the 民生实事 in passing', () => {
    const text = [
      '二、2030年重点工作',
      '把群众的事办好。办好12件民生实事。为5000户老年人家庭实施适老化改造，建设30个口袋公园。',
      '织密社会保障网。对票决出来的民生实事项目集中攻坚。基本养老保险参保达500万人，医保参保率达95%以上。',
    ].join('\n');
    expect(findStatementGroups(text, classifyReviewPeriods(text)).map((span) => span.text.trim())).toEqual([
      '办好12件民生实事。为5000户老年人家庭实施适老化改造，建设30个口袋公园。',
      '对票决出来的民生实事项目集中攻坚。',
    ]);
  });
});

describe('isGroupCount', () => {
  const text = '投入90亿元办好30件群众急难愁盼民生实事，新建幼儿园20所。';
  const at = (figure: string) => ({ start: text.indexOf(figure), end: text.indexOf(figure) + figure.length, text: figure });

  it('tells the count of the group from the money for it and from an item', () => {
    expect(isGroupCount(text, at('30件'))).toBe(true);
    expect(isGroupCount(text, at('90亿元'))).toBe(false);
    expect(isGroupCount(text, at('20所'))).toBe(false);
  });

  it('reads the count written after the name: 实施民生实事15项', () => {
    const after = '安排资金90亿元，实施民生实事15项，新建幼儿园20所。';
    const figure = (words: string) => ({ start: after.indexOf(words), end: after.indexOf(words) + words.length, text: words });
    expect(isGroupCount(after, figure('15项'))).toBe(true);
    expect(isGroupCount(after, figure('90亿元'))).toBe(false);
    expect(isGroupCount(after, figure('20所'))).toBe(false);
  });
});
