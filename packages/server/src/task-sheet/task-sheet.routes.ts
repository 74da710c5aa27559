/**
 * The 任务分解表 in and out: upload an .xlsx for a preview (rows as they would be written, each row's errors by its row
 * number; nothing written), upload it again to confirm (every row in one transaction, or nothing while a row has an
 * error: 422 with the rows), and download the task table's current filter as a 分解表. Admins and supervisors only.
 * Example: POST /api/staff/task-sheet/preview (multipart file, region_code=630105, year=2025) → { rows: [...], error_rows: 0 }.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TASK_SHEET_FIELDS, TASK_SHEET_ROW_ACTIONS } from '@duixian/core';
import { z } from 'zod';
import { comparator, ErrorResponse, isoDate, regionCode } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import { HttpError } from '../http-error.ts';
import { CommitmentListQuery, toListFilter } from '../routes/commitments.routes.ts';
import type { Services } from '../services/services.ts';
import { TaskSheetFormatError } from './task-sheet.reader.ts';
import { TaskSheetService, type Place } from './task-sheet.service.ts';

const UnitRef = z.object({ id: z.number().int(), name: z.string() });

const TaskSheetPreviewRow = z
  .object({
    row: z.number().int(),
    serial: z.string().nullable(),
    title: z.string(),
    target_text: z.string().nullable(),
    target_value: z.string().nullable(),
    target_value_high: z.string().nullable(),
    target_unit: z.string().nullable(),
    target_comparator: comparator.nullable(),
    lead_unit: UnitRef.nullable(),
    supporting_units: z.array(UnitRef),
    deadline: isoDate.nullable(),
    deadline_text: z.string().nullable(),
    leader: z.string().nullable(),
    action: z.enum(TASK_SHEET_ROW_ACTIONS),
    commitment_id: z.number().int().nullable(),
    errors: z.array(z.string()),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'TaskSheetPreviewRow' });

const TaskSheetPreview = z
  .object({
    plan_id: z.number().int().nullable(),
    region_code: regionCode,
    year: z.number().int(),
    sheet_name: z.string(),
    header_row: z.number().int(),
    columns: z.array(z.object({ field: z.enum(TASK_SHEET_FIELDS), header: z.string() })),
    not_stored_headers: z.array(z.string()),
    rows: z.array(TaskSheetPreviewRow),
    error_rows: z.number().int(),
    counts: z.object(Object.fromEntries(TASK_SHEET_ROW_ACTIONS.map((action) => [action, z.number().int()])) as Record<(typeof TASK_SHEET_ROW_ACTIONS)[number], z.ZodNumber>),
  })
  .meta({ id: 'TaskSheetPreview' });

const TaskSheetImport = z
  .object({ plan_id: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .meta({ id: 'TaskSheetImport' });

/** The wire forms, for the web's typed client. */
export type TaskSheetPreviewJson = z.infer<typeof TaskSheetPreview>;
export type TaskSheetImportJson = z.infer<typeof TaskSheetImport>;

const UploadForm = z.object({ region_code: regionCode, year: z.coerce.number().int().min(1949).max(2200) });

const UPLOAD_DESCRIPTION =
  'multipart/form-data: file (.xlsx), region_code, year. Columns are found by their Chinese headers (序号, 任务/任务内容/工作任务, 目标/量化目标, ' +
  '牵头单位/责任单位, 配合单位/协办单位, 完成时限/完成时间, 分管领导), the header row even below a title row. Units are matched by name in the region; ' +
  'deadlines read in the forms offices write (2024年12月底, 2024-12-31, 12月底, 年底; 持续推进 = none).';

/** The uploaded file and the form's region and year. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string; place: Place }> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', '请用 multipart/form-data 上传 / upload as multipart/form-data');
  let file: { bytes: Uint8Array; fileName: string } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file) throw new HttpError(400, 'invalid', '一次只能上传一个文件 / one file per upload');
      file = { bytes: new Uint8Array(await part.toBuffer()), fileName: (part.filename || 'task-sheet.xlsx').slice(0, 200) };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new HttpError(400, 'invalid', '缺少文件 / the form has no file field');
  const form = UploadForm.safeParse(fields);
  if (!form.success) {
    const issue = form.error.issues[0];
    throw new HttpError(400, 'invalid', `${issue?.path.join('.') ?? 'form'}: ${issue?.message ?? 'invalid'}`);
  }
  return { ...file, place: { regionCode: form.data.region_code, year: form.data.year } };
}

/** A workbook that is not a 分解表 is the caller's: 422 with what was looked for. */
async function asUnprocessable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TaskSheetFormatError) throw new HttpError(422, 'task_sheet/format', error.message);
    throw error;
  }
}

export const taskSheetRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const taskSheets = new TaskSheetService(services.database, services.cache, services.index, services.commitments);
  const staff = requireUser(services.auth, ['admin', 'supervisor']);
  const uploadErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse };

  app.post(
    '/api/staff/task-sheet/preview',
    {
      preValidation: staff,
      schema: {
        tags: ['task-sheet'],
        summary: '任务分解表导入预览 / preview a 任务分解表 import',
        description: `${UPLOAD_DESCRIPTION} Writes nothing: every row as it would be written, with its errors (which block the import) and warnings, by row number.`,
        consumes: ['multipart/form-data'],
        response: { 200: TaskSheetPreview, ...uploadErrors },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return asUnprocessable(() => taskSheets.preview(upload.place, upload.bytes));
    },
  );

  app.post(
    '/api/staff/task-sheet/import',
    {
      preValidation: staff,
      schema: {
        tags: ['task-sheet'],
        summary: '确认导入任务分解表 / import a 任务分解表',
        description:
          `${UPLOAD_DESCRIPTION} All or nothing: with any row in error nothing is written and the answer is 422 with error.details the preview. ` +
          'A row whose 序号 was imported into the plan before changes that task instead of adding one; the region gets a plan for the year if it had none.',
        consumes: ['multipart/form-data'],
        response: { 201: TaskSheetImport, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const result = await asUnprocessable(() => taskSheets.confirm(upload.place, upload.bytes, request.user!, upload.fileName));
      if (!result.written || result.planId === null) {
        const message =
          result.preview.rows.length === 0
            ? '表中没有任务行，未导入 / the sheet has no task rows: nothing imported'
            : `${result.preview.error_rows} 行有错误，未导入任何内容 / ${result.preview.error_rows} rows have errors: nothing was imported`;
        return reply.status(422).send({ error: { code: 'task_sheet/rows', message, details: result.preview } });
      }
      const { counts } = result.preview;
      return reply.status(201).send({ plan_id: result.planId, created: counts.create, updated: counts.update, unchanged: counts.unchanged });
    },
  );

  app.get(
    '/api/staff/task-sheet.xlsx',
    {
      preValidation: staff,
      schema: {
        tags: ['task-sheet'],
        summary: '导出任务分解表 / the task table as a 任务分解表',
        description:
          'The filters of GET /api/staff/commitments (region and year required) as an .xlsx in the shape the import reads: title row, headers ' +
          '序号 任务 目标 牵头单位 配合单位 完成时限 (bold, frozen, filtered), 完成时限 as dates. Importing it back gives the same tasks.',
        querystring: CommitmentListQuery.extend({ region: regionCode, year: z.coerce.number().int().min(1949).max(2200) }),
        response: { 200: z.any(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const filter = toListFilter(request.query);
      const { fileName, bytes } = await taskSheets.exportSheet({ ...filter, regionCode: request.query.region, year: request.query.year });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="task-sheet-${request.query.region}-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
