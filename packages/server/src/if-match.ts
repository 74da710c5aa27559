/**
 * Optimistic concurrency over HTTP: a read of a record answers with its version as ETag ("3"), and a write may send
 * it back as If-Match instead of `version` in the body; a stale one gets 409 with the current record.
 * Example: PATCH /api/commitments/7 with `If-Match: "3"` and { title: '…' } → edits version 3 or answers 409.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

/** The version in an ETag or If-Match value: '"3"', 'W/"3"' or '3' → 3. */
export function parseVersionTag(value: string): number | undefined {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

export function versionTag(version: number): string {
  return `"${version}"`;
}

/** preValidation hook: copies If-Match into the body's `version` (they must agree when both are sent). */
export async function versionFromIfMatch(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return;
  const version = parseVersionTag(header);
  if (version === undefined) throw new HttpError(400, 'invalid', `If-Match "${header}" is not a version like "3"`);
  if (request.body === null || typeof request.body !== 'object' || Array.isArray(request.body)) return;
  const body = request.body as Record<string, unknown>;
  if (body['version'] !== undefined && body['version'] !== version) {
    throw new HttpError(400, 'invalid', `If-Match ${header} and body version ${String(body['version'])} differ`);
  }
  body['version'] = version;
}
