/**
 * The 督办 loop's API: reporting cycles, report slots and 未按时报送 counts, reminders (the pass, 催办), each person's
 * notifications (the bell), and 销号 requests with their decision. A unit editor sees only their unit's slots,
 * notifications and requests. Example: PUT /api/plans/630105/2025/reporting-cycle { frequency: 'monthly', due_day: 25 }
 * → 200 { frequency: 'monthly', due_day: 25, remind_days_before: 3, starts_on: '2025-01-01', … }.
 */
import { CLOSURE_STATUSES, NOTIFICATION_KINDS, REPORTING_FREQUENCIES, REPORT_SLOT_STATUSES, DELIVERY_CHANNELS, DELIVERY_STATUSES } from '@duixian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Evidence, isoDate, pageOf, pageQuery, regionCode } from '../api-schemas.ts';
import { assertCommitmentAccess, assertEvidenceStored } from '../auth/commitment-access.ts';
import { requireUser } from '../auth/require-user.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const planParams = z.object({ region: regionCode, year: z.coerce.number().int().min(1949).max(2200) });
const planQuery = { region: regionCode, year: z.coerce.number().int().min(1949).max(2200) };
const readErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeErrors = { ...readErrors, 409: ErrorResponse };

const CycleBody = z
  .object({
    frequency: z.enum(REPORTING_FREQUENCIES).default('monthly'),
    due_day: z.number().int().min(1).max(31),
    remind_days_before: z.number().int().min(0).max(31).default(3),
    /** Slots are owed from the period holding this day; default: today (China time) — no unit owes reports for the months before the cycle was set. */
    starts_on: isoDate.optional(),
  })
  .strict();

const ReportingCycle = z
  .object({
    id: z.number().int(),
    plan_id: z.number().int(),
    commitment_id: z.number().int().nullable(),
    frequency: z.enum(REPORTING_FREQUENCIES),
    due_day: z.number().int(),
    remind_days_before: z.number().int(),
    starts_on: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'ReportingCycle' });

const ReportSlot = z
  .object({
    key: z.string(),
    starts_on: z.string(),
    ends_on: z.string(),
    due_on: z.string(),
    commitment_id: z.number().int(),
    commitment_title: z.string(),
    unit_id: z.number().int(),
    unit_name: z.string(),
    status: z.enum(REPORT_SLOT_STATUSES),
    report_id: z.number().int().nullable(),
    submitted_on: z.string().nullable(),
    is_late: z.boolean(),
  })
  .meta({ id: 'ReportSlot' });

const UnitLateCount = z
  .object({
    unit_id: z.number().int(),
    unit_name: z.string(),
    slots: z.number().int(),
    overdue: z.number().int(),
    late: z.number().int(),
    missed: z.number().int(),
  })
  .meta({ id: 'UnitLateCount' });

const Reminder = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    unit_id: z.number().int(),
    commitment_id: z.number().int().nullable(),
    period_key: z.string().nullable(),
    due_on: z.string().nullable(),
    note: z.string().nullable(),
    actor_id: z.number().int().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Reminder' });

const Delivery = z
  .object({
    id: z.number().int(),
    reminder_id: z.number().int(),
    channel: z.enum(DELIVERY_CHANNELS),
    target: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .meta({ id: 'Delivery' });

const Notification = z
  .object({
    id: z.number().int(),
    reminder_id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    commitment_id: z.number().int().nullable(),
    period_key: z.string().nullable(),
    due_on: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    created_at: z.string(),
    read_at: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
const NotificationPage = pageOf(Notification).extend({ unread: z.number().int() });

const ClosureRequest = z
  .object({
    id: z.number().int(),
    commitment_id: z.number().int(),
    unit_id: z.number().int(),
    requested_by: z.number().int().nullable(),
    note: z.string(),
    evidence: z.array(Evidence),
    status: z.enum(CLOSURE_STATUSES),
    decided_by: z.number().int().nullable(),
    reason: z.string().nullable(),
    decided_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'ClosureRequest' });
const ClosureRequestListed = ClosureRequest.extend({ commitment_title: z.string(), unit_name: z.string() }).meta({ id: 'ClosureRequestListed' });

/** A slot in the API's snake_case. */
function presentSlot(slot: Awaited<ReturnType<Services['reportingCycles']['slots']>>[number]) {
  return {
    key: slot.key,
    starts_on: slot.startsOn,
    ends_on: slot.endsOn,
    due_on: slot.dueOn,
    commitment_id: slot.commitmentId,
    commitment_title: slot.commitmentTitle,
    unit_id: slot.unitId,
    unit_name: slot.unitName,
    status: slot.status,
    report_id: slot.reportId,
    submitted_on: slot.submittedOn,
    is_late: slot.isLate,
  };
}

export const reportingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, reportingCycles, reminders, closures } = services;
  const staff = requireUser(auth, ['admin', 'supervisor']);
  const anyone = requireUser(auth, ['admin', 'supervisor', 'unit_editor']);

  app.put(
    '/api/plans/:region/:year/reporting-cycle',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '设置报送周期 / set a plan\'s reporting cycle',
        description: 'Monthly by default; a due day past a month\'s end falls on its last day (China time). Every assigned item owes one report per period from starts_on. Audited.',
        params: planParams,
        body: CycleBody,
        response: { 200: ReportingCycle, ...writeErrors },
      },
    },
    async (request) => {
      const { region, year } = request.params;
      const body = request.body;
      return present(
        await reportingCycles.setPlanCycle(
          { regionCode: region, year },
          { frequency: body.frequency, dueDay: body.due_day, remindDaysBefore: body.remind_days_before, ...(body.starts_on ? { startsOn: body.starts_on } : {}) },
          request.user!,
        ),
      );
    },
  );

  app.get(
    '/api/plans/:region/:year/reporting-cycle',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '报送周期 / a plan\'s reporting cycle and items with their own',
        params: planParams,
        response: { 200: z.object({ plan: ReportingCycle, items: z.array(ReportingCycle) }), ...readErrors },
      },
    },
    async (request) => present(await reportingCycles.cycles({ regionCode: request.params.region, year: request.params.year })),
  );

  app.put(
    '/api/commitments/:id/reporting-cycle',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '设置事项的报送周期 / give one item its own cycle (weekly, quarterly)',
        params: idParams,
        body: CycleBody.extend({ starts_on: isoDate }),
        response: { 200: ReportingCycle, ...writeErrors },
      },
    },
    async (request) => {
      const body = request.body;
      return present(
        await reportingCycles.setCommitmentCycle(
          request.params.id,
          { frequency: body.frequency, dueDay: body.due_day, remindDaysBefore: body.remind_days_before, startsOn: body.starts_on },
          request.user!,
        ),
      );
    },
  );

  app.get(
    '/api/reporting/slots',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '报送情况 / report slots up to today, newest period first',
        description: 'A unit editor sees their own unit\'s slots only. status overdue = 未按时报送 (nothing usable by the due day); is_late = filled after it.',
        querystring: z.object({ ...planQuery, unit_id: z.coerce.number().int().min(1).optional(), status: z.enum(REPORT_SLOT_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(ReportSlot) }), ...readErrors },
      },
    },
    async (request) => {
      const { region, year, unit_id: unitId, status } = request.query;
      const slots = await reportingCycles.slots({ regionCode: region, year }, request.user!, unitId);
      return { items: slots.filter((slot) => !status || slot.status === status).map(presentSlot) };
    },
  );

  app.get(
    '/api/reporting/late',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '未按时报送（按单位）/ late or missing reports per unit',
        description: 'missed = overdue (still empty past the due day) + late (filled after it); units with most first. A unit editor sees their own unit.',
        querystring: z.object(planQuery),
        response: { 200: z.object({ items: z.array(UnitLateCount) }), ...readErrors },
      },
    },
    async (request) => {
      const counts = await reportingCycles.lateCounts({ regionCode: request.query.region, year: request.query.year }, request.user!);
      return { items: counts.map(({ unitId, unitName, ...rest }) => ({ unit_id: unitId, unit_name: unitName, ...rest })) };
    },
  );

  app.post(
    '/api/reminders/run',
    {
      preValidation: requireUser(auth, ['admin']),
      schema: {
        tags: ['reporting'],
        summary: '执行提醒 / run the reminder pass now',
        description: 'What the server\'s scheduler tick does, for cron and tests: reminds due-soon and overdue slots once each, then delivers (and retries) email and webhook messages.',
        response: { 200: z.object({ reminders: z.number().int(), notifications: z.number().int(), sent: z.number().int(), failed: z.number().int() }), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => reminders.runAs(request.user!),
  );

  app.post(
    '/api/urges',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '催办 / send a 催办 to the units of an item, or to one unit',
        description: 'Give commitment_id (its units), unit_id (that unit), or both (that unit about that item). Audited; delivered in the app, by email and webhook.',
        body: z
          .object({ commitment_id: z.number().int().min(1).optional(), unit_id: z.number().int().min(1).optional(), note: z.string().trim().min(1).max(500) })
          .strict()
          .refine((body) => body.commitment_id !== undefined || body.unit_id !== undefined, '须指定事项或单位 / give commitment_id or unit_id'),
        response: { 201: z.object({ items: z.array(Reminder) }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const { commitment_id: commitmentId, unit_id: unitId, note } = request.body;
      const sent = await reminders.urge({ ...(commitmentId ? { commitmentId } : {}), ...(unitId ? { unitId } : {}), note }, request.user!);
      return reply.status(201).send({ items: present(sent) });
    },
  );

  app.get(
    '/api/reminders/:id/deliveries',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '提醒的发送记录 / email and webhook deliveries of a reminder',
        params: idParams,
        response: { 200: z.object({ items: z.array(Delivery) }), ...readErrors },
      },
    },
    async (request) => ({ items: present(await reminders.deliveriesOf(request.params.id)) }),
  );

  app.get(
    '/api/notifications',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '我的通知 / my notifications, newest first',
        querystring: z.object({ unread: z.enum(['0', '1']).optional(), ...pageQuery }),
        response: { 200: NotificationPage, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { unread, page, page_size } = request.query;
      const listed = await reminders.notifications(request.user!, { unreadOnly: unread === '1', page, pageSize: page_size });
      return { ...presentPage(listed), unread: listed.unread };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      preValidation: anyone,
      schema: { tags: ['reporting'], summary: '未读通知数 / unread notifications', response: { 200: z.object({ unread: z.number().int() }), 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => ({ unread: await reminders.unreadCount(request.user!) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      preValidation: anyone,
      schema: { tags: ['reporting'], summary: '标为已读 / mark a notification read', params: idParams, response: { 204: z.null(), ...readErrors } },
    },
    async (request, reply) => {
      await reminders.markRead(request.user!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      preValidation: anyone,
      schema: { tags: ['reporting'], summary: '全部标为已读 / mark all read', response: { 200: z.object({ marked: z.number().int() }), 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => ({ marked: await reminders.markAllRead(request.user!) }),
  );

  app.put(
    '/api/notifications/email',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '提醒邮箱 / the address my reminders are emailed to',
        body: z.object({ email: z.email().max(254).nullable() }).strict(),
        response: { 204: z.null(), ...readErrors },
      },
    },
    async (request, reply) => {
      await reminders.setEmail(request.user!, request.body.email);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/commitments/:id/closure',
    {
      preValidation: requireUser(auth, ['unit_editor']),
      schema: {
        tags: ['reporting'],
        summary: '申请销号 / ask to close an item, with evidence',
        description: 'By an editor of a unit assigned to the item; one waiting request per item (409 otherwise). Audited.',
        params: idParams,
        body: z.object({ note: z.string().trim().min(1).max(2000), evidence: z.array(Evidence).max(20).default([]) }).strict(),
        response: { 201: ClosureRequest, ...writeErrors },
      },
    },
    async (request, reply) => {
      await assertCommitmentAccess(services.database, request.params.id, request.user, 'report');
      await assertEvidenceStored(services.database, request.body.evidence);
      return reply.status(201).send(present(await closures.request(request.params.id, request.body, request.user!)));
    },
  );

  app.get(
    '/api/closures',
    {
      preValidation: anyone,
      schema: {
        tags: ['reporting'],
        summary: '销号申请 / closing requests, newest first',
        querystring: z.object({ status: z.enum(CLOSURE_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(ClosureRequestListed) }), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ items: present(await closures.list(request.query.status ? { status: request.query.status } : {}, request.user!)) }),
  );

  app.post(
    '/api/closures/:id/approve',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '同意销号 / approve: the item is closed and counts as done',
        params: idParams,
        response: { 200: ClosureRequest, ...writeErrors },
      },
    },
    async (request) => present(await closures.decide(request.params.id, { status: 'approved' }, request.user!)),
  );

  app.post(
    '/api/closures/:id/refuse',
    {
      preValidation: staff,
      schema: {
        tags: ['reporting'],
        summary: '不予销号 / refuse with a reason',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1).max(500) }).strict(),
        response: { 200: ClosureRequest, ...writeErrors },
      },
    },
    async (request) => present(await closures.decide(request.params.id, { status: 'refused', reason: request.body.reason }, request.user!)),
  );
};

export type ReportSlotJson = z.infer<typeof ReportSlot>;
export type UnitLateCountJson = z.infer<typeof UnitLateCount>;
export type NotificationJson = z.infer<typeof Notification>;
export type ReportingCycleJson = z.infer<typeof ReportingCycle>;
export type ClosureRequestJson = z.infer<typeof ClosureRequestListed>;
