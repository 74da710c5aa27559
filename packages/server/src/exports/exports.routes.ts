/**
 * Downloads: commitments (with schedule status), progress updates, warnings and budget lines as CSV (UTF-8 with BOM,
 * CRLF, Chinese headers), XLSX or JSON, and budget lines as a Fiscal Data Package. Anonymous exports hold published
 * commitments only; staff get unpublished ones too, a unit editor those of its own unit. Example: GET /api/exports/commitments.xlsx?region=630105&year=2024 → 承诺事项 as a workbook.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { budgetPhase, ErrorResponse, regionCode } from '../api-schemas.ts';
import { optionalUser } from '../auth/optional-user.ts';
import type { Services } from '../services/services.ts';
import { toCsv } from './csv.format.ts';
import type { ExportTable } from './export-table.ts';
import { FDP_RESOURCE_PATH, fiscalDataPackage } from './fiscal-data-package.ts';
import { toXlsx } from './xlsx.format.ts';

export const EXPORT_DATASETS = ['commitments', 'progress', 'warnings', 'budget-lines'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** The JSON form: the columns (key, Chinese header, kind) and one object per row, decimals as exact strings. */
export function toJsonExport(table: ExportTable): { dataset: string; title: string; columns: ExportTable['columns']; items: Record<string, unknown>[] } {
  return {
    dataset: table.name,
    title: table.title,
    columns: table.columns,
    items: table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column.key, row[index] ?? null]))),
  };
}

async function send(reply: FastifyReply, table: ExportTable, format: ExportFormat, fileStem: string): Promise<FastifyReply> {
  const body =
    format === 'csv' ? toCsv(table) : format === 'xlsx' ? await toXlsx([table]) : JSON.stringify(toJsonExport(table));
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileStem}.${format}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

function stemOf(dataset: string, query: { region?: string | undefined; year?: number | undefined; phase?: string | undefined }): string {
  return [dataset, query.region, query.year, query.phase].filter((part) => part !== undefined).join('-');
}

export const exportsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { exports } = services;
  const fileResponse = { 200: z.any(), 400: ErrorResponse, 404: ErrorResponse };

  app.get(
    '/api/exports/:dataset.:format',
    {
      preHandler: optionalUser(services.auth),
      schema: {
        tags: ['exports'],
        summary: '导出（CSV / XLSX / JSON）/ export as CSV, XLSX or JSON',
        description:
          'dataset: commitments (承诺事项, with schedule status), progress (进展填报), warnings (三色预警: red and yellow), budget-lines (预算科目). ' +
          'CSV is UTF-8 with a byte-order mark and CRLF for Excel and WPS; XLSX writes amounts as numbers only when exact, else as text.',
        params: z.object({ dataset: z.enum(EXPORT_DATASETS), format: z.enum(EXPORT_FORMATS) }),
        querystring: z.object({
          region: regionCode.optional(),
          year: z.coerce.number().int().min(1949).max(2200).optional(),
          phase: budgetPhase.optional(),
        }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { dataset, format } = request.params;
      const { region, year, phase } = request.query;
      const filter = { regionCode: region, year, ...(request.user ? { viewer: request.user } : {}) };
      const table =
        dataset === 'commitments'
          ? await exports.commitments(filter)
          : dataset === 'progress'
            ? await exports.progress(filter)
            : dataset === 'warnings'
              ? await exports.warnings(filter)
              : await exports.budgetLines({ ...filter, phase });
      return send(reply, table, format, stemOf(dataset, { region, year, phase: dataset === 'budget-lines' ? phase : undefined }));
    },
  );

  const regionParams = z.object({ region: regionCode });

  app.get(
    '/api/exports/fiscal-data-package/:region/datapackage.json',
    {
      schema: {
        tags: ['exports'],
        summary: '预算科目财政数据包 / budget lines as a Fiscal Data Package',
        description: `The descriptor; its resource ${FDP_RESOURCE_PATH} sits beside it (same folder).`,
        params: regionParams,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { region, table } = await exports.regionBudgetLines(request.params.region);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="datapackage.json"')
        .send(JSON.stringify(fiscalDataPackage(table, { regionCode: region.code, regionName: region.name }), null, 2));
    },
  );

  app.get(
    `/api/exports/fiscal-data-package/:region/${FDP_RESOURCE_PATH}`,
    {
      schema: {
        tags: ['exports'],
        summary: '财政数据包的数据文件 / the Fiscal Data Package resource (CSV)',
        params: regionParams,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { region, table } = await exports.regionBudgetLines(request.params.region);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${FDP_RESOURCE_PATH}"`)
        .header('x-content-type-options', 'nosniff')
        .send(toCsv(table, { keysAsHeaders: true, withoutBom: true }));
    },
  );
};
