/**
 * The league table of promises kept: for every region with both years' reports imported, how many of the earlier
 * report's targets the later one shows met, missed or not reported, ranked by the share met.
 * Example: GET /api/follow-up/league?year=2025 → { last_year: 2025, years: [2025], rows: [{ rank: 1, region_code:
 * '110000', region_name: '北京市', met: 30, missed: 2, not_reported: 8, share_of_reported: { met: 30, of: 32, percent: '93.8' }, … }], unpaired: [] }.
 */
import type { LeagueShare } from '@duixian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../api-schemas.ts';
import type { FollowUpLeague } from '../services/follow-up.service.ts';
import type { Services } from '../services/services.ts';

const Share = z.object({
  met: z.number().int(),
  of: z.number().int(),
  /** met ÷ of as a percent with one decimal ("93.8"); null when of is 0. */
  percent: z.string().nullable(),
});

const LeagueRow = z.object({
  rank: z.number().int().min(1),
  region_code: z.string(),
  region_name: z.string(),
  last_year: z.number().int(),
  this_year: z.number().int(),
  targets: z.number().int(),
  met: z.number().int(),
  /** Of `met`, those met by a qualitative statement ("十件民生实事全部完成"). */
  met_by_statement: z.number().int(),
  missed: z.number().int(),
  not_reported: z.number().int(),
  /** Met among the targets with a result (met + missed). */
  share_of_reported: Share,
  /** Met among all targets. */
  share_of_all: Share,
});

export const FollowUpLeagueSchema = z
  .object({
    /** The year of the targets; null when no region has two consecutive years imported. */
    last_year: z.number().int().nullable(),
    /** Every year whose targets have been followed up, latest first. */
    years: z.array(z.number().int()),
    rows: z.array(LeagueRow),
    /** Regions with the report of one of the two years only. */
    unpaired: z.array(z.object({ region_code: z.string(), region_name: z.string(), missing: z.enum(['last', 'this']) })),
    /** Regions with both reports imported whose plan gave no target to follow, with why. */
    unmatched: z.array(z.object({ region_code: z.string(), region_name: z.string(), reason: z.string() })),
  })
  .meta({ id: 'FollowUpLeague' });

/** The league table as the API sends it. */
export type FollowUpLeagueJson = z.infer<typeof FollowUpLeagueSchema>;

function toShareJson(share: LeagueShare): z.infer<typeof Share> {
  return { met: share.met, of: share.of, percent: share.percent };
}

function toLeagueJson(league: FollowUpLeague): FollowUpLeagueJson {
  return {
    last_year: league.lastYear,
    years: [...league.years],
    rows: league.table.rows.map((row) => ({
      rank: row.rank,
      region_code: row.regionCode ?? '',
      region_name: row.region,
      last_year: row.lastYear,
      this_year: row.thisYear,
      targets: row.targets,
      met: row.met,
      met_by_statement: row.metByStatement,
      missed: row.missed,
      not_reported: row.notReported,
      share_of_reported: toShareJson(row.shareOfReported),
      share_of_all: toShareJson(row.shareOfAll),
    })),
    unpaired: league.table.unpaired.map((region) => ({ region_code: region.regionCode ?? '', region_name: region.region, missing: region.missing })),
    unmatched: league.table.failures.map((failure) => ({ region_code: failure.regionCode ?? '', region_name: failure.region, reason: failure.reason })),
  };
}

export const followUpLeagueRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/follow-up/league',
    {
      schema: {
        tags: ['follow-up'],
        summary: '各地去年目标兑现排行 / league table of last year’s targets met, per region',
        description: 'year is the year of the targets (the earlier report); without it, the latest year with any follow-up.',
        querystring: z.object({ year: z.coerce.number().int().min(1949).max(2200).optional() }),
        response: { 200: FollowUpLeagueSchema, 400: ErrorResponse },
      },
    },
    async (request) => toLeagueJson(await services.followUps.league(request.query.year)),
  );
};
