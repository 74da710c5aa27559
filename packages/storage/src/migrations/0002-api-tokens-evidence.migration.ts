/**
 * API tokens for scripts (stored by the sha256 of the token, never the token) and evidence files stored once by their
 * content hash; both tables only grow except a token's revocation. Example row: evidence_files { sha256 'e3b0…',
 * file_name '验收报告.pdf', media_type 'application/pdf', byte_size 48213 }.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table api_tokens (
    id integer generated always as identity primary key,
    user_id integer not null references users(id) on delete cascade,
    name text not null check (name <> ''),
    token_hash char(64) not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz,
    revoked_at timestamptz
  )`,
  `create index api_tokens_user on api_tokens (user_id)`,
  `create table evidence_files (
    sha256 char(64) primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    file_name text not null,
    media_type text not null,
    byte_size integer not null check (byte_size >= 0),
    content bytea not null,
    created_by integer references users(id),
    created_at timestamptz not null default now()
  )`,
  // A stored file is what its hash says, for good: no update, no delete.
  `create trigger evidence_files_append_only before update or delete on evidence_files
    for each row execute function forbid_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
