/**
 * Follow-up pairs (issue 8): each target of a region's report for year Y with the result its report for year Y+1
 * states, the verdict, and the commitment and progress update the result was fed into. Rows only grow.
 * Example row: { last_year 2024, this_year 2025, metric '地区生产总值增长', target_text '5%', result_text '5.2%', verdict 'met' }.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table follow_up_pairs (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    last_year integer not null check (last_year between 1949 and 2200),
    this_year integer not null check (this_year between 1949 and 2200),
    last_document_id integer not null references documents(id),
    this_document_id integer not null references documents(id),
    position integer not null check (position >= 0),
    source text not null check (source in ('main_targets', 'commitment')),
    metric text not null,
    target_start integer not null,
    target_end integer not null,
    target_text text not null,
    target_value numeric,
    target_value_high numeric,
    target_unit text not null,
    target_comparator text,
    result_start integer,
    result_end integer,
    result_text text,
    result_metric text,
    result_value numeric,
    result_value_high numeric,
    result_unit text,
    verdict text not null check (verdict in ('met', 'missed', 'not_reported')),
    confidence numeric not null check (confidence >= 0 and confidence <= 1),
    polarity text not null,
    explanation text not null,
    commitment_id integer references commitments(id),
    progress_update_id integer references progress_updates(id),
    created_at timestamptz not null default now(),
    check (this_year > last_year),
    check (last_document_id <> this_document_id),
    check (target_start <= target_end),
    check ((result_start is null) = (result_end is null) and (result_start is null or result_start <= result_end)),
    check ((verdict = 'not_reported') = (result_start is null)),
    check (progress_update_id is null or commitment_id is not null),
    unique (last_document_id, this_document_id, target_start, target_end)
  )`,
  `create index follow_up_pairs_region_year on follow_up_pairs (region_code, last_year, last_document_id, position)`,
  `create index follow_up_pairs_this_document on follow_up_pairs (this_document_id)`,
  // A judgement is kept as it was made: a later import adds pairs, it never rewrites one.
  `create trigger follow_up_pairs_append_only before update or delete on follow_up_pairs
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
