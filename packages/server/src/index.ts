/** @duixian/server — the HTTP API over storage: `startServer` for the CLI, `buildApp` for in-process tests. */
export { buildApp, JSON_BODY_LIMIT, type AppOptions } from './app.ts';
export { startServer, DEFAULT_DATA_DIR, DEFAULT_STATIC_DIR, type StartServerOptions, type RunningServer } from './server.ts';
export { createServices, type Services } from './services/services.ts';
export { addUser, resetUserPassword, type NewUserInput } from './auth/user-admin.service.ts';
export { DEMO_DOCUMENT_PATH, DEMO_REGIONS, DEMO_REPORT_YEAR } from './services/demo.service.ts';
export type { ImportProbe, ImportRequest, ImportResult } from './services/import.service.ts';
export type * from './api-schemas.ts';
export type { FollowUpPairJson } from './routes/follow-up.routes.ts';
export type { SupervisionNoticeJson } from './documents/documents.routes.ts';
export type { FollowUpLeagueJson } from './routes/follow-up-league.routes.ts';
export type { TaskSheetImportJson, TaskSheetPreviewJson } from './task-sheet/task-sheet.routes.ts';
export type { ReportSlotJson, UnitLateCountJson, NotificationJson, ReportingCycleJson, ClosureRequestJson } from './reporting/reporting.routes.ts';
export type {
  CommitmentJson,
  CommitmentDetailJson,
  DashboardSummaryJson,
  BudgetLineJson,
  ReviewItemJson,
  DocumentDetailJson,
  ImportResultJson,
  SessionJson,
} from './api-schemas.ts';
