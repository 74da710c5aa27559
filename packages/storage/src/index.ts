/** @duixian/storage — the only code with SQL: the schema, its migrations, both engines and the repositories. */
export { openDatabase, migrateToLatest, type DatabaseHandle, type OpenDatabaseOptions } from './database.ts';
export { acquireDataFolderLock, readDataFolderLock, DataFolderLockedError, LOCK_FILE_NAME, type DataFolderLock, type DataFolderLockHolder } from './data-folder.lock.ts';
export { DomainError, NotFoundError, ConflictError, InvalidError, type DomainErrorCode } from './domain-error.ts';
export { createRepositories, type Repositories } from './repositories.ts';
export { MAX_PAGE_SIZE, type Page, type PageRequest } from './page.ts';
export type * from './schema.ts';
export type { CommitmentRecord, CommitmentFilter, CommitmentChanges, CommitmentUnitRef, ScheduleFacts, NewCommitmentInput } from './repositories/commitment.repository.ts';
export type { DocumentSummary, NewDocument } from './repositories/document.repository.ts';
export type { SourceSpan } from './repositories/plan.repository.ts';
export type { NewProgressUpdate, ProgressUpdateRecord, ReviewDecisionInput, ReviewedProgressRecord, ReviewScope } from './repositories/progress-update.repository.ts';
export type { IndicatorRecord } from './repositories/indicator.repository.ts';
export type { BudgetLineFilter, BudgetTotals } from './repositories/budget-line.repository.ts';
export type { NewReviewItem, ReviewFacets, ReviewItemFilter } from './repositories/review-item.repository.ts';
export type { NewAuditEvent } from './repositories/audit-event.repository.ts';
export type { NewFollowUpPair, FollowUpPairRecord, FollowUpFilter } from './repositories/follow-up.repository.ts';
export { writeBackup, type BackupSummary } from './backup/backup.writer.ts';
export { restoreBackup, listNonEmptyTables, type RestoreOptions, type RestoreSummary } from './backup/backup.restorer.ts';
export { BackupFormatError, BACKUP_FORMAT, BACKUP_VERSION } from './backup/backup-format.ts';
