/**
 * The review queue: a reviewer accepts a candidate (optionally edited) — which creates the commitment, indicator,
 * budget line or programme, linked to its span in the document — or rejects it; one by one or in bulk, each decision
 * in the audit trail. Example: `accept(12, { title: '退化林分改造2万亩' }, actor)` → the new commitment's id.
 */
import type { DatabaseHandle, DocumentSummary, Page, PageRequest, Repositories, ReviewFacets, ReviewItemFilter, ReviewItemRow, ReviewKind } from '@duixian/storage';
import { InvalidError } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import type { ScheduleIndex } from './schedule-index.ts';
import { sentenceAround, type BudgetLineCandidate, type CommitmentCandidate, type IndicatorCandidate, type ProgrammeCandidate, type SpanRef } from '@duixian/core';

/** The sentence a candidate was read from, cut around its span so a page can highlight it: before + match + after. */
export interface SourceSentence {
  before: string;
  match: string;
  after: string;
}

/** A review item with the sentence it was read from. */
export type ReviewItemWithSource = ReviewItemRow & { source: SourceSentence | null };

/** How the accepted commitments are shown: unpublished (the default: staff see them, the public does not) or published. */
export interface DecideOptions {
  publish?: boolean;
}

/** Fields a reviewer may change before accepting; anything else in the candidate stays as read. */
export interface CandidateEdits {
  title?: string;
  theme?: string | null;
  target_value?: string | null;
  target_unit?: string | null;
  target_comparator?: CommitmentCandidate['target_comparator'];
  start_date?: string | null;
  deadline?: string | null;
  weight?: string;
  lead_unit_id?: number | null;
  supporting_unit_ids?: number[];
  name?: string;
  label?: string;
  year?: number;
  phase?: BudgetLineCandidate['phase'];
  scope?: BudgetLineCandidate['scope'];
  functional_code?: string | null;
  amount_yuan?: string;
  project_count?: number | null;
  delivered_count?: number | null;
}

export interface Decision {
  id: number;
  decision: 'accept' | 'reject';
  edits?: CandidateEdits;
}

/** Where an accepted candidate comes from: its document, the stable id re-imports find it by, and the reviewer's edits. */
interface CandidateSource {
  document: DocumentSummary;
  externalId: string;
  edits: CandidateEdits;
  publish: boolean;
}

const EDITABLE: Record<ReviewKind, readonly (keyof CandidateEdits)[]> = {
  commitment: ['title', 'theme', 'target_value', 'target_unit', 'target_comparator', 'year'],
  indicator: ['name', 'target_value', 'target_comparator'],
  budget_line: ['label', 'year', 'phase', 'scope', 'functional_code', 'amount_yuan'],
  livelihood_programme: ['title', 'year', 'project_count', 'delivered_count'],
};

/** The candidate as read, with the fields the reviewer may edit for its kind replaced by their edits. */
function withEdits<T extends object>(payload: T, kind: ReviewKind, edits: CandidateEdits): T {
  const merged = { ...payload } as Record<string, unknown>;
  for (const field of EDITABLE[kind]) if (field in edits) merged[field] = edits[field];
  return merged as T;
}

/** How far the source sentence is shown on each side of a span: a sentence, not a page. */
const SOURCE_REACH = 120;

/** The sentence around an item's span in its document's text, or null for an item without a span. */
function sourceOf(text: string, item: ReviewItemRow): SourceSentence | null {
  const span = (item.payload as { span?: SpanRef }).span;
  if (!span || span.end > text.length || span.start < 0) return null;
  const sentence = sentenceAround(text, span.start, span.end);
  const from = Math.max(sentence.start, span.start - SOURCE_REACH);
  const to = Math.min(sentence.end, span.end + SOURCE_REACH);
  return { before: text.slice(from, span.start), match: text.slice(span.start, span.end), after: text.slice(span.end, to) };
}

/** A candidate's span as the columns of the row it becomes. */
function documentSpan(document: DocumentSummary, span: SpanRef) {
  return { document_id: document.id, span_start: span.start, span_end: span.end };
}

export class ReviewService {
  readonly #database: DatabaseHandle;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;

  constructor(database: DatabaseHandle, cache: ReadCache, index: ScheduleIndex) {
    this.#database = database;
    this.#cache = cache;
    this.#index = index;
  }

  /** A page of the queue, each item with its source sentence (read from the stored text of its document). */
  async list(filter: ReviewItemFilter & PageRequest): Promise<Page<ReviewItemWithSource>> {
    const page = await this.#database.repositories.reviewItems.list(filter);
    const texts = new Map<number, string>();
    for (const documentId of new Set(page.items.map((item) => item.document_id))) {
      texts.set(documentId, await this.#database.repositories.documents.getText(documentId));
    }
    return { ...page, items: page.items.map((item) => ({ ...item, source: sourceOf(texts.get(item.document_id) ?? '', item) })) };
  }

  /** The ids every item of a filter has (at most 1000, the most one bulk decision takes). */
  async listIds(filter: ReviewItemFilter): Promise<number[]> {
    return this.#database.repositories.reviewItems.listIds(filter, 1000);
  }

  async facets(filter: Pick<ReviewItemFilter, 'documentId' | 'status' | 'kind'>): Promise<ReviewFacets> {
    return this.#database.repositories.reviewItems.facets(filter);
  }

  /** Decides several items in one transaction: all decisions are kept, or (on any error) none. */
  async decide(decisions: readonly Decision[], actorId: number | null, options: DecideOptions = {}): Promise<ReviewItemRow[]> {
    if (decisions.length === 0) throw new InvalidError('no decisions given');
    const result = await this.#database.transaction(async (repositories) => {
      const items = await Promise.all(decisions.map((decision) => repositories.reviewItems.get(decision.id)));
      // Parents before parts: a budget category links to its total, an indicator to its commitment.
      const order = decisions
        .map((decision, index) => ({ decision, item: items[index] as ReviewItemRow }))
        .sort((a, b) => a.item.document_id - b.item.document_id || a.item.position - b.item.position);
      const decided: ReviewItemRow[] = [];
      for (const { decision, item } of order) {
        decided.push(
          decision.decision === 'accept'
            ? await this.#accept(repositories, item, decision.edits ?? {}, actorId, options.publish ?? false)
            : await this.#reject(repositories, item, actorId),
        );
      }
      return decided;
    });
    this.#index.clear();
    this.#cache.clear();
    return result;
  }

  /**
   * Publishes the commitments that accepted items became (采纳后公开), in one transaction, each change audited;
   * an item not accepted, or not a commitment, is refused. Returns how many were newly published.
   */
  async publish(ids: readonly number[], actorId: number | null): Promise<number> {
    if (ids.length === 0) throw new InvalidError('no items given');
    const published = await this.#database.transaction(async (repositories) => {
      let count = 0;
      for (const id of ids) {
        const item = await repositories.reviewItems.get(id);
        if (item.status !== 'accepted' || item.kind !== 'commitment' || item.entity_id === null) {
          throw new InvalidError(`review item ${id} is not an accepted commitment`);
        }
        const current = await repositories.commitments.get(item.entity_id);
        if (current.published) continue;
        const { before, after } = await repositories.commitments.update(current.id, current.version, { published: true });
        await repositories.auditEvents.record({ actorId, action: 'update', entityType: 'commitment', entityId: current.id, before, after });
        count += 1;
      }
      return count;
    });
    this.#index.clear();
    this.#cache.clear();
    return published;
  }

  /** Accepts and publishes every pending item of a document, in order (used inside the demo import's transaction). */
  async decideAll(repositories: Repositories, documentId: number, actorId: number | null): Promise<void> {
    for (;;) {
      const page = await repositories.reviewItems.list({ documentId, status: 'pending', pageSize: 500 });
      if (page.items.length === 0) return;
      for (const item of page.items) await this.#accept(repositories, item, {}, actorId, true);
    }
  }

  async #reject(repositories: Repositories, item: ReviewItemRow, actorId: number | null): Promise<ReviewItemRow> {
    const decided = await repositories.reviewItems.decide(item.id, { status: 'rejected', decidedBy: actorId });
    await repositories.auditEvents.record({ actorId, action: 'reject', entityType: 'review_item', entityId: item.id, before: item, after: decided });
    return decided;
  }

  async #accept(repositories: Repositories, item: ReviewItemRow, edits: CandidateEdits, actorId: number | null, publish: boolean): Promise<ReviewItemRow> {
    const allowed = EDITABLE[item.kind];
    for (const field of Object.keys(edits)) {
      if (!allowed.includes(field as keyof CandidateEdits) && !['start_date', 'deadline', 'weight', 'lead_unit_id', 'supporting_unit_ids'].includes(field)) {
        throw new InvalidError(`${field} cannot be edited on a ${item.kind} candidate`);
      }
    }
    const document = await repositories.documents.getSummary(item.document_id);
    const source: CandidateSource = { document, externalId: `${document.sha256}:${item.candidate_key}`, edits, publish };
    // The entity a candidate becomes has the candidate's kind as its type: a 'budget_line' item creates a budget_line.
    const created = await this.#create(repositories, item, source);
    const decided = await repositories.reviewItems.decide(item.id, {
      status: 'accepted',
      entityId: created.id,
      decidedBy: actorId,
      ...(Object.keys(edits).length > 0 ? { payload: { ...(item.payload as object), edits } } : {}),
    });
    await repositories.auditEvents.record({ actorId, action: 'create', entityType: item.kind, entityId: created.id, after: created });
    return decided;
  }

  /** Creates the commitment, indicator, budget line or programme a candidate describes, with the reviewer's edits. */
  async #create(repositories: Repositories, item: ReviewItemRow, source: CandidateSource): Promise<{ id: number }> {
    const { document, externalId, edits } = source;
    if (item.kind === 'commitment') {
      const payload = withEdits(item.payload as CommitmentCandidate, item.kind, edits);
      // A retrospective candidate belongs to the previous year's plan; a reviewer may move any candidate's year.
      const plan = await this.#ensurePlan(repositories, document, edits.year ?? payload.plan_year);
      const theme = payload.theme
        ? await repositories.plans.ensureTheme({
            planId: plan.id,
            name: payload.theme,
            // A theme the reviewer renamed is not the heading the text had.
            heading: 'theme' in edits ? null : payload.theme_heading,
            span: payload.theme_span && !('theme' in edits) ? { documentId: document.id, ...payload.theme_span } : null,
          })
        : null;
      return repositories.commitments.create({
        plan_id: plan.id,
        theme_id: theme?.id ?? null,
        external_id: externalId,
        original_text: payload.original_text,
        title: payload.title,
        action: payload.action,
        indicator: payload.indicator,
        target_value: payload.target_value,
        target_value_high: payload.target_value_high,
        target_unit: payload.target_unit,
        target_comparator: payload.target_comparator,
        target_grade: payload.target_grade,
        start_date: edits.start_date ?? null,
        deadline: edits.deadline ?? null,
        ...(edits.weight !== undefined ? { weight: edits.weight } : {}),
        published: source.publish,
        ...documentSpan(document, payload.span),
        leadUnitId: edits.lead_unit_id ?? null,
        supportingUnitIds: edits.supporting_unit_ids ?? [],
      });
    }
    if (item.kind === 'indicator') {
      const payload = withEdits(item.payload as IndicatorCandidate, item.kind, edits);
      const linked = await this.#acceptedEntity(repositories, item.document_id, 'commitment', payload.commitment_key);
      const plan = await this.#ensurePlan(repositories, document, payload.plan_year);
      const theme = payload.theme ? await repositories.plans.ensureTheme({ planId: plan.id, name: payload.theme }) : null;
      return repositories.indicators.create({
        plan_id: plan.id,
        theme_id: theme?.id ?? null,
        commitment_id: linked ?? null,
        external_id: externalId,
        name: payload.name,
        unit: payload.unit,
        target_value: payload.target_value,
        target_comparator: payload.target_comparator,
        ...documentSpan(document, payload.span),
      });
    }
    if (item.kind === 'budget_line') {
      const payload = withEdits(item.payload as BudgetLineCandidate, item.kind, edits);
      const parentId = payload.parent_key ? await this.#acceptedEntity(repositories, item.document_id, 'budget_line', payload.parent_key) : undefined;
      return repositories.budgetLines.create({
        region_code: document.region_code,
        year: payload.year,
        phase: payload.phase,
        scope: payload.scope,
        parent_id: parentId ?? null,
        label: payload.label,
        definition: payload.definition,
        functional_code: payload.functional_code,
        mapping_confidence: payload.functional_code === (item.payload as BudgetLineCandidate).functional_code ? payload.mapping_confidence : payload.functional_code ? '1' : null,
        amount_yuan: payload.amount_yuan,
        external_id: externalId,
        quantity_id: payload.quantity_id,
        ...documentSpan(document, payload.span),
      });
    }
    const payload = withEdits(item.payload as ProgrammeCandidate, item.kind, edits);
    return repositories.livelihood.createProgramme({
      region_code: document.region_code,
      year: payload.year,
      external_id: externalId,
      title: payload.title,
      area_count: payload.area_count,
      project_count: payload.project_count,
      delivered_count: payload.delivered_count,
      budget_yuan: payload.budget_yuan,
      ...documentSpan(document, payload.span),
    });
  }

  /** The region's work plan of a year (e.g. 城北区2024年工作任务), created from this document if there is none yet. */
  async #ensurePlan(repositories: Repositories, document: DocumentSummary, year: number) {
    const region = await repositories.regions.get(document.region_code);
    return repositories.plans.ensure({ regionCode: document.region_code, year, title: `${region.name}${year}年工作任务`, documentId: document.id });
  }

  /** The entity an accepted candidate of the same document became, if it was accepted. */
  async #acceptedEntity(repositories: Repositories, documentId: number, kind: ReviewKind, key: string): Promise<number | undefined> {
    const candidate = await repositories.reviewItems.findByKey(documentId, kind, key);
    return candidate?.status === 'accepted' ? (candidate.entity_id ?? undefined) : undefined;
  }
}
