/**
 * Reporting cycles and the report slots they give each assigned unit: set a plan's cycle (or one item's), list the
 * slots with where each stands, and count 未按时报送 per unit for the warnings page and the unit's own view.
 * Example: `await cycles.setPlanCycle({ regionCode: '630105', year: 2025 }, { frequency: 'monthly', dueDay: 25, remindDaysBefore: 3, startsOn: '2025-01-01' }, actor)`.
 */
import { buildReportSlots, chinaDateOf, isMissedSlot, maxDueDay, type ReportSlot, type SlotAssignment } from '@duixian/core';
import { InvalidError, NotFoundError, type CycleSettings, type DatabaseHandle, type PlanRow, type ReportingCycleRow } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';

export interface PlanRef {
  readonly regionCode: string;
  readonly year: number;
}

/** A slot as the API shows it: with its item and unit named. */
export interface NamedSlot extends ReportSlot {
  readonly commitmentTitle: string;
  readonly unitName: string;
}

/** One unit's slots counted: 未按时报送 is `overdue` (still empty past due) plus `late` (filled after the due day). */
export interface UnitLateCount {
  readonly unitId: number;
  readonly unitName: string;
  readonly slots: number;
  readonly overdue: number;
  readonly late: number;
  readonly missed: number;
}

export class ReportingCycleService {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, now: () => Date) {
    this.#database = database;
    this.#now = now;
  }

  /**
   * Sets a plan's cycle (every item follows it unless it has its own); audited on the plan. Without `startsOn`, slots
   * are owed from today's period (China time): a cycle set in June does not make January to May overdue.
   */
  async setPlanCycle(ref: PlanRef, input: Omit<CycleSettings, 'startsOn'> & { startsOn?: string }, actor: SessionUser): Promise<ReportingCycleRow> {
    const settings: CycleSettings = { ...input, startsOn: input.startsOn ?? chinaDateOf(this.#now().getTime()) };
    checkSettings(settings);
    return this.#database.transaction(async (repositories) => {
      const plan = await this.#plan(ref, repositories.plans);
      const before = (await repositories.reportingCycles.listForPlan(plan.id)).find((cycle) => cycle.commitment_id === null);
      const row = await repositories.reportingCycles.setForPlan(plan.id, settings);
      await repositories.auditEvents.record({ actorId: actor.id, action: 'set_reporting_cycle', entityType: 'plan', entityId: plan.id, before: before ?? null, after: row });
      return row;
    });
  }

  /** Gives one item its own cycle (周报 or 季报 where the plan reports monthly); audited on the item. */
  async setCommitmentCycle(commitmentId: number, settings: CycleSettings, actor: SessionUser): Promise<ReportingCycleRow> {
    checkSettings(settings);
    return this.#database.transaction(async (repositories) => {
      const commitment = await repositories.commitments.get(commitmentId);
      const row = await repositories.reportingCycles.setForCommitment(commitment.plan_id, commitmentId, settings);
      await repositories.auditEvents.record({ actorId: actor.id, action: 'set_reporting_cycle', entityType: 'commitment', entityId: commitmentId, after: row });
      return row;
    });
  }

  /** A plan's cycle and its items' own cycles; 404 when the plan has no cycle yet. */
  async cycles(ref: PlanRef): Promise<{ plan: ReportingCycleRow; items: ReportingCycleRow[] }> {
    const plan = await this.#plan(ref, this.#database.repositories.plans);
    const [planCycle, ...items] = await this.#database.repositories.reportingCycles.listForPlan(plan.id);
    if (!planCycle || planCycle.commitment_id !== null) throw new NotFoundError('reporting cycle of plan', `${ref.regionCode}/${ref.year}`);
    return { plan: planCycle, items };
  }

  /**
   * The slots of a plan up to today (China time), newest period first; a unit editor sees its own unit's only.
   * A plan without a cycle owes no reports: no slots.
   */
  async slots(ref: PlanRef, viewer: SessionUser, unitId?: number): Promise<NamedSlot[]> {
    const plan = await this.#plan(ref, this.#database.repositories.plans);
    return this.slotsOfPlan(plan.id, viewerUnit(viewer) ?? unitId);
  }

  /** The slots of one plan, optionally of one unit (the reminder pass reads these). */
  async slotsOfPlan(planId: number, unitId?: number): Promise<NamedSlot[]> {
    const repositories = this.#database.repositories;
    const cycles = await repositories.reportingCycles.listForPlan(planId);
    const planCycle = cycles.find((cycle) => cycle.commitment_id === null);
    if (!planCycle) return [];
    const own = new Map(cycles.filter((cycle) => cycle.commitment_id !== null).map((cycle) => [cycle.commitment_id!, cycle]));
    const facts = await repositories.reportingCycles.slotFacts(planId, unitId);
    const closedOn = new Map(facts.closures.map((closure) => [closure.commitment_id, chinaDateOf(closure.decided_at.getTime())]));
    const names = new Map(facts.assignments.map((row) => [`${row.commitment_id}:${row.unit_id}`, row]));
    const assignments: SlotAssignment[] = facts.assignments.map((row) => {
      const cycle = own.get(row.commitment_id) ?? planCycle;
      return {
        commitmentId: row.commitment_id,
        unitId: row.unit_id,
        cycle: { frequency: cycle.frequency, dueDay: cycle.due_day },
        startsOn: cycle.starts_on,
        closedOn: closedOn.get(row.commitment_id) ?? null,
      };
    });
    const reports = facts.reports.map((row) => ({
      id: row.id,
      commitmentId: row.commitment_id,
      unitId: row.unit_id,
      submittedOn: chinaDateOf(row.submitted_at.getTime()),
      reviewStatus: row.review_status,
    }));
    const today = chinaDateOf(this.#now().getTime());
    return buildReportSlots(assignments, reports, today)
      .map((slot) => {
        const named = names.get(`${slot.commitmentId}:${slot.unitId}`)!;
        return { ...slot, commitmentTitle: named.commitment_title, unitName: named.unit_name };
      })
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.unitName.localeCompare(b.unitName, 'zh') || a.commitmentId - b.commitmentId);
  }

  /** 未按时报送 per unit, most first; a unit editor sees its own unit's count only. */
  async lateCounts(ref: PlanRef, viewer: SessionUser): Promise<UnitLateCount[]> {
    const slots = await this.slots(ref, viewer);
    const counts = new Map<number, { unitId: number; unitName: string; slots: number; overdue: number; late: number; missed: number }>();
    for (const slot of slots) {
      const count = counts.get(slot.unitId) ?? { unitId: slot.unitId, unitName: slot.unitName, slots: 0, overdue: 0, late: 0, missed: 0 };
      count.slots += 1;
      if (slot.status === 'overdue') count.overdue += 1;
      if (slot.isLate) count.late += 1;
      if (isMissedSlot(slot)) count.missed += 1;
      counts.set(slot.unitId, count);
    }
    return [...counts.values()].sort((a, b) => b.missed - a.missed || a.unitName.localeCompare(b.unitName, 'zh'));
  }

  async #plan(ref: PlanRef, plans: DatabaseHandle['repositories']['plans']): Promise<PlanRow> {
    const plan = await plans.find(ref.regionCode, ref.year);
    if (!plan) throw new NotFoundError('plan', `${ref.regionCode}/${ref.year}`);
    return plan;
  }
}

/** A unit editor's own unit (they see nothing else); undefined for staff. */
function viewerUnit(viewer: SessionUser): number | undefined {
  if (viewer.role !== 'unit_editor') return undefined;
  return viewer.unit_id ?? -1;
}

function checkSettings(settings: CycleSettings): void {
  const max = maxDueDay(settings.frequency);
  if (settings.dueDay < 1 || settings.dueDay > max) {
    throw new InvalidError(`报送截止日须在 1 至 ${max} 之间 / the due day of a ${settings.frequency} cycle is 1 to ${max}`);
  }
}
