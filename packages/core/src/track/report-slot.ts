/**
 * Report slots: each unit assigned to an item owes one report per period of the item's cycle; a slot is filled by
 * the unit's report submitted within the period, counts once approved, and is 未按时报送 when nothing usable was
 * submitted by its due day. Example: an item due monthly on the 25th, today 2024-06-26, no report in June →
 * slot 2024-06 of that unit is 'overdue'; a report submitted 2024-06-20 and approved → 'approved', not late.
 */
import type { ProgressReviewStatus, ReportSlotStatus } from '../model/vocabulary.ts';
import { periodsBetween, type ReportingCycle, type ReportingPeriod } from './reporting-period.ts';

/** One unit on one item, under a cycle, owing reports from the period holding `startsOn` (through `closedOn`, if closed). */
export interface SlotAssignment {
  readonly commitmentId: number;
  readonly unitId: number;
  readonly cycle: ReportingCycle;
  readonly startsOn: string;
  /** The day the item was closed (销号 approved): no slot after its period. */
  readonly closedOn?: string | null;
}

/** A report by a unit's editor, with the China date it was submitted and where its review stands. */
export interface SlotReport {
  readonly id: number;
  readonly commitmentId: number;
  readonly unitId: number;
  readonly submittedOn: string;
  readonly reviewStatus: ProgressReviewStatus;
}

export interface ReportSlot extends ReportingPeriod {
  readonly commitmentId: number;
  readonly unitId: number;
  readonly status: ReportSlotStatus;
  /** The report that fills (or last tried to fill) the slot. */
  readonly reportId: number | null;
  readonly submittedOn: string | null;
  /** Filled, but submitted after the due day (补报): it counts, and still counts as 未按时报送. */
  readonly isLate: boolean;
}

/**
 * The slots of every assignment up to and including the period holding `today`.
 * Example: buildReportSlots([{ commitmentId: 7, unitId: 3, cycle: { frequency: 'monthly', dueDay: 25 }, startsOn: '2024-05-01' }], [], '2024-06-10')
 * → slot 2024-05 'overdue', slot 2024-06 'open'.
 */
export function buildReportSlots(assignments: readonly SlotAssignment[], reports: readonly SlotReport[], today: string): ReportSlot[] {
  const reportsByAssignment = new Map<string, SlotReport[]>();
  for (const report of reports) {
    const key = `${report.commitmentId}:${report.unitId}`;
    const list = reportsByAssignment.get(key) ?? [];
    list.push(report);
    reportsByAssignment.set(key, list);
  }
  const slots: ReportSlot[] = [];
  for (const assignment of assignments) {
    const until = assignment.closedOn && assignment.closedOn < today ? assignment.closedOn : today;
    const own = reportsByAssignment.get(`${assignment.commitmentId}:${assignment.unitId}`) ?? [];
    for (const period of periodsBetween(assignment.cycle, assignment.startsOn, until)) {
      const inPeriod = own.filter((report) => report.submittedOn >= period.startsOn && report.submittedOn <= period.endsOn);
      slots.push({ ...period, commitmentId: assignment.commitmentId, unitId: assignment.unitId, ...fillOf(inPeriod, period, today) });
    }
  }
  return slots;
}

/** 未按时报送: the due day passed with nothing usable submitted, or the report that counts came after it. */
export function isMissedSlot(slot: Pick<ReportSlot, 'status' | 'isLate'>): boolean {
  return slot.status === 'overdue' || slot.isLate;
}

/** Which report fills a period's slot: the earliest approved one, else the earliest waiting for review, else none. */
function fillOf(reports: readonly SlotReport[], period: ReportingPeriod, today: string): Pick<ReportSlot, 'status' | 'reportId' | 'submittedOn' | 'isLate'> {
  const earliest = (status: ProgressReviewStatus) =>
    reports.filter((report) => report.reviewStatus === status).sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id - b.id)[0];
  const counting = earliest('approved') ?? earliest('pending');
  if (counting) {
    return { status: counting.reviewStatus === 'approved' ? 'approved' : 'submitted', reportId: counting.id, submittedOn: counting.submittedOn, isLate: counting.submittedOn > period.dueOn };
  }
  const returned = reports.filter((report) => report.reviewStatus === 'returned').sort((a, b) => b.submittedOn.localeCompare(a.submittedOn) || b.id - a.id)[0];
  const isPastDue = today > period.dueOn;
  if (returned) return { status: isPastDue ? 'overdue' : 'returned', reportId: returned.id, submittedOn: returned.submittedOn, isLate: false };
  return { status: isPastDue ? 'overdue' : 'open', reportId: null, submittedOn: null, isLate: false };
}
