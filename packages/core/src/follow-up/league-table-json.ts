/**
 * The `duixian follow-up --pairs --json` contract: the league table as plain JSON, shares as their two counts and a
 * percent written with one decimal. Example row: { rank: 1, region: '北京市', lastYear: 2025, thisYear: 2026,
 * targets: 40, met: 30, metByStatement: 0, missed: 2, notReported: 8, shareOfReported: { met: 30, of: 32, percent: '93.8' }, … }.
 */
import type { LeagueTable } from './league-table.ts';

/**
 * Builds the JSON object of a league table: `{ rows: [...], unpaired: [...], failures: [...] }`.
 * @example JSON.stringify(toLeagueTableJson(rankLeagueTable(entries)).rows[0].shareOfReported)
 * // '{"met":30,"of":32,"percent":"93.8"}'
 */
export function toLeagueTableJson(table: LeagueTable): Record<string, unknown> {
  return {
    rows: table.rows.map((row) => ({
      rank: row.rank,
      region: row.region,
      ...(row.regionCode === undefined ? {} : { regionCode: row.regionCode }),
      lastYear: row.lastYear,
      thisYear: row.thisYear,
      targets: row.targets,
      met: row.met,
      metByStatement: row.metByStatement,
      missed: row.missed,
      notReported: row.notReported,
      shareOfReported: { ...row.shareOfReported },
      shareOfAll: { ...row.shareOfAll },
    })),
    unpaired: table.unpaired.map((region) => ({ ...region })),
    failures: table.failures.map((failure) => ({ ...failure })),
  };
}
