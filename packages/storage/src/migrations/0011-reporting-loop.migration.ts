/**
 * The 督办 loop's own facts: each plan's reporting cycle (and an item's own, when it reports weekly or quarterly), the
 * reminders and 催办 sent (one automatic reminder per slot and kind), each person's in-app notifications, the email
 * and webhook deliveries with their retries, and units' requests to close an item (销号).
 * Example: reporting_cycles { plan_id 1, frequency 'monthly', due_day 25, remind_days_before 3, starts_on 2025-01-01 };
 * reminders { kind 'overdue', commitment_id 7, unit_id 3, period_key '2025-06' } → notifications for each unit editor.
 *
 * Why progress_updates.submitted_at: when a report was submitted decides whether its slot was filled on time, and the
 * server's clock (not the database's) is the one every other deadline is judged by; null for reports stored before,
 * which are read by created_at. Why reminders are rows: a scheduler tick and the cron endpoint may run the same pass
 * twice or at once; the unique index lets one of them send, once.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table progress_updates add column submitted_at timestamptz`,
  `alter table users add column email text`,
  `create table reporting_cycles (
    id serial primary key,
    plan_id integer not null references plans (id) on delete cascade,
    commitment_id integer references commitments (id) on delete cascade,
    frequency text not null check (frequency in ('weekly', 'monthly', 'quarterly')),
    due_day integer not null check (due_day between 1 and 31),
    remind_days_before integer not null default 3 check (remind_days_before between 0 and 31),
    starts_on date not null,
    updated_at timestamptz not null default now(),
    constraint reporting_cycles_weekly_due_day check (frequency <> 'weekly' or due_day <= 7)
  )`,
  `create unique index reporting_cycles_one_per_plan on reporting_cycles (plan_id) where commitment_id is null`,
  `create unique index reporting_cycles_one_per_commitment on reporting_cycles (commitment_id) where commitment_id is not null`,
  `create table reminders (
    id serial primary key,
    kind text not null check (kind in ('due_soon', 'overdue', 'urge', 'closure_decided')),
    unit_id integer not null references units (id),
    commitment_id integer references commitments (id) on delete cascade,
    period_key text,
    due_on date,
    note text,
    actor_id integer references users (id),
    created_at timestamptz not null default now()
  )`,
  // One automatic reminder per slot and kind, however many passes run; 催办 may be sent as often as the 督查室 likes.
  `create unique index reminders_once_per_slot on reminders (kind, commitment_id, unit_id, period_key) where kind in ('due_soon', 'overdue')`,
  `create table notifications (
    id serial primary key,
    user_id integer not null references users (id),
    reminder_id integer not null references reminders (id) on delete cascade,
    title text not null,
    body text not null,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    unique (user_id, reminder_id)
  )`,
  `create index notifications_unread on notifications (user_id, id) where read_at is null`,
  `create table deliveries (
    id serial primary key,
    reminder_id integer not null references reminders (id) on delete cascade,
    channel text not null check (channel in ('email', 'webhook')),
    target text not null,
    subject text not null,
    body text not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    last_error text,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    created_at timestamptz not null default now(),
    unique (reminder_id, channel, target)
  )`,
  `create index deliveries_due on deliveries (next_attempt_at) where status = 'pending'`,
  `create table closure_requests (
    id serial primary key,
    commitment_id integer not null references commitments (id) on delete cascade,
    unit_id integer not null references units (id),
    requested_by integer references users (id),
    note text not null check (note <> ''),
    evidence jsonb not null default '[]',
    status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
    decided_by integer references users (id),
    reason text,
    decided_at timestamptz,
    created_at timestamptz not null default now(),
    constraint closure_requests_refused_has_reason check ((status = 'refused') = (reason is not null))
  )`,
  // One open request per item: a second waits until the first is decided.
  `create unique index closure_requests_one_pending on closure_requests (commitment_id) where status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
