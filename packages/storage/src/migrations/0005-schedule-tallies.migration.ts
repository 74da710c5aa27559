/**
 * Saved schedule tallies: a plan's top-level commitments counted by theme and warning colour, as core computed them
 * for one day, so a freshly started server answers the dashboard without computing 100,000 statuses first. A tally
 * counts only while its plan's revision is the one it was computed at: the database bumps the revision itself, in
 * the writing transaction, whenever a commitment, theme, milestone or progress report of the plan changes — so no
 * code path (and no other server process) can leave a stale tally that still looks valid.
 * Example: plan 1 revision 7; tally { plan_id 1, computed_on 2024-06-30, revision 7, counts [{ theme, red, … }] }.
 */
import { sql, type Kysely } from 'kysely';

/** Tables whose rows carry plan_id, and those that reach their plan through commitment_id. */
const BY_PLAN = ['commitments', 'themes'];
const BY_COMMITMENT = ['milestones', 'progress_updates'];

const statements = [
  `create table plan_revisions (
    plan_id integer primary key references plans(id) on delete cascade,
    revision bigint not null
  )`,
  `create table schedule_tallies (
    plan_id integer primary key references plans(id) on delete cascade,
    computed_on date not null,
    revision bigint not null,
    counts jsonb not null
  )`,
  // Statement-level with transition tables: a bulk insert of 10,000 commitments bumps its plan once, not 10,000 times.
  `create function bump_plan_revision_by_plan() returns trigger language plpgsql as $$
    begin
      insert into plan_revisions (plan_id, revision)
        select distinct plan_id, 1 from changed
        on conflict (plan_id) do update set revision = plan_revisions.revision + 1;
      return null;
    end $$`,
  `create function bump_plan_revision_by_commitment() returns trigger language plpgsql as $$
    begin
      insert into plan_revisions (plan_id, revision)
        select distinct c.plan_id, 1 from changed join commitments c on c.id = changed.commitment_id
        on conflict (plan_id) do update set revision = plan_revisions.revision + 1;
      return null;
    end $$`,
  ...BY_PLAN.flatMap((table) => triggers(table, 'bump_plan_revision_by_plan')),
  ...BY_COMMITMENT.flatMap((table) => triggers(table, 'bump_plan_revision_by_commitment')),
];

/** One trigger per event: PostgreSQL allows a transition table only on a single-event trigger. */
function triggers(table: string, fn: string): string[] {
  return [
    `create trigger ${table}_revision_insert after insert on ${table} referencing new table as changed for each statement execute function ${fn}()`,
    `create trigger ${table}_revision_update after update on ${table} referencing new table as changed for each statement execute function ${fn}()`,
    `create trigger ${table}_revision_delete after delete on ${table} referencing old table as changed for each statement execute function ${fn}()`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
