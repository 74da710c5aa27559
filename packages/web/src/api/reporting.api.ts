/**
 * The typed client of the 督办 loop: the plan's reporting cycle, 未按时报送 per unit and the report slots, 催办, and
 * the signed-in person's notifications (the bell). Example: listLateCounts({ regionCode: '630105', year: 2025 })
 * → [{ unitName: '区住建局', overdue: 1, late: 0, missed: 1, slots: 2 }].
 */
import type { NotificationJson, ReportingCycleJson, ReportSlotJson, UnitLateCountJson } from '@duixian/server';
import { ApiError } from './api-error.ts';
import { getJson, query, request } from './http.client.ts';

type PlanPlace = { readonly regionCode: string; readonly year: number };

export interface LateCountView {
  readonly unitId: number;
  readonly unitName: string;
  readonly slots: number;
  readonly overdue: number;
  readonly late: number;
  readonly missed: number;
}

export type SlotView = ReportSlotJson;
export type NotificationView = NotificationJson;
export type CycleView = ReportingCycleJson;

export async function listLateCounts(place: PlanPlace): Promise<LateCountView[]> {
  const answer = await getJson<{ items: UnitLateCountJson[] }>(`/api/reporting/late${query({ region: place.regionCode, year: place.year })}`);
  return answer.items.map((item) => ({ unitId: item.unit_id, unitName: item.unit_name, slots: item.slots, overdue: item.overdue, late: item.late, missed: item.missed }));
}

/** The slots that count as 未按时报送 (empty past due, or filled late), newest first. */
export async function listMissedSlots(place: PlanPlace): Promise<SlotView[]> {
  const answer = await getJson<{ items: SlotView[] }>(`/api/reporting/slots${query({ region: place.regionCode, year: place.year })}`);
  return answer.items.filter((slot) => slot.status === 'overdue' || slot.is_late);
}

/** The plan's cycle, or undefined when none is set yet. */
export async function getCycle(place: PlanPlace): Promise<CycleView | undefined> {
  try {
    return (await getJson<{ plan: CycleView }>(`/api/plans/${encodeURIComponent(place.regionCode)}/${place.year}/reporting-cycle`)).plan;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export function setCycle(place: PlanPlace, cycle: { frequency: CycleView['frequency']; due_day: number; remind_days_before: number }): Promise<CycleView> {
  return request('PUT', `/api/plans/${encodeURIComponent(place.regionCode)}/${place.year}/reporting-cycle`, cycle);
}

export function urgeUnit(unitId: number, note: string): Promise<unknown> {
  return request('POST', '/api/urges', { unit_id: unitId, note });
}

export async function getUnreadCount(): Promise<number> {
  return (await getJson<{ unread: number }>('/api/notifications/unread-count')).unread;
}

export function listNotifications(): Promise<{ items: NotificationView[]; unread: number; total: number }> {
  return getJson('/api/notifications?page_size=20');
}

export async function markNotificationRead(id: number): Promise<void> {
  await request('POST', `/api/notifications/${id}/read`);
}

export async function markAllNotificationsRead(): Promise<void> {
  await request('POST', '/api/notifications/read-all');
}
