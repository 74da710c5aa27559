/**
 * Budget lines, indicators with measurements, livelihood programmes and projects, and the dashboard summary.
 * Example: GET /api/budget-lines?region=630105&year=2023&scope=category → the six livelihood categories.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BudgetLine,
  BudgetTotals,
  budgetPhase,
  budgetScope,
  DashboardSummary,
  decimalString,
  ErrorResponse,
  Indicator,
  isoDate,
  LivelihoodProgramme,
  LivelihoodProject,
  Measurement,
  pageOf,
  pageQuery,
  regionCode,
} from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { answerFromCache, sendCached } from '../cached-response.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
/** Built once: a zod schema made per request costs more than the cached answer it checks. */
const BudgetLinePage = pageOf(BudgetLine);

export const figuresRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { catalogue, dashboard, auth, cache } = services;

  app.get(
    '/api/budget-lines',
    {
      // Public and the same for every caller: a ready answer leaves before validation.
      onRequest: answerFromCache(cache),
      schema: {
        tags: ['budget'],
        summary: '预算收支条目 / budget lines',
        querystring: z.object({
          region: regionCode.optional(),
          year: z.coerce.number().int().optional(),
          phase: budgetPhase.optional(),
          scope: budgetScope.optional(),
          functional_code: z.string().regex(/^\d{3}$/).optional(),
          document_id: z.coerce.number().int().optional(),
          ...pageQuery,
        }),
        response: { 200: BudgetLinePage },
      },
    },
    async (request, reply) => {
      const query = request.query;
      return sendCached(request, reply, cache, BudgetLinePage, async () => presentPage(
        await catalogue.budgetLines({
          regionCode: query.region,
          year: query.year,
          phase: query.phase,
          scope: query.scope,
          functionalCode: query.functional_code,
          documentId: query.document_id,
          page: query.page,
          pageSize: query.page_size,
        }),
      ));
    },
  );

  app.get(
    '/api/budget-lines/totals',
    {
      onRequest: answerFromCache(cache),
      schema: {
        tags: ['budget'],
        summary: '预算合计（服务器精确求和）/ a region\'s budget totals, summed exactly over every line',
        description:
          'Every budget line of the region, all years and phases, summed by the database: by year and label, and the categories by functional class (支出功能分类) and by class and label. Amounts are exact decimal strings. 404 for an unknown region.',
        querystring: z.object({ region: regionCode }),
        response: { 200: BudgetTotals, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendCached(request, reply, cache, BudgetTotals, async () => {
        const totals = await catalogue.budgetTotals(request.query.region);
        return { by_label: totals.byLabel, by_class: totals.byClass, by_class_and_label: totals.byClassAndLabel, lines: totals.lines };
      }),
  );

  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: '指标 / indicators',
        querystring: z.object({ region: regionCode.optional(), year: z.coerce.number().int().optional(), plan_id: z.coerce.number().int().optional(), theme: z.string().max(200).optional(), ...pageQuery }),
        response: { 200: pageOf(Indicator) },
      },
    },
    async (request) => {
      const query = request.query;
      return presentPage(
        await catalogue.indicators({
          regionCode: query.region,
          year: query.year,
          planId: query.plan_id,
          theme: query.theme,
          page: query.page,
          pageSize: query.page_size,
        }),
      );
    },
  );

  app.get(
    '/api/indicators/:id/measurements',
    { schema: { tags: ['indicators'], summary: '指标监测值 / measurements', params: idParams, response: { 200: z.object({ items: z.array(Measurement) }), 404: ErrorResponse } } },
    async (request) => {
      return { items: present(await catalogue.measurements(request.params.id)) };
    },
  );

  app.post(
    '/api/indicators/:id/measurements',
    {
      preValidation: requireUser(auth, ['admin', 'supervisor']),
      schema: {
        tags: ['indicators'],
        summary: '录入监测值 / add a measurement',
        params: idParams,
        body: z.object({ measured_on: isoDate, value: decimalString, note: z.string().max(2000).nullable().optional() }).strict(),
        response: { 201: Measurement, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const created = await catalogue.addMeasurement(request.params.id, request.body, request.user!.id);
      return reply.status(201).send(present(created));
    },
  );

  app.get(
    '/api/livelihood/programmes',
    {
      schema: {
        tags: ['livelihood'],
        summary: '民生实事（年度）/ livelihood programmes',
        querystring: z.object({ region: regionCode.optional(), year: z.coerce.number().int().optional() }),
        response: { 200: z.object({ items: z.array(LivelihoodProgramme) }) },
      },
    },
    async (request) => ({
      items: present(await catalogue.livelihoodProgrammes({ regionCode: request.query.region, year: request.query.year })),
    }),
  );

  app.get(
    '/api/livelihood/projects',
    {
      schema: {
        tags: ['livelihood'],
        summary: '民生实事项目 / livelihood projects',
        querystring: z.object({
          region: regionCode.optional(),
          year: z.coerce.number().int().optional(),
          area: z.string().max(100).optional(),
          delivered: z.enum(['true', 'false']).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(LivelihoodProject) },
      },
    },
    async (request) => {
      const query = request.query;
      return presentPage(
        await catalogue.livelihoodProjects({
          regionCode: query.region,
          year: query.year,
          area: query.area,
          ...(query.delivered !== undefined ? { isDelivered: query.delivered === 'true' } : {}),
          page: query.page,
          pageSize: query.page_size,
        }),
      );
    },
  );

  app.post(
    '/api/livelihood/projects',
    {
      preValidation: requireUser(auth, ['admin', 'supervisor']),
      schema: {
        tags: ['livelihood'],
        summary: '新增民生实事项目 / add a livelihood project',
        body: z
          .object({
            region_code: regionCode,
            year: z.number().int().min(1949).max(2200),
            programme_id: z.number().int().nullable().optional(),
            area: z.string().max(100).nullable().optional(),
            title: z.string().min(1).max(500),
            budget_yuan: decimalString.nullable().optional(),
            lead_unit_id: z.number().int().nullable().optional(),
            target_value: decimalString.nullable().optional(),
            target_unit: z.string().max(20).nullable().optional(),
            is_delivered: z.boolean().optional(),
            delivered_on: isoDate.nullable().optional(),
          })
          .strict(),
        response: { 201: LivelihoodProject, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const created = await catalogue.addLivelihoodProject(request.body, request.user!.id);
      return reply.status(201).send(present(created));
    },
  );

  app.get(
    '/api/dashboard/summary',
    {
      // Public and the same for every caller: a ready answer leaves before validation.
      onRequest: answerFromCache(cache),
      schema: {
        tags: ['dashboard'],
        summary: '民生账本概览 / dashboard summary',
        description: 'Budget of the latest year up to `year`, commitments of the plan of `year` (newest data when omitted). Cached until the next write.',
        querystring: z.object({ region: regionCode, year: z.coerce.number().int().optional() }),
        response: { 200: DashboardSummary, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendCached(request, reply, cache, DashboardSummary, () => dashboard.summary(request.query.region, request.query.year)),
  );
};
