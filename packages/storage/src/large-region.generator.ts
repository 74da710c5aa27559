/**
 * Fills a database with one large generated region for benchmarks, in set-based SQL: a plan with 20 themes,
 * `commitments` commitments with targets and deadlines through the year, `updatesPerCommitment` progress updates
 * each, and `budgetLines` budget lines over 25 years and four phases.
 * Example: `generateLargeRegion(handle, { regionCode: '990101', year: 2024, commitments: 100_000, updatesPerCommitment: 10, budgetLines: 1_000_000 })`.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

export interface LargeRegionSize {
  regionCode: string;
  year: number;
  commitments: number;
  updatesPerCommitment: number;
  budgetLines: number;
}

export async function generateLargeRegion(database: DatabaseHandle, size: LargeRegionSize): Promise<{ planId: number }> {
  const { db } = database;
  await database.repositories.regions.ensure({ code: size.regionCode, name: '基准区' });
  const plan = await database.repositories.plans.ensure({ regionCode: size.regionCode, year: size.year, title: `基准区${size.year}年工作任务` });
  await sql`insert into themes (plan_id, name, position) select ${plan.id}, '主题' || g, g from generate_series(1, 20) g`.execute(db);
  const themes = await database.repositories.plans.listThemes(plan.id);
  const firstTheme = themes[0]?.id ?? 0;
  const start = `${size.year}-01-01`;
  const firstDeadline = `${size.year}-03-31`;
  await sql`insert into commitments (plan_id, theme_id, original_text, title, target_value, target_unit, target_comparator, start_date, deadline, weight)
    select ${plan.id}, ${firstTheme} + (g % 20), '承诺事项' || g, '承诺事项' || g, 100 + g % 900, '个', '=',
      ${start}::date, ${firstDeadline}::date + (g % 275), 1
    from generate_series(1, ${size.commitments}::int) g`.execute(db);
  await sql`insert into progress_updates (commitment_id, reported_on, amount, reported_status)
    select c.id, ${start}::date + ((u * 17 + c.id) % 170), (c.id * u) % (100 + c.id % 900), 'in_progress'
    from commitments c cross join generate_series(1, ${size.updatesPerCommitment}::int) u
    where c.plan_id = ${plan.id}`.execute(db);
  // Reviewed like reports that were public before reviews: approved by nobody in particular.
  await sql`insert into progress_reviews (update_id, decision)
    select u.id, 'approved' from progress_updates u join commitments c on c.id = u.commitment_id
    where c.plan_id = ${plan.id} and not exists (select 1 from progress_reviews r where r.update_id = u.id)`.execute(db);
  await sql`insert into budget_lines (region_code, year, phase, scope, label, amount_yuan)
    select ${size.regionCode}, ${size.year} - 24 + g % 25, (array['proposed','approved','adjusted','executed'])[1 + (g / 25) % 4],
      case when g % 2000 < 25 then 'total' when g % 2000 < 50 then 'livelihood' else 'category' end,
      '科目' || (g % 200), (g::numeric * 1234567) / 100
    from generate_series(1, ${size.budgetLines}::int) g`.execute(db);
  await sql`analyze`.execute(db);
  return { planId: plan.id };
}
