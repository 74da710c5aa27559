/**
 * Draws the league table of promises kept as one self-contained SVG in the 民生账本's look: a red title band, the
 * year's totals, the share of targets kept per region as bars (Apache ECharts, server-side SVG), and the rule.
 * Example: renderLeagueInfographicSvg({ lastYear: 2030, thisYear: 2031, rows: [{ rank: 1, region: '乙市', … }] })
 * → '<svg …>…2030年各地目标兑现排行…100.0%…</svg>'.
 */
import * as echarts from 'echarts';
import type { LeagueRow } from '@duixian/core';
import { escapeXml, FONT, GOLD, INK, MUTED, RED, text, WIDTH, type InfographicOptions } from './livelihood-infographic.renderer.ts';

/** What the league infographic shows: the ranked rows of one year's targets. */
export interface LeagueInfographic {
  readonly lastYear: number;
  readonly thisYear: number;
  readonly rows: readonly Pick<LeagueRow, 'rank' | 'region' | 'met' | 'missed' | 'notReported' | 'shareOfReported'>[];
}

const WORDS = {
  zh: {
    title: (year: number) => `${year}年各地目标兑现排行`,
    subtitle: (year: number) => `对照${year}年政府工作报告所述结果`,
    totals: (regions: number, met: number, missed: number, silent: number) => [`${regions}个地区`, `已兑现 ${met} 项`, `未兑现 ${missed} 项`, `未报告 ${silent} 项`],
    chart: '兑现率（已兑现 ÷ 有结果的目标）',
    share: (percent: string | null, met: number, of: number) => (percent === null ? '无结果' : `${percent}%（${met}/${of}）`),
    rule: '未报告：次年报告没有提到结果的目标，不计入兑现率',
    footer: '兑现 duixian · 数据来自两年政府工作报告原文，可逐项核查',
  },
  en: {
    title: (year: number) => `Targets of ${year}: kept, by region`,
    subtitle: (year: number) => `against the results stated in the ${year} work reports`,
    totals: (regions: number, met: number, missed: number, silent: number) => [`${regions} regions`, `${met} kept`, `${missed} missed`, `${silent} not reported`],
    chart: 'Share kept (kept ÷ targets with a result)',
    share: (percent: string | null, met: number, of: number) => (percent === null ? 'no result' : `${percent}% (${met}/${of})`),
    rule: 'Not reported: targets the next report gives no result for; left out of the share',
    footer: 'duixian · from the text of both years’ work reports, checkable target by target',
  },
} as const;

/** The bars: one per region in rank order, with the exact one-decimal share as the label. */
function renderShareChart(data: LeagueInfographic, width: number, locale: 'zh' | 'en'): { svg: string; height: number } {
  const height = Math.max(120, 44 * data.rows.length + 20);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const words = WORDS[locale];
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: locale === 'zh' ? 170 : 150, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', show: false, max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.rows.map((row) => `${row.rank}  ${row.region}`),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { fontSize: 20, color: INK, fontFamily: FONT },
    },
    series: [
      {
        type: 'bar',
        barWidth: 24,
        // A bar needs a float to be drawn; the label prints the exact share text, so nothing shown is rounded twice.
        data: data.rows.map((row) => ({
          value: row.shareOfReported.percent === null ? 0 : Number(row.shareOfReported.percent),
          label: words.share(row.shareOfReported.percent, row.shareOfReported.met, row.shareOfReported.of),
        })),
        itemStyle: { color: RED, borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: 'right', fontSize: 20, fontWeight: 'bold', color: RED, fontFamily: FONT, formatter: (params: { data: { label: string } }) => params.data.label },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, height };
}

/**
 * @example renderLeagueInfographicSvg({ lastYear: 2030, thisYear: 2031, rows }, { locale: 'en' }) // '<svg …>Targets of 2030: kept, by region…'
 */
export function renderLeagueInfographicSvg(data: LeagueInfographic, options: InfographicOptions = {}): string {
  const locale = options.locale ?? 'zh';
  const words = WORDS[locale];
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${WIDTH}" height="150" fill="${RED}"/>`);
  parts.push(text(WIDTH / 2, 78, words.title(data.lastYear), 40, '#ffffff', { weight: 700, anchor: 'middle' }));
  parts.push(text(WIDTH / 2, 122, words.subtitle(data.thisYear), 22, GOLD, { anchor: 'middle' }));
  let y = 150;

  const sum = (pick: (row: LeagueInfographic['rows'][number]) => number) => data.rows.reduce((total, row) => total + pick(row), 0);
  const totals = words.totals(data.rows.length, sum((row) => row.met), sum((row) => row.missed), sum((row) => row.notReported));
  const top = y + 30;
  parts.push(`<rect x="30" y="${top}" width="${WIDTH - 60}" height="90" rx="16" fill="#fff5f5" stroke="${RED}" stroke-width="2"/>`);
  totals.forEach((line, index) => parts.push(text(30 + ((WIDTH - 60) / 4) * (index + 0.5), top + 56, line, 24, index === 0 ? INK : RED, { weight: 700, anchor: 'middle' })));
  y = top + 90;

  parts.push(text(40, y + 50, `■ ${words.chart}`, 24, INK, { weight: 700 }));
  const chart = renderShareChart(data, WIDTH - 80, locale);
  parts.push(`<g transform="translate(40 ${y + 70})">${chart.svg}</g>`);
  y += 70 + chart.height + 20;

  parts.push(text(40, y + 10, words.rule, 18, MUTED));
  y += 34;
  parts.push(text(40, y + 10, words.footer, 18, MUTED));
  y += 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(words.title(data.lastYear))}">`,
    `<title>${escapeXml(words.title(data.lastYear))}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
