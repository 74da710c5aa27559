/**
 * Regions, units, plans with their themes, and documents (list, text with its extraction, the original file, upload).
 * Example: GET /api/regions/630105 → { code: '630105', name: '城北区', units: [...], budget_years: [2023, 2022], plan_years: [2024] }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DocumentDetail,
  DocumentSummary,
  ErrorResponse,
  ImportResult,
  Plan,
  Region,
  Theme,
  Unit,
  pageOf,
  pageQuery,
  regionCode,
} from '../api-schemas.ts';
import { optionalUser } from '../auth/optional-user.ts';
import { requireUser } from '../auth/require-user.ts';
import { HttpError } from '../http-error.ts';
import { present, presentPage } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });

/** A contact field: blank or absent means unknown. Phone: digits, spaces, + - ( ) and 转 for an extension. */
const contactName = z.string().max(50).nullable().optional();
const contactPhone = z.string().max(40).regex(/^[\d +\-()转]*$/, 'a phone number holds digits, spaces, + - ( ) and 转').nullable().optional();
const contactEmail = z.union([z.literal(''), z.email().max(200)]).nullable().optional();

/** Units as a caller may see them: the contact person is for staff (admin, supervisor) only — it names a person. */
function shownUnits<T extends { contact_name: string | null; contact_phone: string | null; contact_email: string | null }>(units: readonly T[], role: string | undefined): T[] {
  if (role === 'admin' || role === 'supervisor') return [...units];
  return units.map((unit) => ({ ...unit, contact_name: null, contact_phone: null, contact_email: null }));
}

export const catalogueRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { catalogue, dashboard, auth, imports } = services;
  const staff = requireUser(auth, ['admin', 'supervisor']);
  const caller = optionalUser(auth);

  app.get('/api/regions', { schema: { tags: ['regions'], summary: '地区列表 / regions', response: { 200: z.object({ items: z.array(Region) }) } } }, async () => ({
    items: present(await catalogue.regions()),
  }));

  app.get(
    '/api/regions/:code',
    {
      preHandler: caller,
      schema: {
        tags: ['regions'],
        summary: '地区及其单位、年份 / a region with its units and years',
        params: z.object({ code: regionCode }),
        response: {
          200: Region.extend({ units: z.array(Unit), budget_years: z.array(z.number().int()), plan_years: z.array(z.number().int()) }),
          404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { code } = request.params;
      const region = await catalogue.region(code);
      const [units, years] = await Promise.all([catalogue.units(code), dashboard.years(code)]);
      return present({ ...region, units: shownUnits(units, request.user?.role), ...years });
    },
  );

  app.post(
    '/api/regions',
    {
      preValidation: requireUser(auth, ['admin']),
      schema: {
        tags: ['regions'],
        summary: '新增地区 / add a region',
        body: z.object({ code: regionCode, name: z.string().min(1).max(100), parent_code: regionCode.nullable().optional() }),
        response: { 201: Region, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(present(await catalogue.addRegion(request.body, request.user!.id))),
  );

  app.get(
    '/api/units',
    {
      preHandler: caller,
      schema: {
        tags: ['regions'],
        summary: '单位列表 / units',
        description: 'The contact person of each unit is given to staff (admin, supervisor) only; null for everyone else.',
        querystring: z.object({ region: regionCode.optional() }),
        response: { 200: z.object({ items: z.array(Unit) }) },
      },
    },
    async (request) => ({ items: present(shownUnits(await catalogue.units(request.query.region), request.user?.role)) }),
  );

  app.patch(
    '/api/units/:id',
    {
      preValidation: requireUser(auth, ['admin']),
      schema: {
        tags: ['regions'],
        summary: '修改单位名称与联系人 / rename a unit and set its contact person',
        params: idParams,
        body: z.object({ name: z.string().trim().min(1).max(100), contact_name: contactName, contact_phone: contactPhone, contact_email: contactEmail }).strict(),
        response: { 200: Unit, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { name, contact_name, contact_phone, contact_email } = request.body;
      return present(await catalogue.updateUnit(request.params.id, { name, contact_name: contact_name ?? null, contact_phone: contact_phone ?? null, contact_email: contact_email ?? null }, request.user!.id));
    },
  );

  app.post(
    '/api/units',
    {
      preValidation: staff,
      schema: {
        tags: ['regions'],
        summary: '新增单位 / add a unit',
        body: z.object({ region_code: regionCode, name: z.string().min(1).max(100) }),
        response: { 201: Unit, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(present(await catalogue.addUnit(request.body.region_code, request.body.name, request.user!.id))),
  );

  app.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: '年度计划 / plans',
        querystring: z.object({ region: regionCode.optional(), year: z.coerce.number().int().optional() }),
        response: { 200: z.object({ items: z.array(Plan) }) },
      },
    },
    async (request) => ({ items: present(await catalogue.plans({ regionCode: request.query.region, year: request.query.year })) }),
  );

  app.get(
    '/api/plans/:id',
    { schema: { tags: ['plans'], summary: '计划及主题 / a plan with its themes', params: idParams, response: { 200: Plan.extend({ themes: z.array(Theme) }), 404: ErrorResponse } } },
    async (request) => present(await catalogue.plan(request.params.id)),
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '文件列表 / documents',
        querystring: z.object({ region: regionCode.optional(), year: z.coerce.number().int().optional(), ...pageQuery }),
        response: { 200: pageOf(DocumentSummary) },
      },
    },
    async (request) => {
      const { region, year, page, page_size } = request.query;
      return presentPage(await catalogue.documents({ regionCode: region, year, page, pageSize: page_size }));
    },
  );

  app.get(
    '/api/documents/:id',
    { schema: { tags: ['documents'], summary: '文件正文与核查结果 / a document with its figures and findings', params: idParams, response: { 200: DocumentDetail, 404: ErrorResponse } } },
    async (request) => present(await catalogue.document(request.params.id)),
  );

  app.get(
    '/api/documents/:id/file',
    { schema: { tags: ['documents'], summary: '下载原始文件 / the original file', params: idParams } },
    async (request, reply) => {
      const file = await catalogue.documentContent(request.params.id);
      // Always a download with a neutral type: an uploaded HTML file must not run in this origin.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  app.post(
    '/api/documents',
    {
      preValidation: staff,
      schema: {
        tags: ['documents'],
        summary: '上传报告并生成待审核条目 / upload a report into the review queue',
        description: 'multipart/form-data: file (text, Markdown, HTML, PDF, DOCX), region_code, year, title (optional). The same file twice changes nothing.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 201: ImportResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', '请用 multipart/form-data 上传 / upload as multipart/form-data');
      let file: { bytes: Uint8Array; fileName: string } | undefined;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (file) throw new HttpError(400, 'invalid', '一次只能上传一个文件 / one file per upload');
          const bytes = await part.toBuffer();
          file = { bytes: new Uint8Array(bytes), fileName: part.filename || 'upload' };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw new HttpError(400, 'invalid', '缺少文件 / the form has no file field');
      const form = z
        .object({ region_code: regionCode, year: z.coerce.number().int().min(1949).max(2200), title: z.string().max(200).optional() })
        .safeParse(fields);
      if (!form.success) {
        const issue = form.error.issues[0];
        throw new HttpError(400, 'invalid', `${issue?.path.join('.') ?? 'form'}: ${issue?.message ?? 'invalid'}`);
      }
      const result = await imports.importDocument({
        bytes: file.bytes,
        fileName: file.fileName,
        regionCode: form.data.region_code,
        year: form.data.year,
        ...(form.data.title ? { title: form.data.title } : {}),
        actorId: request.user!.id,
      });
      return reply.status(result.isNew ? 201 : 200).send(present({ document: result.document, is_new: result.isNew, review: result.review }));
    },
  );
};
