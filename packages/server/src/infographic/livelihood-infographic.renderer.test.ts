import { describe, expect, it } from 'vitest';
import { renderLivelihoodInfographicSvg } from './livelihood-infographic.renderer.ts';
import type { LivelihoodInfographic } from './livelihood-infographic.ts';

const ledger: LivelihoodInfographic = {
  regionName: '城北区',
  year: 2023,
  total: { label: '一般公共预算支出', amountYuan: '2198000000', previousYear: 2022, previousAmountYuan: '1522000000', growthPercent: '44.4', changeYuan: '676000000' },
  livelihood: { label: '民生领域支出', amountYuan: '1930000000', sharePercent: '87.8', changeYuan: '666000000', growthPercent: '52.8' },
  categories: [
    { label: '教育建设', amountYuan: '342000000' },
    { label: '文化科技', amountYuan: '35220000' },
  ],
  programme: { title: '为民办实事项目', budgetYuan: '610000000', areaCount: 9, projectCount: 31, deliveredCount: 31 },
};

describe('renderLivelihoodInfographicSvg', () => {
  it('writes the headline figures the Chinese way from the exact amounts', () => {
    const svg = renderLivelihoodInfographicSvg(ledger);
    for (const figure of ['21.98亿元', '15.22亿元', '44.4%', '6.76亿元', '19.3亿元', '87.8%', '52.8%', '3.42亿元', '3522万元', '6.1亿元', '9个方面31项', '已兑现 31 / 31 项']) {
      expect(svg).toContain(figure);
    }
    expect(svg.startsWith('<svg')).toBe(true);
  });
  it('draws the categories as an ECharts bar chart inside the picture', () => {
    const svg = renderLivelihoodInfographicSvg(ledger);
    expect(svg).toContain('教育建设');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
  it('escapes text from the database instead of letting it become markup', () => {
    const svg = renderLivelihoodInfographicSvg({ ...ledger, regionName: '<script>alert(1)</script>', categories: [] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
  });
  it('leaves out a block whose figures are missing rather than printing a placeholder', () => {
    const svg = renderLivelihoodInfographicSvg({ regionName: '城北区', year: 2024, categories: [] });
    expect(svg).not.toContain('undefined');
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('亿元');
  });
  it('speaks English on request', () => {
    expect(renderLivelihoodInfographicSvg(ledger, { locale: 'en' })).toContain('2.198 billion yuan');
  });
});
