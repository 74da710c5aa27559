/**
 * The task table's pure parts: its filters as the staff list's query, its rows a page at a time, and the selection
 * kept to the rows listed. 未分派 (no lead unit) is a state of its own, never a red or overdue status.
 * Example: toTaskQuery({ unit: 'none', q: ' 造林 ' }) → { q: '造林', assigned: 'false' }.
 */
import type { CommitmentSummary } from '../../api/view-types.ts';

/** The unit filter's value for items without a lead unit. */
export const UNASSIGNED = 'none';

/** Rows shown at once: a page stays quick to scan and to render on a phone, whatever the plan's size. */
export const TASK_PAGE_SIZE = 50;

export interface TaskFilter {
  readonly q?: string;
  readonly theme?: string;
  /** A unit id, or UNASSIGNED. */
  readonly unit?: string;
  readonly status?: string;
  readonly colour?: string;
}

export function toTaskQuery(filter: TaskFilter): Record<string, string | undefined> {
  const isUnassignedOnly = filter.unit === UNASSIGNED;
  const hasScheduleFilter = Boolean(filter.status || filter.colour);
  return {
    q: filter.q?.trim() || undefined,
    theme: filter.theme || undefined,
    unit_id: isUnassignedOnly ? undefined : filter.unit || undefined,
    status: filter.status || undefined,
    colour: filter.colour || undefined,
    // An unassigned item is not behind anybody's schedule: a status or colour filter lists assigned items only,
    // unless 未分派 is what was asked for.
    assigned: isUnassignedOnly ? 'false' : hasScheduleFilter ? 'true' : undefined,
  };
}

export function isUnassigned(commitment: Pick<CommitmentSummary, 'units'>): boolean {
  return !commitment.units.some((unit) => unit.role === 'lead');
}

/** Page `page` (from 1, clamped to the pages there are) of `rows`. */
export function pageOfRows<T>(rows: readonly T[], page: number, size = TASK_PAGE_SIZE): { rows: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pageCount };
}

/** The chosen ids still listed: a filter that hides a row also takes it out of the next bulk assignment. */
export function keepListed(selected: ReadonlySet<number>, listed: readonly { readonly id: number }[]): Set<number> {
  return new Set(listed.filter((row) => selected.has(row.id)).map((row) => row.id));
}

/** Adds every listed id to the selection, or takes them all out. */
export function toggleAll(selected: ReadonlySet<number>, listed: readonly { readonly id: number }[], isOn: boolean): Set<number> {
  const next = new Set(selected);
  for (const row of listed) {
    if (isOn) next.add(row.id);
    else next.delete(row.id);
  }
  return next;
}
