/**
 * The overview (民生账本) of a place: the dashboard's figures with their sentences, and the infographic's address.
 * Example: getOverview('630105', 2024) → { total: { amountYuan: '2198000000', growthPercent: '44.4' }, … }.
 */
import type { BudgetLineJson, DashboardSummaryJson, LivelihoodProgramme } from '@duixian/server';
import type { z } from 'zod';
import { addDecimalTexts } from '@duixian/core';
import { getJson, query } from './http.client.ts';
import type { OverviewView, Place } from './view-types.ts';
import type { Locale } from '../i18n/locale.ts';
import { PAGE_SIZE, sourceOf, type WirePage } from './wire-rows.mapping.ts';

export async function getOverview(regionCode: string, year: number): Promise<OverviewView> {
  // The summary has the figures; the budget lines and programmes (fetched alongside) say which sentence each came from.
  const [summary, lines, programmes] = await Promise.all([
    getJson<DashboardSummaryJson>(`/api/dashboard/summary${query({ region: regionCode, year })}`),
    getJson<WirePage<BudgetLineJson>>(`/api/budget-lines${query({ region: regionCode, page_size: PAGE_SIZE })}`).catch(() => ({ items: [] as BudgetLineJson[] })),
    getJson<{ items: z.infer<typeof LivelihoodProgramme>[] }>(`/api/livelihood/programmes${query({ region: regionCode })}`).catch(() => ({ items: [] as z.infer<typeof LivelihoodProgramme>[] })),
  ]);
  const budget = summary.budget;
  const lineSource = (scope: string, label: string) => {
    const line = lines.items.find((item) => item.year === budget?.year && item.phase === budget?.phase && item.scope === scope && item.label === label);
    return line ? sourceOf(line) : {};
  };
  const budgetYear = budget?.year ?? summary.year;
  const programme = summary.projects.find((project) => project.year === budgetYear) ?? summary.projects[0];
  const subtract = (a: string, b: string | null) => (b === null ? undefined : subtractDecimalText(a, b));
  const total = budget?.total;
  const livelihood = budget?.livelihood;
  return {
    place: { regionCode: summary.region.code, regionName: summary.region.name, year: budgetYear },
    ...(total
      ? {
          total: {
            label: total.label,
            amountYuan: total.amount_yuan,
            ...(total.previous_amount_yuan !== null ? { previousYear: budgetYear - 1, previousAmountYuan: total.previous_amount_yuan } : {}),
            ...(total.growth_percent !== null ? { growthPercent: total.growth_percent } : {}),
            ...(subtract(total.amount_yuan, total.previous_amount_yuan) ? { changeYuan: subtract(total.amount_yuan, total.previous_amount_yuan)! } : {}),
            ...lineSource('total', total.label),
          },
        }
      : {}),
    ...(livelihood
      ? {
          livelihood: {
            label: livelihood.label,
            amountYuan: livelihood.amount_yuan,
            ...(livelihood.share_percent !== null ? { sharePercent: livelihood.share_percent } : {}),
            ...(livelihood.growth_percent !== null ? { growthPercent: livelihood.growth_percent } : {}),
            ...(livelihood.previous_amount_yuan !== null ? { previousYear: budgetYear - 1, changeYuan: subtract(livelihood.amount_yuan, livelihood.previous_amount_yuan)! } : {}),
            ...lineSource('livelihood', livelihood.label),
          },
        }
      : {}),
    categories: (budget?.categories ?? []).map((category) => ({
      label: category.label,
      amountYuan: category.amount_yuan,
      ...(category.functional_code ? { functionalCode: category.functional_code } : {}),
      ...lineSource('category', category.label),
    })),
    themes: (summary.commitments?.themes ?? []).map((theme) => ({
      name: theme.theme ?? '—',
      total: theme.total,
      green: theme.green,
      yellow: theme.yellow,
      red: theme.red,
    })),
    ...(programme
      ? {
          programme: {
            title: programme.title,
            ...(programme.budget_yuan !== null ? { budgetYuan: programme.budget_yuan } : {}),
            ...(programme.area_count !== null ? { areaCount: programme.area_count } : {}),
            ...(programme.project_count !== null ? { projectCount: programme.project_count } : {}),
            ...(programme.delivered_count !== null ? { deliveredCount: programme.delivered_count } : {}),
            ...(() => {
              const row = programmes.items.find((item) => item.year === programme.year && item.title === programme.title);
              return row ? sourceOf(row) : {};
            })(),
          },
        }
      : {}),
  };
}

/** Exact a − b of decimal strings. */
function subtractDecimalText(a: string, b: string): string {
  return addDecimalTexts(a, b.startsWith('-') ? b.slice(1) : `-${b}`);
}
export function infographicHref(place: Place, format: 'svg' | 'png', locale: Locale): string {
  return `/api/infographic/${encodeURIComponent(place.regionCode)}/${place.year}/ledger.${format}${locale === 'en' ? '?lang=en' : ''}`;
}
