/**
 * Requests to close an item (销号): a unit asks with a note and evidence, the 督查室 approves (the item is closed) or
 * refuses with a reason; one waiting request per item, decided once.
 * Example: `create({ commitment_id: 7, unit_id: 3, requested_by: 5, note: '已全部完工并验收', evidence: [...] })`, then `decide(1, …)`.
 */
import type { Kysely } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain-error.ts';
import type { ClosureRequestRow, ClosureStatus, Evidence, Schema } from '../schema.ts';

/** A request as listed, with its item and unit named. */
export interface ClosureRequestRecord extends ClosureRequestRow {
  commitment_title: string;
  unit_name: string;
}

export class ClosureRequestRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(request: { commitment_id: number; unit_id: number; requested_by: number | null; note: string; evidence: readonly Evidence[] }): Promise<ClosureRequestRow> {
    const note = request.note.trim();
    if (!note) throw new InvalidError('销号申请须说明完成情况 / a closing request needs a note');
    const pending = await this.#db.selectFrom('closure_requests').selectAll().where('commitment_id', '=', request.commitment_id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new ConflictError(`事项 ${request.commitment_id} 已有待审批的销号申请 / item ${request.commitment_id} has a closing request waiting`, pending);
    const closed = await this.#db.selectFrom('closure_requests').select('id').where('commitment_id', '=', request.commitment_id).where('status', '=', 'approved').executeTakeFirst();
    if (closed) throw new ConflictError(`事项 ${request.commitment_id} 已销号 / item ${request.commitment_id} is closed already`);
    return this.#db
      .insertInto('closure_requests')
      .values({ ...request, note, evidence: JSON.stringify(request.evidence) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<ClosureRequestRow> {
    const row = await this.#db.selectFrom('closure_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('closure request', id);
    return row;
  }

  /** Requests, newest first, by status and unit when given. */
  async list(filter: { status?: ClosureStatus; unitId?: number; commitmentId?: number } = {}): Promise<ClosureRequestRecord[]> {
    let query = this.#db
      .selectFrom('closure_requests')
      .innerJoin('commitments', 'commitments.id', 'closure_requests.commitment_id')
      .innerJoin('units', 'units.id', 'closure_requests.unit_id')
      .selectAll('closure_requests')
      .select(['commitments.title as commitment_title', 'units.name as unit_name']);
    if (filter.status) query = query.where('closure_requests.status', '=', filter.status);
    if (filter.unitId !== undefined) query = query.where('closure_requests.unit_id', '=', filter.unitId);
    if (filter.commitmentId !== undefined) query = query.where('closure_requests.commitment_id', '=', filter.commitmentId);
    return query.orderBy('closure_requests.id', 'desc').execute();
  }

  /** Decides a waiting request once: approved, or refused with a reason. */
  async decide(id: number, decision: { status: 'approved' } | { status: 'refused'; reason: string }, deciderId: number, at: Date): Promise<ClosureRequestRow> {
    const reason = decision.status === 'refused' ? decision.reason.trim() : null;
    if (decision.status === 'refused' && !reason) throw new InvalidError('不予销号须说明原因 / a refusal needs a reason');
    const row = await this.#db
      .updateTable('closure_requests')
      .set({ status: decision.status, reason, decided_by: deciderId, decided_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (row) return row;
    const current = await this.get(id);
    throw new ConflictError(`销号申请 ${id} 已处理（${current.status}）/ closing request ${id} was ${current.status} already`, current);
  }
}
