/**
 * The monthly 通报 as a Word file, the same parts as the printable page (monthly-bulletin.html.format.ts), with the
 * chart as SVG and its PNG rendering for Word processors without SVG.
 * Example: `await renderMonthlyBulletinDocx(bulletin, { svg, png, width: 600, height: 170 })` → a DOCX Buffer.
 */
import type { MonthlyBulletin } from './monthly-bulletin.service.ts';
import { bodyParagraph, chartParagraph, headingParagraph, officialTable, packOfficialDocx, signatureParagraph } from './official-docx.format.ts';
import { BULLETIN_DEMANDS, BULLETIN_HEADINGS, CAPTIONS, bulletinOverdueLead, bulletinRankingHeading, bulletinRankingRows, bulletinReporting, bulletinSummary, bulletinTitle, chineseDate } from './official-wording.ts';

export async function renderMonthlyBulletinDocx(bulletin: MonthlyBulletin, chart: { svg: string; png: Buffer; width: number; height: number }): Promise<Buffer> {
  const ranking = bulletinRankingRows(bulletin);
  const overdue = bulletin.overdue.map((task, index) => [
    { text: String(index + 1), number: true as const },
    task.title,
    task.unitName,
    { text: chineseDate(task.deadline), nowrap: true as const },
    { text: `${task.daysLate}天`, number: true as const },
  ]);
  return packOfficialDocx({
    issuer: bulletin.issuer,
    title: bulletinTitle(bulletin),
    blocks: [
      headingParagraph(BULLETIN_HEADINGS.overall),
      bodyParagraph(bulletinSummary(bulletin)),
      bodyParagraph(bulletinReporting(bulletin)),
      ...(bulletin.units.length > 0 ? [chartParagraph(chart)] : []),
      headingParagraph(bulletinRankingHeading(bulletin)),
      ...(bulletin.units.length > 0 ? [officialTable(ranking.header, ranking.rows)] : [bodyParagraph('本期没有已分派责任单位的任务。')]),
      headingParagraph(BULLETIN_HEADINGS.overdue),
      bodyParagraph(bulletinOverdueLead(bulletin)),
      ...(overdue.length > 0 ? [officialTable(CAPTIONS.overdue, overdue)] : []),
      headingParagraph(BULLETIN_HEADINGS.demands),
      bodyParagraph(BULLETIN_DEMANDS),
      signatureParagraph(bulletin.issuer),
      signatureParagraph(chineseDate(bulletin.asOf)),
    ],
  });
}
