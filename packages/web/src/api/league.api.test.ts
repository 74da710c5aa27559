import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLeague, leagueInfographicUrl } from './league.api.ts';

afterEach(() => vi.unstubAllGlobals());

describe('getLeague', () => {
  it('asks for the year given and turns the answer into view rows, a share with nothing to divide by left without a percent', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (input: string) => {
      calls.push(input);
      const body = {
        last_year: 2030,
        years: [2030, 2029],
        rows: [
          {
            rank: 1, region_code: '990102', region_name: '乙市', last_year: 2030, this_year: 2031, targets: 2, met: 2, met_by_statement: 0, missed: 0, not_reported: 0,
            share_of_reported: { met: 2, of: 2, percent: '100.0' }, share_of_all: { met: 2, of: 2, percent: '100.0' },
          },
          {
            rank: 2, region_code: '990104', region_name: '丁市', last_year: 2030, this_year: 2031, targets: 3, met: 0, met_by_statement: 0, missed: 0, not_reported: 3,
            share_of_reported: { met: 0, of: 0, percent: null }, share_of_all: { met: 0, of: 3, percent: '0.0' },
          },
        ],
        unpaired: [{ region_code: '990103', region_name: '丙市', missing: 'this' }],
        unmatched: [{ region_code: '990105', region_name: '戊市', reason: '2030年报告中没有找到可以对照的目标' }],
      };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const view = await getLeague(2030);
    expect(calls).toEqual(['/api/follow-up/league?year=2030']);
    expect(view.lastYear).toBe(2030);
    expect(view.years).toEqual([2030, 2029]);
    expect(view.rows[0]).toMatchObject({ rank: 1, regionCode: '990102', regionName: '乙市', met: 2, shareOfReported: { met: 2, of: 2, percent: '100.0' } });
    expect(view.rows[1]!.shareOfReported).toEqual({ met: 0, of: 0 });
    expect(view.rows[1]!.shareOfAll).toEqual({ met: 0, of: 3, percent: '0.0' });
    expect(view.unpaired).toEqual([{ regionCode: '990103', regionName: '丙市', missing: 'this' }]);
    expect(view.unmatched).toEqual([{ regionCode: '990105', regionName: '戊市', reason: '2030年报告中没有找到可以对照的目标' }]);
  });

  it('asks for the latest year when none is given', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (input: string) => {
      calls.push(input);
      return new Response(JSON.stringify({ last_year: null, years: [], rows: [], unpaired: [], unmatched: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const view = await getLeague();
    expect(calls).toEqual(['/api/follow-up/league']);
    expect(view.lastYear).toBeUndefined();
  });
});

describe('leagueInfographicUrl', () => {
  it('names the year, the format and the language', () => {
    expect(leagueInfographicUrl(2030, 'png', 'en')).toBe('/api/infographic/league/2030/league.png?lang=en');
  });
});
