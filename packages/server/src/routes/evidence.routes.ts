/**
 * Evidence files (佐证材料): uploaded by a signed-in user, checked against the accepted types and size, stored once by
 * the sha256 of their bytes, and always served as a download with a safe type. Reference one from a progress update
 * as { kind: 'file', ref: '<sha256>' }. Example: POST /api/evidence (multipart file) → 201 { sha256: 'e3b0…', … }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../api-schemas.ts';
import { optionalUser } from '../auth/optional-user.ts';
import { requireUser } from '../auth/require-user.ts';
import { HttpError } from '../http-error.ts';
import { present } from '../present.ts';
import { MAX_EVIDENCE_BYTES, servedMediaType } from '../services/evidence-file.policy.ts';
import type { Services } from '../services/services.ts';

const EvidenceFile = z
  .object({ sha256: z.string(), file_name: z.string(), media_type: z.string(), byte_size: z.number().int(), created_by: z.number().int().nullable(), created_at: z.string() })
  .meta({ id: 'EvidenceFile' });

export const evidenceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { evidence, auth } = services;

  app.post(
    '/api/evidence',
    {
      preValidation: requireUser(auth),
      schema: {
        tags: ['evidence'],
        summary: '上传佐证材料 / upload an evidence file',
        description: `multipart/form-data with one file: PDF, images, Office files, text, CSV, HTML or SVG, at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB. The same bytes twice are stored once; every upload is answered as new.`,
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceFile, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', '请用 multipart/form-data 上传 / upload as multipart/form-data');
      const part = await request.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });
      if (!part) throw new HttpError(400, 'invalid', '缺少文件 / the form has no file');
      const bytes = new Uint8Array(await part.toBuffer());
      const fileName = (part.filename || 'evidence').replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 200);
      const result = await evidence.store(fileName, bytes, request.user!.id);
      if ('problem' in result) throw new HttpError(bytes.byteLength > MAX_EVIDENCE_BYTES ? 413 : 415, 'unsupported_media_type', result.problem);
      return reply.status(201).send(present(result.stored));
    },
  );

  app.get(
    '/api/evidence/:sha256',
    {
      preHandler: optionalUser(auth),
      schema: {
        tags: ['evidence'],
        summary: '下载佐证材料 / download an evidence file',
        description: 'Signed-in users download any stored file; the public only a file an approved progress report cites (else 404).',
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex') }),
      },
    },
    async (request, reply) => {
      const file = await evidence.read(request.params.sha256, request.user !== undefined);
      // Always a download, never sniffed, sandboxed if opened anyway: an uploaded page must not run in this origin.
      return reply
        .header('content-type', servedMediaType(file.media_type))
        .header('content-disposition', `attachment; filename="evidence.${file.file_name.split('.').pop()?.replace(/[^a-z0-9]/gi, '') || 'bin'}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(Buffer.from(file.content));
    },
  );
};
