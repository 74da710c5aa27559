/**
 * 三色预警 for the workbench: GET /api/warnings?region=630105&year=2024&within_days=30 → the commitments to chase,
 * most urgent first, with counts per lead unit and the number not yet assigned (未分派, not a warning).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Commitment, ErrorResponse, regionCode } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { present } from '../present.ts';
import type { Services } from '../services/services.ts';

const urgency = z.enum(['overdue', 'missed', 'behind', 'due_soon']);
const counts = { overdue: z.number().int(), missed: z.number().int(), behind: z.number().int(), due_soon: z.number().int() };
const WarningsAnswer = z
  .object({
    items: z.array(z.object({ urgency, commitment: Commitment })),
    by_unit: z.array(z.object({ unit_id: z.number().int(), unit_name: z.string(), ...counts })),
    unassigned: z.number().int(),
  })
  .meta({ id: 'Warnings' });

export const warningsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/warnings',
    {
      preValidation: requireUser(services.auth, ['admin', 'supervisor', 'unit_editor']),
      schema: {
        tags: ['commitments'],
        summary: '三色预警（按紧急程度）/ warnings, most urgent first',
        querystring: z.object({ region: regionCode, year: z.coerce.number().int().min(1949).max(2200), within_days: z.coerce.number().int().min(0).max(366).default(30) }),
        response: { 200: WarningsAnswer, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { region, year, within_days: withinDays } = request.query;
      const ranking = await services.warnings.list({ regionCode: region, year, withinDays }, request.user!);
      return present({
        items: ranking.items.map((item) => ({ urgency: item.urgency, commitment: item.commitment })),
        by_unit: ranking.byUnit.map(({ unitId, unitName, ...rest }) => ({ unit_id: unitId, unit_name: unitName, ...rest })),
        unassigned: ranking.unassigned,
      });
    },
  );
};
