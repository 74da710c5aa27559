/**
 * The server's services over one database, sharing one read cache that every write clears.
 * Example: `const services = createServices(database, { now: () => new Date() })`.
 */
import type { DatabaseHandle } from '@duixian/storage';
import { AccountService } from '../auth/account.service.ts';
import { AuthService } from '../auth/auth.service.ts';
import { BackupService } from './backup.service.ts';
import { ReadCache } from './cache.ts';
import { CatalogueService } from './catalogue.service.ts';
import { CommitmentService } from './commitment.service.ts';
import { DashboardService } from './dashboard.service.ts';
import { EvidenceService } from './evidence.service.ts';
import { ExportService } from '../exports/export.service.ts';
import { FollowUpService } from './follow-up.service.ts';
import { ImportService, type ImportProbe } from './import.service.ts';
import { sharedImportPool, type ImportWorkerPool } from './import-worker.pool.ts';
import { ReviewService } from './review.service.ts';
import { ScheduleIndex } from './schedule-index.ts';
import { WarningsService } from './warnings.service.ts';
import { MonthlyBulletinService } from '../documents/monthly-bulletin.service.ts';
import { SupervisionNoticeService } from '../documents/supervision-notice.service.ts';
import { ClosureService } from '../reporting/closure.service.ts';
import { readDeliveryConfig, type DeliveryConfig } from '../reporting/delivery.config.ts';
import { createEmailSender } from '../reporting/email.sender.ts';
import { ReminderService } from '../reporting/reminder.service.ts';
import { ReportingCycleService } from '../reporting/reporting-cycle.service.ts';
import { createWebhookSender } from '../reporting/webhook.sender.ts';

export interface Services {
  readonly database: DatabaseHandle;
  readonly cache: ReadCache;
  readonly auth: AuthService;
  readonly accounts: AccountService;
  readonly backups: BackupService;
  readonly catalogue: CatalogueService;
  readonly commitments: CommitmentService;
  readonly dashboard: DashboardService;
  readonly evidence: EvidenceService;
  readonly exports: ExportService;
  readonly review: ReviewService;
  readonly imports: ImportService;
  readonly followUps: FollowUpService;
  readonly warnings: WarningsService;
  readonly supervisionNotices: SupervisionNoticeService;
  readonly bulletins: MonthlyBulletinService;
  readonly index: ScheduleIndex;
  readonly reportingCycles: ReportingCycleService;
  readonly reminders: ReminderService;
  readonly closures: ClosureService;
}

/** Summaries are cached for a minute at most, and until the next write of this process. */
export const CACHE_TTL_MS = 60_000;

export function createServices(
  database: DatabaseHandle,
  options: {
    now: () => Date;
    importProbe?: ImportProbe;
    /** Default: the process's shared pool. */
    importPool?: ImportWorkerPool;
    /** Where reminders are emailed and posted; default: read from the environment (reporting/delivery.config.ts). */
    delivery?: DeliveryConfig;
  },
): Services {
  const cache = new ReadCache(CACHE_TTL_MS);
  // Other server processes may write to a PostgreSQL database: rebuild statuses in the background as the cache expires.
  const index = new ScheduleIndex(database, options.now, database.engine === 'postgres' ? { maxAgeMs: CACHE_TTL_MS } : {});
  const commitments = new CommitmentService(database, cache, index, options.now);
  const review = new ReviewService(database, cache, index);
  const followUps = new FollowUpService(database, options.now);
  const supervisionNotices = new SupervisionNoticeService(database, options.now);
  const auth = new AuthService(database, options.now);
  const delivery = options.delivery ?? readDeliveryConfig(process.env);
  const reportingCycles = new ReportingCycleService(database, options.now);
  const reminders = new ReminderService(
    database,
    reportingCycles,
    { config: delivery, ...(delivery.smtp ? { email: createEmailSender(delivery.smtp) } : {}), webhook: createWebhookSender() },
    options.now,
  );
  return {
    database,
    cache,
    auth,
    accounts: new AccountService(database, auth, cache, options.now),
    backups: new BackupService(database),
    catalogue: new CatalogueService(database, cache),
    commitments,
    dashboard: new DashboardService(database, commitments, cache, options.now),
    evidence: new EvidenceService(database, options.now),
    exports: new ExportService(database, commitments),
    review,
    imports: new ImportService(database, review, cache, index, options.importPool ?? sharedImportPool(), options.importProbe, followUps),
    followUps,
    warnings: new WarningsService(commitments),
    supervisionNotices,
    bulletins: new MonthlyBulletinService(database, commitments, supervisionNotices, reportingCycles, options.now),
    index,
    reportingCycles,
    reminders,
    closures: new ClosureService(database, reminders, index, cache, options.now),
  };
}
