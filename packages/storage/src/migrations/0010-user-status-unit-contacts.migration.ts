/**
 * An account can be disabled (离岗、调岗) without deleting it — its audit trail keeps naming it — and a unit has a
 * contact person the 督查室 calls when it assigns or chases the unit.
 * Example: users { username 'cn_edu', disabled_at '2024-07-01 09:00+08' }; units { name '城北区教育局',
 * contact_name '王芳', contact_phone '0971-1234567', contact_email 'wangfang@cb.gov.cn' }.
 *
 * Why a timestamp and not a boolean: when an account was disabled is what an auditor asks next; null means active.
 * The contact is three plain columns, not a table: one contact per unit is what the 督查室 keeps on paper today.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table users add column disabled_at timestamptz`,
  `alter table units add column contact_name text`,
  `alter table units add column contact_phone text`,
  `alter table units add column contact_email text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
