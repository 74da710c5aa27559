/**
 * The 督查室's review of the units' progress reports: the queue of pending reports, approve one (public from then on),
 * or return it with a reason (the unit reports again). Each decision is audited on the commitment and taken once.
 * Example: POST /api/progress/57/return { reason: '佐证材料不清晰，请补充验收照片' } → 200 { decision: 'returned', … }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, pageOf, pageQuery, progressReviewStatus, ProgressUpdate, regionCode } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const writeErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const reviewStatusQuery = progressReviewStatus;

const ProgressReview = z
  .object({
    id: z.number().int(),
    update_id: z.number().int(),
    decision: progressReviewStatus.exclude(['pending']),
    reason: z.string().nullable(),
    reviewer_id: z.number().int().nullable(),
    decided_at: z.string(),
  })
  .meta({ id: 'ProgressReview' });

const ReviewedProgress = ProgressUpdate.extend({
  commitment_title: z.string(),
  target_value: z.string().nullable(),
  target_unit: z.string().nullable(),
  region_code: z.string(),
  plan_year: z.number().int(),
  lead_unit: z.string().nullable(),
  author_name: z.string().nullable(),
}).meta({ id: 'ReviewedProgress' });
const ReviewedProgressPage = pageOf(ReviewedProgress);

export const progressReviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const staff = requireUser(services.auth, ['admin', 'supervisor']);

  app.get(
    '/api/progress',
    {
      preValidation: staff,
      schema: {
        tags: ['progress review'],
        summary: '进展审核列表 / progress reports by review status',
        description: 'The reviewer\'s queue: status=pending (the default) lists the reports nobody decided yet, oldest first.',
        querystring: z.object({ status: reviewStatusQuery.default('pending'), region: regionCode.optional(), year: z.coerce.number().int().optional(), ...pageQuery }),
        response: { 200: ReviewedProgressPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { status, region, year, page, page_size } = request.query;
      return presentPage(await services.commitments.listByReview({ status, regionCode: region, year, page, pageSize: page_size }));
    },
  );

  app.post(
    '/api/progress/:id/approve',
    {
      preValidation: staff,
      schema: {
        tags: ['progress review'],
        summary: '审核通过 / approve a progress report',
        description: 'The report and its evidence become public and count in the schedule status. 409 when it was decided already.',
        params: idParams,
        response: { 200: ProgressReview, ...writeErrors },
      },
    },
    async (request) => present(await services.commitments.reviewProgress(request.params.id, { decision: 'approved' }, request.user!)),
  );

  app.post(
    '/api/progress/:id/return',
    {
      preValidation: staff,
      schema: {
        tags: ['progress review'],
        summary: '退回 / return a progress report with a reason',
        description: 'The unit sees the reason and reports again; the returned report is never public. 409 when it was decided already.',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1).max(500) }).strict(),
        response: { 200: ProgressReview, ...writeErrors },
      },
    },
    async (request) =>
      present(await services.commitments.reviewProgress(request.params.id, { decision: 'returned', reason: request.body.reason }, request.user!)),
  );
};
