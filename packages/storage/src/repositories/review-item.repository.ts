/**
 * The review queue of an import: candidate commitments, indicators, budget lines and programmes read from a document,
 * each pending until a reviewer accepts (with or without edits) or rejects it.
 * Example: `addMany(3, [{ kind: 'commitment', candidate_key: 'c1', payload: {…} }])`.
 */
import { sql, type Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../domain-error.ts';
import { insertInBatches } from '../insert-batches.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { ReviewItemRow, ReviewKind, ReviewStatus, Schema } from '../schema.ts';

export interface NewReviewItem {
  kind: ReviewKind;
  /** Stable within the document: importing the same file again finds the same key. */
  candidate_key: string;
  payload: unknown;
}

/**
 * What the review queue can be narrowed to, besides document, status and kind. The fields live in the candidate's
 * payload (jsonb): theme and section as read, has a target value, read from a review section (retrospective), words.
 */
export interface ReviewItemFilter {
  documentId?: number;
  status?: ReviewStatus;
  kind?: ReviewKind;
  ids?: readonly number[];
  theme?: string;
  section?: string;
  hasTarget?: boolean;
  retrospective?: boolean;
  /** Words in the title, name or label: "养老". */
  q?: string;
}

/** How many pending-or-not items of a document name each theme and section: the queue's filter choices. */
export interface ReviewFacets {
  themes: { name: string; count: number }[];
  sections: { name: string; count: number }[];
}

/** A LIKE pattern that matches the words literally: % and _ typed by a reviewer are no wildcards. */
function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export class ReviewItemRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Adds a document's candidates in order, skipping keys it has already; returns how many were new. */
  async addMany(documentId: number, items: readonly NewReviewItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const rows = items.map((item, position) => ({
      document_id: documentId,
      kind: item.kind,
      candidate_key: item.candidate_key,
      position,
      payload: JSON.stringify(item.payload),
    }));
    const added = await insertInBatches(this.#db, rows, 5, async (db, batch) => {
      const inserted = await db
        .insertInto('review_items')
        .values(batch)
        .onConflict((conflict) => conflict.columns(['document_id', 'kind', 'candidate_key']).doNothing())
        .returning('id')
        .execute();
      return inserted.length;
    });
    return added.reduce((sum, count) => sum + count, 0);
  }

  async get(id: number): Promise<ReviewItemRow> {
    const row = await this.#db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('review item', id);
    return row;
  }

  /** A document's candidate by its key. */
  async findByKey(documentId: number, kind: ReviewKind, candidateKey: string): Promise<ReviewItemRow | undefined> {
    return this.#db
      .selectFrom('review_items')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('kind', '=', kind)
      .where('candidate_key', '=', candidateKey)
      .executeTakeFirst();
  }

  async list(filter: ReviewItemFilter & PageRequest = {}): Promise<Page<ReviewItemRow>> {
    const { page, pageSize, offset } = resolvePage(filter);
    const base = this.#filtered(filter);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('document_id').orderBy('position').limit(pageSize).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** Every id the filter matches (at most `limit`): what "select all filtered" selects. */
  async listIds(filter: ReviewItemFilter, limit: number): Promise<number[]> {
    const rows = await this.#filtered(filter).select('id').orderBy('document_id').orderBy('position').limit(limit).execute();
    return rows.map((row) => row.id);
  }

  /** The themes and sections the items of a filter (document, status, kind) carry, with counts, most first. */
  async facets(filter: Pick<ReviewItemFilter, 'documentId' | 'status' | 'kind'>): Promise<ReviewFacets> {
    const base = this.#filtered(filter);
    const countBy = async (field: 'theme' | 'section') => {
      const value = sql<string>`payload->>${sql.lit(field)}`;
      const rows = await base
        .select([value.as('name'), (eb) => eb.fn.countAll<number>().as('n')])
        .where(value, 'is not', null)
        .groupBy(value)
        .orderBy('n', 'desc')
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ name: row.name, count: Number(row.n) }));
    };
    const [themes, sections] = await Promise.all([countBy('theme'), countBy('section')]);
    return { themes, sections };
  }

  #filtered(filter: ReviewItemFilter) {
    let base = this.#db.selectFrom('review_items');
    if (filter.documentId !== undefined) base = base.where('document_id', '=', filter.documentId);
    if (filter.status !== undefined) base = base.where('status', '=', filter.status);
    if (filter.kind !== undefined) base = base.where('kind', '=', filter.kind);
    if (filter.ids !== undefined) {
      base = filter.ids.length === 0 ? base.where(sql<boolean>`false`) : base.where('id', 'in', filter.ids);
    }
    if (filter.theme !== undefined) base = base.where(sql`payload->>'theme'`, '=', filter.theme);
    if (filter.section !== undefined) base = base.where(sql`payload->>'section'`, '=', filter.section);
    // A target is a value or a grade (Ⅲ类); amounts of budget lines and programmes are their targets too.
    const target = sql`coalesce(payload->>'target_value', payload->>'target_grade', payload->>'amount_yuan', payload->>'budget_yuan')`;
    if (filter.hasTarget !== undefined) base = base.where(target, filter.hasTarget ? 'is not' : 'is', null);
    if (filter.retrospective !== undefined) {
      base = base.where(sql<boolean>`coalesce((payload->>'retrospective')::boolean, false) = ${filter.retrospective}`);
    }
    if (filter.q !== undefined && filter.q.trim() !== '') {
      const words = sql`coalesce(payload->>'title', payload->>'name', payload->>'label', '')`;
      base = base.where(sql<boolean>`${words} like ${containsPattern(filter.q.trim())}`);
    }
    return base;
  }

  /** Counts per status for a document: { pending: 12, accepted: 3, rejected: 1 }. */
  async countByStatus(documentId: number): Promise<Record<ReviewStatus, number>> {
    const rows = await this.#db
      .selectFrom('review_items')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('document_id', '=', documentId)
      .groupBy('status')
      .execute();
    const counts: Record<ReviewStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** Records the decision on a pending item; a decided item cannot be decided again. */
  async decide(
    id: number,
    decision: { status: 'accepted' | 'rejected'; entityId?: number | null; decidedBy?: number | null; payload?: unknown },
  ): Promise<ReviewItemRow> {
    const row = await this.#db
      .updateTable('review_items')
      .set({
        status: decision.status,
        entity_id: decision.entityId ?? null,
        decided_by: decision.decidedBy ?? null,
        decided_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
        ...(decision.payload !== undefined ? { payload: JSON.stringify(decision.payload) } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (row) return row;
    const current = await this.get(id);
    throw new ConflictError(`review item ${id} was already ${current.status}`, current);
  }
}
