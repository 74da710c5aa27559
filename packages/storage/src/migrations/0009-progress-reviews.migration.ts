/**
 * The 督查室's review of progress reports, append-only like the reports themselves: a report with no review row is
 * pending (待审核) and seen only by staff and its unit; one review row decides it for good — approved (public from
 * then on) or returned with a reason (退回, the unit reports again). Reports stored before this migration were public,
 * so each gets an approval with no reviewer.
 * Example: progress_reviews { update_id 57, decision 'returned', reason '佐证材料不清晰', reviewer_id 2 }.
 *
 * Why a table of its own and not a column of progress_updates: the database refuses every update of a report (its
 * trigger keeps the record as sent), and a decision is a second fact by a second person at a later time — who and
 * when belong to it, not to the report. One row per report (unique update_id): a decision is never changed, so a
 * second one is a conflict.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table progress_reviews (
    id serial primary key,
    update_id integer not null unique references progress_updates (id),
    decision text not null check (decision in ('approved', 'returned')),
    reason text,
    reviewer_id integer references users (id),
    decided_at timestamptz not null default now(),
    constraint progress_reviews_returned_has_reason
      check ((decision = 'returned') = (reason is not null) and (reason is null or reason <> ''))
  )`,
  `create trigger progress_reviews_append_only before update or delete on progress_reviews
    for each row execute function forbid_change()`,
  // A decision changes what the schedule status counts: it bumps the plan's revision like a report does (see 0005),
  // so a saved schedule tally computed before it no longer counts. Rows are only ever inserted.
  `create function bump_plan_revision_by_progress_review() returns trigger language plpgsql as $$
    begin
      insert into plan_revisions (plan_id, revision)
        select distinct c.plan_id, 1 from changed
          join progress_updates u on u.id = changed.update_id
          join commitments c on c.id = u.commitment_id
        on conflict (plan_id) do update set revision = plan_revisions.revision + 1;
      return null;
    end $$`,
  `create trigger progress_reviews_revision_insert after insert on progress_reviews
    referencing new table as changed for each statement execute function bump_plan_revision_by_progress_review()`,
  // The public may download an evidence file only when an approved report cites it: found by containment
  // (evidence @> '[{"kind":"file","ref":"<sha256>"}]') without reading every report.
  `create index progress_updates_evidence on progress_updates using gin (evidence jsonb_path_ops)`,
  // Everything reported so far was public: it stays public, approved by nobody in particular.
  `insert into progress_reviews (update_id, decision) select id, 'approved' from progress_updates order by id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
