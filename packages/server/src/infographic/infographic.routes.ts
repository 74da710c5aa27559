/**
 * The 民生账本 infographic of a region and year as SVG and PNG, drawn from the dashboard summary (so it shows what the
 * database holds): GET /api/infographic/630105/2024/ledger.svg, …/ledger.png, ?lang=en for English; and the league
 * table of promises kept in the same look: GET /api/infographic/league/2024/league.svg, …/league.png.
 * Register with `await app.register(infographicRoutes, { dashboard: services.dashboard })`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../http-error.ts';
import type { DashboardService } from '../services/dashboard.service.ts';
import type { FollowUpService } from '../services/follow-up.service.ts';
import { renderLeagueInfographicSvg } from './league-infographic.renderer.ts';
import { toLivelihoodInfographic } from './livelihood-infographic.mapping.ts';
import { renderLivelihoodInfographicSvg } from './livelihood-infographic.renderer.ts';
import { createSvgRasterizer, type SvgRasterizer } from './svg-png.rasterizer.ts';

export interface InfographicRoutesOptions {
  readonly dashboard: Pick<DashboardService, 'summary'>;
  /** The league table of promises kept; without it, the league infographic is not served. */
  readonly followUps?: Pick<FollowUpService, 'league'>;
  /** Defaults to headless Chromium, started on the first PNG request and closed with the server. */
  readonly rasterizer?: SvgRasterizer;
}

const params = z.object({
  region: z.string().regex(/^\d{6}$/, 'must be a six-digit region code'),
  year: z.coerce.number().int().min(1949).max(2200),
});
const querystring = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const infographicRoutes: FastifyPluginAsync<InfographicRoutesOptions> = async (app, options) => {
  const rasterizer = options.rasterizer ?? createSvgRasterizer();
  app.addHook('onClose', async () => rasterizer.close());
  const route = app.withTypeProvider<ZodTypeProvider>();

  const render = async (region: string, year: number, lang: 'zh' | 'en') => {
    const summary = await options.dashboard.summary(region, year);
    const data = toLivelihoodInfographic(summary);
    return { svg: renderLivelihoodInfographicSvg(data, { locale: lang }), name: `${region}-${data.year}-minsheng` };
  };

  route.get(
    '/api/infographic/:region/:year/ledger.svg',
    { schema: { tags: ['dashboard'], summary: '民生账本 infographic as SVG', params, querystring } },
    async (request, reply) => {
      const { svg, name } = await render(request.params.region, request.params.year, request.query.lang);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="${name}.svg"`)
        .header('cache-control', 'no-cache')
        .send(svg);
    },
  );

  const followUps = options.followUps;
  if (followUps) {
    const leagueParams = z.object({ year: params.shape.year });
    const renderLeague = async (year: number, lang: 'zh' | 'en') => {
      const league = await followUps.league(year);
      const thisYear = league.table.rows[0]?.thisYear ?? year + 1;
      if (league.table.rows.length === 0) throw new HttpError(404, 'not_found', `${year} 年没有可排名的地区 / no league table for ${year}`);
      return { svg: renderLeagueInfographicSvg({ lastYear: year, thisYear, rows: league.table.rows }, { locale: lang }), name: `league-${year}` };
    };
    route.get(
      '/api/infographic/league/:year/league.svg',
      { schema: { tags: ['follow-up'], summary: '各地目标兑现排行 infographic as SVG', params: leagueParams, querystring } },
      async (request, reply) => {
        const { svg, name } = await renderLeague(request.params.year, request.query.lang);
        return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.svg"`).header('cache-control', 'no-cache').send(svg);
      },
    );
    route.get(
      '/api/infographic/league/:year/league.png',
      { schema: { tags: ['follow-up'], summary: '各地目标兑现排行 infographic as PNG', params: leagueParams, querystring: querystring.extend({ scale: z.coerce.number().min(1).max(3).default(2) }) } },
      async (request, reply) => {
        const { svg, name } = await renderLeague(request.params.year, request.query.lang);
        const png = await rasterizer.toPng(svg, { scale: request.query.scale });
        return reply.header('content-type', 'image/png').header('content-disposition', `inline; filename="${name}.png"`).header('cache-control', 'no-cache').send(png);
      },
    );
  }

  route.get(
    '/api/infographic/:region/:year/ledger.png',
    { schema: { tags: ['dashboard'], summary: '民生账本 infographic as PNG', params, querystring: querystring.extend({ scale: z.coerce.number().min(1).max(3).default(2) }) } },
    async (request, reply) => {
      const { svg, name } = await render(request.params.region, request.params.year, request.query.lang);
      const png = await rasterizer.toPng(svg, { scale: request.query.scale });
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', `inline; filename="${name}.png"`)
        .header('cache-control', 'no-cache')
        .send(png);
    },
  );
};
