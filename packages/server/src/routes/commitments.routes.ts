/**
 * Commitments: the filterable list with computed schedule status, one commitment with work items and progress,
 * edits at a known version (409 on a stale one), progress reports and their corrections, and the public history.
 * Staff also get the task table (unpublished items too) and bulk assignment.
 * Example: GET /api/commitments?region=630105&year=2024&theme=生态环境保护&status=overdue; GET /api/staff/commitments?assigned=false.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditEvent,
  colour,
  comparator,
  Commitment,
  CommitmentAssignment,
  CommitmentDetail,
  CommitmentPatch,
  decimalString,
  ErrorResponse,
  isoDate,
  NewProgressUpdate,
  ProgressCorrection,
  ProgressUpdate,
  pageOf,
  pageQuery,
  regionCode,
  scheduleCode,
} from '../api-schemas.ts';
import { assertCommitmentAccess, assertEvidenceStored, progressScope, viewerKey, withVisibleChildren } from '../auth/commitment-access.ts';
import { optionalUser } from '../auth/optional-user.ts';
import { requireUser } from '../auth/require-user.ts';
import { answerFromCache, sendCached } from '../cached-response.ts';
import { versionFromIfMatch, versionTag } from '../if-match.ts';
import { present, presentPage } from '../present.ts';
import type { CommitmentListFilter } from '../services/commitment.service.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
/** Built once: a zod schema made per request costs more than the cached answer it checks. */
const CommitmentPage = pageOf(Commitment);
/** The list's filters, shared by the public list and the staff's task table. */
export const CommitmentListQuery = z.object({
  region: regionCode.optional(),
  year: z.coerce.number().int().optional(),
  plan_id: z.coerce.number().int().optional(),
  theme: z.string().max(200).optional(),
  theme_id: z.coerce.number().int().optional(),
  unit_id: z.coerce.number().int().optional(),
  parent_id: z.union([z.literal('none'), z.coerce.number().int()]).optional(),
  status: scheduleCode.optional(),
  colour: colour.optional(),
  /** false: no lead unit yet (未分派); true: has one. */
  assigned: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  ...pageQuery,
});

export function toListFilter(query: z.infer<typeof CommitmentListQuery>): CommitmentListFilter {
  return {
    regionCode: query.region,
    year: query.year,
    planId: query.plan_id,
    theme: query.theme,
    themeId: query.theme_id,
    unitId: query.unit_id,
    ...(query.parent_id !== undefined ? { parentId: query.parent_id === 'none' ? null : query.parent_id } : {}),
    status: query.status,
    colour: query.colour,
    ...(query.assigned !== undefined ? { assigned: query.assigned === 'true' } : {}),
    search: query.q,
    page: query.page,
    pageSize: query.page_size,
  };
}

const writeErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const commitmentsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { commitments, auth } = services;

  app.get(
    '/api/commitments',
    {
      // Public and the same for every caller: a ready answer leaves before validation.
      onRequest: answerFromCache(services.cache),
      schema: {
        tags: ['commitments'],
        summary: '承诺事项列表 / commitments',
        querystring: CommitmentListQuery,
        response: { 200: CommitmentPage, 400: ErrorResponse },
      },
    },
    async (request, reply) => sendCached(request, reply, services.cache, CommitmentPage, async () => presentPage(await commitments.list(toListFilter(request.query)))),
  );

  app.get(
    '/api/staff/commitments',
    {
      // Staff only, and checked before the cache: the public list's cached answers never include unpublished items.
      preValidation: requireUser(auth, ['admin', 'supervisor']),
      schema: {
        tags: ['commitments'],
        summary: '任务分解表（含未公开事项）/ the staff task table, unpublished items too',
        description: 'The filters of GET /api/commitments, over published and unpublished commitments alike. Admins and supervisors only.',
        querystring: CommitmentListQuery,
        response: { 200: CommitmentPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendCached(request, reply, services.cache, CommitmentPage, async () =>
        presentPage(await commitments.list({ ...toListFilter(request.query), includeUnpublished: true })),
      ),
  );

  app.post(
    '/api/commitments/assignments',
    {
      preValidation: requireUser(auth, ['admin', 'supervisor']),
      schema: {
        tags: ['commitments'],
        summary: '批量分派 / assign many commitments at once',
        description:
          'Gives every listed commitment the lead unit, and the supporting units and deadline when given (omitted supporting units: each keeps its own). All or none: one unknown commitment or unit, or a unit of another region, fails the whole batch. One audit event per commitment; every version is bumped.',
        body: CommitmentAssignment,
        response: { 200: z.object({ assigned: z.number().int() }), ...writeErrors },
      },
    },
    async (request) => commitments.assign(request.body, request.user!),
  );

  app.get(
    '/api/commitments/:id',
    { preHandler: optionalUser(auth), schema: { tags: ['commitments'], summary: '承诺事项详情 / one commitment', params: idParams, response: { 200: CommitmentDetail, 404: ErrorResponse } } },
    async (request, reply) => {
      const access = await assertCommitmentAccess(services.database, request.params.id, request.user, 'read');
      reply.header('etag', versionTag(access.version));
      // Unpublished work items are part of the answer for some callers only: one cached answer per kind of caller.
      return sendCached(
        request,
        reply,
        services.cache,
        CommitmentDetail,
        async () => present(withVisibleChildren(await commitments.get(request.params.id, progressScope(request.user, access)), request.user)),
        `${request.url}#${viewerKey(request.user)}`,
      );
    },
  );

  app.post(
    '/api/commitments',
    {
      preValidation: requireUser(auth, ['admin', 'supervisor']),
      schema: {
        tags: ['commitments'],
        summary: '新增事项或分解工作项 / add a commitment or a work item',
        body: z
          .object({
            plan_id: z.number().int().optional(),
            parent_id: z.number().int().nullable().optional(),
            theme_id: z.number().int().nullable().optional(),
            title: z.string().min(1).max(2000),
            target_value: decimalString.nullable().optional(),
            target_unit: z.string().max(20).nullable().optional(),
            target_comparator: comparator.nullable().optional(),
            start_date: isoDate.nullable().optional(),
            deadline: isoDate.nullable().optional(),
            weight: decimalString.optional(),
            lead_unit_id: z.number().int().nullable().optional(),
            supporting_unit_ids: z.array(z.number().int()).max(50).optional(),
          })
          .strict(),
        response: { 201: CommitmentDetail, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(present(await commitments.create(request.body, request.user!))),
  );

  app.patch(
    '/api/commitments/:id',
    {
      // The guard first: an anonymous caller learns nothing about the schema.
      preValidation: [requireUser(auth, ['admin', 'supervisor']), versionFromIfMatch],
      schema: {
        tags: ['commitments'],
        summary: '修改（需带版本号）/ edit at a version',
        description: 'Send the version you read (body `version`, or the ETag of the read as If-Match); a stale version gets 409 with the current record in error.current.',
        params: idParams,
        body: CommitmentPatch,
        response: { 200: CommitmentDetail, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return present(await commitments.update(request.params.id, version, changes, request.user!));
    },
  );

  app.get(
    '/api/commitments/:id/progress',
    {
      preHandler: optionalUser(auth),
      schema: {
        tags: ['commitments'],
        summary: '进展填报记录 / progress updates',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageOf(ProgressUpdate), 404: ErrorResponse },
      },
    },
    async (request) => {
      const access = await assertCommitmentAccess(services.database, request.params.id, request.user, 'read');
      return presentPage(await commitments.listProgress(request.params.id, { page: request.query.page, pageSize: request.query.page_size }, progressScope(request.user, access)));
    },
  );

  app.post(
    '/api/commitments/:id/progress',
    {
      preValidation: requireUser(auth),
      schema: {
        tags: ['commitments'],
        summary: '填报进展 / report progress',
        params: idParams,
        body: NewProgressUpdate,
        response: { 201: ProgressUpdate, ...writeErrors },
      },
    },
    async (request, reply) => {
      await assertCommitmentAccess(services.database, request.params.id, request.user, 'report');
      await assertEvidenceStored(services.database, request.body.evidence ?? []);
      return reply.status(201).send(present(await commitments.addProgress(request.params.id, request.body, request.user!)));
    },
  );

  app.post(
    '/api/progress/:id/correction',
    {
      preValidation: requireUser(auth),
      schema: {
        tags: ['commitments'],
        summary: '更正进展填报 / correct a progress report',
        description:
          'Appends a correction that replaces report {id} as the latest (reports are never edited); give the corrected values and a reason. A report is corrected once: 409 names its correction, which can itself be corrected.',
        params: idParams,
        body: ProgressCorrection,
        response: { 201: ProgressUpdate, ...writeErrors },
      },
    },
    async (request, reply) => {
      const commitmentId = await commitments.commitmentOfProgress(request.params.id);
      await assertCommitmentAccess(services.database, commitmentId, request.user, 'report');
      await assertEvidenceStored(services.database, request.body.evidence ?? []);
      return reply.status(201).send(present(await commitments.correctProgress(request.params.id, request.body, request.user!)));
    },
  );

  app.get(
    '/api/commitments/:id/history',
    {
      preHandler: optionalUser(auth),
      schema: {
        tags: ['commitments'],
        summary: '变更记录 / history',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageOf(AuditEvent), 404: ErrorResponse },
      },
    },
    async (request) => {
      const access = await assertCommitmentAccess(services.database, request.params.id, request.user, 'read');
      return presentPage(await commitments.history(request.params.id, { page: request.query.page, pageSize: request.query.page_size }, progressScope(request.user, access)));
    },
  );
};
