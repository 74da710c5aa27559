/**
 * The 通报's chart: each 责任单位's tasks as one horizontal bar stacked red / yellow / green, drawn with Apache ECharts'
 * server-side SVG renderer (as the 民生账本 infographic is), in the ranking's order from the top.
 * Example: renderBulletinChartSvg([{ unitName: '区林业和草原局', red: 1, yellow: 1, green: 1 }]) → '<svg …>…区林业和草原局…</svg>'.
 */
import * as echarts from 'echarts';
import type { UnitStanding } from './monthly-bulletin.service.ts';

export const CHART_WIDTH = 600;
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
const COLOURS = { red: '#c62828', yellow: '#f9a825', green: '#2e7d32' } as const;
const NAMES = { red: '红色（逾期、未完成）', yellow: '黄色（慢序时、临期）', green: '绿色（按序时、已完成）' } as const;

/** The chart's height for this many units: a row each, plus room for the legend. */
export function chartHeight(unitCount: number): number {
  return Math.max(140, 34 * unitCount + 70);
}

export function renderBulletinChartSvg(units: readonly Pick<UnitStanding, 'unitName' | 'red' | 'yellow' | 'green'>[]): string {
  const height = chartHeight(units.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  // ECharts draws a category axis from the bottom up: reversed, the first-ranked unit is the top bar.
  const rows = [...units].reverse();
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12, fontFamily: FONT } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
    yAxis: { type: 'category', data: rows.map((row) => row.unitName), axisTick: { show: false }, axisLabel: { fontSize: 12, color: '#000', fontFamily: FONT } },
    series: (['red', 'yellow', 'green'] as const).map((colour) => ({
      name: NAMES[colour],
      type: 'bar',
      stack: 'tasks',
      barWidth: 18,
      itemStyle: { color: COLOURS[colour] },
      label: { show: true, fontSize: 11, color: '#fff', formatter: (params: { value: number }) => (params.value > 0 ? String(params.value) : '') },
      data: rows.map((row) => row[colour]),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
