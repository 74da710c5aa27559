/**
 * Server secrets by name: the first process to need one stores the value it drew, and every process (and every
 * restart) reads that stored value from then on; replacing it is a deliberate rotation.
 * Example: `ensure('csrf', randomHex)` → '9f2c…', the same string for every later caller.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export class ServerSecretRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** The stored secret, or `candidate` stored now when there is none (two processes racing get the same winner). */
  async ensure(name: string, candidate: string): Promise<string> {
    await this.#db.insertInto('server_secrets').values({ name, value: candidate }).onConflict((conflict) => conflict.column('name').doNothing()).execute();
    const row = await this.#db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }

  /** Replaces the secret (or stores it when there is none). */
  async replace(name: string, value: string): Promise<void> {
    await this.#db
      .insertInto('server_secrets')
      .values({ name, value })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ value }))
      .execute();
  }
}
