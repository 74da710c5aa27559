/**
 * The API's zod schemas: they validate requests, shape responses and generate the OpenAPI document; the web app
 * types its client from the exported types. Amounts and targets are exact decimal strings ('2198000000'), dates
 * 'YYYY-MM-DD', timestamps ISO 8601. Example: `Commitment` → { id: 7, title: '实施退化林分改造2万亩', schedule: {…} }.
 */
import {
  BUDGET_PHASES, BUDGET_SCOPES, EVIDENCE_KINDS, FOLLOW_UP_BASES, FOLLOW_UP_VERDICTS, PROGRESS_REVIEW_STATUSES, REPORTED_STATUSES, REVIEW_KINDS,
  REVIEW_STATUSES, SCHEDULE_CODES, TARGET_COMPARATORS, UNIT_ROLES, USER_ROLES, WARNING_COLOURS,
} from '@duixian/core';
import { z } from 'zod';

export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const timestamp = z.string();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), current: z.unknown().optional(), details: z.unknown().optional() }) })
  .meta({ id: 'Error' });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), page_size: z.number().int() });

export const regionCode = z.string().regex(/^\d{6}$/, 'must be a six-digit region code');
// Closed sets of words are core's (model/vocabulary.ts): the API validates against the same lists storage and web use.
export const comparator = z.enum(TARGET_COMPARATORS);
export const budgetPhase = z.enum(BUDGET_PHASES);
export const budgetScope = z.enum(BUDGET_SCOPES);
export const reportedStatus = z.enum(REPORTED_STATUSES);
export const scheduleCode = z.enum(SCHEDULE_CODES);
export const colour = z.enum(WARNING_COLOURS);
export const reviewKind = z.enum(REVIEW_KINDS);
export const reviewStatus = z.enum(REVIEW_STATUSES);
export const userRole = z.enum(USER_ROLES);
export const unitRole = z.enum(UNIT_ROLES);
export const progressReviewStatus = z.enum(PROGRESS_REVIEW_STATUSES);
export const followUpVerdict = z.enum(FOLLOW_UP_VERDICTS);
export const followUpBasis = z.enum(FOLLOW_UP_BASES);

const spanFields = { document_id: nullable(z.number().int()), span_start: nullable(z.number().int()), span_end: nullable(z.number().int()) };

export const Health = z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) }).meta({ id: 'Health' });

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: userRole,
    unit_id: nullable(z.number().int()),
    display_name: nullable(z.string()),
  })
  .meta({ id: 'User' });

/** A user as the admin manages them: with when they were disabled (null while active). */
export const ManagedUser = User.extend({ disabled_at: nullable(timestamp) }).meta({ id: 'ManagedUser' });

export const Session = z
  .object({
    user: User,
    csrf_token: z.string(),
    /** Signed in with a one-time password: only POST /api/auth/password (and sign-out) is allowed until it is changed. */
    must_change_password: z.boolean(),
  })
  .meta({ id: 'Session' });

export const Region = z
  .object({ code: z.string(), name: z.string(), parent_code: nullable(z.string()), created_at: timestamp })
  .meta({ id: 'Region' });

/** A unit; its contact person (who the 督查室 calls) is shown to staff only and null for everyone else. */
export const Unit = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    name: z.string(),
    contact_name: nullable(z.string()),
    contact_phone: nullable(z.string()),
    contact_email: nullable(z.string()),
    created_at: timestamp,
  })
  .meta({ id: 'Unit' });

export const Theme = z
  .object({ id: z.number().int(), plan_id: z.number().int(), name: z.string(), heading: nullable(z.string()), position: z.number().int(), ...spanFields })
  .meta({ id: 'Theme' });

export const Plan = z
  .object({ id: z.number().int(), region_code: z.string(), year: z.number().int(), title: z.string(), document_id: nullable(z.number().int()), created_at: timestamp })
  .meta({ id: 'Plan' });

export const DocumentSummary = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    year: z.number().int(),
    title: z.string(),
    file_name: z.string(),
    format: z.string(),
    sha256: z.string(),
    byte_size: z.number().int(),
    created_by: nullable(z.number().int()),
    created_at: timestamp,
  })
  .meta({ id: 'DocumentSummary' });

export const DocumentDetail = DocumentSummary.extend({
  text: z.string(),
  extraction: z.unknown(),
  findings: z.unknown(),
  problems: z.unknown(),
}).meta({ id: 'DocumentDetail' });

export const ImportResult = z
  .object({
    document: DocumentSummary,
    is_new: z.boolean(),
    review: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
  })
  .meta({ id: 'ImportResult' });

export const ReviewItem = z
  .object({
    id: z.number().int(),
    document_id: z.number().int(),
    kind: reviewKind,
    candidate_key: z.string(),
    position: z.number().int(),
    payload: z.record(z.string(), z.unknown()),
    status: reviewStatus,
    entity_id: nullable(z.number().int()),
    decided_by: nullable(z.number().int()),
    decided_at: nullable(timestamp),
    version: z.number().int(),
  })
  .meta({ id: 'ReviewItem' });

/** A queue item with the sentence it was read from, cut around its span: before + match + after. */
export const ReviewQueueItem = ReviewItem.extend({
  source: nullable(z.object({ before: z.string(), match: z.string(), after: z.string() })),
}).meta({ id: 'ReviewQueueItem' });

export const ReviewFacets = z
  .object({
    themes: z.array(z.object({ name: z.string(), count: z.number().int() })),
    sections: z.array(z.object({ name: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'ReviewFacets' });

export const CandidateEdits = z
  .object({
    title: z.string().min(1).max(2000),
    theme: nullable(z.string().min(1).max(200)),
    target_value: nullable(decimalString),
    target_unit: nullable(z.string().max(20)),
    target_comparator: nullable(comparator),
    start_date: nullable(isoDate),
    deadline: nullable(isoDate),
    weight: decimalString,
    lead_unit_id: nullable(z.number().int()),
    supporting_unit_ids: z.array(z.number().int()).max(50),
    name: z.string().min(1).max(200),
    label: z.string().min(1).max(200),
    year: z.number().int().min(1949).max(2200),
    phase: budgetPhase,
    scope: budgetScope,
    functional_code: nullable(z.string().regex(/^\d{3}$/)),
    amount_yuan: decimalString,
    project_count: nullable(z.number().int().min(0)),
    delivered_count: nullable(z.number().int().min(0)),
  })
  .partial()
  .strict()
  .meta({ id: 'CandidateEdits' });

export const Schedule = z
  .object({
    code: nullable(scheduleCode),
    status: nullable(z.string()),
    colour: nullable(colour),
    expected_percent: nullable(z.string()),
    actual_percent: nullable(z.string()),
    gap_points: nullable(z.string()),
    explanation: z.string(),
    basis: nullable(z.enum(['elapsed_time', 'milestone'])),
    days_to_deadline: nullable(z.number().int()),
    has_progress: z.boolean(),
    is_rolled_up: z.boolean(),
    start: isoDate,
    deadline: isoDate,
    reported_status: nullable(reportedStatus),
  })
  .meta({ id: 'Schedule' });

export const Commitment = z
  .object({
    id: z.number().int(),
    plan_id: z.number().int(),
    theme_id: nullable(z.number().int()),
    theme: nullable(z.string()),
    parent_id: nullable(z.number().int()),
    external_id: nullable(z.string()),
    original_text: z.string(),
    title: z.string(),
    action: nullable(z.string()),
    indicator: nullable(z.string()),
    target_value: nullable(z.string()),
    target_value_high: nullable(z.string()),
    target_unit: nullable(z.string()),
    target_comparator: nullable(comparator),
    target_grade: nullable(z.string()),
    start_date: nullable(isoDate),
    deadline: nullable(isoDate),
    weight: z.string(),
    ...spanFields,
    published: z.boolean(),
    version: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    units: z.array(z.object({ unit_id: z.number().int(), name: z.string(), role: unitRole })),
    schedule: Schedule,
  })
  .meta({ id: 'Commitment' });

export const Evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), ref: z.string().min(1).max(2000), label: z.string().max(200).optional() });

export const ProgressUpdate = z
  .object({
    id: z.number().int(),
    commitment_id: z.number().int(),
    reported_on: isoDate,
    amount: nullable(z.string()),
    percent: nullable(z.string()),
    reported_status: nullable(reportedStatus),
    note: nullable(z.string()),
    evidence: z.array(Evidence),
    author_id: nullable(z.number().int()),
    /** A correction names the report it replaces; the replaced one names its correction (in lists). */
    corrects_id: nullable(z.number().int()),
    correction_reason: nullable(z.string()),
    corrected_by_id: nullable(z.number().int()).optional(),
    /** 督查室 review: pending (待审核) until approved (public from then on) or returned with a reason. */
    review_status: progressReviewStatus.optional(),
    review_reason: nullable(z.string()).optional(),
    created_at: timestamp,
  })
  .meta({ id: 'ProgressUpdate' });

export const Milestone = z.object({ id: z.number().int(), commitment_id: z.number().int(), due_date: isoDate, expected_percent: z.string() });

export const CommitmentDetail = Commitment.extend({
  milestones: z.array(Milestone),
  children: z.array(Commitment),
  recent_progress: z.array(ProgressUpdate),
}).meta({ id: 'CommitmentDetail' });

export const CommitmentPatch = z
  .object({
    version: z.number().int().min(1),
    title: z.string().min(1).max(2000).optional(),
    theme_id: nullable(z.number().int()).optional(),
    parent_id: nullable(z.number().int()).optional(),
    action: nullable(z.string().max(2000)).optional(),
    indicator: nullable(z.string().max(200)).optional(),
    target_value: nullable(decimalString).optional(),
    target_value_high: nullable(decimalString).optional(),
    target_unit: nullable(z.string().max(20)).optional(),
    target_comparator: nullable(comparator).optional(),
    start_date: nullable(isoDate).optional(),
    deadline: nullable(isoDate).optional(),
    weight: decimalString.optional(),
    published: z.boolean().optional(),
    lead_unit_id: nullable(z.number().int()).optional(),
    supporting_unit_ids: z.array(z.number().int()).max(50).optional(),
    milestones: z.array(z.object({ due_date: isoDate, expected_percent: decimalString })).max(48).optional(),
  })
  .strict()
  .meta({ id: 'CommitmentPatch' });

/** Bulk assignment from the task table: the same lead unit (and supporting units, deadline) for many commitments. */
export const CommitmentAssignment = z
  .object({
    ids: z.array(z.number().int().min(1)).min(1).max(5000),
    lead_unit_id: z.number().int().min(1),
    supporting_unit_ids: z.array(z.number().int().min(1)).max(50).optional(),
    deadline: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'CommitmentAssignment' });

export const NewProgressUpdate = z
  .object({
    reported_on: isoDate,
    amount: nullable(decimalString).optional(),
    percent: nullable(decimalString).optional(),
    reported_status: nullable(reportedStatus).optional(),
    note: nullable(z.string().max(5000)).optional(),
    evidence: z.array(Evidence).max(20).optional(),
  })
  .strict()
  .meta({ id: 'NewProgressUpdate' });

export const ProgressCorrection = NewProgressUpdate.extend({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'ProgressCorrection' });

export const AuditEvent = z
  .object({
    id: z.number().int(),
    occurred_at: timestamp,
    actor_id: nullable(z.number().int()),
    /** The author's display name, for the history a person reads; null for the system or a user without one. */
    actor_name: nullable(z.string()),
    action: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });

export const Indicator = z
  .object({
    id: z.number().int(),
    plan_id: z.number().int(),
    theme_id: nullable(z.number().int()),
    theme: nullable(z.string()),
    commitment_id: nullable(z.number().int()),
    external_id: nullable(z.string()),
    name: z.string(),
    unit: z.string(),
    target_value: nullable(z.string()),
    target_comparator: nullable(comparator),
    ...spanFields,
    version: z.number().int(),
    created_at: timestamp,
    latest_value: nullable(z.string()),
    latest_measured_on: nullable(z.string()),
  })
  .meta({ id: 'Indicator' });

export const Measurement = z
  .object({
    id: z.number().int(),
    indicator_id: z.number().int(),
    measured_on: isoDate,
    value: z.string(),
    note: nullable(z.string()),
    ...spanFields,
    author_id: nullable(z.number().int()),
    created_at: timestamp,
  })
  .meta({ id: 'Measurement' });

export const BudgetLine = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    year: z.number().int(),
    phase: budgetPhase,
    scope: budgetScope,
    parent_id: nullable(z.number().int()),
    label: z.string(),
    definition: nullable(z.string()),
    functional_code: nullable(z.string()),
    mapping_confidence: nullable(z.string()),
    amount_yuan: z.string(),
    external_id: nullable(z.string()),
    quantity_id: nullable(z.string()),
    ...spanFields,
    version: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: 'BudgetLine' });

/** A region's budget summed by the server over every line (exact decimal strings): GET /api/budget-lines/totals. */
const budgetSum = { year: z.number().int(), amount_yuan: z.string(), lines: z.number().int() };
export const BudgetTotals = z
  .object({
    by_label: z.array(z.object({ ...budgetSum, scope: budgetScope, label: z.string() })),
    by_class: z.array(z.object({ ...budgetSum, functional_code: z.string(), functional_name: z.string().nullable() })),
    by_class_and_label: z.array(z.object({ ...budgetSum, functional_code: z.string(), label: z.string() })),
    lines: z.number().int(),
  })
  .meta({ id: 'BudgetTotals' });

export const LivelihoodProgramme = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    year: z.number().int(),
    external_id: nullable(z.string()),
    title: z.string(),
    area_count: nullable(z.number().int()),
    project_count: nullable(z.number().int()),
    delivered_count: nullable(z.number().int()),
    budget_yuan: nullable(z.string()),
    ...spanFields,
    version: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: 'LivelihoodProgramme' });

export const LivelihoodProject = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    year: z.number().int(),
    programme_id: nullable(z.number().int()),
    area: nullable(z.string()),
    title: z.string(),
    budget_yuan: nullable(z.string()),
    lead_unit_id: nullable(z.number().int()),
    target_value: nullable(z.string()),
    target_unit: nullable(z.string()),
    target_comparator: nullable(comparator),
    is_delivered: z.boolean(),
    delivered_on: nullable(isoDate),
    ...spanFields,
    version: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: 'LivelihoodProject' });

const budgetFigure = z.object({
  label: z.string(),
  amount_yuan: z.string(),
  previous_amount_yuan: nullable(z.string()),
  growth_percent: nullable(z.string()),
});
const colourCounts = { red: z.number().int(), yellow: z.number().int(), green: z.number().int(), unknown: z.number().int() };

export const DashboardSummary = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    budget: nullable(
      z.object({
        year: z.number().int(),
        phase: budgetPhase,
        total: nullable(budgetFigure),
        livelihood: nullable(budgetFigure.extend({ share_percent: nullable(z.string()) })),
        categories: z.array(
          z.object({ label: z.string(), functional_code: nullable(z.string()), amount_yuan: z.string(), share_percent: nullable(z.string()) }),
        ),
      }),
    ),
    commitments: nullable(
      z.object({
        plan_id: z.number().int(),
        plan_year: z.number().int(),
        total: z.number().int(),
        by_colour: z.object(colourCounts),
        themes: z.array(z.object({ theme: nullable(z.string()), total: z.number().int(), ...colourCounts })),
      }),
    ),
    projects: z.array(
      z.object({
        year: z.number().int(),
        title: z.string(),
        area_count: nullable(z.number().int()),
        project_count: nullable(z.number().int()),
        delivered_count: nullable(z.number().int()),
        budget_yuan: nullable(z.string()),
      }),
    ),
    computed_on: isoDate,
  })
  .meta({ id: 'DashboardSummary' });

export type CommitmentJson = z.infer<typeof Commitment>;
export type CommitmentDetailJson = z.infer<typeof CommitmentDetail>;
export type DashboardSummaryJson = z.infer<typeof DashboardSummary>;
export type BudgetLineJson = z.infer<typeof BudgetLine>;
export type BudgetTotalsJson = z.infer<typeof BudgetTotals>;
export type ReviewItemJson = z.infer<typeof ReviewItem>;
export type ReviewQueueItemJson = z.infer<typeof ReviewQueueItem>;
export type ReviewFacetsJson = z.infer<typeof ReviewFacets>;
export type DocumentDetailJson = z.infer<typeof DocumentDetail>;
export type ImportResultJson = z.infer<typeof ImportResult>;
export type SessionJson = z.infer<typeof Session>;
