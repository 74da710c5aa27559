/**
 * The review queue of imports: list candidates, accept (optionally edited) or reject one, or decide many at once.
 * Example: POST /api/review-items/decisions { decisions: [{ id: 3, decision: 'accept' }, { id: 4, decision: 'reject' }] }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandidateEdits, ErrorResponse, ReviewItem, pageOf, pageQuery, reviewKind, reviewStatus } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const writeErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const reviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const staff = requireUser(services.auth, ['admin', 'supervisor']);

  app.get(
    '/api/review-items',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '待审核条目 / review queue',
        querystring: z.object({ document_id: z.coerce.number().int().optional(), status: reviewStatus.optional(), kind: reviewKind.optional(), ...pageQuery }),
        response: { 200: pageOf(ReviewItem), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { document_id, status, kind, page, page_size } = request.query;
      return presentPage(await services.review.list({ documentId: document_id, status, kind, page, pageSize: page_size }));
    },
  );

  app.post(
    '/api/review-items/:id/accept',
    {
      preValidation: staff,
      schema: {
        tags: ['review'],
        summary: '采纳（可先修改）/ accept, optionally edited',
        params: idParams,
        body: z.object({ edits: CandidateEdits.optional() }).optional(),
        response: { 200: ReviewItem, ...writeErrors },
      },
    },
    async (request) => {
      const [item] = await services.review.decide(
        [{ id: request.params.id, decision: 'accept', ...(request.body?.edits ? { edits: request.body.edits } : {}) }],
        request.user!.id,
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
        }),
        response: { 200: z.object({ items: z.array(ReviewItem) }), ...writeErrors },
      },
    },
    async (request) => ({ items: present(await services.review.decide(request.body.decisions, request.user!.id)) }),
  );
};
