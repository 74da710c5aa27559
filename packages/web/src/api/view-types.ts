/**
 * What the pages show, in the web's own terms, filled from the server's answers by duixian.api.ts.
 * Amounts are exact decimal strings in 元 ('2198000000'); percents are decimal strings ('44.4').
 * Example: OverviewView.total → { label: '一般公共预算支出', amountYuan: '2198000000', growthPercent: '44.4', … }.
 */
import type { ProgressReviewStatus, TextMark, UserRole } from '@duixian/core';
import type { WarningColour } from '../components/status-badge.tsx';
import type { HistoryChange } from '../format/history-change.format.ts';

/** A region and a year that has data. */
export interface Place {
  readonly regionCode: string;
  readonly regionName: string;
  readonly year: number;
}

/** The sentence of a document a figure came from. */
export interface SourceLink {
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
}

export interface HeadlineFigure {
  readonly label: string;
  readonly amountYuan: string;
  readonly previousYear?: number;
  readonly previousAmountYuan?: string;
  readonly growthPercent?: string;
  readonly changeYuan?: string;
  readonly sharePercent?: string;
  readonly source?: SourceLink;
}

export interface CategoryFigure {
  readonly label: string;
  readonly amountYuan: string;
  readonly functionalCode?: string;
  readonly source?: SourceLink;
}

export interface ThemeCounts {
  readonly id?: number;
  readonly name: string;
  readonly total: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
}

export interface ProgrammeView {
  readonly title: string;
  readonly budgetYuan?: string;
  readonly areaCount?: number;
  readonly projectCount?: number;
  readonly deliveredCount?: number;
  readonly source?: SourceLink;
}

export interface OverviewView {
  readonly place: Place;
  readonly total?: HeadlineFigure;
  readonly livelihood?: HeadlineFigure;
  readonly categories: readonly CategoryFigure[];
  readonly themes: readonly ThemeCounts[];
  readonly programme?: ProgrammeView;
}

export interface BudgetLineView {
  readonly id: number;
  readonly year: number;
  readonly phase: string;
  readonly scope: string;
  readonly label: string;
  readonly functionalCode?: string;
  readonly functionalName?: string;
  readonly mappingConfidence?: string;
  readonly amountYuan: string;
  readonly source?: SourceLink;
}

/** A region's budget for its page: the server's exact sums over every line, and the first page of the lines. */
export interface BudgetView {
  /** By year and the report's label (the bars), in the order total, livelihood, categories. */
  readonly byLabel: readonly { readonly year: number; readonly scope: string; readonly label: string; readonly amountYuan: string }[];
  /** The categories by year and functional class (the treemap's boxes). */
  readonly byClass: readonly { readonly year: number; readonly functionalCode: string; readonly functionalName?: string; readonly amountYuan: string }[];
  /** The categories by year, functional class and label (the treemap's leaves). */
  readonly byClassAndLabel: readonly { readonly year: number; readonly functionalCode: string; readonly label: string; readonly amountYuan: string }[];
  /** The lines shown in the table: the first page. */
  readonly lines: readonly BudgetLineView[];
  /** How many lines the region has (more than `lines` holds when the table shows only the first page). */
  readonly totalLines: number;
}

export interface CommitmentSummary {
  readonly id: number;
  readonly title: string;
  readonly theme?: string;
  readonly themeId?: number;
  readonly units: readonly { readonly id: number; readonly name: string; readonly role: string }[];
  readonly deadline?: string;
  readonly target?: { readonly value: string; readonly unit: string; readonly comparator?: string };
  readonly actualPercent?: string;
  readonly expectedPercent?: string;
  readonly scheduleStatus?: string;
  readonly colour?: WarningColour;
  readonly reportedStatus?: string;
  readonly version?: number;
  readonly daysToDeadline?: number;
  /** The server's explanation of the schedule status: '序时进度 49.73%，实际 60%'. */
  readonly explanation?: string;
}

/** A row of the staff's task table: a commitment with whether the public sees it. */
export interface TaskRow extends CommitmentSummary {
  readonly version: number;
  readonly published: boolean;
}

export interface EvidenceView {
  readonly label: string;
  readonly href: string;
  readonly isImage: boolean;
}

export interface ProgressUpdateView {
  readonly id: number;
  readonly reportedOn: string;
  readonly amount?: string;
  readonly percent?: string;
  readonly reportedStatus?: string;
  readonly note?: string;
  readonly author?: string;
  readonly evidence: readonly EvidenceView[];
  /** The 督查室's review, for staff and the reporting unit (the public reads approved reports only). */
  readonly reviewStatus?: ProgressReviewStatus;
  readonly reviewReason?: string;
}

/** A report waiting for the 督查室's review, with what the reviewer judges it by. */
export interface PendingProgressView extends ProgressUpdateView {
  readonly commitmentId: number;
  readonly commitmentTitle: string;
  readonly targetValue?: string;
  readonly targetUnit?: string;
  readonly leadUnit?: string;
}

export interface HistoryEventView {
  readonly id: number | string;
  readonly occurredAt: string;
  readonly action: string;
  /** The author's display name; absent for the system or a user without one. */
  readonly actor?: string;
  /** Written by the system (an import's follow-up), not a person. */
  readonly isSystem: boolean;
  readonly changes: readonly HistoryChange[];
}

export interface CommitmentDetail extends CommitmentSummary {
  readonly originalText: string;
  /** Work items the task is broken into (目标任务分解), each with its own status. */
  readonly children: readonly CommitmentSummary[];
  readonly source?: SourceLink;
  readonly updates: readonly ProgressUpdateView[];
  readonly history: readonly HistoryEventView[];
}

export interface DocumentSummary {
  readonly id: number;
  readonly title: string;
  readonly fileName: string;
  /** The region the document belongs to (six-digit code). */
  readonly regionCode: string;
  readonly year: number;
  readonly figureCount?: number;
  readonly inconsistentCount?: number;
}

/** One figure of a document: value as an exact decimal string, in its normalized unit. */
export interface DocumentFigure {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: string;
  readonly valueHigh?: string;
  readonly unit: string;
  readonly comparator?: string;
  readonly metric?: string;
  readonly role?: string;
  readonly period?: string;
}

export interface DocumentFinding {
  readonly id: string;
  readonly check: string;
  /** 'questionable' (需复核): wording worth a second look, not an error. */
  readonly verdict: 'consistent' | 'inconsistent' | 'questionable' | 'unverifiable';
  readonly stated: string;
  readonly quantities: readonly string[];
  readonly expected?: { readonly low: string; readonly high: string };
  /** The reading of the wording the check assumed: "按'新增…总量'理解". */
  readonly reading?: string;
  readonly message: string;
}

export interface DocumentDetail extends DocumentSummary {
  readonly text: string;
  /** How the text reads in its source (Markdown headings, list items, emphasis); empty for other formats. */
  readonly marks: readonly TextMark[];
  readonly figures: readonly DocumentFigure[];
  readonly findings: readonly DocumentFinding[];
  readonly fileHref: string;
}

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName?: string;
  readonly role: UserRole;
  readonly unitId?: number;
  /** Signed in with a one-time password: the staff pages ask for a password of the user's own first. */
  readonly mustChangePassword: boolean;
}

export interface UnitView {
  readonly id: number;
  readonly name: string;
  readonly regionCode: string;
  /** The unit's contact person, given to staff only (null fields for everyone else). */
  readonly contact: { readonly name: string | null; readonly phone: string | null; readonly email: string | null };
}

export interface RegionView {
  readonly code: string;
  readonly name: string;
}

/** Why an item is on the warnings list, most urgent first: 逾期, 已销号未完成, 慢序时, 临期. */
export type WarningUrgency = 'overdue' | 'missed' | 'behind' | 'due_soon';

export interface WarningView {
  readonly commitment: CommitmentSummary;
  readonly urgency: WarningUrgency;
  readonly reason: string;
  readonly daysLeft?: number;
}

export interface UnitWarningCounts {
  readonly unitId: number;
  readonly unitName: string;
  readonly overdue: number;
  readonly missed: number;
  readonly behind: number;
  readonly dueSoon: number;
}

export interface WarningsView {
  readonly items: readonly WarningView[];
  readonly byUnit: readonly UnitWarningCounts[];
  /** Items with no lead unit yet (未分派): work for the assign page, not a warning. */
  readonly unassigned: number;
}

export interface UploadResult {
  readonly documentId: number;
  readonly title: string;
  readonly reviewCount?: number;
  readonly isNew?: boolean;
}
