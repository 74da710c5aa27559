/**
 * Were last year's promises kept? The pairs of a region's targets for one year with the results its next report
 * states, each linked to both documents. Example: GET /api/follow-up?region=110000&year=2024 → { items: [{ metric:
 * '地区生产总值增长', target: { text: '5%', … }, result: { text: '5.2%', … }, verdict: 'met', … }], total: 4, … }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, followUpBasis, followUpVerdict, pageOf, pageQuery, regionCode } from '../api-schemas.ts';
import { presentPage } from '../present.ts';
import type { FollowUpPairWithSentences } from '../services/follow-up.service.ts';
import type { Services } from '../services/services.ts';
import type { FollowUpPairRecord } from '../services/follow-up.service.ts';

const DocumentLink = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  /** The document with its text: GET /api/documents/{id}. */
  url: z.string(),
});

/** The sentence a figure stands in, with offsets into its document's text (the figure lies inside). */
const FigureSentence = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

const FollowUpTarget = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  metric: z.string(),
  value: z.string().nullable(),
  value_high: z.string().nullable(),
  unit: z.string(),
  comparator: z.string().nullable(),
  sentence: FigureSentence,
});

const FollowUpResult = FollowUpTarget.omit({ comparator: true });

export const FollowUpPairSchema = z
  .object({
    id: z.number().int(),
    region_code: z.string(),
    last_year: z.number().int(),
    this_year: z.number().int(),
    position: z.number().int(),
    source: z.enum(['main_targets', 'commitment']),
    target: FollowUpTarget,
    result: FollowUpResult.nullable(),
    verdict: followUpVerdict,
    /**
     * 'figure': judged on the result's figure; 'statement': met because the later report says the target's group was
     * completed ("12件民生实事全部完成"): the result is that statement, without a value.
     */
    basis: followUpBasis,
    confidence: z.number().min(0).max(1),
    polarity: z.string(),
    explanation: z.string(),
    /** The earlier report, where the target is stated. */
    last_document: DocumentLink,
    /** The later report, where the result is stated. */
    this_document: DocumentLink,
    /** The published commitment that stated the target, when it was accepted into the plan. */
    commitment_id: z.number().int().nullable(),
    /** The progress update of that commitment the result was fed into. */
    progress_update_id: z.number().int().nullable(),
  })
  .meta({ id: 'FollowUpPair' });

/** One follow-up pair as the API sends it. */
export type FollowUpPairJson = z.infer<typeof FollowUpPairSchema>;

function toPairJson(row: FollowUpPairWithSentences): FollowUpPairJson {
  const documentLink = (id: number, title: string, year: number) => ({ id, title, year, url: `/api/documents/${id}` });
  return {
    id: row.id,
    region_code: row.region_code,
    last_year: row.last_year,
    this_year: row.this_year,
    position: row.position,
    source: row.source,
    target: {
      start: row.target_start,
      end: row.target_end,
      text: row.target_text,
      metric: row.metric,
      value: row.target_value,
      value_high: row.target_value_high,
      unit: row.target_unit,
      comparator: row.target_comparator,
      sentence: row.target_sentence,
    },
    result:
      row.result_start !== null && row.result_end !== null
        ? {
            start: row.result_start,
            end: row.result_end,
            text: row.result_text ?? '',
            metric: row.result_metric ?? '',
            value: row.result_value,
            value_high: row.result_value_high,
            unit: row.result_unit ?? '',
            // Present with the result: the sentence of the later report it was read from.
            sentence: row.result_sentence ?? { start: row.result_start, end: row.result_end, text: row.result_text ?? '' },
          }
        : null,
    verdict: row.verdict,
    basis: row.basis,
    confidence: Number(row.confidence),
    polarity: row.polarity,
    explanation: row.explanation,
    last_document: documentLink(row.last_document_id, row.last_document_title, row.last_year),
    this_document: documentLink(row.this_document_id, row.this_document_title, row.this_year),
    // An unpublished commitment stays out of public view, as on the commitment routes.
    commitment_id: row.commitment_published === true ? row.commitment_id : null,
    progress_update_id: row.commitment_published === true ? row.progress_update_id : null,
  };
}

export const followUpRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/follow-up',
    {
      schema: {
        tags: ['follow-up'],
        summary: '去年的承诺兑现了吗 / last year’s targets against this year’s reported results',
        description: 'year is the year of the targets (the earlier report); each pair links both documents and the sentences in them.',
        querystring: z.object({ region: regionCode, year: z.coerce.number().int().min(1949).max(2200), ...pageQuery }),
        response: { 200: pageOf(FollowUpPairSchema), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { region, year, page, page_size } = request.query;
      const found = await services.followUps.list({ regionCode: region, lastYear: year, page, pageSize: page_size });
      return presentPage({ ...found, items: found.items.map(toPairJson) });
    },
  );
};
