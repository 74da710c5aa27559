/**
 * 销号: a unit asks to close one of its items with a note and evidence; the 督查室 approves — the item is closed, a
 * 'done' report is recorded for it (approved, so it counts as done in the schedule status) and it owes no more
 * reports — or refuses with a reason. Each step is audited and the unit's editors are told of the decision.
 * Example: `await closures.request(7, { note: '三所幼儿园已竣工验收', evidence: [{ kind: 'link', ref: 'https://…' }] }, editor)`.
 */
import { chinaDateOf } from '@duixian/core';
import { InvalidError, type ClosureRequestRecord, type ClosureRequestRow, type DatabaseHandle, type Evidence } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import type { ReadCache } from '../services/cache.ts';
import type { ScheduleIndex } from '../services/schedule-index.ts';
import type { ReminderService } from './reminder.service.ts';

export class ClosureService {
  readonly #database: DatabaseHandle;
  readonly #reminders: ReminderService;
  readonly #index: ScheduleIndex;
  readonly #cache: ReadCache;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, reminders: ReminderService, index: ScheduleIndex, cache: ReadCache, now: () => Date) {
    this.#database = database;
    this.#reminders = reminders;
    this.#index = index;
    this.#cache = cache;
    this.#now = now;
  }

  /** A unit editor's request for an item of their unit (the route checks access); audited. */
  async request(commitmentId: number, input: { note: string; evidence: Evidence[] }, actor: SessionUser): Promise<ClosureRequestRow> {
    if (actor.unit_id === null) throw new InvalidError('只有责任单位可以申请销号 / only a responsible unit asks to close an item');
    return this.#database.transaction(async (repositories) => {
      const commitment = await repositories.commitments.get(commitmentId);
      if (!commitment.units.some((unit) => unit.unit_id === actor.unit_id)) {
        throw new InvalidError('本单位不是该事项的责任单位 / your unit is not assigned to this item');
      }
      const row = await repositories.closureRequests.create({ commitment_id: commitmentId, unit_id: actor.unit_id!, requested_by: actor.id, note: input.note, evidence: input.evidence });
      await repositories.auditEvents.record({ actorId: actor.id, action: 'request_closure', entityType: 'commitment', entityId: commitmentId, after: row });
      return row;
    });
  }

  /** Requests by status; a unit editor sees their unit's only. */
  async list(filter: { status?: ClosureRequestRow['status'] }, viewer: SessionUser): Promise<ClosureRequestRecord[]> {
    const unitId = viewer.role === 'unit_editor' ? (viewer.unit_id ?? -1) : undefined;
    return this.#database.repositories.closureRequests.list({ ...filter, ...(unitId !== undefined ? { unitId } : {}) });
  }

  /** The 督查室's decision, once; approval closes the item and records it done. */
  async decide(id: number, decision: { status: 'approved' } | { status: 'refused'; reason: string }, actor: SessionUser): Promise<ClosureRequestRow> {
    const now = this.#now();
    const decided = await this.#database.transaction(async (repositories) => {
      const row = await repositories.closureRequests.decide(id, decision, actor.id, now);
      const commitment = await repositories.commitments.get(row.commitment_id);
      if (row.status === 'approved') {
        const report = await repositories.progressUpdates.append({
          commitment_id: row.commitment_id,
          reported_on: chinaDateOf(now.getTime()),
          reported_status: 'done',
          note: `销号：${row.note}`,
          evidence: row.evidence,
          author_id: actor.id,
          submitted_at: now,
        });
        await repositories.progressUpdates.decide(report.id, { decision: 'approved', reviewerId: actor.id });
      }
      await repositories.auditEvents.record({ actorId: actor.id, action: row.status === 'approved' ? 'approve_closure' : 'refuse_closure', entityType: 'commitment', entityId: row.commitment_id, after: row });
      await this.#reminders.notifyClosureDecision(repositories, {
        unitId: row.unit_id,
        commitmentId: row.commitment_id,
        title: commitment.title,
        approved: row.status === 'approved',
        reason: row.reason,
        actorId: actor.id,
      });
      return { row, planId: commitment.plan_id };
    });
    if (decided.row.status === 'approved') await this.#index.refreshCommitment(decided.planId, decided.row.commitment_id);
    this.#cache.clear();
    await this.#reminders.deliverDue();
    return decided.row;
  }
}
