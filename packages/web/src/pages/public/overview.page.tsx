/**
 * The 民生账本 of a region and year: total spending with growth, livelihood spending and its share, spending by area
 * as a bar chart, commitments by theme with red / yellow / green counts, projects delivered, and the infographic.
 * Example: #/r/630105/2023 → '21.98亿元 同比增长44.4% … 占财政总支出87.8%'.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { getOverview, infographicHref } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { CategoryFigure, HeadlineFigure, OverviewView } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import type { ChartOption } from '../../components/echart.tsx';
import { Figure } from '../../components/figure.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatQuantity } from '../../format/quantity.format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { Locale } from '../../i18n/locale.ts';
import { buildPath } from '../../router/route-match.ts';

// ECharts arrives in its own chunk: the headline figures render before the chart library has loaded.
const EChart = lazy(() => import('../../components/echart.tsx').then((module) => ({ default: module.EChart })));
import { SourceLink } from './source-link.tsx';

function HeadlineCard({ heading, figure, kind }: { readonly heading: string; readonly figure: HeadlineFigure; readonly kind: 'total' | 'livelihood' }) {
  const { t } = useI18n();
  return (
    <section className="card headline" aria-label={heading}>
      <p className="headline-label">■ {heading}</p>
      <strong className="headline-value">
        <Figure value={figure.amountYuan} unit="元" />
      </strong>
      <ul className="headline-lines">
        {figure.sharePercent ? (
          <li>
            {t('overview.livelihoodShare')} <strong><Figure value={figure.sharePercent} unit="%" /></strong>
          </li>
        ) : null}
        {figure.previousYear !== undefined && figure.previousAmountYuan ? (
          <li>
            {t('overview.previous', { year: figure.previousYear })} <strong><Figure value={figure.previousAmountYuan} unit="元" /></strong>
          </li>
        ) : null}
        {figure.growthPercent ? (
          <li>
            {t('overview.growth')} <strong><Figure value={figure.growthPercent} unit="%" /></strong>
          </li>
        ) : null}
        {figure.changeYuan ? (
          <li>
            {kind === 'total' ? t('overview.change') : t('overview.previous', { year: figure.previousYear ?? '' })}{' '}
            <strong><Figure value={figure.changeYuan} unit="元" /></strong>
          </li>
        ) : null}
      </ul>
      <SourceLink source={figure.source} label={figure.label} />
    </section>
  );
}

function categoryOption(categories: readonly CategoryFigure[], locale: Locale): ChartOption {
  const rows = [...categories].reverse();
  return {
    animation: false,
    grid: { left: 8, right: locale === 'zh' ? 80 : 120, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataIndex } = params as { dataIndex: number };
        const row = rows[dataIndex];
        if (!row) return '';
        const figure = formatQuantity(row.amountYuan, '元', locale);
        return `${row.label}<br/>${figure.short}<br/>${figure.exact}`;
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: rows.map((row) => row.label), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: '#1f2328', fontSize: 13 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        // ECharts needs a number to draw the bar; every printed figure comes from the exact string.
        data: rows.map((row) => Number(row.amountYuan)),
        itemStyle: { color: '#a4161a', borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: 'right',
          color: '#a4161a',
          fontWeight: 'bold',
          formatter: (params: unknown) => {
            const row = rows[(params as { dataIndex: number }).dataIndex];
            return row ? formatQuantity(row.amountYuan, '元', locale).short : '';
          },
        },
      },
    ],
  };
}

function Overview({ view }: { readonly view: OverviewView }) {
  const { t, locale } = useI18n();
  const { place } = view;
  useEffect(() => {
    performance.mark('duixian:overview-rendered');
  }, []);
  const option = useMemo(() => categoryOption(view.categories, locale), [view.categories, locale]);
  const description = view.categories
    .map((category) => `${category.label} ${formatQuantity(category.amountYuan, '元', locale).short}`)
    .join('；');
  return (
    <>
      <h1>{t('overview.heading', { region: place.regionName, year: place.year })}</h1>
      <div className="grid grid-2">
        {view.total ? <HeadlineCard heading={`${place.year} ${view.total.label}`} figure={view.total} kind="total" /> : null}
        {view.livelihood ? <HeadlineCard heading={`${place.year} ${view.livelihood.label}`} figure={view.livelihood} kind="livelihood" /> : null}
      </div>
      {view.categories.length > 0 ? (
        <section className="card" aria-labelledby="categories-heading">
          <h2 id="categories-heading">{t('overview.byCategory')}</h2>
          <Suspense fallback={<div style={{ height: Math.max(200, view.categories.length * 46) }} />}>
            <EChart option={option} label={t('overview.categoryChart')} description={description} height={Math.max(200, view.categories.length * 46)} />
          </Suspense>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('overview.byCategory')}</caption>
              <tbody>
                {view.categories.map((category) => (
                  <tr key={category.label}>
                    <th scope="row">{category.label}</th>
                    <td className="number"><Figure value={category.amountYuan} unit="元" /></td>
                    <td><SourceLink source={category.source} label={category.label} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="themes-heading">
          <h2 id="themes-heading">{t('overview.commitmentsByTheme')}</h2>
          {view.themes.length === 0 ? <p>{t('app.empty')}</p> : (
            <ul className="theme-list">
              {view.themes.map((theme) => (
                <li key={theme.name} className="theme-row">
                  <a href={`${buildPath('r', place.regionCode, place.year, 'commitments')}?theme=${encodeURIComponent(theme.name)}`}>
                    {theme.name}（{theme.total}）
                  </a>
                  <span className="counts">
                    <span className="badge badge-green"><span aria-hidden="true">● </span>{t('status.green')} {theme.green}</span>
                    <span className="badge badge-yellow"><span aria-hidden="true">▲ </span>{t('status.yellow')} {theme.yellow}</span>
                    <span className="badge badge-red"><span aria-hidden="true">■ </span>{t('status.red')} {theme.red}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {view.programme ? (
          <section className="card headline" aria-labelledby="programme-heading">
            <h2 id="programme-heading">{t('overview.projects')}</h2>
            <p className="headline-label">
              {view.programme.title}
              {view.programme.areaCount !== undefined || view.programme.projectCount !== undefined
                ? ` · ${t('overview.programmeScope', { areas: view.programme.areaCount ?? '—', projects: view.programme.projectCount ?? '—' })}`
                : ''}
            </p>
            {view.programme.deliveredCount !== undefined ? (
              <strong className="headline-value">
                {t('overview.projectsDelivered', { done: view.programme.deliveredCount, total: view.programme.projectCount ?? '—' })}
              </strong>
            ) : null}
            {view.programme.budgetYuan ? <p>{t('overview.invested')} <strong><Figure value={view.programme.budgetYuan} unit="元" /></strong></p> : null}
            <SourceLink source={view.programme.source} label={view.programme.title} />
          </section>
        ) : null}
      </div>
      <section className="card infographic" aria-labelledby="infographic-heading">
        <h2 id="infographic-heading">{t('overview.infographic')}</h2>
        <img src={infographicHref(place, 'svg', locale)} alt={t('overview.infographicAlt', { region: place.regionName, year: place.year })} width={750} />
        <div className="actions">
          <a className="button secondary" href={infographicHref(place, 'svg', locale)} download>{t('overview.downloadSvg')}</a>
          <a className="button secondary" href={infographicHref(place, 'png', locale)} download>{t('overview.downloadPng')}</a>
        </div>
      </section>
    </>
  );
}

export function OverviewPage({ regionCode, year }: { readonly regionCode: string; readonly year: number }) {
  const state = useApi(() => getOverview(regionCode, year), [regionCode, year]);
  return <AsyncView state={state}>{(view) => <Overview view={view} />}</AsyncView>;
}
