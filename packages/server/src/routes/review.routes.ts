/**
 * The review queue of imports: list candidates (filtered, each with its source sentence), accept (optionally edited)
 * or reject one, or decide many at once. Accepted commitments stay unpublished unless the reviewer asks to publish.
 * Example: POST /api/review-items/decisions { decisions: [{ id: 3, decision: 'accept' }, { id: 4, decision: 'reject' }], publish: false }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandidateEdits, ErrorResponse, ReviewFacets, ReviewItem, ReviewQueueItem, pageOf, pageQuery, reviewKind, reviewStatus } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
/** The queue's filters, as query parameters: GET /api/review-items?kind=commitment&has_target=true&theme=生态环境保护. */
const queueFilter = {
  document_id: z.coerce.number().int().optional(),
  status: reviewStatus.optional(),
  kind: reviewKind.optional(),
  theme: z.string().min(1).max(200).optional(),
  section: z.string().min(1).max(200).optional(),
  has_target: flag.optional(),
  retrospective: flag.optional(),
  q: z.string().max(100).optional(),
};
type QueueQuery = { [K in keyof typeof queueFilter]?: z.output<(typeof queueFilter)[K]> };
function toFilter(query: QueueQuery) {
  return {
    documentId: query.document_id,
    status: query.status,
    kind: query.kind,
    theme: query.theme,
    section: query.section,
    hasTarget: query.has_target,
    retrospective: query.retrospective,
    q: query.q,
  };
}
/** 采纳并公开: publish what is accepted; without it an accepted commitment stays unpublished. */
const publishChoice = z.boolean().optional();

const writeErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const reviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const staff = requireUser(services.auth, ['admin', 'supervisor']);

  app.get(
    '/api/review-items',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '待审核条目（可筛选，附原文句子）/ review queue, filtered, with source sentences',
        querystring: z.object({ ...queueFilter, ...pageQuery }),
        response: { 200: pageOf(ReviewQueueItem), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page, page_size, ...query } = request.query;
      return presentPage(await services.review.list({ ...toFilter(query), page, pageSize: page_size }));
    },
  );

  app.get(
    '/api/review-items/ids',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '筛选结果的全部编号（全选用）/ every id a filter matches, for select-all',
        querystring: z.object(queueFilter),
        response: { 200: z.object({ ids: z.array(z.number().int()) }), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ ids: await services.review.listIds(toFilter(request.query)) }),
  );

  app.get(
    '/api/review-items/facets',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '筛选项：主题与章节 / filter choices: themes and sections',
        querystring: z.object({ document_id: queueFilter.document_id, status: queueFilter.status, kind: queueFilter.kind }),
        response: { 200: ReviewFacets, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => services.review.facets({ documentId: request.query.document_id, status: request.query.status, kind: request.query.kind }),
  );

  app.post(
    '/api/review-items/:id/accept',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '采纳（可先修改）/ accept, optionally edited',
        params: idParams,
        body: z.object({ edits: CandidateEdits.optional(), publish: publishChoice }).optional(),
        response: { 200: ReviewItem, ...writeErrors },
      },
    },
    async (request) => {
      const [item] = await services.review.decide(
        [{ id: request.params.id, decision: 'accept', ...(request.body?.edits ? { edits: request.body.edits } : {}) }],
        request.user!.id,
        { publish: request.body?.publish ?? false },
      );
      return present(item);
    },
  );

  app.post(
    '/api/review-items/:id/reject',
    { preValidation: staff, schema: { tags: ['review'], summary: '驳回 / reject', params: idParams, response: { 200: ReviewItem, ...writeErrors } } },
    async (request) => {
      const [item] = await services.review.decide([{ id: request.params.id, decision: 'reject' }], request.user!.id);
      return present(item);
    },
  );

  app.post(
    '/api/review-items/decisions',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '批量审核（全部成功或全部不变）/ decide many, all or nothing',
        body: z.object({
          decisions: z
            .array(z.object({ id: z.number().int().min(1), decision: z.enum(['accept', 'reject']), edits: CandidateEdits.optional() }))
            .min(1)
            .max(1000),
          publish: publishChoice,
        }),
        response: { 200: z.object({ items: z.array(ReviewItem) }), ...writeErrors },
      },
    },
    async (request) => ({ items: present(await services.review.decide(request.body.decisions, request.user!.id, { publish: request.body.publish ?? false })) }),
  );

  app.post(
    '/api/review-items/publish',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '公开已采纳的承诺事项 / publish the commitments accepted items became',
        body: z.object({ ids: z.array(z.number().int().min(1)).min(1).max(1000) }),
        response: { 200: z.object({ published: z.number().int() }), ...writeErrors },
      },
    },
    async (request) => ({ published: await services.review.publish(request.body.ids, request.user!.id) }),
  );
};
