/**
 * Corrections of progress reports, still append-only: a correction is a new report of the same commitment that
 * names the report it replaces (corrects_id) and why; the replaced report stays as it was and no longer counts as
 * the latest. A report is corrected at most once (a later fix corrects the correction). New percents are capped
 * at 1000 (ten times the target); rows stored before are left as they are.
 * Example: report 41 { reported_on 2024-06-20, percent 4 } ← report 57 { percent 45, corrects_id 41, correction_reason '多输了一个零' }.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table progress_updates add constraint progress_updates_id_commitment unique (id, commitment_id)`,
  `alter table progress_updates add column corrects_id integer`,
  `alter table progress_updates add column correction_reason text`,
  // Same commitment, enforced by the database: the pair (corrects_id, commitment_id) must name an existing report.
  `alter table progress_updates add constraint progress_updates_corrects_same_commitment
    foreign key (corrects_id, commitment_id) references progress_updates (id, commitment_id)`,
  `alter table progress_updates add constraint progress_updates_correction_has_reason
    check ((corrects_id is null) = (correction_reason is null) and (correction_reason is null or correction_reason <> ''))`,
  `create unique index progress_updates_corrected_once on progress_updates (corrects_id) where corrects_id is not null`,
  `alter table progress_updates add constraint progress_updates_percent_at_most_1000 check (percent is null or percent <= 1000) not valid`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
