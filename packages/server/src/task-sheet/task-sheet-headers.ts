/**
 * The header words of a 任务分解表, every synonym in one place: which column is 任务, which 牵头单位, which 完成时限.
 * A header matches when, without spaces and brackets, it is one of a field's words.
 * Example: fieldOfHeader('责任单位（牵头）') → 'lead_unit'; fieldOfHeader('完成时间') → 'deadline'.
 */
import type { TaskSheetField } from '@duixian/core';

/** The words offices head each column with; the first is the one the export writes. */
export const TASK_SHEET_HEADERS: Readonly<Record<TaskSheetField, readonly string[]>> = {
  serial: ['序号', '编号', '项目编号', '任务编号'],
  task: ['任务', '任务内容', '工作任务', '重点任务', '具体任务', '主要任务', '任务名称', '工作内容', '工作事项', '事项', '事项内容', '承诺事项'],
  target: ['目标', '量化目标', '目标任务', '工作目标', '预期目标', '年度目标', '目标要求', '量化指标', '完成目标'],
  lead_unit: ['牵头单位', '责任单位', '牵头部门', '责任部门', '主责单位', '责任单位牵头', '牵头责任单位'],
  supporting_units: ['配合单位', '协办单位', '配合部门', '协办部门', '责任单位配合', '参与单位'],
  deadline: ['完成时限', '完成时间', '时限要求', '完成期限', '时间节点', '截止时间', '办结时限'],
  leader: ['分管领导', '责任领导', '牵头领导', '分管区领导', '责任区领导'],
};

/** The order the export writes its columns in: the order of a typical 分解表. */
export const TASK_SHEET_EXPORT_FIELDS: readonly TaskSheetField[] = ['serial', 'task', 'target', 'lead_unit', 'supporting_units', 'deadline'];

/** 'leader' is read and shown, but the tracker keeps no 分管领导: see the preview's not-stored columns. */
export const STORED_FIELDS: ReadonlySet<TaskSheetField> = new Set(TASK_SHEET_EXPORT_FIELDS);

const WORD_TO_FIELD = new Map<string, TaskSheetField>(
  (Object.entries(TASK_SHEET_HEADERS) as [TaskSheetField, readonly string[]][]).flatMap(([field, words]) => words.map((word) => [word, field] as const)),
);

/** A header without spaces, line breaks, brackets, stars and colons: '责任单位\n（牵头）' → '责任单位牵头'. */
function normalizeHeader(text: string): string {
  return text.replace(/[\s\u3000()（）【】[\]*＊:：]/gu, '');
}

/** The field a header names, or undefined for a column the tracker does not read (备注, 完成情况 …). */
export function fieldOfHeader(text: string): TaskSheetField | undefined {
  return WORD_TO_FIELD.get(normalizeHeader(text));
}
