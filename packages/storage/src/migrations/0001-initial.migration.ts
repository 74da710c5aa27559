/**
 * The first schema: regions, units, users, documents, plans, commitments, progress, indicators, projects,
 * budget lines, the review queue and the audit trail. Money and targets are NUMERIC, never float.
 * Example row: budget_lines { year 2023, phase 'executed', label '一般公共预算支出', amount_yuan '2198000000' }.
 */
import { sql, type Kysely } from 'kysely';

const comparator = `check (target_comparator in ('=', '>=', '<=', '>', '<', '~', 'at_least_class', 'at_most_class'))`;
const span = `document_id integer references documents(id),
  span_start integer,
  span_end integer,
  check ((span_start is null) = (span_end is null) and (span_start is null or span_start <= span_end))`;

const statements = [
  `create table regions (
    code char(6) primary key check (code ~ '^[0-9]{6}$'),
    name text not null check (name <> ''),
    parent_code char(6) references regions(code),
    created_at timestamptz not null default now()
  )`,
  `create table units (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    name text not null check (name <> ''),
    created_at timestamptz not null default now(),
    unique (region_code, name)
  )`,
  `create table users (
    id integer generated always as identity primary key,
    username text not null unique check (username <> ''),
    display_name text,
    role text not null check (role in ('admin', 'supervisor', 'unit_editor')),
    unit_id integer references units(id),
    password_hash text not null,
    must_change_password boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now()
  )`,
  `create table sessions (
    token_hash char(64) primary key,
    user_id integer not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create table documents (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    year integer not null check (year between 1949 and 2200),
    title text not null,
    file_name text not null,
    format text not null,
    sha256 char(64) not null unique,
    byte_size integer not null,
    content bytea not null,
    text text not null,
    extraction jsonb not null,
    findings jsonb not null,
    problems jsonb not null,
    created_by integer references users(id),
    created_at timestamptz not null default now()
  )`,
  `create table functional_classes (
    code text primary key check (code ~ '^[0-9]{3}$'),
    name text not null
  )`,
  `insert into functional_classes (code, name) values
    ('201', '一般公共服务'), ('202', '外交'), ('203', '国防'), ('204', '公共安全'), ('205', '教育'),
    ('206', '科学技术'), ('207', '文化旅游体育与传媒'), ('208', '社会保障和就业'), ('210', '卫生健康'),
    ('211', '节能环保'), ('212', '城乡社区'), ('213', '农林水'), ('214', '交通运输'),
    ('215', '资源勘探工业信息等'), ('216', '商业服务业等'), ('217', '金融'), ('219', '援助其他地区'),
    ('220', '自然资源海洋气象等'), ('221', '住房保障'), ('222', '粮油物资储备'), ('224', '灾害防治及应急管理'),
    ('227', '预备费'), ('229', '其他支出'), ('230', '转移性支出'), ('231', '债务还本'), ('232', '债务付息'),
    ('233', '债务发行费用')`,
  `create table plans (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    year integer not null check (year between 1949 and 2200),
    title text not null,
    document_id integer references documents(id),
    created_at timestamptz not null default now(),
    unique (region_code, year)
  )`,
  `create table themes (
    id integer generated always as identity primary key,
    plan_id integer not null references plans(id),
    name text not null check (name <> ''),
    heading text,
    position integer not null default 0,
    ${span},
    unique (plan_id, name)
  )`,
  `create table commitments (
    id integer generated always as identity primary key,
    plan_id integer not null references plans(id),
    theme_id integer references themes(id),
    parent_id integer references commitments(id),
    external_id text unique,
    original_text text not null,
    title text not null check (title <> ''),
    action text,
    indicator text,
    target_value numeric,
    target_value_high numeric,
    target_unit text,
    target_comparator text ${comparator},
    target_grade text,
    start_date date,
    deadline date,
    weight numeric not null default 1 check (weight > 0),
    ${span},
    published boolean not null default true,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (target_value_high is null or target_value <= target_value_high),
    check (start_date is null or deadline is null or start_date <= deadline),
    check (parent_id is null or parent_id <> id)
  )`,
  `create index commitments_plan_theme on commitments (plan_id, theme_id)`,
  `create index commitments_parent on commitments (parent_id)`,
  `create table commitment_units (
    commitment_id integer not null references commitments(id) on delete cascade,
    unit_id integer not null references units(id),
    role text not null check (role in ('lead', 'supporting')),
    primary key (commitment_id, unit_id)
  )`,
  `create unique index commitment_units_one_lead on commitment_units (commitment_id) where role = 'lead'`,
  `create index commitment_units_unit on commitment_units (unit_id)`,
  `create table milestones (
    id integer generated always as identity primary key,
    commitment_id integer not null references commitments(id) on delete cascade,
    due_date date not null,
    expected_percent numeric not null check (expected_percent >= 0 and expected_percent <= 100),
    unique (commitment_id, due_date)
  )`,
  `create table progress_updates (
    id integer generated always as identity primary key,
    commitment_id integer not null references commitments(id),
    reported_on date not null,
    amount numeric,
    percent numeric check (percent is null or percent >= 0),
    reported_status text check (reported_status in ('not_started', 'in_progress', 'done', 'blocked')),
    note text,
    evidence jsonb not null default '[]',
    author_id integer references users(id),
    created_at timestamptz not null default now(),
    check (amount is not null or percent is not null or reported_status is not null)
  )`,
  `create index progress_updates_latest on progress_updates (commitment_id, reported_on desc, id desc)`,
  `create table indicators (
    id integer generated always as identity primary key,
    plan_id integer not null references plans(id),
    theme_id integer references themes(id),
    commitment_id integer references commitments(id),
    external_id text unique,
    name text not null check (name <> ''),
    unit text not null,
    target_value numeric,
    target_comparator text ${comparator},
    ${span},
    version integer not null default 1,
    created_at timestamptz not null default now()
  )`,
  `create table measurements (
    id integer generated always as identity primary key,
    indicator_id integer not null references indicators(id),
    measured_on date not null,
    value numeric not null,
    note text,
    ${span},
    author_id integer references users(id),
    created_at timestamptz not null default now()
  )`,
  `create index measurements_indicator on measurements (indicator_id, measured_on)`,
  `create table livelihood_programmes (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    year integer not null,
    external_id text unique,
    title text not null,
    area_count integer,
    project_count integer check (project_count is null or project_count >= 0),
    delivered_count integer check (delivered_count is null or delivered_count >= 0),
    budget_yuan numeric,
    ${span},
    version integer not null default 1,
    created_at timestamptz not null default now()
  )`,
  `create table livelihood_projects (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    year integer not null,
    programme_id integer references livelihood_programmes(id),
    area text,
    title text not null check (title <> ''),
    budget_yuan numeric,
    lead_unit_id integer references units(id),
    target_value numeric,
    target_unit text,
    target_comparator text ${comparator},
    is_delivered boolean not null default false,
    delivered_on date,
    ${span},
    version integer not null default 1,
    created_at timestamptz not null default now()
  )`,
  `create index livelihood_projects_region_year on livelihood_projects (region_code, year)`,
  `create table budget_lines (
    id integer generated always as identity primary key,
    region_code char(6) not null references regions(code),
    year integer not null check (year between 1949 and 2200),
    phase text not null check (phase in ('proposed', 'approved', 'adjusted', 'executed')),
    scope text not null check (scope in ('total', 'livelihood', 'category')),
    parent_id integer references budget_lines(id),
    label text not null check (label <> ''),
    definition text,
    functional_code text references functional_classes(code),
    mapping_confidence numeric check (mapping_confidence is null or (mapping_confidence >= 0 and mapping_confidence <= 1)),
    amount_yuan numeric not null,
    external_id text unique,
    quantity_id text,
    ${span},
    version integer not null default 1,
    created_at timestamptz not null default now()
  )`,
  `create index budget_lines_region_year on budget_lines (region_code, year, phase, scope)`,
  `create table review_items (
    id integer generated always as identity primary key,
    document_id integer not null references documents(id),
    kind text not null check (kind in ('commitment', 'indicator', 'budget_line', 'livelihood_programme')),
    candidate_key text not null,
    position integer not null,
    payload jsonb not null,
    status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
    entity_id integer,
    decided_by integer references users(id),
    decided_at timestamptz,
    version integer not null default 1,
    unique (document_id, kind, candidate_key)
  )`,
  `create index review_items_document on review_items (document_id, status, position)`,
  `create table audit_events (
    id integer generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor_id integer references users(id),
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before jsonb,
    after jsonb
  )`,
  `create index audit_events_entity on audit_events (entity_type, entity_id, id)`,
  // Append-only tables and the never-overwritten original text are enforced by the database itself.
  `create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'P0001';
    end $$`,
  `create trigger progress_updates_append_only before update or delete on progress_updates
    for each row execute function forbid_change()`,
  `create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function forbid_change()`,
  `create function keep_original_text() returns trigger language plpgsql as $$
    begin
      if new.original_text is distinct from old.original_text then
        raise exception 'commitments.original_text is never overwritten' using errcode = 'P0001';
      end if;
      return new;
    end $$`,
  `create trigger commitments_keep_original_text before update on commitments
    for each row execute function keep_original_text()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
