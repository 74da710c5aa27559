/**
 * The database's tables as Kysely sees them. NUMERIC columns are exact decimal strings ('2198000000'),
 * DATE columns are 'YYYY-MM-DD' strings on both engines, JSONB columns are parsed values.
 * Example: `db.selectFrom('budget_lines').select('amount_yuan')` → `{ amount_yuan: '2198000000' }`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ClosureStatus, DeliveryChannel, DeliveryStatus, NotificationKind, ReportingFrequency, EvidenceKind, UnitRole, TargetComparator, UserRole, BudgetPhase, BudgetScope, ReportedStatus, ReviewKind, ReviewStatus, FollowUpVerdict as FollowUpVerdictCode, FollowUpBasis } from '@duixian/core';

type CreatedAt = ColumnType<Date, never, never>;
/** NUMERIC read and written as an exact decimal string. */
type Numeric = string;
/** DATE as 'YYYY-MM-DD'. */
type DateString = string;
type Json<T> = ColumnType<T, string, string>;

// The closed sets of words a column holds are core's (model/vocabulary.ts), defined once.
export type {
  TargetComparator, UserRole, BudgetPhase, BudgetScope, ReportedStatus, ReviewKind, ReviewStatus,
  FollowUpVerdict as FollowUpVerdictCode, FollowUpBasis, ReportingFrequency, NotificationKind, DeliveryChannel, DeliveryStatus, ClosureStatus,
} from '@duixian/core';

/** One piece of evidence attached to a progress update. */
export interface Evidence {
  readonly kind: EvidenceKind;
  /** For a link: the URL; for a file: the stored file's content hash. */
  readonly ref: string;
  readonly label?: string;
}

interface SpanColumns {
  document_id: number | null;
  span_start: number | null;
  span_end: number | null;
}

export interface RegionTable {
  code: string;
  name: string;
  parent_code: string | null;
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  /** The unit's contact person, whom the 督查室 calls when it assigns or chases the unit (0010). */
  contact_name: Generated<string | null>;
  contact_phone: Generated<string | null>;
  contact_email: Generated<string | null>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  role: UserRole;
  unit_id: number | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  /** When an admin disabled the account; null while it is active (0010). */
  disabled_at: Generated<Date | null>;
  created_at: CreatedAt;
  /** Where reminders are emailed (migration 0011); null: in-app only. */
  email: Generated<string | null>;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface DocumentTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  title: string;
  file_name: string;
  format: string;
  sha256: string;
  byte_size: number;
  content: Uint8Array;
  text: string;
  extraction: Json<unknown>;
  findings: Json<unknown>;
  problems: Json<unknown>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface FunctionalClassTable {
  code: string;
  name: string;
}

export interface PlanTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  title: string;
  document_id: number | null;
  created_at: CreatedAt;
}

export interface ThemeTable extends SpanColumns {
  id: Generated<number>;
  plan_id: number;
  name: string;
  heading: string | null;
  position: Generated<number>;
}

export interface CommitmentTable extends SpanColumns {
  id: Generated<number>;
  plan_id: number;
  theme_id: number | null;
  parent_id: number | null;
  external_id: string | null;
  original_text: string;
  title: string;
  action: string | null;
  indicator: string | null;
  target_value: Numeric | null;
  target_value_high: Numeric | null;
  target_unit: string | null;
  target_comparator: TargetComparator | null;
  /** A graded target as written: 'Ⅲ类' (target_value stays null). */
  target_grade: string | null;
  start_date: DateString | null;
  deadline: DateString | null;
  weight: ColumnType<Numeric, Numeric | undefined, Numeric>;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

export interface CommitmentUnitTable {
  commitment_id: number;
  unit_id: number;
  role: UnitRole;
}

export interface MilestoneTable {
  id: Generated<number>;
  commitment_id: number;
  due_date: DateString;
  expected_percent: Numeric;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  commitment_id: number;
  reported_on: DateString;
  amount: Numeric | null;
  percent: Numeric | null;
  reported_status: ReportedStatus | null;
  note: string | null;
  evidence: ColumnType<Evidence[], string | undefined, never>;
  author_id: number | null;
  /** The report this one corrects (and replaces as the latest); null for a plain report. */
  corrects_id: number | null;
  /** Why the correction was made; set exactly when corrects_id is. */
  correction_reason: string | null;
  created_at: CreatedAt;
  /** When the unit submitted it, by the server's clock (migration 0011); null for reports stored before (read created_at). */
  submitted_at: ColumnType<Date | null, Date | undefined, never>;
}

/** A review decision on a progress report; a report without one is pending (待审核). */
export type ReviewDecision = 'approved' | 'returned';
/** What a progress report's reader sees of its review. */
export type ProgressReviewStatus = 'pending' | ReviewDecision;

export interface ProgressReviewTable {
  id: Generated<number>;
  update_id: number;
  decision: ReviewDecision;
  /** Why it was returned; set exactly when returned. */
  reason: string | null;
  /** Null for the approvals of reports stored before reviews existed, and of reports from an imported document. */
  reviewer_id: number | null;
  decided_at: CreatedAt;
}

export interface IndicatorTable extends SpanColumns {
  id: Generated<number>;
  plan_id: number;
  theme_id: number | null;
  commitment_id: number | null;
  external_id: string | null;
  name: string;
  unit: string;
  target_value: Numeric | null;
  target_comparator: TargetComparator | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface MeasurementTable extends SpanColumns {
  id: Generated<number>;
  indicator_id: number;
  measured_on: DateString;
  value: Numeric;
  note: string | null;
  author_id: number | null;
  created_at: CreatedAt;
}

export interface LivelihoodProgrammeTable extends SpanColumns {
  id: Generated<number>;
  region_code: string;
  year: number;
  external_id: string | null;
  title: string;
  area_count: number | null;
  project_count: number | null;
  delivered_count: number | null;
  budget_yuan: Numeric | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface LivelihoodProjectTable extends SpanColumns {
  id: Generated<number>;
  region_code: string;
  year: number;
  programme_id: number | null;
  area: string | null;
  title: string;
  budget_yuan: Numeric | null;
  lead_unit_id: number | null;
  target_value: Numeric | null;
  target_unit: string | null;
  target_comparator: TargetComparator | null;
  is_delivered: Generated<boolean>;
  delivered_on: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface BudgetLineTable extends SpanColumns {
  id: Generated<number>;
  region_code: string;
  year: number;
  phase: BudgetPhase;
  scope: BudgetScope;
  parent_id: number | null;
  label: string;
  definition: string | null;
  functional_code: string | null;
  mapping_confidence: Numeric | null;
  amount_yuan: Numeric;
  external_id: string | null;
  quantity_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ReviewItemTable {
  id: Generated<number>;
  document_id: number;
  kind: ReviewKind;
  candidate_key: string;
  position: number;
  payload: Json<unknown>;
  status: Generated<ReviewStatus>;
  entity_id: number | null;
  decided_by: number | null;
  decided_at: Date | null;
  version: Generated<number>;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  /** Every token expires (migration 0006). */
  expires_at: Date;
  revoked_at: Date | null;
}

export interface EvidenceFileTable {
  sha256: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  content: Uint8Array;
  created_by: number | null;
  created_at: CreatedAt;
}

/** A target of one report paired with the result the next year's report states (issue 8). */
export interface FollowUpPairTable {
  id: Generated<number>;
  region_code: string;
  last_year: number;
  this_year: number;
  last_document_id: number;
  this_document_id: number;
  position: number;
  source: 'main_targets' | 'commitment';
  metric: string;
  target_start: number;
  target_end: number;
  target_text: string;
  target_value: Numeric | null;
  target_value_high: Numeric | null;
  target_unit: string;
  target_comparator: string | null;
  result_start: number | null;
  result_end: number | null;
  result_text: string | null;
  result_metric: string | null;
  result_value: Numeric | null;
  result_value_high: Numeric | null;
  result_unit: string | null;
  verdict: FollowUpVerdictCode;
  /** 'statement': met by a completion statement, kept in result_start/end/text without a value (migration 0013). */
  basis: FollowUpBasis;
  confidence: Numeric;
  polarity: string;
  explanation: string;
  commitment_id: number | null;
  progress_update_id: number | null;
  created_at: CreatedAt;
}

export interface PlanRevisionTable {
  plan_id: number;
  /** Bumped by the database on every change to the plan's commitments, themes, milestones and progress. */
  revision: ColumnType<string, string, string>;
}

/** A plan's top-level commitments by theme and colour, as computed for one day: a cache, never edited. */
export interface ScheduleTallyTable {
  plan_id: number;
  computed_on: DateString;
  revision: ColumnType<string, string, string>;
  counts: Json<ScheduleTallyCount[]>;
}

export interface ScheduleTallyCount {
  theme: string | null;
  total: number;
  red: number;
  yellow: number;
  green: number;
  unknown: number;
}

/** A secret of the server kept with its data (the CSRF key), one per name. */
export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

/** How a region numbers its 督办单: the prefix ('城北督'; null: the region's short name + 督) and the issuing office. */
export interface NoticeNumberingTable {
  region_code: string;
  prefix: string | null;
  issuer: string | null;
  updated_at: ColumnType<Date, never, Date>;
}

/** The last 督办单 number a region used in a year; only ever moves forward. */
export interface NoticeCounterTable {
  region_code: string;
  year: number;
  last_number: number;
}

/** One item of a 督办单 as it stood when the notice was issued. */
export interface SupervisionNoticeItem {
  commitment_id: number;
  title: string;
  role: UnitRole;
  /** The target in words: '不少于2万亩'; null when the task states none. */
  target: string | null;
  deadline: string | null;
  /** The other units on the task: the lead for a supporting unit, the supporting units for the lead. */
  partners: string[];
}

/** An issued 督办单 (append-only): 城北督〔2024〕12号 to 区住建局, with its items. */
export interface SupervisionNoticeTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  number: number;
  prefix: string;
  issuer: string;
  plan_year: number;
  unit_id: number;
  items: Json<SupervisionNoticeItem[]>;
  issued_by: number | null;
  /** Set by the server's clock (the day a person sees on the notice); the database's now() otherwise. */
  issued_at: ColumnType<Date, Date | undefined, never>;
}

/** A plan's reporting cycle (commitment_id null), or one item's own (migration 0011). */
export interface ReportingCycleTable {
  id: Generated<number>;
  plan_id: number;
  commitment_id: number | null;
  frequency: ReportingFrequency;
  due_day: number;
  remind_days_before: Generated<number>;
  starts_on: DateString;
  updated_at: Generated<Date>;
}

/** A reminder or 催办 sent to a unit: one automatic one per slot and kind (due_soon, overdue). */
export interface ReminderTable {
  id: Generated<number>;
  kind: NotificationKind;
  unit_id: number;
  commitment_id: number | null;
  period_key: string | null;
  due_on: DateString | null;
  note: string | null;
  actor_id: number | null;
  created_at: Generated<Date>;
}

/** One person's in-app copy of a reminder (the bell). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  reminder_id: number;
  title: string;
  body: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

/** A reminder's email or webhook, tried until sent or out of attempts. */
export interface DeliveryTable {
  id: Generated<number>;
  reminder_id: number;
  channel: DeliveryChannel;
  target: string;
  subject: string;
  body: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Date>;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

/** A unit's request to close an item (销号), and the 督查室's decision. */
export interface ClosureRequestTable {
  id: Generated<number>;
  commitment_id: number;
  unit_id: number;
  requested_by: number | null;
  note: string;
  evidence: ColumnType<Evidence[], string | undefined, never>;
  status: Generated<ClosureStatus>;
  decided_by: number | null;
  reason: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

/** Every table, by name. */
export interface Schema {
  regions: RegionTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  documents: DocumentTable;
  functional_classes: FunctionalClassTable;
  plans: PlanTable;
  themes: ThemeTable;
  commitments: CommitmentTable;
  commitment_units: CommitmentUnitTable;
  milestones: MilestoneTable;
  progress_updates: ProgressUpdateTable;
  progress_reviews: ProgressReviewTable;
  indicators: IndicatorTable;
  measurements: MeasurementTable;
  livelihood_programmes: LivelihoodProgrammeTable;
  livelihood_projects: LivelihoodProjectTable;
  budget_lines: BudgetLineTable;
  review_items: ReviewItemTable;
  audit_events: AuditEventTable;
  api_tokens: ApiTokenTable;
  evidence_files: EvidenceFileTable;
  follow_up_pairs: FollowUpPairTable;
  plan_revisions: PlanRevisionTable;
  schedule_tallies: ScheduleTallyTable;
  server_secrets: ServerSecretTable;
  notice_numbering: NoticeNumberingTable;
  notice_counters: NoticeCounterTable;
  supervision_notices: SupervisionNoticeTable;
  reporting_cycles: ReportingCycleTable;
  reminders: ReminderTable;
  notifications: NotificationTable;
  deliveries: DeliveryTable;
  closure_requests: ClosureRequestTable;
}

export type RegionRow = Selectable<RegionTable>;
export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type PlanRow = Selectable<PlanTable>;
export type ThemeRow = Selectable<ThemeTable>;
export type CommitmentRow = Selectable<CommitmentTable>;
export type NewCommitment = Insertable<CommitmentTable>;
export type CommitmentPatch = Updateable<CommitmentTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type ProgressUpdateRow = Selectable<ProgressUpdateTable>;
export type ProgressReviewRow = Selectable<ProgressReviewTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type MeasurementRow = Selectable<MeasurementTable>;
export type LivelihoodProgrammeRow = Selectable<LivelihoodProgrammeTable>;
export type LivelihoodProjectRow = Selectable<LivelihoodProjectTable>;
export type BudgetLineRow = Selectable<BudgetLineTable>;
export type ReviewItemRow = Selectable<ReviewItemTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type ScheduleTallyCounts = readonly ScheduleTallyCount[];
export type EvidenceFileRow = Selectable<EvidenceFileTable>;
export type FollowUpPairRow = Selectable<FollowUpPairTable>;
export type NoticeNumberingRow = Selectable<NoticeNumberingTable>;
export type SupervisionNoticeRow = Selectable<SupervisionNoticeTable>;
export type ReportingCycleRow = Selectable<ReportingCycleTable>;
export type ReminderRow = Selectable<ReminderTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
export type ClosureRequestRow = Selectable<ClosureRequestTable>;
