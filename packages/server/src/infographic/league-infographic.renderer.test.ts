import { rankLeagueTable } from '@duixian/core';
import { describe, expect, it } from 'vitest';
import { renderLeagueInfographicSvg } from './league-infographic.renderer.ts';

const table = rankLeagueTable([
  { region: '甲市', lastYear: 2030, thisYear: 2031, met: 4, metByStatement: 0, missed: 2, notReported: 1 },
  { region: '乙市', lastYear: 2030, thisYear: 2031, met: 2, metByStatement: 0, missed: 0, notReported: 0 },
  { region: '丁市', lastYear: 2030, thisYear: 2031, met: 0, metByStatement: 0, missed: 0, notReported: 3 },
]);

describe('renderLeagueInfographicSvg', () => {
  it('draws the title, the year totals and one bar per region with its exact share', () => {
    const svg = renderLeagueInfographicSvg({ lastYear: 2030, thisYear: 2031, rows: table.rows });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('2030年各地目标兑现排行');
    expect(svg).toContain('对照2031年政府工作报告所述结果');
    expect(svg).toContain('已兑现 6 项');
    expect(svg).toContain('未兑现 2 项');
    expect(svg).toContain('未报告 4 项');
    expect(svg).toContain('100.0%（2/2）');
    expect(svg).toContain('66.7%（4/6）');
    expect(svg).toContain('无结果');
    // Rank order top to bottom: 乙市 above 甲市 above 丁市.
    expect(svg.indexOf('1  乙市')).toBeGreaterThan(0);
    expect(svg.indexOf('1  乙市')).toBeLessThan(svg.indexOf('2  甲市'));
    expect(svg.indexOf('2  甲市')).toBeLessThan(svg.indexOf('3  丁市'));
  });

  it('speaks English on request', () => {
    const svg = renderLeagueInfographicSvg({ lastYear: 2030, thisYear: 2031, rows: table.rows }, { locale: 'en' });
    expect(svg).toContain('Targets of 2030: kept, by region');
    expect(svg).toContain('66.7% (4/6)');
    expect(svg).toContain('6 kept');
    expect(svg).not.toContain('兑现排行');
  });
});
