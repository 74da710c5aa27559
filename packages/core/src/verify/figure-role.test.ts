import { describe, expect, it } from 'vitest';
import { namesSubject, readFigureRole } from './figure-role.ts';

describe('readFigureRole', () => {
  it('reads the seed infographic words', () => {
    expect(readFigureRole(' 较2022年**', '', '元', '15.22亿元').role).toBe('previous');
    expect(readFigureRole('  \n同比增长**', '', '%', '44.4%')).toMatchObject({ role: 'growth_rate', sign: 1 });
    expect(readFigureRole(' 增支**', '', '元', '6.76亿元')).toMatchObject({ role: 'change', sign: 1, hasSubject: false });
    expect(readFigureRole('占财政总支出**', '', '%', '87.8%')).toMatchObject({ role: 'share', shareOf: '财政总支出' });
    expect(readFigureRole('较2022年增加**', '', '元', '6.66亿元').role).toBe('change');
  });
  it('reads a share from 的 after the figure and from 比重为', () => {
    expect(readFigureRole('全年将', '的支出用于保障民生', '%', '87.8%').role).toBe('share');
    expect(readFigureRole('占总人口的比重为', '', '%', '62.07%')).toMatchObject({ role: 'share', shareOf: '总人口' });
    expect(readFigureRole('增长面为', '', '%', '45.9%').role).toBe('share');
  });
  it('reads a bare 占比 as a share, not as a comparison with 比', () => {
    expect(readFigureRole('、占比', '', '%', '15%').role).toBe('share');
    expect(readFigureRole('比', '', '%', '15%').role).toBe('previous');
  });
  it('reads falls and minus signs as negative', () => {
    expect(readFigureRole('比上年下降', '', '%', '3.2%').sign).toBe(-1);
    expect(readFigureRole('减少', '', '万亩', '5万亩')).toMatchObject({ role: 'change', sign: -1 });
    expect(readFigureRole('增长', '', '%', '-3.2%').sign).toBe(-1);
  });
  it('tells 由A增加到B apart: A is the earlier level, B the level', () => {
    expect(readFigureRole('农村居民收入由', '', '元', '1.2万元')).toMatchObject({ role: 'previous', isFrom: true });
    expect(readFigureRole('增加到', '', '元', '1.5万元').role).toBe('level');
    expect(readFigureRole('提高到', '', '%', '62.07%').role).toBe('level');
  });
  it('reads 个百分点, 倍 and 年均增长', () => {
    expect(readFigureRole('支出占比提高了', '', 'pp', '4.8个百分点')).toMatchObject({ role: 'pp_change', hasSubject: true });
    expect(readFigureRole('增长', '', '倍', '2倍').role).toBe('multiple');
    expect(readFigureRole('五年年均增长', '', '%', '5.2%').role).toBe('average_growth');
  });
  it('does not take 增加值 or 比重 for a change or a comparison', () => {
    expect(readFigureRole('第一产业增加值', '', '元', '142145万元').role).toBe('level');
    expect(readFigureRole('较“十三五”末的', '', '元', '9323.1亿元').role).toBe('previous');
    expect(readFigureRole('城镇化率为', '', '%', '62.07%').role).toBe('level');
  });
});

describe('namesSubject', () => {
  it('finds a noun left when comparison and change words are taken away', () => {
    expect(namesSubject('投入资金增加了')).toBe(false);
    expect(namesSubject('民生投入增加')).toBe(true);
    expect(namesSubject('较2022年增加')).toBe(false);
    expect(namesSubject('同比增长')).toBe(false);
  });
});
