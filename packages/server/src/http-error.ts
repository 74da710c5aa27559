/**
 * Turns any thrown error into the API's one error shape `{ error: { code, message } }` with its HTTP status:
 * storage's NotFound → 404, Conflict → 409 (with the current record), Invalid → 400; schema errors → 400.
 * Example: a stale commitment version → 409 { error: { code: 'conflict', message: '…', current: {…} } }.
 */
import { DomainError } from '@duixian/storage';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ImportBudgetError } from './services/import-worker.pool.ts';

/** An error the HTTP layer raises itself: 401 unauthenticated, 403 forbidden. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
  }
}

const DOMAIN_STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;

/** PostgreSQL error codes that mean the caller sent something the schema refuses. */
const PG_INVALID: Record<string, string> = {
  '23505': 'conflict',
  '23503': 'invalid',
  '23514': 'invalid',
  '22P02': 'invalid',
  '22003': 'invalid',
  '22007': 'invalid',
  '22008': 'invalid',
};

interface ErrorBody {
  error: { code: string; message: string; current?: unknown; details?: unknown };
}

export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    return {
      status: DOMAIN_STATUS[error.code],
      body: { error: { code: error.code, message: error.message, ...(error.current !== undefined ? { current: error.current } : {}) } },
    };
  }
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.message } } };
  }
  if (error instanceof Error && error.name === 'IngestError' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    return { status: code === 'too-large' ? 413 : 422, body: { error: { code: `ingest/${code}`, message: error.message } } };
  }
  if (error instanceof ImportBudgetError) {
    return { status: 422, body: { error: { code: `import/${error.code}`, message: error.message } } };
  }
  const fastifyError = error as FastifyError & { code?: string };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message }));
    const first = details[0];
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid',
          message: first ? `${error.validationContext ?? 'request'}${first.path} ${first.message}` : error.message,
          details,
        },
      },
    };
  }
  if (fastifyError && typeof fastifyError.code === 'string' && PG_INVALID[fastifyError.code]) {
    const code = PG_INVALID[fastifyError.code] as string;
    return { status: code === 'conflict' ? 409 : 400, body: { error: { code, message: fastifyError.message } } };
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 500) return { status, body: { error: { code: 'internal', message: '服务器内部错误 / internal server error' } } };
  const code =
    status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'bad_request';
  return { status, body: { error: { code, message: fastifyError.message } } };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = describeError(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}
