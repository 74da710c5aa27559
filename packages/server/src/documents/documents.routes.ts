/**
 * The 督办单 and the monthly 通报 as documents, each as a Word file or a printable page (?format=docx|html):
 * POST /api/supervision-notices { unit_id, plan_year } issues the next-numbered 督办单 (staff);
 * GET /api/supervision-notices/7/document?format=docx downloads it (staff, or an editor of that unit);
 * GET /api/bulletins/630105/2024-06/document?format=html is the month's 通报 (staff); the numbering (prefix, issuing
 * office, next number) is read and set at /api/notice-numbering/630105.
 */
import { OFFICIAL_DOCUMENT_FORMATS } from '@duixian/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, regionCode } from '../api-schemas.ts';
import { requireUser } from '../auth/require-user.ts';
import type { SvgRasterizer } from '../infographic/svg-png.rasterizer.ts';
import type { Services } from '../services/services.ts';
import { CHART_WIDTH, chartHeight, renderBulletinChartSvg } from './bulletin-chart.renderer.ts';
import { renderMonthlyBulletinDocx } from './monthly-bulletin.docx.format.ts';
import { renderMonthlyBulletinHtml } from './monthly-bulletin.html.format.ts';
import { bulletinTitle, noticeTitle } from './official-wording.ts';
import type { SupervisionNoticeDocument } from './supervision-notice.service.ts';
import { renderSupervisionNoticeDocx } from './supervision-notice.docx.format.ts';
import { renderSupervisionNoticeHtml } from './supervision-notice.html.format.ts';

export interface DocumentsRoutesOptions {
  readonly services: Services;
  /** Draws the 通报 chart's PNG for the Word file (Word processors without SVG show it); closed by its owner. */
  readonly rasterizer: SvgRasterizer;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const year = z.coerce.number().int().min(1949).max(2200);
const format = z.object({ format: z.enum(OFFICIAL_DOCUMENT_FORMATS).default('docx') });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const SupervisionNotice = z
  .object({
    id: z.number().int(),
    number: z.string().meta({ example: '城北督〔2024〕12号' }),
    issuer: z.string(),
    issued_on: z.string().meta({ description: 'China date of issue' }),
    plan_year: z.number().int(),
    unit_id: z.number().int(),
    unit_name: z.string(),
    item_count: z.number().int(),
  })
  .meta({ id: 'SupervisionNotice' });
export type SupervisionNoticeJson = z.infer<typeof SupervisionNotice>;

const NoticeNumbering = z
  .object({
    region_code: z.string(),
    prefix: z.string(),
    issuer: z.string(),
    is_default: z.boolean(),
    year: z.number().int(),
    next_number: z.number().int(),
  })
  .meta({ id: 'NoticeNumbering' });

function presentNotice(notice: SupervisionNoticeDocument): z.infer<typeof SupervisionNotice> {
  return {
    id: notice.id,
    number: notice.numberText,
    issuer: notice.issuer,
    issued_on: notice.issuedOn,
    plan_year: notice.planYear,
    unit_id: notice.unitId,
    unit_name: notice.unitName,
    item_count: notice.items.length,
  };
}

/** Sends a DOCX as an attachment or the page inline; the Chinese file name goes in RFC 5987's filename*. */
function sendDocument(reply: FastifyReply, kind: 'docx' | 'html', body: Buffer | string, name: string, asciiName: string) {
  const encoded = encodeURIComponent(`${name}.${kind}`);
  return reply
    .header('content-type', kind === 'docx' ? DOCX_TYPE : 'text/html; charset=utf-8')
    .header('content-disposition', `${kind === 'docx' ? 'attachment' : 'inline'}; filename="${asciiName}.${kind}"; filename*=UTF-8''${encoded}`)
    .header('cache-control', 'no-store')
    .send(body);
}

export const documentsRoutes: FastifyPluginAsyncZod<DocumentsRoutesOptions> = async (app, { services, rasterizer }) => {
  const staff = requireUser(services.auth, ['admin', 'supervisor']);
  const anyone = requireUser(services.auth, ['admin', 'supervisor', 'unit_editor']);

  app.get(
    '/api/notice-numbering/:region',
    {
      preValidation: staff,
      schema: {
        tags: ['documents'],
        summary: '督办单编号设置 / how a region numbers its supervision notices',
        params: z.object({ region: regionCode }),
        querystring: z.object({ year: year.optional() }),
        response: { 200: NoticeNumbering, ...errors },
      },
    },
    async (request) => {
      const numbering = await services.supervisionNotices.numbering(request.params.region, request.query.year);
      return { region_code: numbering.regionCode, prefix: numbering.prefix, issuer: numbering.issuer, is_default: numbering.isDefault, year: numbering.year, next_number: numbering.nextNumber };
    },
  );

  app.put(
    '/api/notice-numbering/:region',
    {
      preValidation: requireUser(services.auth, ['admin']),
      schema: {
        tags: ['documents'],
        summary: '设置督办单编号 / set the prefix, issuing office and next number',
        description: 'prefix and issuer null go back to the defaults (the region\'s short name + 督; 〈region〉人民政府督查室). next_number only moves forward: a used number is never given again.',
        params: z.object({ region: regionCode }),
        body: z.object({
          prefix: z.string().trim().min(1).max(20).nullable(),
          issuer: z.string().trim().min(1).max(100).nullable(),
          year: year.optional(),
          next_number: z.number().int().min(1).max(1_000_000).optional(),
        }),
        response: { 200: NoticeNumbering, ...errors },
      },
    },
    async (request) => {
      const { prefix, issuer, year: forYear, next_number: nextNumber } = request.body;
      const numbering = await services.supervisionNotices.setNumbering(request.params.region, { prefix, issuer, year: forYear, nextNumber }, request.user!);
      return { region_code: numbering.regionCode, prefix: numbering.prefix, issuer: numbering.issuer, is_default: numbering.isDefault, year: numbering.year, next_number: numbering.nextNumber };
    },
  );

  app.post(
    '/api/supervision-notices',
    {
      preValidation: staff,
      schema: {
        tags: ['documents'],
        summary: '签发督办单 / issue a numbered supervision notice to a unit',
        description: 'Lists the unit\'s assigned tasks of plan_year as they stand now, under the next number of the year in China (城北督〔2024〕12号). Audited.',
        body: z.object({ unit_id: z.number().int().min(1), plan_year: year }),
        response: { 201: SupervisionNotice, ...errors },
      },
    },
    async (request, reply) => {
      const notice = await services.supervisionNotices.issue({ unitId: request.body.unit_id, planYear: request.body.plan_year }, request.user!);
      return reply.code(201).send(presentNotice(notice));
    },
  );

  app.get(
    '/api/supervision-notices',
    {
      preValidation: anyone,
      schema: {
        tags: ['documents'],
        summary: '督办单列表 / supervision notices, newest first',
        description: 'Staff see every notice; a unit editor only its own unit\'s.',
        querystring: z.object({ region: regionCode.optional(), unit_id: z.coerce.number().int().min(1).optional(), plan_year: year.optional() }),
        response: { 200: z.object({ items: z.array(SupervisionNotice) }), ...errors },
      },
    },
    async (request) => {
      const { region, unit_id: unitId, plan_year: planYear } = request.query;
      const notices = await services.supervisionNotices.list({ regionCode: region, unitId, planYear }, request.user!);
      return { items: notices.map(presentNotice) };
    },
  );

  app.get(
    '/api/supervision-notices/:id/document',
    {
      preValidation: anyone,
      schema: {
        tags: ['documents'],
        summary: '下载督办单 / a supervision notice as DOCX or printable HTML',
        description: 'A unit editor may download only its own unit\'s notices; another unit\'s is 404.',
        params: z.object({ id: z.coerce.number().int().min(1) }),
        querystring: format,
        response: errors,
      },
    },
    async (request, reply) => {
      const notice = await services.supervisionNotices.read(request.params.id, request.user!);
      const name = `${notice.numberText}${notice.unitName}${noticeTitle(notice)}`;
      const ascii = `supervision-notice-${notice.id}`;
      return request.query.format === 'docx'
        ? sendDocument(reply, 'docx', await renderSupervisionNoticeDocx(notice), name, ascii)
        : sendDocument(reply, 'html', renderSupervisionNoticeHtml(notice), name, ascii);
    },
  );

  app.get(
    '/api/bulletins/:region/:month/document',
    {
      preValidation: staff,
      schema: {
        tags: ['documents'],
        summary: '月度通报 / the monthly bulletin as DOCX or printable HTML',
        description: 'Tasks by 三色预警 colour, units ranked by red then yellow, overdue tasks named with their lead unit, and a chart; figures as of today in China.',
        params: z.object({ region: regionCode, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM') }),
        querystring: format,
        response: errors,
      },
    },
    async (request, reply) => {
      const bulletin = await services.bulletins.build({ regionCode: request.params.region, month: request.params.month }, request.user!);
      const svg = renderBulletinChartSvg(bulletin.units);
      const name = bulletinTitle(bulletin);
      const ascii = `bulletin-${bulletin.regionCode}-${request.params.month}`;
      if (request.query.format === 'html') return sendDocument(reply, 'html', renderMonthlyBulletinHtml(bulletin, svg), name, ascii);
      const png = bulletin.units.length > 0 ? await rasterizer.toPng(svg, { scale: 2 }) : Buffer.alloc(0);
      const docx = await renderMonthlyBulletinDocx(bulletin, { svg, png, width: CHART_WIDTH, height: chartHeight(bulletin.units.length) });
      return sendDocument(reply, 'docx', docx, name, ascii);
    },
  );
};
