/**
 * 三色预警 as a 督查室 reads it: the commitments that need chasing, most urgent first — overdue (red), closed
 * unfinished (red), behind 序时进度 (yellow), then those due within the chosen window — with counts per lead unit. An item nobody has been assigned is not
 * behind anybody's schedule: it is counted as 未分派 apart, never listed as red or overdue.
 * Example: rankWarnings(views, 30) → { items: [overdue…, behind…, due soon…], byUnit: [{ unitName: '区教育局', overdue: 2, … }], unassigned: 454 }.
 */
import type { CommitmentView } from './commitment.service.ts';

export type WarningUrgency = 'overdue' | 'missed' | 'behind' | 'due_soon';

export interface RankedWarning {
  readonly commitment: CommitmentView;
  readonly urgency: WarningUrgency;
}

export interface UnitWarningCounts {
  readonly unitId: number;
  readonly unitName: string;
  overdue: number;
  missed: number;
  behind: number;
  due_soon: number;
}

export interface WarningsRanking {
  readonly items: RankedWarning[];
  readonly byUnit: UnitWarningCounts[];
  /** Commitments without a lead unit (未分派): the assign page's work, not a warning. */
  readonly unassigned: number;
}

const ORDER: Record<WarningUrgency, number> = { overdue: 0, missed: 1, behind: 2, due_soon: 3 };

function isDone(view: CommitmentView): boolean {
  return view.schedule.code === 'done' || view.schedule.code === 'done_early';
}

// Core colours an on-schedule item yellow near its deadline by a fixed number of days; here the window is the
// reader's choice (7, 15, 30 … days), so nearness is judged from the days left, and only 慢序时 counts as behind.
function urgencyOf(view: CommitmentView, withinDays: number): WarningUrgency | undefined {
  const code = view.schedule.code;
  if (code === null || isDone(view)) return undefined;
  if (code === 'overdue' || code === 'missed' || code === 'behind') return code;
  const days = view.schedule.days_to_deadline;
  return days !== null && days >= 0 && days <= withinDays ? 'due_soon' : undefined;
}

/** The gap behind 序时进度 in points, for ranking within a colour: the furthest behind first. */
function gapOf(view: CommitmentView): number {
  return view.schedule.gap_points === null ? 0 : Number(view.schedule.gap_points);
}

export function rankWarnings(views: readonly CommitmentView[], withinDays: number): WarningsRanking {
  const items: RankedWarning[] = [];
  const units = new Map<number, UnitWarningCounts>();
  let unassigned = 0;
  for (const view of views) {
    const lead = view.units.find((unit) => unit.role === 'lead');
    if (!lead) {
      if (!isDone(view)) unassigned += 1;
      continue;
    }
    const urgency = urgencyOf(view, withinDays);
    if (!urgency) continue;
    items.push({ commitment: view, urgency });
    const counts = units.get(lead.unit_id) ?? { unitId: lead.unit_id, unitName: lead.name, overdue: 0, missed: 0, behind: 0, due_soon: 0 };
    counts[urgency] += 1;
    units.set(lead.unit_id, counts);
  }
  items.sort((a, b) =>
    ORDER[a.urgency] - ORDER[b.urgency] ||
    (a.commitment.schedule.days_to_deadline ?? Infinity) - (b.commitment.schedule.days_to_deadline ?? Infinity) ||
    gapOf(a.commitment) - gapOf(b.commitment) ||
    a.commitment.id - b.commitment.id,
  );
  const byUnit = [...units.values()].sort((a, b) =>
    b.overdue - a.overdue || b.missed - a.missed || b.behind - a.behind || b.due_soon - a.due_soon || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  return { items, byUnit, unassigned };
}
