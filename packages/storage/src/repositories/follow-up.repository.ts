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

/** A region's verdict counts for the targets of one year, from its latest matched pair of documents. */
export interface FollowUpTallyRow {
  region_code: string;
  region_name: string;
  last_year: number;
  this_year: number;
  last_document_id: number;
  this_document_id: number;
  met: number;
  /** Of `met`, those met by a completion statement rather than a stated figure. */
  met_by_statement: number;
  missed: number;
  not_reported: number;
}

/** A region with a report of two consecutive years, and which of the two it has. */
export interface RegionYearsRow {
  region_code: string;
  region_name: string;
  /** A report of year Y (the plan) is imported. */
  has_last: boolean;
  /** A report of year Y+1 (the review) is imported. */
  has_this: boolean;
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
   * Per region, how many targets of `lastYear` ended met (and of those, met by statement), missed and not reported.
   * A region matched against more than one pair of documents (a report imported again as another file) counts its
   * latest pair only: the later review, then the later plan.
   */
  async tallyByRegion(lastYear: number): Promise<FollowUpTallyRow[]> {
    const groups = await this.#db
      .selectFrom('follow_up_pairs')
      .innerJoin('regions', 'regions.code', 'follow_up_pairs.region_code')
      .where('follow_up_pairs.last_year', '=', lastYear)
      .select(['follow_up_pairs.region_code', 'regions.name as region_name', 'follow_up_pairs.this_year', 'follow_up_pairs.last_document_id', 'follow_up_pairs.this_document_id', 'follow_up_pairs.verdict', 'follow_up_pairs.basis'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['follow_up_pairs.region_code', 'regions.name', 'follow_up_pairs.this_year', 'follow_up_pairs.last_document_id', 'follow_up_pairs.this_document_id', 'follow_up_pairs.verdict', 'follow_up_pairs.basis'])
      .execute();
    const byRegion = new Map<string, FollowUpTallyRow>();
    for (const group of groups) {
      const kept = byRegion.get(group.region_code);
      const isLater = !kept || group.this_document_id > kept.this_document_id || (group.this_document_id === kept.this_document_id && group.last_document_id > kept.last_document_id);
      const isSame = kept !== undefined && group.this_document_id === kept.this_document_id && group.last_document_id === kept.last_document_id;
      if (!isLater && !isSame) continue;
      const row: FollowUpTallyRow = kept && isSame
        ? kept
        : {
            region_code: group.region_code,
            region_name: group.region_name,
            last_year: lastYear,
            this_year: group.this_year,
            last_document_id: group.last_document_id,
            this_document_id: group.this_document_id,
            met: 0,
            met_by_statement: 0,
            missed: 0,
            not_reported: 0,
          };
      row[group.verdict] += Number(group.n);
      if (group.verdict === 'met' && group.basis === 'statement') row.met_by_statement += Number(group.n);
      byRegion.set(group.region_code, row);
    }
    return [...byRegion.values()].sort((a, b) => (a.region_code < b.region_code ? -1 : 1));
  }

  /** The years whose targets have follow-up pairs, latest first. */
  async listTargetYears(): Promise<number[]> {
    const rows = await this.#db.selectFrom('follow_up_pairs').select('last_year').distinct().orderBy('last_year', 'desc').execute();
    return rows.map((row) => row.last_year);
  }

  /** Regions with a report for `lastYear`, for the year after, or both, by region code. */
  async listRegionYears(lastYear: number): Promise<RegionYearsRow[]> {
    const rows = await this.#db
      .selectFrom('documents')
      .innerJoin('regions', 'regions.code', 'documents.region_code')
      .where('documents.year', 'in', [lastYear, lastYear + 1])
      .select(['documents.region_code', 'regions.name as region_name', 'documents.year'])
      .distinct()
      .orderBy('documents.region_code')
      .execute();
    const byRegion = new Map<string, RegionYearsRow>();
    for (const row of rows) {
      const found = byRegion.get(row.region_code) ?? { region_code: row.region_code, region_name: row.region_name, has_last: false, has_this: false };
      if (row.year === lastYear) found.has_last = true;
      else found.has_this = true;
      byRegion.set(row.region_code, found);
    }
    return [...byRegion.values()];
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
