/**
 * Reminders and 催办 sent to a unit, and each person's in-app copy (the bell): an automatic reminder is recorded once
 * per slot and kind, so a second pass over the same slot sends nothing.
 * Example: `createOnce({ kind: 'overdue', unit_id: 3, commitment_id: 7, period_key: '2025-06', due_on: '2025-06-25' })`
 * → the row the first time, undefined after.
 */
import type { Insertable, Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { NotificationKind, NotificationRow, ReminderRow, ReminderTable, Schema } from '../schema.ts';

/** A notification as its reader lists it: with the reminder's kind, item and period. */
export interface NotificationRecord extends NotificationRow {
  kind: NotificationKind;
  commitment_id: number | null;
  period_key: string | null;
  due_on: string | null;
}

export class ReminderRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Records an automatic reminder unless this slot already had one of its kind; undefined when it had. */
  async createOnce(reminder: Insertable<ReminderTable>): Promise<ReminderRow | undefined> {
    return this.#db
      .insertInto('reminders')
      .values(reminder)
      .onConflict((conflict) => conflict.columns(['kind', 'commitment_id', 'unit_id', 'period_key']).where('kind', 'in', ['due_soon', 'overdue']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /** Records a 催办 or a decision notice (as many as are sent). */
  async create(reminder: Insertable<ReminderTable>): Promise<ReminderRow> {
    return this.#db.insertInto('reminders').values(reminder).returningAll().executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<ReminderRow> {
    const row = await this.#db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('reminder', id);
    return row;
  }

  /** The reminders sent to a unit, newest first. */
  async listForUnit(unitId: number, request: PageRequest = {}): Promise<Page<ReminderRow>> {
    const { page, pageSize, offset } = resolvePage(request);
    const base = this.#db.selectFrom('reminders').where('unit_id', '=', unitId);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(pageSize).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** The people who get a unit's reminders: its unit editors, with their email address if they gave one. */
  async recipientsOf(unitId: number): Promise<{ id: number; email: string | null }[]> {
    // A disabled account gets no reminders: nobody reads them, and its email may belong to someone who left.
    return this.#db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('unit_id', '=', unitId)
      .where('role', '=', 'unit_editor')
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
  }

  /** Sets (or, with null, clears) the address a person's reminders are emailed to. */
  async setEmailOf(userId: number, email: string | null): Promise<void> {
    const result = await this.#db.updateTable('users').set({ email }).where('id', '=', userId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new NotFoundError('user', userId);
  }

  /** One in-app notification per person for a reminder, dated `at` (the server's clock) when given. */
  async notify(reminderId: number, notices: readonly { userId: number; title: string; body: string }[], at?: Date): Promise<void> {
    if (notices.length === 0) return;
    await this.#db
      .insertInto('notifications')
      .values(notices.map((notice) => ({ user_id: notice.userId, reminder_id: reminderId, title: notice.title, body: notice.body, ...(at ? { created_at: at } : {}) })))
      .onConflict((conflict) => conflict.columns(['user_id', 'reminder_id']).doNothing())
      .execute();
  }

  /** A person's notifications, newest first; unread only when asked. */
  async listNotifications(userId: number, filter: { unreadOnly?: boolean } & PageRequest = {}): Promise<Page<NotificationRecord>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db.selectFrom('notifications').innerJoin('reminders', 'reminders.id', 'notifications.reminder_id').where('notifications.user_id', '=', userId);
    if (filter.unreadOnly) base = base.where('notifications.read_at', 'is', null);
    const [items, count] = await Promise.all([
      base
        .selectAll('notifications')
        .select(['reminders.kind', 'reminders.commitment_id', 'reminders.period_key', 'reminders.due_on'])
        .orderBy('notifications.id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  async unreadCount(userId: number): Promise<number> {
    const row = await this.#db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks one of the person's notifications read (404 when it is not theirs). */
  async markRead(userId: number, notificationId: number, at: Date): Promise<NotificationRow> {
    const row = await this.#db
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
      .where('id', '=', notificationId)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('notification', notificationId);
    return row;
  }

  /** Marks all of a person's notifications read; returns how many were unread. */
  async markAllRead(userId: number, at: Date): Promise<number> {
    const result = await this.#db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
