/**
 * The audit trail: one append-only event per change — who, when, which entity, before and after.
 * Example: `record({ actorId: 1, action: 'update', entityType: 'commitment', entityId: 7, before, after })`.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import { insertInBatches } from '../insert-batches.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { AuditEventRow, Schema } from '../schema.ts';

export interface NewAuditEvent {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export class AuditEventRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async record(event: NewAuditEvent): Promise<void> {
    await this.recordMany([event]);
  }

  async recordMany(events: readonly NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((event) => ({
      actor_id: event.actorId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: String(event.entityId),
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    }));
    await insertInBatches(this.#db, rows, 6, (db, batch) => db.insertInto('audit_events').values(batch).execute());
  }

  /** Events, oldest first, optionally of one entity: a commitment's public history. */
  /**
   * `approvedProgressOnly` (the public's history): progress reports and corrections only once approved (their event's
   * `after` is the report), and no returns.
   */
  async list(filter: { entityType?: string; entityId?: string | number; approvedProgressOnly?: boolean } & PageRequest = {}): Promise<Page<AuditEventRow>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db.selectFrom('audit_events');
    if (filter.entityType !== undefined) base = base.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) base = base.where('entity_id', '=', String(filter.entityId));
    if (filter.approvedProgressOnly) {
      base = base
        .where('action', '<>', 'return_progress')
        .where(
          sql<SqlBool>`(audit_events.action not in ('report_progress', 'correct_progress') or exists (
            select 1 from progress_reviews r where r.decision = 'approved' and r.update_id = (audit_events.after ->> 'id')::integer))`,
        );
    }
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('id').limit(pageSize).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }
}
