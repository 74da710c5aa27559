/**
 * Every API token expires: a token made without an expiry (allowed until now) gets the longest life the server now
 * grants, 365 days from the upgrade, and the column refuses "never" from then on.
 * Example: api_tokens { name '导入脚本', expires_at null } → expires_at = upgrade time + 365 days.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `update api_tokens set expires_at = now() + interval '365 days' where expires_at is null`,
  `alter table api_tokens alter column expires_at set not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
