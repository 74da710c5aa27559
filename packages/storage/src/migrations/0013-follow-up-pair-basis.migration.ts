/**
 * What a follow-up pair's verdict rests on: 'figure' (a result stated as a number) or 'statement' (the later report
 * says the target's group was completed, "12件民生实事全部完成", without a figure for the target). Pairs stored before
 * this were all judged on figures: they read 'figure'.
 * Example row: { metric '新建幼儿园', target_text '20所', result_text '12件民生实事全部完成', verdict 'met', basis 'statement' }.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // The default gives the rows already stored their basis, and lets a backup written before 0013 (without the
  // column) be restored; the follow-up service always names the basis of a new pair.
  `alter table follow_up_pairs add column basis text not null default 'figure' check (basis in ('figure', 'statement'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
