import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../services/dashboard.service.ts';
import { toLivelihoodInfographic } from './livelihood-infographic.mapping.ts';

const summary: DashboardSummary = {
  region: { code: '630105', name: '城北区' },
  year: 2024,
  budget: {
    year: 2023,
    phase: 'executed',
    total: { label: '一般公共预算支出', amount_yuan: '2198000000', previous_amount_yuan: '1522000000', growth_percent: '44.4' },
    livelihood: { label: '民生领域支出', amount_yuan: '1930000000', previous_amount_yuan: '1264000000', growth_percent: '52.7', share_percent: '87.8' },
    categories: [{ label: '教育建设', functional_code: '205', amount_yuan: '342000000', share_percent: '17.7' }],
  },
  commitments: null,
  projects: [{ year: 2023, title: '为民办实事项目', area_count: 9, project_count: 31, delivered_count: 31, budget_yuan: '610000000' }],
  computed_on: '2024-03-01',
};

describe('toLivelihoodInfographic', () => {
  it('takes the budget year, amounts, growth and share from the dashboard summary', () => {
    const data = toLivelihoodInfographic(summary);
    expect(data.year).toBe(2023);
    expect(data.total).toMatchObject({ amountYuan: '2198000000', previousYear: 2022, previousAmountYuan: '1522000000', growthPercent: '44.4', changeYuan: '676000000' });
    expect(data.livelihood).toMatchObject({ amountYuan: '1930000000', sharePercent: '87.8', changeYuan: '666000000' });
    expect(data.programme).toMatchObject({ projectCount: 31, deliveredCount: 31, budgetYuan: '610000000' });
  });
  it('leaves out what the database does not have', () => {
    const data = toLivelihoodInfographic({ ...summary, budget: null, projects: [] });
    expect(data.total).toBeUndefined();
    expect(data.programme).toBeUndefined();
    expect(data.categories).toEqual([]);
  });
});
