import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up.ts';
import type { FollowUpPair } from './follow-up-pair.ts';
import { rankLeagueTable, tallyFollowUp, type LeagueEntry } from './league-table.ts';
import { toLeagueTableCsv } from './league-table-csv.ts';
import { toLeagueTableJson } from './league-table-json.ts';

const plan2030 = [
  '二、2030年总体要求',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上，城镇调查失业率5.5%以内，一般公共预算收入增长3%。',
].join('\n');
const review2031 = ['一、2030年工作回顾', '过去一年，全省GDP增长5.3%，新增城镇就业62.1万人，城镇调查失业率平均为5.6%。'].join('\n');

const entry = (region: string, met: number, missed: number, notReported: number, metByStatement = 0): LeagueEntry => ({
  region,
  lastYear: 2030,
  thisYear: 2031,
  met,
  metByStatement,
  missed,
  notReported,
});

describe('tallyFollowUp', () => {
  it('counts the verdicts of a real follow-up: two met, one missed, one not reported', () => {
    const report = followUp(plan2030, review2031, { lastYear: 2030, thisYear: 2031 });
    expect(report.pairs.map((pair) => pair.verdict)).toEqual(['met', 'met', 'missed', 'not_reported']);
    expect(tallyFollowUp(report.pairs)).toEqual({ met: 2, metByStatement: 0, missed: 1, notReported: 1 });
  });

  it("counts a pair labelled basis: 'statement' as met and also apart", () => {
    const pairs = [{ verdict: 'met' }, { verdict: 'met', basis: 'statement' }, { verdict: 'missed', basis: 'statement' }] as Pick<FollowUpPair, 'verdict'>[];
    expect(tallyFollowUp(pairs)).toEqual({ met: 2, metByStatement: 1, missed: 1, notReported: 0 });
  });
});

describe('rankLeagueTable', () => {
  it('ranks by the share met of targets with a result, and gives both shares with one decimal', () => {
    const table = rankLeagueTable([entry('上海市', 20, 5, 3), entry('北京市', 30, 2, 8)]);
    expect(table.rows.map((row) => [row.rank, row.region, row.targets, row.shareOfReported.percent, row.shareOfAll.percent])).toEqual([
      [1, '北京市', 40, '93.8', '75.0'],
      [2, '上海市', 28, '80.0', '71.4'],
    ]);
    expect(table.rows[0]!.shareOfReported).toEqual({ met: 30, of: 32, percent: '93.8' });
  });

  it('breaks an equal share of reported by the share of all, then by the number met', () => {
    const table = rankLeagueTable([entry('甲', 4, 1, 5), entry('乙', 8, 2, 0), entry('丙', 4, 1, 0)]);
    // 乙 and 丙 both 80% of reported and 80% of all: 乙 met more.
    expect(table.rows.map((row) => [row.rank, row.region])).toEqual([
      [1, '乙'],
      [2, '丙'],
      [3, '甲'],
    ]);
  });

  it('gives a true tie one rank (listed by code point) and puts a region with no result at all last, its share null', () => {
    const table = rankLeagueTable([entry('无结果', 0, 0, 6), entry('乙', 3, 1, 0), entry('甲', 3, 1, 0)]);
    expect(table.rows.map((row) => [row.rank, row.region, row.shareOfReported.percent])).toEqual([
      [1, '乙', '75.0'],
      [1, '甲', '75.0'],
      [3, '无结果', null],
    ]);
    expect(table.rows[2]!.shareOfAll).toEqual({ met: 0, of: 6, percent: '0.0' });
  });

  it('passes a region code through when the caller knows it', () => {
    const table = rankLeagueTable([{ ...entry('北京市', 3, 1, 0), regionCode: '110000' }, entry('甲', 1, 1, 0)]);
    expect(table.rows.map((row) => row.regionCode)).toEqual(['110000', undefined]);
  });

  it('rounds half up: 1 of 8 is 12.5%, 2 of 3 is 66.7%', () => {
    const table = rankLeagueTable([entry('甲', 1, 7, 0), entry('乙', 2, 1, 0)]);
    expect(table.rows.map((row) => row.shareOfReported.percent)).toEqual(['66.7', '12.5']);
  });

  it('keeps unpaired regions and failures, sorted by name', () => {
    const table = rankLeagueTable([], { unpaired: [{ region: '乙', missing: 'this' }, { region: '甲', missing: 'last' }], failures: [{ region: '丙', reason: '文件损坏' }] });
    // Code-point order: 乙 (U+4E59) before 甲 (U+7532).
    expect(table.unpaired.map((region) => region.region)).toEqual(['乙', '甲']);
    expect(table.failures).toEqual([{ region: '丙', reason: '文件损坏' }]);
  });
});

describe('league table renderers', () => {
  const table = rankLeagueTable([entry('上海市', 20, 5, 3, 2), entry('北京市,东城', 30, 2, 8)], { unpaired: [{ region: '天津市', missing: 'this' }] });

  it('writes CSV with a BOM, a Chinese header, CRLF and a quoted comma', () => {
    const csv = toLeagueTableCsv(table);
    expect(csv.startsWith('\uFEFF名次,地区,目标年度,报告年度,目标数,完成,其中按陈述完成,未完成,未报告,')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      expect.any(String),
      '1,"北京市,东城",2030,2031,40,30,0,2,8,93.8,75.0',
      '2,上海市,2030,2031,28,20,2,5,3,80.0,71.4',
      '',
    ]);
  });

  it('writes an English header on request', () => {
    expect(toLeagueTableCsv(table, 'en').split('\r\n')[0]).toBe(
      '\uFEFFrank,region,target year,report year,targets,met,of which met by statement,missed,not reported,share met of reported %,share met of all %',
    );
  });

  it('writes JSON that reads back to the same rows', () => {
    const json = JSON.parse(JSON.stringify(toLeagueTableJson(table)));
    expect(json.rows[1]).toEqual({
      rank: 2,
      region: '上海市',
      lastYear: 2030,
      thisYear: 2031,
      targets: 28,
      met: 20,
      metByStatement: 2,
      missed: 5,
      notReported: 3,
      shareOfReported: { met: 20, of: 25, percent: '80.0' },
      shareOfAll: { met: 20, of: 28, percent: '71.4' },
    });
    expect(json.unpaired).toEqual([{ region: '天津市', missing: 'this' }]);
  });
});
