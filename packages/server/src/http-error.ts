/**
 * Turns any thrown error into the API's one error shape `{ error: { code, message } }` with its HTTP status:
 * storage's NotFound → 404, Conflict → 409 (with the current record), Invalid → 400; schema errors → 400; database
 * refusals → 400/409 with our own message; anything else → 500 with a generic message (the error goes to the log).
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

const INTERNAL_MESSAGE = '服务器内部错误 / internal server error';

const DOMAIN_STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;

/**
 * PostgreSQL error codes (SQLSTATE, the same in PGlite) that mean the caller sent something the schema refuses, each
 * with our own message: the database's text names tables and constraints and is never shown to a caller.
 */
const DATABASE_REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'conflict', message: '与已有记录重复 / duplicates an existing record' },
  '23503': { status: 400, code: 'invalid', message: '引用的记录不存在或仍被引用 / refers to a missing record, or is still referred to' },
  '23502': { status: 400, code: 'invalid', message: '缺少必填的值 / a required value is missing' },
  '23514': { status: 400, code: 'invalid', message: '有值不符合数据规则 / a value breaks a rule of the data' },
  '22P02': { status: 400, code: 'invalid', message: '有值的格式不对 / a value has the wrong form' },
  '22003': { status: 400, code: 'invalid', message: '数值超出范围 / a number is out of range' },
  '22007': { status: 400, code: 'invalid', message: '日期或时间无效 / an invalid date or time' },
  '22008': { status: 400, code: 'invalid', message: '日期或时间超出范围 / a date or time out of range' },
  '22001': { status: 400, code: 'invalid', message: '文本过长 / a text is too long' },
  '22021': { status: 400, code: 'invalid', message: '文本含有无法保存的字符 / a text contains a character that cannot be stored' },
  '22P05': { status: 400, code: 'invalid', message: '文本含有无法保存的字符 / a text contains a character that cannot be stored' },
};

/** A SQLSTATE: five digits or capitals. Fastify's own codes (FST_ERR_…) are longer. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

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
  if (fastifyError && typeof fastifyError.code === 'string' && SQLSTATE.test(fastifyError.code)) {
    const refusal = DATABASE_REFUSALS[fastifyError.code];
    // Any other database error is ours to fix: a generic 500, with the details in the server's log only.
    if (!refusal) return { status: 500, body: { error: { code: 'internal', message: INTERNAL_MESSAGE } } };
    return { status: refusal.status, body: { error: { code: refusal.code, message: refusal.message } } };
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 500) return { status, body: { error: { code: 'internal', message: INTERNAL_MESSAGE } } };
  const code =
    status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'bad_request';
  return { status, body: { error: { code, message: fastifyError.message } } };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = describeError(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}
