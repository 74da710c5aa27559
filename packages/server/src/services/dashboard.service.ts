/**
 * The dashboard summary of a region and year (民生账本 at a glance): total spending with growth, the livelihood
 * share, spending by category, commitments by theme with red / yellow / green counts, livelihood projects delivered.
 * Cached until the next write. Example: `summary('630105', 2024)` → { budget: { year: 2023, total: { amount_yuan:
 * '2198000000', growth_percent: '44.4' }, … }, commitments: { plan_year: 2024, themes: [...] } }.
 */
import type { BudgetPhase, DatabaseHandle } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import type { CommitmentService } from './commitment.service.ts';
import { growthPercent, percentOf } from './percent.ts';
import { todayInChina } from './schedule.service.ts';

export interface BudgetFigure {
  label: string;
  amount_yuan: string;
  previous_amount_yuan: string | null;
  /** Growth over the previous year in percent, one decimal as reports publish it: '44.4'. */
  growth_percent: string | null;
}

export interface DashboardSummary {
  region: { code: string; name: string };
  year: number;
  budget: {
    year: number;
    phase: BudgetPhase;
    total: BudgetFigure | null;
    livelihood: (BudgetFigure & { share_percent: string | null }) | null;
    categories: { label: string; functional_code: string | null; amount_yuan: string; share_percent: string | null }[];
  } | null;
  commitments: {
    plan_id: number;
    plan_year: number;
    total: number;
    by_colour: { red: number; yellow: number; green: number; unknown: number };
    themes: { theme: string | null; total: number; red: number; yellow: number; green: number; unknown: number }[];
  } | null;
  projects: {
    year: number;
    title: string;
    area_count: number | null;
    project_count: number | null;
    delivered_count: number | null;
    budget_yuan: string | null;
  }[];
  computed_on: string;
}

/** Which phase a year's summary reads: what was spent when known, else the approved or proposed budget. */
const PHASE_PREFERENCE: readonly BudgetPhase[] = ['executed', 'adjusted', 'approved', 'proposed'];

export class DashboardService {
  readonly #database: DatabaseHandle;
  readonly #commitments: CommitmentService;
  readonly #cache: ReadCache;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, commitments: CommitmentService, cache: ReadCache, now: () => Date) {
    this.#database = database;
    this.#commitments = commitments;
    this.#cache = cache;
    this.#now = now;
  }

  /** The years a region has data for: budget years and plan years, newest first. */
  async years(regionCode: string): Promise<{ budget_years: number[]; plan_years: number[] }> {
    const { budgetLines, plans } = this.#database.repositories;
    const [budgetYears, planRows] = await Promise.all([budgetLines.listYears(regionCode), plans.list({ regionCode })]);
    return { budget_years: budgetYears, plan_years: planRows.map((row) => row.year) };
  }

  /**
   * Summary for `year`: the commitments of that year's plan and the latest budget year up to it (a year's report
   * tells last year's spending), or the newest year with any data when `year` is omitted.
   */
  async summary(regionCode: string, year?: number): Promise<DashboardSummary> {
    const today = todayInChina(this.#now());
    return this.#cache.get(`dashboard:${regionCode}:${year ?? 'latest'}:${today}`, () => this.#compute(regionCode, year, today));
  }

  async #compute(regionCode: string, requestedYear: number | undefined, today: string): Promise<DashboardSummary> {
    const { regions, plans, budgetLines, livelihood } = this.#database.repositories;
    const region = await regions.get(regionCode);
    const years = await this.years(regionCode);
    const year = requestedYear ?? Math.max(years.plan_years[0] ?? 0, years.budget_years[0] ?? 0, 0);
    const budgetYear = years.budget_years.find((candidate) => candidate <= year);
    const plan = (await plans.list({ regionCode })).find((candidate) => candidate.year <= year);

    let budget: DashboardSummary['budget'] = null;
    if (budgetYear !== undefined) {
      const phases = await budgetLines.listPhases(regionCode, budgetYear);
      const phase = PHASE_PREFERENCE.find((candidate) => phases.includes(candidate)) ?? 'executed';
      const phased = await budgetLines.sumByLabel({ regionCode, years: [budgetYear, budgetYear - 1], phase });
      const pick = (scope: 'total' | 'livelihood', y: number) => phased.find((row) => row.scope === scope && row.year === y);
      const figure = (scope: 'total' | 'livelihood'): BudgetFigure | null => {
        const current = pick(scope, budgetYear);
        if (!current) return null;
        const previous = pick(scope, budgetYear - 1);
        return {
          label: current.label,
          amount_yuan: current.amount_yuan,
          previous_amount_yuan: previous?.amount_yuan ?? null,
          growth_percent: previous ? growthPercent(current.amount_yuan, previous.amount_yuan, 1) : null,
        };
      };
      const total = figure('total');
      const livelihoodFigure = figure('livelihood');
      const categoryBase = livelihoodFigure ?? total;
      budget = {
        year: budgetYear,
        phase,
        total,
        livelihood: livelihoodFigure
          ? { ...livelihoodFigure, share_percent: total ? percentOf(livelihoodFigure.amount_yuan, total.amount_yuan, 1) : null }
          : null,
        categories: phased
          .filter((row) => row.scope === 'category' && row.year === budgetYear)
          .map((row) => ({
            label: row.label,
            functional_code: row.functional_code,
            amount_yuan: row.amount_yuan,
            share_percent: categoryBase ? percentOf(row.amount_yuan, categoryBase.amount_yuan, 1) : null,
          })),
      };
    }

    let commitments: DashboardSummary['commitments'] = null;
    if (plan) {
      const tally = await this.#commitments.tally(plan.id);
      const byTheme = new Map<string | null, { theme: string | null; total: number; red: number; yellow: number; green: number; unknown: number }>();
      const byColour = { red: 0, yellow: 0, green: 0, unknown: 0 };
      // Themes in the plan's order first, then any counted commitment whose theme is not (or no longer) listed.
      for (const theme of await plans.listThemes(plan.id)) byTheme.set(theme.name, { theme: theme.name, total: 0, red: 0, yellow: 0, green: 0, unknown: 0 });
      for (const [theme, counts] of tally) {
        if (counts.total === 0) continue;
        byTheme.set(theme, { theme, ...counts });
        byColour.red += counts.red;
        byColour.yellow += counts.yellow;
        byColour.green += counts.green;
        byColour.unknown += counts.unknown;
      }
      commitments = {
        plan_id: plan.id,
        plan_year: plan.year,
        total: [...byTheme.values()].reduce((sum, entry) => sum + entry.total, 0),
        by_colour: byColour,
        themes: [...byTheme.values()],
      };
    }

    const programmes = budgetYear !== undefined ? await livelihood.listProgrammes({ regionCode, year: budgetYear }) : [];
    return {
      region: { code: region.code, name: region.name },
      year,
      budget,
      commitments,
      projects: programmes.map((programme) => ({
        year: programme.year,
        title: programme.title,
        area_count: programme.area_count,
        project_count: programme.project_count,
        delivered_count: programme.delivered_count,
        budget_yuan: programme.budget_yuan,
      })),
      computed_on: today,
    };
  }
}
