/**
 * Draws the 民生账本 infographic as one self-contained SVG, in the seed page's layout: headline spending with growth,
 * the livelihood share, spending by area as a bar chart (Apache ECharts, server-side SVG), and the projects delivered.
 * Example: renderLivelihoodInfographicSvg({ regionName: '城北区', year: 2023, … }) → '<svg …>…21.98亿元…</svg>'.
 */
import * as echarts from 'echarts';
import { formatRoundedYuan } from '@duixian/core';
import type { LivelihoodInfographic } from './livelihood-infographic.ts';

export const WIDTH = 750;
export const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const RED = '#a4161a';
export const INK = '#1f2328';
export const MUTED = '#57606a';
export const GOLD = '#f6d365';

export interface InfographicOptions {
  readonly locale?: 'zh' | 'en';
}

/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One line of SVG text, escaped; shared by the infographics. */
export function text(x: number, y: number, content: string, size: number, fill: string, options: { weight?: number; anchor?: string } = {}): string {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" font-weight="${options.weight ?? 400}" text-anchor="${options.anchor ?? 'start'}">${escapeXml(content)}</text>`;
}

const WORDS = {
  zh: {
    title: (region: string, year: number) => `${region}${year}年民生账本`,
    total: (year: number, label: string) => `${year}年${label}`,
    previous: (year: number, amount: string) => `较${year}年 ${amount}`,
    growth: (percent: string) => `同比增长 ${percent}%`,
    decline: (percent: string) => `同比下降 ${percent}%`,
    change: (amount: string) => `增支 ${amount}`,
    livelihood: (year: number, label: string) => `${year}年${label}`,
    share: (percent: string) => `占财政总支出 ${percent}%`,
    livelihoodChange: (amount: string) => `增加 ${amount}`,
    categories: '各领域民生支出',
    programme: (projects: string) => `为民办实事项目 ${projects}`,
    projects: (areas?: number, count?: number) => `${areas !== undefined ? `${areas}个方面` : ''}${count !== undefined ? `${count}项` : ''}`,
    delivered: (done: number, total?: number) => `已兑现 ${done}${total !== undefined ? ` / ${total}` : ''} 项`,
    invested: (amount: string) => `投资 ${amount}`,
    source: (source: string) => `数据来源：${source}`,
    footer: '兑现 duixian · 数据来自数据库，可核查',
  },
  en: {
    title: (region: string, year: number) => `${region} livelihood ledger ${year}`,
    total: (year: number, label: string) => `${label}, ${year}`,
    previous: (year: number, amount: string) => `${year}: ${amount}`,
    growth: (percent: string) => `up ${percent}% year on year`,
    decline: (percent: string) => `down ${percent}% year on year`,
    change: (amount: string) => `+${amount}`,
    livelihood: (year: number, label: string) => `${label}, ${year}`,
    share: (percent: string) => `${percent}% of total spending`,
    livelihoodChange: (amount: string) => `+${amount}`,
    categories: 'Livelihood spending by area',
    programme: (projects: string) => `Livelihood projects: ${projects}`,
    projects: (areas?: number, count?: number) => `${count ?? ''}${areas !== undefined ? ` in ${areas} areas` : ''}`,
    delivered: (done: number, total?: number) => `${done}${total !== undefined ? ` of ${total}` : ''} delivered`,
    invested: (amount: string) => `invested ${amount}`,
    source: (source: string) => `Source: ${source}`,
    footer: 'duixian · figures from the database, checkable',
  },
} as const;

/** Draws the categories as horizontal bars with ECharts' server-side SVG renderer; returns the inner <svg>. */
function renderCategoryChart(categories: LivelihoodInfographic['categories'], width: number, locale: 'zh' | 'en'): { svg: string; height: number } {
  const height = Math.max(160, 56 * categories.length + 40);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  // Bars need a float to be drawn; the label prints the exact decimal string, so nothing shown is rounded twice.
  const rows = [...categories].reverse();
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: locale === 'zh' ? 120 : 190, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((row) => row.label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { fontSize: 20, color: INK, fontFamily: FONT },
    },
    series: [
      {
        type: 'bar',
        barWidth: 26,
        data: rows.map((row) => ({ value: Number(row.amountYuan), label: formatRoundedYuan(row.amountYuan, locale) })),
        itemStyle: { color: RED, borderRadius: [0, 6, 6, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 20,
          fontWeight: 'bold',
          color: RED,
          fontFamily: FONT,
          formatter: (params: { data: { label: string } }) => params.data.label,
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, height };
}

/** Renders the whole infographic; every figure is the database's exact value written with 亿 / 万. */
export function renderLivelihoodInfographicSvg(data: LivelihoodInfographic, options: InfographicOptions = {}): string {
  const locale = options.locale ?? 'zh';
  const words = WORDS[locale];
  const amount = (value: string) => formatRoundedYuan(value, locale);
  const parts: string[] = [];
  let y = 0;

  parts.push(`<rect x="0" y="0" width="${WIDTH}" height="130" fill="${RED}"/>`);
  parts.push(text(WIDTH / 2, 82, words.title(data.regionName, data.year), 44, '#ffffff', { weight: 700, anchor: 'middle' }));
  y = 130;

  const block = (title: string, headline: string, lines: readonly string[]) => {
    const top = y + 30;
    const height = 120 + lines.length * 34;
    parts.push(`<rect x="30" y="${top}" width="${WIDTH - 60}" height="${height}" rx="16" fill="#fff5f5" stroke="${RED}" stroke-width="2"/>`);
    parts.push(`<rect x="30" y="${top}" width="12" height="${height}" rx="6" fill="${RED}"/>`);
    parts.push(text(66, top + 44, `■ ${title}`, 24, INK, { weight: 700 }));
    parts.push(text(66, top + 104, headline, 56, RED, { weight: 700 }));
    lines.forEach((line, index) => parts.push(text(66, top + 146 + index * 34, line, 24, MUTED)));
    y = top + height;
  };

  if (data.total) {
    const total = data.total;
    const lines: string[] = [];
    const first: string[] = [];
    if (total.previousYear !== undefined && total.previousAmountYuan) first.push(words.previous(total.previousYear, amount(total.previousAmountYuan)));
    if (total.growthPercent) first.push(total.growthPercent.startsWith('-') ? words.decline(total.growthPercent.slice(1)) : words.growth(total.growthPercent));
    if (first.length) lines.push(first.join('　'));
    if (total.changeYuan) lines.push(words.change(amount(total.changeYuan)));
    block(words.total(data.year, total.label), amount(total.amountYuan), lines);
  }
  if (data.livelihood) {
    const livelihood = data.livelihood;
    const lines: string[] = [];
    if (livelihood.sharePercent) lines.push(words.share(livelihood.sharePercent));
    const second: string[] = [];
    if (livelihood.changeYuan) second.push(words.livelihoodChange(amount(livelihood.changeYuan)));
    if (livelihood.growthPercent) second.push(words.growth(livelihood.growthPercent));
    if (second.length) lines.push(second.join('　'));
    block(words.livelihood(data.year, livelihood.label), amount(livelihood.amountYuan), lines);
  }
  if (data.categories.length > 0) {
    const top = y + 30;
    parts.push(text(40, top + 30, `■ ${words.categories}`, 24, INK, { weight: 700 }));
    const chart = renderCategoryChart(data.categories, WIDTH - 80, locale);
    parts.push(`<g transform="translate(40 ${top + 50})">${chart.svg}</g>`);
    y = top + 50 + chart.height;
  }
  if (data.programme) {
    const programme = data.programme;
    const top = y + 30;
    // Delivered count on its own line, the amount invested under it: no two texts share a line, in either language.
    const height = programme.budgetYuan ? 196 : 150;
    parts.push(`<rect x="30" y="${top}" width="${WIDTH - 60}" height="${height}" rx="16" fill="${RED}"/>`);
    parts.push(text(60, top + 50, words.programme(words.projects(programme.areaCount, programme.projectCount)), 28, '#ffffff', { weight: 700 }));
    if (programme.deliveredCount !== undefined) {
      parts.push(text(60, top + 108, words.delivered(programme.deliveredCount, programme.projectCount), 44, GOLD, { weight: 700 }));
    }
    if (programme.budgetYuan) parts.push(text(60, top + 160, words.invested(amount(programme.budgetYuan)), 26, '#ffffff'));
    y = top + height;
  }
  y += 30;
  if (data.source) {
    parts.push(text(40, y + 10, words.source(data.source), 18, MUTED));
    y += 34;
  }
  parts.push(text(40, y + 10, words.footer, 18, MUTED));
  y += 40;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(words.title(data.regionName, data.year))}">`,
    `<title>${escapeXml(words.title(data.regionName, data.year))}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
