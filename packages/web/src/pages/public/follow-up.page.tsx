/**
 * Were last year's promises kept? A region's targets of one year judged by the next year's report: the counts of
 * kept / missed / not reported as a small chart, then a table with the target, the result, the verdict (按陈述完成 when
 * met by a completion statement rather than a figure) and links to the sentence in each report: #/r/110000/2025/follow-up → 2024年目标 against the 2025 report.
 */
import type { WarningColour } from '@duixian/core';
import { lazy, Suspense, useMemo } from 'react';
import { FOLLOW_UP_VERDICTS, getLatestFollowUp, type FollowUpFigureView, type FollowUpPairView, type FollowUpVerdict, type FollowUpView } from '../../api/follow-up.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import type { ChartOption } from '../../components/echart.tsx';
import { Figure } from '../../components/figure.tsx';
import { comparatorWords } from '@duixian/core';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { sourceHref } from './source-link.tsx';
import { VERDICT_LOOK, VerdictBadge, verdictKey } from './verdict-badge.tsx';

// ECharts arrives in its own chunk, as on the overview: the table renders before the chart library has loaded.
const EChart = lazy(() => import('../../components/echart.tsx').then((module) => ({ default: module.EChart })));

/** The figure as its value the Chinese way when it is one number, else as written; its comparator as words (不低于90%). */
function FigureText({ figure }: { readonly figure: FollowUpFigureView }) {
  const { locale } = useI18n();
  const { before, after } = comparatorWords(figure.comparator, locale, figure.unit);
  return (
    <>
      {before}
      {figure.value !== undefined && figure.valueHigh === undefined ? <Figure value={figure.value} unit={figure.unit} /> : figure.text}
      {after}
    </>
  );
}

/** A result figure, or the completion statement a target was met by, quoted as the report words it. */
function ResultText({ pair, result }: { readonly pair: FollowUpPairView; readonly result: FollowUpFigureView }) {
  if (pair.basis === 'statement') return <span lang="zh-CN">“{result.text}”</span>;
  return <FigureText figure={result} />;
}

function countOption(view: FollowUpView, label: (verdict: FollowUpVerdict) => string): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: FOLLOW_UP_VERDICTS.map(label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#1f2328', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        data: FOLLOW_UP_VERDICTS.map((verdict) => ({ value: view.counts[verdict], itemStyle: { color: VERDICT_LOOK[verdict].hex, borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', fontWeight: 'bold' },
      },
    ],
  };
}

function FollowUpTable({ view }: { readonly view: FollowUpView }) {
  const { t } = useI18n();
  const thisYear = view.thisYear ?? view.lastYear + 1;
  return (
    <div className="table-scroll">
      {/* On a phone each row stacks into a block, each cell named by its column (data-label), so no column is squeezed. */}
      <table className="stack-on-phone">
        <caption className="visually-hidden">{t('followUp.tableCaption', { lastYear: view.lastYear, thisYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followUp.metric')}</th>
            <th scope="col">{t('followUp.target', { year: view.lastYear })}</th>
            <th scope="col">{t('followUp.result', { year: view.lastYear })}</th>
            <th scope="col">{t('followUp.verdict')}</th>
            <th scope="col">{t('followUp.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {view.pairs.map((pair) => (
            <tr key={pair.id}>
              <th scope="row">
                {pair.commitmentId !== undefined ? <a href={`#/commitments/${pair.commitmentId}`}>{pair.metric}</a> : pair.metric}
              </th>
              <td className="number" data-label={t('followUp.target', { year: view.lastYear })}><FigureText figure={pair.target} /></td>
              {/* A statement is words, not a number: it wraps, so a phone keeps room for the metric. */}
              <td className={pair.basis === 'statement' ? undefined : 'number'} data-label={t('followUp.result', { year: view.lastYear })}>{pair.result ? <ResultText pair={pair} result={pair.result} /> : '—'}</td>
              <td data-label={t('followUp.verdict')}>
                <VerdictBadge verdict={pair.verdict} basis={pair.basis} />
                <p className="meta" lang="zh-CN">{pair.explanation}</p>
              </td>
              <td data-label={t('followUp.sources')}>
                <a className="source-link" href={sourceHref(pair.target.source)} aria-label={t('followUp.targetSentence', { year: view.lastYear, metric: pair.metric })}>
                  {t('followUp.report', { year: view.lastYear })}
                </a>
                {pair.result ? (
                  <>
                    {' · '}
                    <a className="source-link" href={sourceHref(pair.result.source)} aria-label={t('followUp.resultSentence', { year: thisYear, metric: pair.metric })}>
                      {t('followUp.report', { year: thisYear })}
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FollowUp({ view }: { readonly view: FollowUpView }) {
  const { t, locale } = useI18n();
  const label = (verdict: FollowUpVerdict) => t(verdictKey(verdict));
  // The option depends on the language through its labels.
  const option = useMemo(() => countOption(view, label), [view, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  if (view.pairs.length === 0) {
    return <p>{t('followUp.none', { region: view.regionName })}</p>;
  }
  const thisYear = view.thisYear ?? view.lastYear + 1;
  const description = FOLLOW_UP_VERDICTS.map((verdict) => `${label(verdict)} ${view.counts[verdict]}`).join('；');
  return (
    <>
      <p className="meta">
        {t('followUp.lede', { region: view.regionName, lastYear: view.lastYear, thisYear })}
        {' '}
        {view.lastDocuments.map((document) => (
          <a key={`last-${document.id}`} href={`#/documents/${document.id}`}>《{document.title}》</a>
        ))}
        {' → '}
        {view.thisDocuments.map((document) => (
          <a key={`this-${document.id}`} href={`#/documents/${document.id}`}>《{document.title}》</a>
        ))}
      </p>
      <section className="card" aria-labelledby="follow-up-counts">
        <h2 id="follow-up-counts">{t('followUp.counts', { total: view.pairs.length })}</h2>
        <Suspense fallback={<div style={{ height: 140 }} />}>
          <EChart option={option} label={t('followUp.chart', { lastYear: view.lastYear })} description={description} height={140} />
        </Suspense>
        {view.metByStatement > 0 ? <p className="meta">{t('followUp.metByStatement', { count: view.metByStatement })}</p> : null}
      </section>
      <section className="card" aria-labelledby="follow-up-pairs">
        <h2 id="follow-up-pairs">{t('followUp.tableHeading', { lastYear: view.lastYear })}</h2>
        <FollowUpTable view={view} />
      </section>
    </>
  );
}

export function FollowUpPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const state = useApi(() => getLatestFollowUp(place.regionCode, place.year), [place.regionCode, place.year]);
  return (
    <>
      <h1>{t('followUp.heading')}</h1>
      <AsyncView state={state}>{(view) => <FollowUp view={view} />}</AsyncView>
    </>
  );
}
