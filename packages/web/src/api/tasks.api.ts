/** The staff's task table and its edits: list, assign (牵头/配合单位, deadline), update one. Example: assignTasks([4, 5], { leadUnitId: 3 }) → 2. */
import type { CommitmentJson } from '@duixian/server';
import { getJson, query, request } from './http.client.ts';
import type { Place, TaskRow } from './view-types.ts';
import { PAGE_SIZE, type WirePage } from './wire-rows.mapping.ts';
import { toCommitmentSummary } from './commitments.api.ts';

/**
 * The staff's task table: every commitment of the place matching the filters, unpublished ones too, all pages read.
 * `filter` is the list's query (see pages/staff/task-filter.ts): { assigned: 'false' } for the 未分派 ones.
 */
export async function listTasks(place: Place, filter: Readonly<Record<string, string | undefined>>): Promise<TaskRow[]> {
  const rows: TaskRow[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getJson<WirePage<CommitmentJson>>(
      `/api/staff/commitments${query({ region: place.regionCode, year: place.year, ...filter, page, page_size: PAGE_SIZE })}`,
    );
    rows.push(...answer.items.map((row) => ({ ...toCommitmentSummary(row), version: row.version, published: row.published })));
    if (answer.items.length === 0 || rows.length >= answer.total) return rows;
  }
}

/** One lead unit, supporting units (omitted: each keeps its own) and deadline for many commitments: all or none. */
export async function assignTasks(ids: readonly number[], change: { leadUnitId: number; supportingUnitIds?: readonly number[]; deadline?: string }): Promise<number> {
  const answer = await request<{ assigned: number }>('POST', '/api/commitments/assignments', {
    ids,
    lead_unit_id: change.leadUnitId,
    ...(change.supportingUnitIds && change.supportingUnitIds.length > 0 ? { supporting_unit_ids: change.supportingUnitIds } : {}),
    ...(change.deadline ? { deadline: change.deadline } : {}),
  });
  return answer.assigned;
}

/** One row's units, deadline and published flag, at the version read (a stale one gets the server's 409 message). */
export async function updateTask(
  task: TaskRow,
  change: { leadUnitId: number | null; supportingUnitIds: readonly number[]; deadline: string | null; published: boolean },
): Promise<void> {
  await request('PATCH', `/api/commitments/${task.id}`, {
    version: task.version,
    lead_unit_id: change.leadUnitId,
    supporting_unit_ids: change.supportingUnitIds,
    deadline: change.deadline,
    published: change.published,
  });
}
