/**
 * Numbered 督办单: each region numbers the notices it issues per year (城北督〔2024〕12号), from a counter the database
 * keeps, and keeps every issued notice — its number, the unit, and the items as they stood when it was issued.
 * Example: supervision_notices { region_code '630105', year 2024, number 12, prefix '城北督', unit_id 3, items [...] }.
 *
 * Why a counter table and not max(number) + 1: a number once given out is never given again, even when an office
 * starts the year at 12 because its first eleven went out on paper; the counter holds the last number used, the
 * notices table holds each number once (unique), and neither is ever rewound. Issued notices are append-only like
 * progress reports: a 督办单 that went out cannot be changed afterwards, only followed by another.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // How a region writes its numbers: the prefix (default: the region's short name + 督) and the issuing office.
  `create table notice_numbering (
    region_code text primary key references regions (code),
    prefix text check (prefix is null or (prefix <> '' and char_length(prefix) <= 20)),
    issuer text check (issuer is null or (issuer <> '' and char_length(issuer) <= 100)),
    updated_at timestamptz not null default now()
  )`,
  `create table notice_counters (
    region_code text not null references regions (code),
    year integer not null check (year between 1949 and 2200),
    last_number integer not null check (last_number >= 0),
    primary key (region_code, year)
  )`,
  `create function forbid_counter_rewind() returns trigger language plpgsql as $$
    begin
      if new.last_number < old.last_number then
        raise exception 'notice numbers are never reused' using errcode = 'P0001';
      end if;
      return new;
    end $$`,
  `create trigger notice_counters_forward_only before update on notice_counters
    for each row execute function forbid_counter_rewind()`,
  `create trigger notice_counters_kept before delete on notice_counters
    for each row execute function forbid_change()`,
  `create table supervision_notices (
    id serial primary key,
    region_code text not null references regions (code),
    year integer not null check (year between 1949 and 2200),
    number integer not null check (number > 0),
    prefix text not null,
    issuer text not null,
    plan_year integer not null,
    unit_id integer not null references units (id),
    items jsonb not null,
    issued_by integer references users (id),
    issued_at timestamptz not null default now(),
    unique (region_code, year, number)
  )`,
  `create index supervision_notices_unit on supervision_notices (unit_id, id)`,
  `create trigger supervision_notices_append_only before update or delete on supervision_notices
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
