import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_TASK_ROWS, readTaskSheet, TaskSheetFormatError } from './task-sheet.reader.ts';

async function workbookOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Sheet1'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readTaskSheet', () => {
  it('finds the header row below a title and a subtitle, and maps columns by their Chinese words', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['2024年政府工作报告重点任务分解表']);
      sheet.addRow(['（城北区人民政府办公室 2024年2月）']);
      sheet.addRow(['编号', '任务内容', '责任单位\n（牵头）', '配合部门', '时限要求', '目标要求', '责任领导', '完成情况']);
      sheet.addRow([1, '新建幼儿园', '区教育局', '区住建局', '2024年8月底', '3所', '李副区长', '']);
    });
    const read = await readTaskSheet(bytes);
    expect(read.headerRow).toBe(3);
    expect(read.columns.map((column) => column.field)).toEqual(['serial', 'task', 'lead_unit', 'supporting_units', 'deadline', 'target', 'leader']);
    expect(read.otherHeaders).toEqual(['完成情况']);
    expect(read.rows).toEqual([
      {
        rowNumber: 4,
        cells: { serial: '1', task: '新建幼儿园', lead_unit: '区教育局', supporting_units: '区住建局', deadline: '2024年8月底', target: '3所', leader: '李副区长' },
      },
    ]);
  });

  it('reads a date cell and a serial day number in the 完成时限 column as that day', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['序号', '任务', '完成时限']);
      sheet.addRow([1, '任务一', new Date(Date.UTC(2024, 11, 31))]);
      sheet.addRow([2, '任务二', 45473]);
    });
    const read = await readTaskSheet(bytes);
    expect(read.rows.map((row) => row.cells.deadline)).toEqual(['2024-12-31', '2024-06-30']);
  });

  it('skips blank rows and section headings across merged cells, keeping every task row number', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['序号', '工作任务', '牵头单位']);
      sheet.addRow(['一、稳增长']);
      sheet.mergeCells(2, 1, 2, 3);
      sheet.addRow([1, '推进项目建设', '区发改局']);
      sheet.addRow([]);
      sheet.addRow(['（二）惠民生']);
      sheet.addRow([2, '', '区教育局']);
    });
    const read = await readTaskSheet(bytes);
    expect(read.rows.map((row) => [row.rowNumber, row.cells.task ?? null])).toEqual([
      [3, '推进项目建设'],
      // A row with a unit but no task is kept: the import names it as an error, not silently dropped.
      [6, null],
    ]);
  });

  it('refuses a sheet of more task rows than a person can check in one preview', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['序号', '任务']);
      for (let index = 1; index <= MAX_TASK_ROWS + 1; index += 1) sheet.addRow([index, `任务${index}`]);
    });
    await expect(readTaskSheet(bytes)).rejects.toThrow(`任务行超过${MAX_TASK_ROWS}行`);
  });

  it('refuses a workbook without a 任务 column, and bytes that are not a workbook', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['姓名', '电话']);
    });
    await expect(readTaskSheet(bytes)).rejects.toBeInstanceOf(TaskSheetFormatError);
    await expect(readTaskSheet(new TextEncoder().encode('序号,任务'))).rejects.toBeInstanceOf(TaskSheetFormatError);
  });
});
