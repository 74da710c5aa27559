/** @duixian/core — the only entry point: numbers, extraction, verification and schedule logic. Pure: no I/O. */
export type * from './model/index.ts';
export {
  COMPARATORS, TARGET_COMPARATORS, USER_ROLES, UNIT_ROLES, BUDGET_PHASES, BUDGET_SCOPES, REPORTED_STATUSES, SCHEDULE_CODES,
  WARNING_COLOURS, REVIEW_KINDS, REVIEW_STATUSES, PROGRESS_REVIEW_STATUSES, FOLLOW_UP_VERDICTS, FOLLOW_UP_BASES, EVIDENCE_KINDS,
  OFFICIAL_DOCUMENT_FORMATS, TASK_SHEET_FIELDS, TASK_SHEET_ROW_ACTIONS,
  REPORTING_FREQUENCIES, REPORT_SLOT_STATUSES, NOTIFICATION_KINDS, DELIVERY_CHANNELS, DELIVERY_STATUSES, CLOSURE_STATUSES,
} from './model/vocabulary.ts';
export {
  parseDecimal,
  formatDecimal,
  scaleDecimal,
  addDecimals,
  multiplyDecimals,
  negateDecimal,
  compareDecimals,
  isSameDecimal,
  decimalToNumber,
} from './numbers/decimal.ts';
export { parseChineseNumeral } from './numbers/chinese-numeral.ts';
export { extract } from './extract/pipeline.ts';
export { analyze } from './analyze.ts';
export {
  buildCandidates, sentenceAround,
  type BudgetLineCandidate, type Candidate, type CommitmentCandidate, type IndicatorCandidate, type ProgrammeCandidate, type SpanRef,
} from './candidates/review-candidates.ts';
export { mapFunctionalClass, type FunctionalMapping } from './candidates/functional-class.mapping.ts';
export { toCheckJson, quantityValueToJson, type JsonValue } from './extract/check-json.ts';
export { verify, checks } from './verify/verify.ts';
export { CHECK_NAMES, checkName } from './verify/check-names.ts';
export { checkAcrossDocuments, type NamedDocument } from './verify/cross-document.ts';
export { growthCheck } from './verify/checks/growth.check.ts';
export { differenceCheck } from './verify/checks/difference.check.ts';
export { growthFromIncreaseCheck } from './verify/checks/growth-from-increase.check.ts';
export { shareCheck } from './verify/checks/share.check.ts';
export { percentagePointChangeCheck } from './verify/checks/percentage-point-change.check.ts';
export { partsSumCheck } from './verify/checks/parts-sum.check.ts';
export { restatementCheck } from './verify/checks/restatement.check.ts';
export { averageAnnualGrowthCheck } from './verify/checks/average-annual-growth.check.ts';
export { multipleCheck } from './verify/checks/multiple.check.ts';
export { directionCheck } from './verify/checks/direction.check.ts';
export { thresholdCheck } from './verify/checks/threshold.check.ts';
export { enumerationCheck } from './verify/checks/enumeration.check.ts';
export { partOfWholeCheck } from './verify/checks/part-of-whole.check.ts';
export { unitLogicCheck } from './verify/checks/unit-logic.check.ts';
export { structureRatioCheck } from './verify/checks/structure-ratio.check.ts';
export { intervalFromDecimal, intervalFromValue, formatRational, type Interval, type Rational } from './verify/interval.ts';
export type { Check, CheckInput } from './verify/check.ts';
export { formatChineseAmount, formatQuantityValue } from './numbers/chinese-amount.format.ts';
export { comparatorWords, phraseWithComparator, type ComparatorWords } from './numbers/comparator-words.format.ts';
export { formatRoundedYuan, formatScaledNumber, type DisplayLocale } from './numbers/rounded-amount.format.ts';
export { addDecimalTexts, canonicalDecimalText, compareMagnitude, groupThousands, isNegativeDecimal, parseDecimalText, shiftAndRound } from './numbers/decimal-text.ts';
export {
  computeScheduleStatus,
  DEFAULT_TOLERANCE_POINTS,
  DEFAULT_WARN_DAYS,
  SCHEDULE_STATUS_LABELS,
  type ScheduleStatus,
  type ScheduleStatusCode,
  type ScheduleStatusInput,
  type ScheduleStatusLabel,
  type WarningColour,
  type Progress,
} from './track/schedule-status.ts';
export { computeExpectedProgress, type ExpectedProgress, type Milestone, type ScheduleWindow } from './track/expected-progress.ts';
export { parseDeadlineText, type DeadlineReading } from './track/deadline-text.parser.ts';
export { rollUpProgress, type ProgressRollUp, type WeightedProgress } from './track/progress-roll-up.ts';
export { type DecimalInput } from './track/exact-ratio.ts';
export { followUp } from './follow-up/follow-up.ts';
export { matchFollowUp, DEFAULT_MIN_SIMILARITY, type FollowUpMatchOptions, type ReadReport } from './follow-up/follow-up-match.ts';
export type { FollowUpPair, FollowUpReport, FollowUpFigure, FollowUpVerdict } from './follow-up/follow-up-pair.ts';
export { toFollowUpJson } from './follow-up/follow-up-json.ts';
export {
  tallyFollowUp,
  rankLeagueTable,
  type LeagueTable,
  type LeagueRow,
  type LeagueEntry,
  type LeagueTally,
  type LeagueShare,
  type UnpairedRegion,
  type LeagueFailure,
} from './follow-up/league-table.ts';
export { toLeagueTableJson } from './follow-up/league-table-json.ts';
export { toLeagueTableCsv } from './follow-up/league-table-csv.ts';
export { judgeTarget, judgePolarity, type MetricPolarity, type JudgedFigure, type TargetJudgement } from './follow-up/target-verdict.ts';
export { scoreMetricSimilarity, normalizeMetric } from './follow-up/metric-similarity.ts';
export { findTargetSection } from './follow-up/target-section.ts';
export { extractTableFigures, type TableFigure, type TableFigures, type BudgetPhase } from './extract/tables/extract-table-figures.ts';
export { periodOf, periodsBetween, chinaDateOf, addCalendarDays, maxDueDay, type ReportingCycle, type ReportingPeriod } from './track/reporting-period.ts';
export { buildReportSlots, isMissedSlot, type ReportSlot, type SlotAssignment, type SlotReport } from './track/report-slot.ts';
