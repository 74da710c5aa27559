/**
 * Which regions kept last year's promises? The league table of every region with two consecutive work reports
 * imported: a chart of the share of targets kept per region, then the ranking; each count opens that region's pairs
 * with the two sentences. Example: #/league/2030 → 1 乙市 100.0%, 2 甲市 66.7%; #/league/2030?region=990101&verdict=missed.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { FOLLOW_UP_VERDICTS, type FollowUpVerdict } from '../../api/follow-up.api.ts';
import { getLeague, leagueInfographicUrl, type LeagueRowView, type LeagueShareView, type LeagueView } from '../../api/league.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import type { ChartOption } from '../../components/echart.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { buildPath } from '../../router/route-match.ts';
import { navigate } from '../../router/use-hash-path.ts';
import { LeagueRegion } from './league-region.tsx';
import { VERDICT_LOOK, verdictKey } from './verdict-badge.tsx';

// ECharts arrives in its own chunk, as on the other pages: the ranking renders before the chart library has loaded.
const EChart = lazy(() => import('../../components/echart.tsx').then((module) => ({ default: module.EChart })));

const COUNT_OF: Readonly<Record<FollowUpVerdict, (row: LeagueRowView) => number>> = {
  met: (row) => row.met,
  missed: (row) => row.missed,
  not_reported: (row) => row.notReported,
};

/** The league page's address: year, and the region and verdict opened. */
export function leagueHref(lastYear: number, regionCode?: string, verdict?: FollowUpVerdict): string {
  const search = new URLSearchParams();
  if (regionCode) search.set('region', regionCode);
  if (verdict) search.set('verdict', verdict);
  const query = search.toString();
  return `${buildPath('league', lastYear)}${query ? `?${query}` : ''}`;
}

function shareOption(view: LeagueView, label: (share: LeagueShareView) => string): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', show: false, max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: view.rows.map((row) => row.regionName),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#1f2328', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        // A bar needs a float to be drawn; its label prints the server's exact one-decimal text.
        data: view.rows.map((row) => ({
          value: row.shareOfReported.percent === undefined ? 0 : Number(row.shareOfReported.percent),
          itemStyle: { color: VERDICT_LOOK.met.hex, borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right', fontWeight: 'bold', formatter: () => label(row.shareOfReported) },
        })),
        cursor: 'pointer',
      },
    ],
  };
}

function ShareText({ share }: { readonly share: LeagueShareView }) {
  const { t } = useI18n();
  if (share.percent === undefined) return <>{t('league.shareNone')}</>;
  return (
    <>
      <strong>{t('league.share', { percent: share.percent })}</strong>
      <span className="league-fraction"> {share.met}/{share.of}</span>
    </>
  );
}

function LeagueTable({ view, lastYear, thisYear }: { readonly view: LeagueView; readonly lastYear: number; readonly thisYear: number }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="league-table">
        <caption className="visually-hidden">{t('league.tableCaption', { lastYear, thisYear })}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">{t('league.rank')}</th>
            <th scope="col">{t('league.region')}</th>
            <th scope="col" className="number league-narrow-hidden">{t('league.targets')}</th>
            {FOLLOW_UP_VERDICTS.map((verdict) => (
              <th scope="col" className="number" key={verdict}>{t(verdictKey(verdict))}</th>
            ))}
            <th scope="col" className="number">{t('league.shareOfReported')}</th>
            <th scope="col" className="number">{t('league.shareOfAll')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.regionCode}>
              <td className="number">{row.rank}</td>
              <th scope="row">
                <a href={leagueHref(lastYear, row.regionCode)}>{row.regionName}</a>
              </th>
              <td className="number league-narrow-hidden">{row.targets}</td>
              {FOLLOW_UP_VERDICTS.map((verdict) => (
                <td className="number" key={verdict}>
                  <a
                    href={leagueHref(lastYear, row.regionCode, verdict)}
                    aria-label={t('league.cellLink', { region: row.regionName, verdict: t(verdictKey(verdict)), count: COUNT_OF[verdict](row) })}
                  >
                    {COUNT_OF[verdict](row)}
                  </a>
                  {verdict === 'met' && row.metByStatement > 0 ? <span className="league-fraction"> ({t('league.byStatement', { count: row.metByStatement })})</span> : null}
                </td>
              ))}
              <td className="number"><ShareText share={row.shareOfReported} /></td>
              <td className="number"><ShareText share={row.shareOfAll} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function League({ view, regionCode, verdict }: { readonly view: LeagueView; readonly regionCode?: string | undefined; readonly verdict?: FollowUpVerdict | undefined }) {
  const { t, locale } = useI18n();
  const label = (share: LeagueShareView) => (share.percent === undefined ? t('league.shareNone') : t('league.share', { percent: share.percent }));
  // The option depends on the language through its labels.
  const option = useMemo(() => shareOption(view, label), [view, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (regionCode) document.getElementById('league-region-heading')?.scrollIntoView({ block: 'start' });
  }, [regionCode, verdict]);
  const lastYear = view.lastYear;
  if (lastYear === undefined || view.rows.length === 0) return <p>{t('league.none')}</p>;
  const thisYear = view.rows[0]?.thisYear ?? lastYear + 1;
  const description = view.rows.map((row) => `${row.rank}. ${row.regionName} ${label(row.shareOfReported)}`).join('；');
  return (
    <>
      <p className="meta">{t('league.lede', { lastYear, thisYear })}</p>
      {view.years.length > 1 ? (
        <p>
          <label>
            {t('league.year')}{' '}
            <select value={lastYear} onChange={(event) => navigate(leagueHref(Number(event.target.value)))}>
              {view.years.map((year) => (
                <option key={year} value={year}>{t('league.yearOption', { lastYear: year, thisYear: year + 1 })}</option>
              ))}
            </select>
          </label>
        </p>
      ) : null}
      {regionCode ? (
        <>
          <p><a href={leagueHref(lastYear)}>← {t('league.back')}</a></p>
          <LeagueRegion regionCode={regionCode} lastYear={lastYear} verdict={verdict} hrefFor={(next) => leagueHref(lastYear, regionCode, next)} />
        </>
      ) : null}
      <section className="card" aria-labelledby="league-chart">
        <h2 id="league-chart">{t('league.chartHeading')}</h2>
        <Suspense fallback={<div style={{ height: 28 * view.rows.length + 24 }} />}>
          <EChart
            option={option}
            label={t('league.chart', { lastYear })}
            description={description}
            height={28 * view.rows.length + 24}
            onItemClick={(index) => {
              const row = view.rows[index];
              if (row) navigate(leagueHref(lastYear, row.regionCode));
            }}
          />
        </Suspense>
      </section>
      <section className="card" aria-labelledby="league-ranking">
        <h2 id="league-ranking">{t('league.tableHeading')}</h2>
        <LeagueTable view={view} lastYear={lastYear} thisYear={thisYear} />
        <p className="meta">{t('league.shareRule')}</p>
      </section>
      {view.unpaired.length > 0 ? (
        <section className="card" aria-labelledby="league-unpaired">
          <h2 id="league-unpaired">{t('league.unpaired')}</h2>
          <ul>
            {view.unpaired.map((region) => (
              <li key={region.regionCode}>
                {region.regionName}：{t(region.missing === 'last' ? 'league.missing.last' : 'league.missing.this', { year: region.missing === 'last' ? lastYear : thisYear })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.unmatched.length > 0 ? (
        <section className="card" aria-labelledby="league-unmatched">
          <h2 id="league-unmatched">{t('league.unmatched')}</h2>
          <p className="meta">{t('league.unmatchedNote', { year: lastYear })}</p>
          <ul>
            {view.unmatched.map((region) => (
              <li key={region.regionCode}>{region.regionName}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card infographic" aria-labelledby="league-infographic">
        <h2 id="league-infographic">{t('league.download')}</h2>
        <img src={leagueInfographicUrl(lastYear, 'svg', locale)} alt={t('league.chart', { lastYear })} width={750} loading="lazy" />
        <div className="actions">
          <a className="button secondary" href={leagueInfographicUrl(lastYear, 'svg', locale)} download>{t('league.downloadSvg')}</a>
          <a className="button secondary" href={leagueInfographicUrl(lastYear, 'png', locale)} download>{t('league.downloadPng')}</a>
        </div>
      </section>
    </>
  );
}

function toVerdict(text: string | null): FollowUpVerdict | undefined {
  return FOLLOW_UP_VERDICTS.find((verdict) => verdict === text);
}

export function LeaguePage({ year, query }: { readonly year?: number | undefined; readonly query: URLSearchParams }) {
  const { t } = useI18n();
  const state = useApi(() => getLeague(year), [year]);
  const regionCode = query.get('region') ?? undefined;
  return (
    <>
      <h1>{t('league.heading')}</h1>
      <AsyncView state={state}>{(view) => <League view={view} regionCode={regionCode} verdict={toVerdict(query.get('verdict'))} />}</AsyncView>
    </>
  );
}
