/**
 * Every closed set of words the product uses, defined once: the lists here are what the API schemas validate
 * against (`z.enum(USER_ROLES)`), what storage columns hold and what the web app's types are. A new value is added
 * here and nowhere else; each package derives its types from these.
 * Example: `WARNING_COLOURS` is ['red', 'yellow', 'green'], and `WarningColour` is 'red' | 'yellow' | 'green'.
 */

/** A stated bound on a figure (以上 >=, 以内 <=, 高于 >, 低于 <, 左右 ~). Words for each: extract/refiners/bound-words.ts. */
export const COMPARATORS = ['>=', '<=', '>', '<', '~'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** A target's bound: a figure's bounds, a plain figure (=), and grades (水质Ⅲ类以上 → at_least_class). */
export const TARGET_COMPARATORS = ['=', ...COMPARATORS, 'at_least_class', 'at_most_class'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** Who a person is to the 督查室's workbench. */
export const USER_ROLES = ['admin', 'supervisor', 'unit_editor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A 责任单位's part in a task: 牵头 (lead) or 配合 (supporting). */
export const UNIT_ROLES = ['lead', 'supporting'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** A budget figure's stage: 预算 (proposed), 批准 (approved), 调整 (adjusted), 决算/执行 (executed). */
export const BUDGET_PHASES = ['proposed', 'approved', 'adjusted', 'executed'] as const;
export type BudgetPhase = (typeof BUDGET_PHASES)[number];

/** What a budget line totals: the whole budget, 民生支出, or one 功能分类 category. */
export const BUDGET_SCOPES = ['total', 'livelihood', 'category'] as const;
export type BudgetScope = (typeof BUDGET_SCOPES)[number];

/** A 责任单位's own word on its task. */
export const REPORTED_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** Where a task stands against its schedule (序时进度), from track/schedule-status.ts. */
export const SCHEDULE_CODES = ['done_early', 'ahead', 'on_track', 'behind', 'overdue', 'done', 'missed'] as const;
export type ScheduleStatusCode = (typeof SCHEDULE_CODES)[number];

/** 三色预警. */
export const WARNING_COLOURS = ['red', 'yellow', 'green'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** What an extracted candidate waiting for review is. */
export const REVIEW_KINDS = ['commitment', 'indicator', 'budget_line', 'livelihood_programme'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A candidate's review: waiting, taken in, or set aside. */
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A progress report's review by the 督查室: waiting, approved (it counts and may be published), returned with a reason. */
export const PROGRESS_REVIEW_STATUSES = ['pending', 'approved', 'returned'] as const;
export type ProgressReviewStatus = (typeof PROGRESS_REVIEW_STATUSES)[number];

/** Was last year's target met? */
export const FOLLOW_UP_VERDICTS = ['met', 'missed', 'not_reported'] as const;
export type FollowUpVerdict = (typeof FOLLOW_UP_VERDICTS)[number];

/** What a follow-up verdict rests on: a stated result ('figure'), or a completion statement ("12件民生实事全部完成"). */
export const FOLLOW_UP_BASES = ['figure', 'statement'] as const;
export type FollowUpBasis = (typeof FOLLOW_UP_BASES)[number];

/** Evidence is a stored file or a link. */
export const EVIDENCE_KINDS = ['file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The two forms an official document (督办单, 通报) is given in: a Word file, or a page to print. */
export const OFFICIAL_DOCUMENT_FORMATS = ['docx', 'html'] as const;
export type OfficialDocumentFormat = (typeof OFFICIAL_DOCUMENT_FORMATS)[number];

/**
 * The columns of a 任务分解表 the tracker reads and writes: 序号, 任务, 目标, 牵头单位, 配合单位, 完成时限, 分管领导.
 * Their Chinese header words (synonyms included): server/src/task-sheet/task-sheet-headers.ts.
 */
export const TASK_SHEET_FIELDS = ['serial', 'task', 'target', 'lead_unit', 'supporting_units', 'deadline', 'leader'] as const;
export type TaskSheetField = (typeof TASK_SHEET_FIELDS)[number];

/** What confirming a 分解表 row does: adds a task, changes the task a re-import's 序号 names, or leaves it as it is. */
export const TASK_SHEET_ROW_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type TaskSheetRowAction = (typeof TASK_SHEET_ROW_ACTIONS)[number];

/** How often a unit reports on an item: 周报, 月报 (the default), 季报. */
export const REPORTING_FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/**
 * Where one report slot (a unit's report on an item for one period) stands: not yet due and empty, a report waiting
 * for review, the last report returned (退回, empty again), approved, or empty after its due day (未按时报送).
 */
export const REPORT_SLOT_STATUSES = ['open', 'submitted', 'returned', 'approved', 'overdue'] as const;
export type ReportSlotStatus = (typeof REPORT_SLOT_STATUSES)[number];

/** Why a notification was sent: the due day is near, the due day has passed, a 督查室 催办, a 销号 decided. */
export const NOTIFICATION_KINDS = ['due_soon', 'overdue', 'urge', 'closure_decided'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a notification leaves the server besides the in-app bell. */
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** One delivery's state: waiting (or waiting to be retried), delivered, given up after its last try. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A unit's request to close an item (销号): waiting, approved (the item is closed), refused with a reason. */
export const CLOSURE_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];
