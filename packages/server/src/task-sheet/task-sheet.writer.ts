/**
 * Writes tasks back as a 任务分解表 in the shape the import reads: a title row, then 序号, 任务, 目标, 牵头单位, 配合单位,
 * 完成时限 — the header row bold, frozen and filtered, 序号 as a number, 完成时限 as a date cell (yyyy-mm-dd), the
 * target written the Chinese way with its bound word (不少于2万亩) so that reading it back gives the same target.
 * Example: `await writeTaskSheet({ title: '城北区2025年任务分解表', rows })` → the bytes of an .xlsx.
 */
import { formatQuantityValue, parseDecimal, type TargetComparator } from '@duixian/core';
import ExcelJS from 'exceljs';
import { DATE_FORMAT, INTEGER_FORMAT } from '../exports/xlsx.format.ts';
import { TASK_SHEET_EXPORT_FIELDS, TASK_SHEET_HEADERS } from './task-sheet-headers.ts';

export interface TaskSheetLine {
  serial: string;
  title: string;
  target: { value: string | null; valueHigh: string | null; unit: string | null; comparator: TargetComparator | null; grade: string | null };
  leadUnit: string | null;
  supportingUnits: readonly string[];
  deadline: string | null;
}

/** Bound words core's extraction reads back as the same comparator (extract/refiners/bound-words.ts). */
const BOUND_PREFIX: Partial<Record<TargetComparator, string>> = { '>=': '不少于', '<=': '不超过', '>': '高于', '<': '低于' };
const BOUND_SUFFIX: Partial<Record<TargetComparator, string>> = { '~': '左右', at_least_class: '以上', at_most_class: '以下' };

const COLUMN_WIDTHS: Readonly<Record<string, number>> = { serial: 8, task: 60, target: 24, lead_unit: 20, supporting_units: 28, deadline: 14 };

/** A target as an office writes it: 不少于2万亩, 8%左右, 10万元—15万元, Ⅲ类以上; '' when there is none. */
export function writeTargetText(target: TaskSheetLine['target']): string {
  const comparator = target.comparator ?? '=';
  if (target.grade) return `${target.grade}${BOUND_SUFFIX[comparator] ?? ''}`;
  if (target.value === null || target.unit === null) return '';
  const low = parseDecimal(target.value);
  const high = target.valueHigh === null ? undefined : parseDecimal(target.valueHigh);
  if (!low) return '';
  const text = formatQuantityValue(high ? { type: 'range', low, high } : { type: 'exact', value: low }, target.unit);
  return `${BOUND_PREFIX[comparator] ?? ''}${text}${BOUND_SUFFIX[comparator] ?? ''}`;
}

function dateCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export async function writeTaskSheet(sheet: { title: string; rows: readonly TaskSheetLine[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duixian 兑现';
  // The title above the headers, as offices keep it; the import looks for the header row below such a title.
  const worksheet = workbook.addWorksheet('任务分解表', { views: [{ state: 'frozen', ySplit: 2 }] });
  const fields = TASK_SHEET_EXPORT_FIELDS;
  worksheet.columns = fields.map((field) => ({ key: field, width: COLUMN_WIDTHS[field] ?? 16 }));
  worksheet.mergeCells(1, 1, 1, fields.length);
  const title = worksheet.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  const header = worksheet.getRow(2);
  fields.forEach((field, index) => {
    header.getCell(index + 1).value = TASK_SHEET_HEADERS[field][0]!;
  });
  header.font = { bold: true };
  header.commit();
  worksheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: fields.length } };
  sheet.rows.forEach((line, index) => {
    const row = worksheet.getRow(index + 3);
    const serialNumber = /^\d{1,9}$/u.test(line.serial) ? Number(line.serial) : undefined;
    const values: Record<(typeof fields)[number], ExcelJS.CellValue> = {
      serial: serialNumber ?? line.serial,
      task: line.title,
      target: writeTargetText(line.target),
      lead_unit: line.leadUnit ?? '',
      supporting_units: line.supportingUnits.join('、'),
      deadline: line.deadline === null ? '' : dateCell(line.deadline),
      leader: null,
    };
    fields.forEach((field, column) => {
      const cell = row.getCell(column + 1);
      cell.value = values[field];
      if (field === 'serial' && serialNumber !== undefined) cell.numFmt = INTEGER_FORMAT;
      if (field === 'deadline' && line.deadline !== null) cell.numFmt = DATE_FORMAT;
      if (field === 'task') cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
