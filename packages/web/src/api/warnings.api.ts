/** The warnings list (三色预警): what to chase, worst first, with counts by unit. Example: listWarnings(place, 30) → { items, byUnit, unassigned }. */
import type { CommitmentJson } from '@duixian/server';
import { getJson, query } from './http.client.ts';
import type { Place, WarningsView, WarningUrgency } from './view-types.ts';
import { toCommitmentSummary } from './commitments.api.ts';

/**
 * The warnings list: red and yellow commitments (overdue, behind), then those due within `withinDays` that are not
 * done, worst first. Statuses are the server's; the page only sorts and cuts.
 */
interface WarningsJson {
  items: { urgency: WarningUrgency; commitment: CommitmentJson }[];
  by_unit: { unit_id: number; unit_name: string; overdue: number; missed: number; behind: number; due_soon: number }[];
  unassigned: number;
}

/** The workbench's warnings, ranked by the server: overdue, closed unfinished, behind schedule, then due soon. */
export async function listWarnings(place: Place, withinDays: number): Promise<WarningsView> {
  const answer = await getJson<WarningsJson>(`/api/warnings${query({ region: place.regionCode, year: place.year, within_days: withinDays })}`);
  return {
    items: answer.items.map((item) => {
      const commitment = toCommitmentSummary(item.commitment);
      return {
        commitment,
        urgency: item.urgency,
        reason: commitment.explanation ?? '',
        ...(commitment.daysToDeadline !== undefined ? { daysLeft: commitment.daysToDeadline } : {}),
      };
    }),
    byUnit: answer.by_unit.map((unit) => ({ unitId: unit.unit_id, unitName: unit.unit_name, overdue: unit.overdue, missed: unit.missed, behind: unit.behind, dueSoon: unit.due_soon })),
    unassigned: answer.unassigned,
  };
}
