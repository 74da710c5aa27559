/**
 * Email and webhook deliveries of reminders: queued with the reminder, tried by the sender, retried later on a
 * failure and given up after the last attempt; the in-app notification never depends on them.
 * Example: `queue([{ reminder_id: 12, channel: 'webhook', target: 'https://oapi.dingtalk.com/robot/send?access_token=…', subject, body }])`.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DeliveryRow, DeliveryTable, Schema } from '../schema.ts';

export class DeliveryRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async queue(deliveries: readonly Insertable<DeliveryTable>[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.#db
      .insertInto('deliveries')
      .values([...deliveries])
      .onConflict((conflict) => conflict.columns(['reminder_id', 'channel', 'target']).doNothing())
      .execute();
  }

  /** Pending deliveries whose next attempt is due at `now`, oldest first. */
  async listDue(now: Date, limit: number): Promise<DeliveryRow[]> {
    return this.#db.selectFrom('deliveries').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('id').limit(limit).execute();
  }

  async markSent(id: number, at: Date): Promise<void> {
    await this.#db.updateTable('deliveries').set((eb) => ({ status: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), last_error: null })).where('id', '=', id).execute();
  }

  /** Records a failed attempt: tried again at `retryAt`, or given up ('failed') when null. */
  async markFailed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.#db
      .updateTable('deliveries')
      .set((eb) => ({
        status: retryAt ? 'pending' : 'failed',
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 1000),
        ...(retryAt ? { next_attempt_at: retryAt } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  async listForReminder(reminderId: number): Promise<DeliveryRow[]> {
    return this.#db.selectFrom('deliveries').selectAll().where('reminder_id', '=', reminderId).orderBy('id').execute();
  }
}
