/**
 * A region's budget: spending by category year over year (grouped bars), a treemap by functional classification code
 * — both drawn from the totals the server sums exactly over every line — and the budget lines (the first page, with
 * how many there are) each with a link to the sentence it came from. Example: #/r/630105/2023/budget.
 */
import { useMemo } from 'react';
import { TreemapChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { getBudget } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { BudgetLineView, BudgetView, Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { Figure } from '../../components/figure.tsx';
import { formatQuantity } from '../../format/quantity.format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { Locale } from '../../i18n/locale.ts';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { navigate } from '../../router/use-hash-path.ts';
import { SourceLink, sourceHref } from './source-link.tsx';

use([TreemapChart]);

/** Dark enough for white labels (contrast ≥ 4.5:1). */
const TREEMAP_COLOURS = ['#a4161a', '#0550ae', '#1a7f37', '#8a4600', '#6f42c1', '#57606a', '#0e6e6e'];

function yearOverYearOption(budget: BudgetView, locale: Locale): { option: ChartOption; description: string; height: number; sourceAt: (seriesIndex: number, dataIndex: number) => BudgetLineView['source'] } {
  // Totals first, then the livelihood figure, then its categories: every year the database has is a series.
  const scopeRank: Record<string, number> = { total: 0, livelihood: 1, category: 2 };
  const ordered = [...budget.byLabel].sort((a, b) => (scopeRank[a.scope] ?? 3) - (scopeRank[b.scope] ?? 3));
  const years = [...new Set(ordered.map((row) => row.year))].sort();
  const labels = [...new Set(ordered.map((row) => row.label))];
  // The server's sums, exact: the browser adds nothing.
  const amount = (year: number, label: string) => ordered.find((row) => row.year === year && row.label === label)?.amountYuan;
  const description = years
    .map((year) => `${year}: ${labels.map((label) => { const value = amount(year, label); return value ? `${label} ${formatQuantity(value, '元', locale).short}` : ''; }).filter(Boolean).join('；')}`)
    .join('。');
  const option: ChartOption = {
    animation: false,
    // The latest year in red, earlier years in quieter colours.
    color: years.map((_, index) => (index === years.length - 1 ? '#a4161a' : '#8c959f')),
    legend: { top: 0 },
    grid: { left: 8, right: locale === 'zh' ? 70 : 110, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { seriesName, name, seriesIndex } = params as { seriesName: string; name: string; seriesIndex: number };
        const value = amount(years[seriesIndex] ?? 0, name);
        if (!value) return '';
        const figure = formatQuantity(value, '元', locale);
        return `${seriesName} ${name}<br/>${figure.short}<br/>${figure.exact}`;
      },
    },
    // Horizontal bars: long Chinese labels stay readable on a phone.
    yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: { color: '#1f2328', width: 128, overflow: 'break' } },
    xAxis: { type: 'value', show: false },
    series: years.map((year) => ({
      name: String(year),
      type: 'bar' as const,
      barMaxWidth: 18,
      // Numbers only to size the bars; labels and tooltips print the exact strings.
      data: labels.map((label) => { const value = amount(year, label); return value === undefined ? null : Number(value); }),
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 11,
        color: '#1f2328',
        formatter: (params: unknown) => {
          const { name } = params as { name: string };
          const value = amount(year, name);
          return value ? formatQuantity(value, '元', locale).short : '';
        },
      },
    })),
  };
  // A bar leads to the sentence its figure came from (when one of the listed lines is it).
  const sourceAt = (seriesIndex: number, dataIndex: number) =>
    budget.lines.find((line) => line.year === years[seriesIndex] && line.label === labels[dataIndex] && line.source)?.source;
  return { option, description, height: 60 + labels.length * Math.max(1, years.length) * 24, sourceAt };
}

function treemapOption(budget: BudgetView, placeYear: number, locale: Locale): { option: ChartOption; description: string; year: number } | undefined {
  // The latest year up to the page's year that has coded lines (a year's report tells last year's spending).
  const codedYears = budget.byClass.filter((row) => row.year <= placeYear).map((row) => row.year);
  if (codedYears.length === 0) return undefined;
  const year = Math.max(...codedYears);
  const groups = budget.byClass
    .filter((row) => row.year === year)
    .map((row) => ({
      name: `${row.functionalCode} ${row.functionalName ?? ''}`.trim(),
      amount: row.amountYuan,
      children: budget.byClassAndLabel.filter((leaf) => leaf.year === year && leaf.functionalCode === row.functionalCode),
    }));
  const exactByName = new Map<string, string>();
  // Leaves are the report's own labels; each also shows the functional class it was mapped to.
  const codeByLeaf = new Map<string, string>();
  const data = groups.map((group, index) => {
    exactByName.set(group.name, group.amount);
    return {
      name: group.name,
      itemStyle: { color: TREEMAP_COLOURS[index % TREEMAP_COLOURS.length] },
      value: Number(group.amount),
      children: group.children.map((leaf) => {
        exactByName.set(leaf.label, leaf.amountYuan);
        codeByLeaf.set(leaf.label, group.name);
        return { name: leaf.label, value: Number(leaf.amountYuan) };
      }),
    };
  });
  const show = (name: string) => {
    const exact = exactByName.get(name);
    return exact ? formatQuantity(exact, '元', locale).short : '';
  };
  return {
    year,
    description: groups.map((group) => `${group.name} ${formatQuantity(group.amount, '元', locale).short}`).join('；'),
    option: {
      animation: false,
      tooltip: { formatter: (params: unknown) => { const { name } = params as { name: string }; const exact = exactByName.get(name); return exact ? `${name}<br/>${show(name)}<br/>${formatQuantity(exact, '元', locale).exact}` : name; } },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          top: 0,
          left: 0,
          label: { show: true, fontSize: 12, lineHeight: 17, formatter: (params: unknown) => { const { name } = params as { name: string }; const code = codeByLeaf.get(name); return `${name}\n${code ? `${code}\n` : ''}${show(name)}`; } },
          upperLabel: { show: true, height: 22, color: '#fff', formatter: (params: unknown) => { const { name } = params as { name: string }; return `${name} ${show(name)}`; } },
          levels: [{ itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 } }, { itemStyle: { gapWidth: 1, borderColor: 'rgba(255,255,255,0.6)', borderWidth: 1 } }],
          data,
        },
      ],
    },
  };
}

function Budget({ budget, place }: { readonly budget: BudgetView; readonly place: Place }) {
  const { t, locale } = useI18n();
  const years = useMemo(() => yearOverYearOption(budget, locale), [budget, locale]);
  const treemap = useMemo(() => treemapOption(budget, place.year, locale), [budget, place.year, locale]);
  return (
    <>
      <section className="card" aria-labelledby="yoy-heading">
        <h2 id="yoy-heading">{t('budget.yearOverYear')}</h2>
        <EChart
          option={years.option}
          label={t('budget.yearOverYear')}
          description={years.description}
          height={years.height}
          onItemClick={(dataIndex, _name, seriesIndex) => {
            const source = years.sourceAt(seriesIndex, dataIndex);
            if (source) navigate(sourceHref(source));
          }}
        />
      </section>
      {treemap ? (
        <section className="card" aria-labelledby="treemap-heading">
          <h2 id="treemap-heading">{t('budget.treemap')}（{treemap.year}）</h2>
          <EChart option={treemap.option} label={t('budget.treemap')} description={treemap.description} height={360} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t('budget.lines')}</h2>
        {budget.totalLines > budget.lines.length ? (
          <p>{t('budget.linesShown', { shown: budget.lines.length, total: budget.totalLines })}</p>
        ) : null}
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('app.year')}</th>
                <th scope="col">{t('budget.label')}</th>
                <th scope="col" className="number">{t('budget.amount')}</th>
                <th scope="col" className="hide-narrow">{t('budget.code')}</th>
                <th scope="col" className="hide-narrow">{t('budget.phase')}</th>
                <th scope="col">{t('budget.sourceSentence')}</th>
              </tr>
            </thead>
            <tbody>
              {budget.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.year}</td>
                  <th scope="row">{line.label}</th>
                  <td className="number"><Figure value={line.amountYuan} unit="元" /></td>
                  <td className="hide-narrow">{line.functionalCode ? `${line.functionalCode} ${line.functionalName ?? ''}` : '—'}</td>
                  <td className="hide-narrow">{t(`phase.${line.phase}` as MessageKey)}</td>
                  <td><SourceLink source={line.source} label={line.label} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export function BudgetPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const state = useApi(() => getBudget(place.regionCode), [place.regionCode]);
  return (
    <>
      <h1>{t('budget.heading', { region: place.regionName })}</h1>
      <AsyncView state={state}>{(budget) => (budget.totalLines > 0 ? <Budget budget={budget} place={place} /> : <p>{t('app.empty')}</p>)}</AsyncView>
    </>
  );
}
