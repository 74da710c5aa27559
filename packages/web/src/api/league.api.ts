/**
 * The typed client of GET /api/follow-up/league: every region with both years imported, ranked by the share of last
 * year's targets met, as the web's view types. Example: getLeague(2025) → { lastYear: 2025, years: [2025], rows:
 * [{ rank: 1, regionCode: '110000', regionName: '北京市', met: 30, missed: 2, notReported: 8, shareOfReported: { percent: '93.8', … } }], … }.
 */
import type { FollowUpLeagueJson } from '@duixian/server';
import { getJson, query } from './http.client.ts';

export interface LeagueShareView {
  readonly met: number;
  readonly of: number;
  /** One decimal, exact as the server computed it ("93.8"); undefined when there is nothing to divide by. */
  readonly percent?: string;
}

export interface LeagueRowView {
  readonly rank: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly lastYear: number;
  readonly thisYear: number;
  readonly targets: number;
  readonly met: number;
  readonly metByStatement: number;
  readonly missed: number;
  readonly notReported: number;
  readonly shareOfReported: LeagueShareView;
  readonly shareOfAll: LeagueShareView;
}

export interface LeagueView {
  /** The year of the targets; undefined when no region has two consecutive years imported. */
  readonly lastYear?: number;
  readonly years: readonly number[];
  readonly rows: readonly LeagueRowView[];
  readonly unpaired: readonly { readonly regionCode: string; readonly regionName: string; readonly missing: 'last' | 'this' }[];
  /** Regions with both reports whose plan gave no target to follow, with the server's reason (Chinese). */
  readonly unmatched: readonly { readonly regionCode: string; readonly regionName: string; readonly reason: string }[];
}

function toShare(share: FollowUpLeagueJson['rows'][number]['share_of_all']): LeagueShareView {
  return { met: share.met, of: share.of, ...(share.percent !== null ? { percent: share.percent } : {}) };
}

/** The league table for the targets of `lastYear`, or of the latest year with any when not given. */
export async function getLeague(lastYear?: number): Promise<LeagueView> {
  const answer = await getJson<FollowUpLeagueJson>(`/api/follow-up/league${query({ year: lastYear })}`);
  return {
    ...(answer.last_year !== null ? { lastYear: answer.last_year } : {}),
    years: answer.years,
    rows: answer.rows.map((row) => ({
      rank: row.rank,
      regionCode: row.region_code,
      regionName: row.region_name,
      lastYear: row.last_year,
      thisYear: row.this_year,
      targets: row.targets,
      met: row.met,
      metByStatement: row.met_by_statement,
      missed: row.missed,
      notReported: row.not_reported,
      shareOfReported: toShare(row.share_of_reported),
      shareOfAll: toShare(row.share_of_all),
    })),
    unpaired: answer.unpaired.map((region) => ({ regionCode: region.region_code, regionName: region.region_name, missing: region.missing })),
    unmatched: answer.unmatched.map((region) => ({ regionCode: region.region_code, regionName: region.region_name, reason: region.reason })),
  };
}

/** Where the league table's infographic is drawn: SVG or PNG, in the page's language. */
export function leagueInfographicUrl(lastYear: number, format: 'svg' | 'png', locale: 'zh' | 'en'): string {
  return `/api/infographic/league/${lastYear}/league.${format}${query({ lang: locale })}`;
}
