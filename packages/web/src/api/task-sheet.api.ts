/**
 * The typed client of the 任务分解表 import and export: a preview of an uploaded .xlsx (rows, errors by row number),
 * the confirm (422 with the preview when a row is in error), and the export's address for the task table's filter.
 * Example: previewTaskSheet(place, file) → { rows: [{ row: 3, title: '…', errors: [] }], error_rows: 0, … }.
 */
import type { TaskSheetImportJson, TaskSheetPreviewJson } from '@duixian/server';
import { query, upload } from './http.client.ts';
import type { Place } from './view-types.ts';

export type TaskSheetPreview = TaskSheetPreviewJson;
export type TaskSheetPreviewRow = TaskSheetPreviewJson['rows'][number];
export type TaskSheetImport = TaskSheetImportJson;

function formOf(place: Place, file: File): FormData {
  const form = new FormData();
  form.set('region_code', place.regionCode);
  form.set('year', String(place.year));
  form.set('file', file);
  return form;
}

export function previewTaskSheet(place: Place, file: File, onProgress: (fraction: number) => void = () => {}): Promise<TaskSheetPreview> {
  return upload<TaskSheetPreview>('/api/staff/task-sheet/preview', formOf(place, file), onProgress);
}

export function importTaskSheet(place: Place, file: File, onProgress: (fraction: number) => void = () => {}): Promise<TaskSheetImport> {
  return upload<TaskSheetImport>('/api/staff/task-sheet/import', formOf(place, file), onProgress);
}

/** The export of the task table as it is filtered now: `filter` is the list's query (pages/staff/task-filter.ts). */
export function taskSheetExportUrl(place: Place, filter: Readonly<Record<string, string | undefined>>): string {
  return `/api/staff/task-sheet.xlsx${query({ region: place.regionCode, year: place.year, ...filter })}`;
}
