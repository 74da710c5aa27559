/**
 * Every repository over one connection or transaction: `createRepositories(trx).commitments.get(7)`.
 */
import type { Kysely } from 'kysely';
import { ApiTokenRepository } from './repositories/api-token.repository.ts';
import { AuditEventRepository } from './repositories/audit-event.repository.ts';
import { EvidenceFileRepository } from './repositories/evidence-file.repository.ts';
import { FollowUpRepository } from './repositories/follow-up.repository.ts';
import { BudgetLineRepository } from './repositories/budget-line.repository.ts';
import { CommitmentRepository } from './repositories/commitment.repository.ts';
import { DocumentRepository } from './repositories/document.repository.ts';
import { IndicatorRepository } from './repositories/indicator.repository.ts';
import { LivelihoodRepository } from './repositories/livelihood.repository.ts';
import { PlanRepository } from './repositories/plan.repository.ts';
import { ProgressUpdateRepository } from './repositories/progress-update.repository.ts';
import { RegionRepository } from './repositories/region.repository.ts';
import { ReviewItemRepository } from './repositories/review-item.repository.ts';
import { ScheduleTallyRepository } from './repositories/schedule-tally.repository.ts';
import { ServerSecretRepository } from './repositories/server-secret.repository.ts';
import { SupervisionNoticeRepository } from './repositories/supervision-notice.repository.ts';
import { UserRepository } from './repositories/user.repository.ts';
import { ReportingCycleRepository } from './repositories/reporting-cycle.repository.ts';
import { ReminderRepository } from './repositories/reminder.repository.ts';
import { DeliveryRepository } from './repositories/delivery.repository.ts';
import { ClosureRequestRepository } from './repositories/closure-request.repository.ts';
import type { Schema } from './schema.ts';

export interface Repositories {
  readonly regions: RegionRepository;
  readonly users: UserRepository;
  readonly documents: DocumentRepository;
  readonly plans: PlanRepository;
  readonly commitments: CommitmentRepository;
  readonly progressUpdates: ProgressUpdateRepository;
  readonly indicators: IndicatorRepository;
  readonly livelihood: LivelihoodRepository;
  readonly budgetLines: BudgetLineRepository;
  readonly reviewItems: ReviewItemRepository;
  readonly auditEvents: AuditEventRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly evidenceFiles: EvidenceFileRepository;
  readonly followUps: FollowUpRepository;
  readonly scheduleTallies: ScheduleTallyRepository;
  readonly serverSecrets: ServerSecretRepository;
  readonly supervisionNotices: SupervisionNoticeRepository;
  readonly reportingCycles: ReportingCycleRepository;
  readonly reminders: ReminderRepository;
  readonly deliveries: DeliveryRepository;
  readonly closureRequests: ClosureRequestRepository;
}

export function createRepositories(db: Kysely<Schema>): Repositories {
  return {
    regions: new RegionRepository(db),
    users: new UserRepository(db),
    documents: new DocumentRepository(db),
    plans: new PlanRepository(db),
    commitments: new CommitmentRepository(db),
    progressUpdates: new ProgressUpdateRepository(db),
    indicators: new IndicatorRepository(db),
    livelihood: new LivelihoodRepository(db),
    budgetLines: new BudgetLineRepository(db),
    reviewItems: new ReviewItemRepository(db),
    auditEvents: new AuditEventRepository(db),
    apiTokens: new ApiTokenRepository(db),
    evidenceFiles: new EvidenceFileRepository(db),
    followUps: new FollowUpRepository(db),
    scheduleTallies: new ScheduleTallyRepository(db),
    serverSecrets: new ServerSecretRepository(db),
    supervisionNotices: new SupervisionNoticeRepository(db),
    reportingCycles: new ReportingCycleRepository(db),
    reminders: new ReminderRepository(db),
    deliveries: new DeliveryRepository(db),
    closureRequests: new ClosureRequestRepository(db),
  };
}
