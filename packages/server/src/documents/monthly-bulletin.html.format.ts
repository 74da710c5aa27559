/**
 * The monthly 通报 as a printable page: summary by colour with the chart, the units ranked, the overdue tasks named,
 * the demands, the issuing office and date. Example: renderMonthlyBulletinHtml(bulletin, svg) → '<!doctype html>…通报…'.
 */
import type { MonthlyBulletin } from './monthly-bulletin.service.ts';
import { escapeHtml, renderOfficialPage, renderTable } from './official-html.format.ts';
import { BULLETIN_DEMANDS, BULLETIN_HEADINGS, CAPTIONS, bulletinOverdueLead, bulletinRankingHeading, bulletinRankingRows, bulletinReporting, bulletinSummary, bulletinTitle, chineseDate } from './official-wording.ts';

export function renderMonthlyBulletinHtml(bulletin: MonthlyBulletin, chartSvg: string): string {
  const ranking = bulletinRankingRows(bulletin);
  const overdue = bulletin.overdue.map((task, index) => [
    { text: String(index + 1), number: true as const },
    task.title,
    task.unitName,
    { text: chineseDate(task.deadline), nowrap: true as const },
    { text: `${task.daysLate}天`, number: true as const },
  ]);
  const body = [
    `<h2>${escapeHtml(BULLETIN_HEADINGS.overall)}</h2>`,
    `<p>${escapeHtml(bulletinSummary(bulletin))}</p>`,
    `<p>${escapeHtml(bulletinReporting(bulletin))}</p>`,
    bulletin.units.length > 0 ? `<figure aria-label="${escapeHtml(CAPTIONS.chart)}">${chartSvg}</figure>` : '',
    `<h2>${escapeHtml(bulletinRankingHeading(bulletin))}</h2>`,
    bulletin.units.length > 0 ? renderTable(ranking.header, ranking.rows) : '<p>本期没有已分派责任单位的任务。</p>',
    `<h2>${escapeHtml(BULLETIN_HEADINGS.overdue)}</h2>`,
    `<p>${escapeHtml(bulletinOverdueLead(bulletin))}</p>`,
    overdue.length > 0 ? renderTable(CAPTIONS.overdue, overdue) : '',
    `<h2>${escapeHtml(BULLETIN_HEADINGS.demands)}</h2>`,
    `<p>${escapeHtml(BULLETIN_DEMANDS)}</p>`,
    `<p class="signature">${escapeHtml(bulletin.issuer)}</p>`,
    `<p class="date">${escapeHtml(chineseDate(bulletin.asOf))}</p>`,
  ].join('\n');
  return renderOfficialPage({ title: bulletinTitle(bulletin), issuer: bulletin.issuer, body });
}
