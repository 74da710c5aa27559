/**
 * Writes export tables as an XLSX workbook (exceljs), one sheet per table, Chinese headers in bold, frozen header row.
 * Amounts stay exact: a decimal becomes a number only when the spreadsheet shows it unchanged (≤ 15 significant
 * digits, same value back), otherwise it is written as text; every number gets a format that shows all its digits,
 * amounts in 元 one with 元; the header row has a filter.
 * Example: `await toXlsx([table])` → the bytes of 预算科目.xlsx with 2198000000 shown as "2,198,000,000 元".
 */
import ExcelJS from 'exceljs';
import { toExactNumber } from './exact-number.ts';
import type { ExportCell, ExportColumn, ExportTable } from './export-table.ts';

/** Whole 元 with thousands separators; fractional amounts keep two places (分). */
export const YUAN_FORMAT = '#,##0" 元"';
export const YUAN_CENTS_FORMAT = '#,##0.00" 元"';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Ids, years and day counts: plain digits (a year is not 2,024). */
export const INTEGER_FORMAT = '0';

/** A decimal as written, with thousands separators: '20000' → '#,##0', '60.00' → '#,##0.00' (Excel shows 60.00). */
function decimalFormat(value: string | number): string {
  const places = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
  return places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}

function dateOf(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

/** The cell value and its number format. */
export function xlsxCell(value: ExportCell, column: ExportColumn): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null) return { value: null };
  if (typeof value === 'boolean') return { value: value ? '是' : '否' };
  switch (column.kind) {
    case 'integer':
    case 'decimal':
    case 'yuan': {
      const number = typeof value === 'number' ? value : toExactNumber(value);
      if (number === undefined) return { value: String(value) };
      // A General cell shows a large number as 2.1E+11: every number gets a format that shows all its digits.
      if (column.kind === 'integer') return { value: number, numFmt: INTEGER_FORMAT };
      if (column.kind === 'decimal') return { value: number, numFmt: decimalFormat(value) };
      return { value: number, numFmt: Number.isInteger(number) ? YUAN_FORMAT : YUAN_CENTS_FORMAT };
    }
    case 'date': {
      const date = typeof value === 'string' ? dateOf(value) : undefined;
      return date ? { value: date, numFmt: DATE_FORMAT } : { value: String(value) };
    }
    case 'timestamp': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) return { value: String(value) };
      // Shown in China Standard Time, the time of the reports; the cell holds no zone.
      return { value: new Date(date.getTime() + 8 * 3600_000), numFmt: TIMESTAMP_FORMAT };
    }
    default:
      return { value: String(value) };
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duixian 兑现';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.kind === 'text' ? 30 : column.kind === 'timestamp' ? 20 : Math.max(12, column.header.length * 2 + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    // The header row filters, as people expect of a 台账 they sort and narrow in Excel or WPS.
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
    table.rows.forEach((row, rowIndex) => {
      const sheetRow = sheet.getRow(rowIndex + 2);
      row.forEach((cell, columnIndex) => {
        const column = table.columns[columnIndex];
        if (!column) return;
        const { value, numFmt } = xlsxCell(cell, column);
        const target = sheetRow.getCell(columnIndex + 1);
        target.value = value;
        if (numFmt) target.numFmt = numFmt;
      });
      sheetRow.commit();
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
