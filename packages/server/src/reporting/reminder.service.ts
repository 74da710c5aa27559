/**
 * Reminders and 催办: a pass over every plan with a cycle reminds each unit's editors of slots due within the cycle's
 * warning days and of slots past their due day (once per slot and kind, however often the pass runs), a 督查室 user
 * sends a 催办 on an item or a unit with a note (audited), and each reminder reaches the unit's editors in the app
 * always, and by email and webhook when configured — a failed delivery is recorded and retried, and never takes
 * the in-app notification with it. Example: `await reminders.run()` → { reminders: 2, notifications: 3, sent: 4, failed: 0 }.
 */
import { addCalendarDays, chinaDateOf, type NotificationKind } from '@duixian/core';
import { InvalidError, type DatabaseHandle, type DeliveryRow, type NotificationRecord, type Page, type PageRequest, type ReminderRow, type Repositories } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import type { DeliveryConfig } from './delivery.config.ts';
import type { EmailSender } from './email.sender.ts';
import type { ReportingCycleService, NamedSlot } from './reporting-cycle.service.ts';
import type { WebhookSender } from './webhook.sender.ts';

export interface ReminderSenders {
  readonly config: DeliveryConfig;
  readonly email?: EmailSender;
  readonly webhook?: WebhookSender;
}

export interface ReminderRunResult {
  /** Reminders recorded by this pass (a slot reminded before counts no more). */
  readonly reminders: number;
  readonly notifications: number;
  /** Deliveries sent, and failed attempts (retried later, or given up), in this pass. */
  readonly sent: number;
  readonly failed: number;
}

/** What a reminder says, in Chinese then English: its title (the email subject) and body. */
interface ReminderText {
  readonly title: string;
  readonly body: string;
}

/** A delivery is tried this many times: now, then after 1, 5, 30 minutes and 2 hours. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000];

export class ReminderService {
  readonly #database: DatabaseHandle;
  readonly #cycles: ReportingCycleService;
  readonly #senders: ReminderSenders;
  readonly #now: () => Date;
  /** One delivery pass at a time in this process: the tick and the endpoint never send the same delivery twice. */
  #delivering: Promise<{ sent: number; failed: number }> | undefined;

  constructor(database: DatabaseHandle, cycles: ReportingCycleService, senders: ReminderSenders, now: () => Date) {
    this.#database = database;
    this.#cycles = cycles;
    this.#senders = senders;
    this.#now = now;
  }

  /** One pass: remind every due-soon and overdue slot not reminded yet, then deliver what is due. */
  async run(): Promise<ReminderRunResult> {
    const repositories = this.#database.repositories;
    const today = chinaDateOf(this.#now().getTime());
    let reminders = 0;
    let notifications = 0;
    for (const planId of await repositories.reportingCycles.listPlanIds()) {
      const cycles = await repositories.reportingCycles.listForPlan(planId);
      const warnDays = new Map(cycles.map((cycle) => [cycle.commitment_id, cycle.remind_days_before]));
      const slots = await this.#cycles.slotsOfPlan(planId);
      for (const slot of remindable(slots, today, (commitmentId) => warnDays.get(commitmentId) ?? warnDays.get(null) ?? 0)) {
        const kind: NotificationKind = slot.status === 'overdue' ? 'overdue' : 'due_soon';
        const created = await this.#database.transaction(async (trx) => {
          const reminder = await trx.reminders.createOnce({ kind, unit_id: slot.unitId, commitment_id: slot.commitmentId, period_key: slot.key, due_on: slot.dueOn });
          return reminder ? this.#dispatch(trx, reminder, slotText(kind, slot)) : undefined;
        });
        if (created === undefined) continue;
        reminders += 1;
        notifications += created;
      }
    }
    const delivered = await this.deliverDue();
    return { reminders, notifications, ...delivered };
  }

  /**
   * A 督查室 催办 with a note: to one unit, to the units of one item, or to one unit about one item; audited.
   * Returns the reminders sent (one per unit).
   */
  async urge(target: { commitmentId?: number; unitId?: number; note: string }, actor: SessionUser): Promise<ReminderRow[]> {
    const note = target.note.trim();
    if (!note) throw new InvalidError('催办须写明事由 / a 催办 needs a note');
    const sent = await this.#database.transaction(async (trx) => {
      const commitment = target.commitmentId !== undefined ? await trx.commitments.get(target.commitmentId) : undefined;
      let units = commitment ? commitment.units.map((unit) => ({ id: unit.unit_id, name: unit.name })) : [];
      if (target.unitId !== undefined) {
        if (commitment && !units.some((unit) => unit.id === target.unitId)) {
          throw new InvalidError(`单位 ${target.unitId} 不是该事项的责任单位 / unit ${target.unitId} is not assigned to item ${commitment.id}`);
        }
        const unit = await trx.regions.getUnit(target.unitId);
        units = [{ id: unit.id, name: unit.name }];
      }
      if (units.length === 0) throw new InvalidError('没有可催办的责任单位 / no unit to send the 催办 to');
      const rows: ReminderRow[] = [];
      for (const unit of units) {
        const reminder = await trx.reminders.create({ kind: 'urge', unit_id: unit.id, commitment_id: commitment?.id ?? null, note, actor_id: actor.id });
        const about = commitment ? commitment.title : unit.name;
        await this.#dispatch(trx, reminder, {
          title: `催办：${about} / Reminder from the supervision office`,
          body: `${unit.name}：督查室（${actor.display_name ?? actor.username}）催办${commitment ? `“${commitment.title}”` : ''}：${note}`,
        });
        await trx.auditEvents.record({ actorId: actor.id, action: 'urge', entityType: commitment ? 'commitment' : 'unit', entityId: commitment?.id ?? unit.id, after: reminder });
        rows.push(reminder);
      }
      return rows;
    });
    await this.deliverDue();
    return sent;
  }

  /** Tells a unit's editors of a decision on their 销号 request (in the same transaction as the decision). */
  async notifyClosureDecision(trx: Repositories, decision: { unitId: number; commitmentId: number; title: string; approved: boolean; reason: string | null; actorId: number }): Promise<void> {
    const reminder = await trx.reminders.create({ kind: 'closure_decided', unit_id: decision.unitId, commitment_id: decision.commitmentId, note: decision.reason, actor_id: decision.actorId });
    await this.#dispatch(trx, reminder, {
      title: `销号${decision.approved ? '已通过' : '未通过'}：${decision.title} / Closing ${decision.approved ? 'approved' : 'refused'}`,
      body: decision.approved ? `“${decision.title}”已销号。` : `“${decision.title}”不予销号：${decision.reason ?? ''}`,
    });
  }

  /** Tries every delivery whose time has come; one pass at a time (a second caller waits for the running one). */
  async deliverDue(): Promise<{ sent: number; failed: number }> {
    while (this.#delivering) await this.#delivering.catch(() => undefined);
    this.#delivering = this.#deliverDue();
    try {
      return await this.#delivering;
    } finally {
      this.#delivering = undefined;
    }
  }

  async notifications(user: SessionUser, filter: { unreadOnly?: boolean } & PageRequest): Promise<Page<NotificationRecord> & { unread: number }> {
    const [page, unread] = await Promise.all([
      this.#database.repositories.reminders.listNotifications(user.id, filter),
      this.#database.repositories.reminders.unreadCount(user.id),
    ]);
    return { ...page, unread };
  }

  async unreadCount(user: SessionUser): Promise<number> {
    return this.#database.repositories.reminders.unreadCount(user.id);
  }

  async markRead(user: SessionUser, notificationId: number): Promise<void> {
    await this.#database.repositories.reminders.markRead(user.id, notificationId, this.#now());
  }

  async markAllRead(user: SessionUser): Promise<number> {
    return this.#database.repositories.reminders.markAllRead(user.id, this.#now());
  }

  /** Sets the address the person's own reminders are emailed to (null: in the app only); audited, as any change to an account. */
  async setEmail(user: SessionUser, email: string | null): Promise<void> {
    await this.#database.transaction(async (trx) => {
      await trx.reminders.setEmailOf(user.id, email);
      await trx.auditEvents.record({ actorId: user.id, action: 'set_reminder_email', entityType: 'user', entityId: user.id, after: { email } });
    });
  }

  /** The reminder pass started by a person (POST /api/reminders/run), not the scheduler: who ran it, and what it did, is audited. */
  async runAs(actor: SessionUser): Promise<ReminderRunResult> {
    const result = await this.run();
    await this.#database.repositories.auditEvents.record({ actorId: actor.id, action: 'run_reminders', entityType: 'user', entityId: actor.id, after: result });
    return result;
  }

  /** Deliveries of a reminder (for the 督查室 and tests to see what was sent, failed and retried). */
  async deliveriesOf(reminderId: number): Promise<DeliveryRow[]> {
    return this.#database.repositories.deliveries.listForReminder(reminderId);
  }

  /** The in-app notifications of each editor of the unit, and the email and webhook deliveries queued; returns the notification count. */
  async #dispatch(trx: Repositories, reminder: ReminderRow, text: ReminderText): Promise<number> {
    const recipients = await trx.reminders.recipientsOf(reminder.unit_id);
    await trx.reminders.notify(reminder.id, recipients.map((recipient) => ({ userId: recipient.id, title: text.title, body: text.body })), this.#now());
    const { smtp, webhookUrl } = this.#senders.config;
    // Due now by the server's clock, the one every delivery pass compares against (not the database's).
    const due = { reminder_id: reminder.id, subject: text.title, body: text.body, next_attempt_at: this.#now() };
    await trx.deliveries.queue([
      ...(smtp ? recipients.filter((recipient) => recipient.email).map((recipient) => ({ ...due, channel: 'email' as const, target: recipient.email! })) : []),
      ...(webhookUrl ? [{ ...due, channel: 'webhook' as const, target: webhookUrl }] : []),
    ]);
    return recipients.length;
  }

  async #deliverDue(): Promise<{ sent: number; failed: number }> {
    const deliveries = this.#database.repositories.deliveries;
    let sent = 0;
    let failed = 0;
    for (const delivery of await deliveries.listDue(this.#now(), 100)) {
      try {
        await this.#send(delivery);
        await deliveries.markSent(delivery.id, this.#now());
        sent += 1;
      } catch (error) {
        const attempt = delivery.attempts + 1;
        const retryAt = attempt < MAX_DELIVERY_ATTEMPTS ? new Date(this.#now().getTime() + RETRY_DELAYS_MS[attempt - 1]!) : null;
        await deliveries.markFailed(delivery.id, error instanceof Error ? error.message : String(error), retryAt);
        failed += 1;
      }
    }
    return { sent, failed };
  }

  async #send(delivery: DeliveryRow): Promise<void> {
    if (delivery.channel === 'email') {
      if (!this.#senders.email) throw new Error('SMTP is not configured (DUIXIAN_SMTP_URL or DUIXIAN_SMTP_HOST)');
      await this.#senders.email({ to: delivery.target, subject: delivery.subject, text: delivery.body });
      return;
    }
    if (!this.#senders.webhook) throw new Error('the webhook sender is not configured');
    const reminder = await this.#database.repositories.reminders.get(delivery.reminder_id);
    await this.#senders.webhook(delivery.target, {
      content: `${delivery.subject}\n${delivery.body}`,
      facts: { kind: reminder.kind, unit_id: reminder.unit_id, commitment_id: reminder.commitment_id, period_key: reminder.period_key, due_on: reminder.due_on, note: reminder.note },
    });
  }
}

/**
 * The slots a pass reminds: due within the cycle's warning days and not yet filled (open or returned), and for each
 * unit and item the latest overdue slot only — a cycle set today over a long past does not send a reminder for
 * every month it missed.
 */
function remindable(slots: readonly NamedSlot[], today: string, warnDays: (commitmentId: number) => number): NamedSlot[] {
  const chosen: NamedSlot[] = [];
  const latestOverdue = new Map<string, NamedSlot>();
  for (const slot of slots) {
    if ((slot.status === 'open' || slot.status === 'returned') && today >= addCalendarDays(slot.dueOn, -warnDays(slot.commitmentId)) && today <= slot.dueOn) chosen.push(slot);
    if (slot.status === 'overdue') {
      const key = `${slot.commitmentId}:${slot.unitId}`;
      const seen = latestOverdue.get(key);
      if (!seen || slot.dueOn > seen.dueOn) latestOverdue.set(key, slot);
    }
  }
  return [...chosen, ...latestOverdue.values()];
}

function slotText(kind: NotificationKind, slot: NamedSlot): ReminderText {
  if (kind === 'overdue') {
    return {
      title: `逾期未报：${slot.commitmentTitle} / Report overdue`,
      body: `${slot.unitName}：“${slot.commitmentTitle}”${slot.key} 的进展应于 ${slot.dueOn}（北京时间）前报送，至今未报，已计为未按时报送，请尽快报送。/ The ${slot.key} progress report was due on ${slot.dueOn} (China time) and has not been submitted.`,
    };
  }
  return {
    title: `报送提醒：${slot.commitmentTitle} / Report due soon`,
    body: `${slot.unitName}：“${slot.commitmentTitle}”${slot.key} 的进展请于 ${slot.dueOn}（北京时间）前报送。/ The ${slot.key} progress report is due on ${slot.dueOn} (China time).`,
  };
}
