/**
 * Reads a 任务分解表 workbook into rows of text by field: finds the header row (even below a title row such as
 * "2024年政府工作报告重点任务分解表"), maps its columns by their Chinese header words, and keeps each data row's number
 * as Excel shows it. Rows that are blank, or a heading across merged cells (一、稳增长), are not tasks and are skipped.
 * Example: a sheet with a title in row 1, headers in row 2 → rows [{ rowNumber: 3, cells: { serial: '1', task: '…' } }, …].
 */
import type { TaskSheetField } from '@duixian/core';
import ExcelJS from 'exceljs';
import { fieldOfHeader } from './task-sheet-headers.ts';

export interface TaskSheetRow {
  /** The row's number in the sheet, as Excel shows it (1-based). */
  rowNumber: number;
  cells: Partial<Record<TaskSheetField, string>>;
}

export interface TaskSheetRead {
  sheetName: string;
  headerRow: number;
  /** The fields found, each with the header text it was found under. */
  columns: { field: TaskSheetField; header: string; column: number }[];
  /** Headers of columns the tracker does not read. */
  otherHeaders: string[];
  rows: TaskSheetRow[];
}

/** A workbook that holds no 分解表: not an xlsx, or no row with a 任务 header. */
export class TaskSheetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskSheetFormatError';
  }
}

/** Task rows one sheet may hold: a district's 分解表 has hundreds; a preview of more is no longer read by a person. */
export const MAX_TASK_ROWS = 5000;
/** The header row is looked for in the first rows only: a title and a subtitle, then the headers. */
const HEADER_SEARCH_ROWS = 10;
/** Excel's day count of 1970-01-01: a date typed into a General cell arrives as a serial day number. */
const EXCEL_EPOCH_SERIAL = 25569;

export async function readTaskSheet(bytes: Uint8Array): Promise<TaskSheetRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new TaskSheetFormatError('无法读取该文件，请上传 .xlsx 格式的任务分解表 / the file is not a readable .xlsx workbook');
  }
  for (const sheet of workbook.worksheets) {
    const found = findHeaderRow(sheet);
    if (!found) continue;
    const rows: TaskSheetRow[] = [];
    for (let rowNumber = found.headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const row = sheet.getRow(rowNumber);
      const texts = found.columns.map(({ column, field }) => cellText(row.getCell(column).value, field));
      const filled = texts.filter((text) => text !== '');
      if (filled.length === 0) continue;
      // A heading merged across the row repeats one text in every cell: 一、稳增长.
      if (filled.length > 1 && new Set(filled).size === 1) continue;
      if (filled.length === 1 && texts[found.columns.findIndex((c) => c.field === 'task')] === '' && isHeadingText(filled[0]!)) continue;
      const cells: Partial<Record<TaskSheetField, string>> = {};
      found.columns.forEach(({ field }, index) => {
        if (texts[index] !== '') cells[field] = texts[index]!;
      });
      rows.push({ rowNumber, cells });
      if (rows.length > MAX_TASK_ROWS) {
        throw new TaskSheetFormatError(`任务行超过${MAX_TASK_ROWS}行，请分表导入 / more than ${MAX_TASK_ROWS} task rows: split the sheet`);
      }
    }
    return { sheetName: sheet.name, headerRow: found.headerRow, columns: found.columns, otherHeaders: found.otherHeaders, rows };
  }
  throw new TaskSheetFormatError('未找到表头：前10行中没有“任务”（或“任务内容”“工作任务”）列 / no header row with a 任务 column in the first 10 rows');
}

function findHeaderRow(sheet: ExcelJS.Worksheet): Pick<TaskSheetRead, 'headerRow' | 'columns' | 'otherHeaders'> | undefined {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let rowNumber = 1; rowNumber <= last; rowNumber += 1) {
    const columns: TaskSheetRead['columns'] = [];
    const otherHeaders: string[] = [];
    sheet.getRow(rowNumber).eachCell((cell, column) => {
      const header = cellText(cell.value, undefined);
      if (header === '') return;
      const field = fieldOfHeader(header);
      // The first column of a field counts; a second 责任单位 column is not read twice.
      if (field && !columns.some((known) => known.field === field)) columns.push({ field, header, column });
      else otherHeaders.push(header);
    });
    if (columns.some((known) => known.field === 'task') && columns.length >= 2) return { headerRow: rowNumber, columns, otherHeaders };
  }
  return undefined;
}

/** 一、稳增长 / （一）/ 第一部分: a section heading written in one cell. */
function isHeadingText(text: string): boolean {
  return /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节])/u.test(text);
}

/** A cell as the text a person sees; dates as YYYY-MM-DD, a 完成时限 typed as a serial day number too. */
function cellText(value: ExcelJS.CellValue, field: TaskSheetField | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') {
    if (field === 'deadline' && Number.isInteger(value) && value > 30000 && value < 80000) {
      return isoDay(new Date((value - EXCEL_EPOCH_SERIAL) * 86_400_000));
    }
    return String(value);
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, field);
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** Excel keeps a date without a zone; exceljs hands it over as that day's midnight in UTC. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
