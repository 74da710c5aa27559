/**
 * The league table as CSV for a spreadsheet: a header row, one row per region, UTF-8 with a byte-order mark so
 * Excel reads the Chinese. Example: '\uFEFF名次,地区,目标年度,…\r\n1,北京市,2025,2026,40,30,0,2,8,93.8,75.0\r\n'.
 */
import type { LeagueTable } from './league-table.ts';

const HEADER = {
  zh: ['名次', '地区', '目标年度', '报告年度', '目标数', '完成', '其中按陈述完成', '未完成', '未报告', '完成率（有结果）%', '完成率（全部）%'],
  en: ['rank', 'region', 'target year', 'report year', 'targets', 'met', 'of which met by statement', 'missed', 'not reported', 'share met of reported %', 'share met of all %'],
} as const;

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180). */
function toField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * Writes the table's rows (not the unpaired regions or failures) as CSV with CRLF line ends.
 * @example toLeagueTableCsv(rankLeagueTable(entries), 'en').split('\r\n')[0]
 * // '\uFEFFrank,region,target year,report year,targets,met,of which met by statement,missed,not reported,share met of reported %,share met of all %'
 */
export function toLeagueTableCsv(table: LeagueTable, language: 'zh' | 'en' = 'zh'): string {
  const lines = [HEADER[language].map(toField).join(',')];
  for (const row of table.rows) {
    lines.push(
      [row.rank, row.region, row.lastYear, row.thisYear, row.targets, row.met, row.metByStatement, row.missed, row.notReported, row.shareOfReported.percent, row.shareOfAll.percent]
        .map(toField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
