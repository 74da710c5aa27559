/**
 * Reads the infographic's figures from the dashboard summary, so the picture and the dashboard always agree with the
 * database: budget.total.amount_yuan '2198000000' → total.amountYuan; change = current − previous, exactly.
 */
import type { DashboardSummary } from '../services/dashboard.service.ts';
import { subtract } from '../services/percent.ts';
import type { LivelihoodInfographic } from './livelihood-infographic.ts';

export function toLivelihoodInfographic(summary: DashboardSummary): LivelihoodInfographic {
  const budget = summary.budget;
  const year = budget?.year ?? summary.year;
  const programme = summary.projects.find((project) => project.year === year) ?? summary.projects[0];
  const total = budget?.total;
  const livelihood = budget?.livelihood;
  return {
    regionName: summary.region.name,
    year,
    ...(total
      ? {
          total: {
            label: total.label,
            amountYuan: total.amount_yuan,
            ...(total.previous_amount_yuan !== null
              ? { previousYear: year - 1, previousAmountYuan: total.previous_amount_yuan, changeYuan: subtract(total.amount_yuan, total.previous_amount_yuan) }
              : {}),
            ...(total.growth_percent !== null ? { growthPercent: total.growth_percent } : {}),
          },
        }
      : {}),
    ...(livelihood
      ? {
          livelihood: {
            label: livelihood.label,
            amountYuan: livelihood.amount_yuan,
            ...(livelihood.share_percent !== null ? { sharePercent: livelihood.share_percent } : {}),
            ...(livelihood.previous_amount_yuan !== null ? { changeYuan: subtract(livelihood.amount_yuan, livelihood.previous_amount_yuan) } : {}),
            ...(livelihood.growth_percent !== null ? { growthPercent: livelihood.growth_percent } : {}),
          },
        }
      : {}),
    categories: (budget?.categories ?? []).map((category) => ({ label: category.label, amountYuan: category.amount_yuan })),
    ...(programme
      ? {
          programme: {
            title: programme.title,
            ...(programme.budget_yuan !== null ? { budgetYuan: programme.budget_yuan } : {}),
            ...(programme.area_count !== null ? { areaCount: programme.area_count } : {}),
            ...(programme.project_count !== null ? { projectCount: programme.project_count } : {}),
            ...(programme.delivered_count !== null ? { deliveredCount: programme.delivered_count } : {}),
          },
        }
      : {}),
  };
}
