/**
 * Follow-up pairs: last year's targets with this year's reported results, kept as judged (rows only grow), and the
 * commitment each target was stated in. Example: `listByRegionYear({ regionCode: '110000', lastYear: 2024 })` →
 * { items: [{ metric: '地区生产总值增长', target_text: '5%', result_text: '5.2%', verdict: 'met', … }], total: 4, … }.
 */
import type { Insertable, Kysely } from 'kysely';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { CommitmentRow, FollowUpPairRow, FollowUpPairTable, Schema } from '../schema.ts';

export type NewFollowUpPair = Omit<Insertable<FollowUpPairTable>, 'id' | 'created_at'>;

/** A pair with the titles of its two documents, for links, and whether its commitment is published. */
export interface FollowUpPairRecord extends FollowUpPairRow {
  last_document_title: string;
  this_document_title: string;
  /** Null when no commitment received the result. */
  commitment_published: boolean | null;
}

export interface FollowUpFilter extends PageRequest {
  regionCode: string;
  /** The year of the targets (the earlier report). */
  lastYear: number;
}

export class FollowUpRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async add(pair: NewFollowUpPair): Promise<FollowUpPairRow> {
    return this.#db.insertInto('follow_up_pairs').values(pair).returningAll().executeTakeFirstOrThrow();
  }

  /** True when this pair of documents was matched before (an import is idempotent). */
  async hasDocuments(lastDocumentId: number, thisDocumentId: number): Promise<boolean> {
    const row = await this.#db
      .selectFrom('follow_up_pairs')
      .select('id')
      .where('last_document_id', '=', lastDocumentId)
      .where('this_document_id', '=', thisDocumentId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A region's pairs for the targets of one year, in the order of the earlier report, with both documents' titles. */
  async listByRegionYear(filter: FollowUpFilter): Promise<Page<FollowUpPairRecord>> {
    const { page, pageSize, offset } = resolvePage(filter);
    const base = this.#db
      .selectFrom('follow_up_pairs')
      .where('follow_up_pairs.region_code', '=', filter.regionCode)
      .where('follow_up_pairs.last_year', '=', filter.lastYear);
    const [items, count] = await Promise.all([
      base
        .innerJoin('documents as last_document', 'last_document.id', 'follow_up_pairs.last_document_id')
        .innerJoin('documents as this_document', 'this_document.id', 'follow_up_pairs.this_document_id')
        .leftJoin('commitments', 'commitments.id', 'follow_up_pairs.commitment_id')
        .selectAll('follow_up_pairs')
        .select(['last_document.title as last_document_title', 'this_document.title as this_document_title', 'commitments.published as commitment_published'])
        .orderBy('follow_up_pairs.last_document_id')
        .orderBy('follow_up_pairs.this_document_id')
        .orderBy('follow_up_pairs.position')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /**
   * The commitments of a region's plan for `year` read from `documentId` whose source span holds [start, end):
   * the target "5%" of "地区生产总值增长5%左右" lies in that commitment's span. Narrowest first.
   */
  async findCommitmentsAt(filter: { regionCode: string; year: number; documentId: number; start: number; end: number }): Promise<CommitmentRow[]> {
    return this.#db
      .selectFrom('commitments')
      .innerJoin('plans', 'plans.id', 'commitments.plan_id')
      .selectAll('commitments')
      .where('plans.region_code', '=', filter.regionCode)
      .where('plans.year', '=', filter.year)
      .where('commitments.document_id', '=', filter.documentId)
      .where('commitments.span_start', '<=', filter.start)
      .where('commitments.span_end', '>=', filter.end)
      .orderBy((eb) => eb('commitments.span_end', '-', eb.ref('commitments.span_start')))
      .orderBy('commitments.id')
      .execute();
  }
}
