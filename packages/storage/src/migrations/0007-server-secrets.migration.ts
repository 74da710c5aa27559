/**
 * Secrets the server keeps with its data, one row per name, so every server process on one database — and the same
 * process after a restart — uses the same one. Example row: server_secrets { name 'csrf', value '9f2c…' (64 hex digits) }.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table server_secrets (
    name text primary key check (name <> ''),
    value text not null check (value <> ''),
    created_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
