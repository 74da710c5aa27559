/**
 * The forward-only migrations, listed in order; names sort the same way they run ('0001-initial' first).
 * Example: `new Migrator({ db, provider: new ListedMigrationProvider() })`.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.migration.ts';
import * as apiTokensEvidence from './0002-api-tokens-evidence.migration.ts';
import * as followUpPairs from './0003-follow-up-pairs.migration.ts';
import * as budgetSumsIndex from './0004-budget-sums-index.migration.ts';
import * as scheduleTallies from './0005-schedule-tallies.migration.ts';
import * as apiTokenExpiry from './0006-api-token-expiry.migration.ts';
import * as serverSecrets from './0007-server-secrets.migration.ts';
import * as progressCorrections from './0008-progress-corrections.migration.ts';
import * as progressReviews from './0009-progress-reviews.migration.ts';
import * as userStatusUnitContacts from './0010-user-status-unit-contacts.migration.ts';
import * as supervisionNotices from './0012-supervision-notices.migration.ts';
import * as reportingLoop from './0011-reporting-loop.migration.ts';
import * as followUpPairBasis from './0013-follow-up-pair-basis.migration.ts';

/** Every migration of the schema. Append only: never edit or remove one that has shipped. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-api-tokens-evidence': apiTokensEvidence,
  '0003-follow-up-pairs': followUpPairs,
  '0004-budget-sums-index': budgetSumsIndex,
  '0005-schedule-tallies': scheduleTallies,
  '0006-api-token-expiry': apiTokenExpiry,
  '0007-server-secrets': serverSecrets,
  '0008-progress-corrections': progressCorrections,
  '0009-progress-reviews': progressReviews,
  '0010-user-status-unit-contacts': userStatusUnitContacts,
  '0011-reporting-loop': reportingLoop,
  '0012-supervision-notices': supervisionNotices,
  '0013-follow-up-pair-basis': followUpPairBasis,
};

/** Serves a fixed list of migrations; tests pass extra ones to prove a failed migration changes nothing. */
export class ListedMigrationProvider implements MigrationProvider {
  readonly #migrations: Record<string, Migration>;

  constructor(extra: Readonly<Record<string, Migration>> = {}) {
    this.#migrations = { ...migrations, ...extra };
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    return this.#migrations;
  }
}
