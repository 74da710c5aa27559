/**
 * Public reads answered from the read cache as ready JSON: computed, checked against the response schema and
 * serialized once, compressed once per encoding a client asks for, then sent as is until the next write clears the
 * cache. Browsers always send Accept-Encoding, and a 22 KB page of commitments is 2 KB in gzip: compressing per
 * request would cost more than the read, compressing once costs nothing after.
 * Example: `sendCached(request, reply, cache, DashboardSummary, () => dashboard.summary('630105', 2024))`.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { z } from 'zod';
import type { ReadCache } from './services/cache.ts';
import { preferredEncoding, type ContentEncoding } from './content-encoding.ts';

/** Bodies smaller than this go uncompressed: the headers would cost more than the saving. */
const COMPRESS_FROM_BYTES = 1024;

/** One answer as UTF-8 bytes (Chinese text is encoded once, not on every send) and its compressed forms, made on first ask. */
class CachedBody {
  readonly identity: Buffer;
  readonly #encoded = new Map<ContentEncoding, Buffer>();

  constructor(identity: Buffer) {
    this.identity = identity;
  }

  encoded(encoding: ContentEncoding): Buffer {
    let body = this.#encoded.get(encoding);
    if (!body) {
      // Brotli quality 5: nearly the size of 11 at a tenth of the time, which matters after every write.
      body = encoding === 'br'
        ? brotliCompressSync(this.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(this.identity, { level: 6 });
      this.#encoded.set(encoding, body);
    }
    return body;
  }
}

/** `key` defaults to the request's URL; pass another where one URL has several answers (per kind of caller). */
export async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ReadCache,
  schema: z.ZodType,
  compute: () => Promise<unknown>,
  key: string = request.url,
): Promise<FastifyReply> {
  const body = await cache.get(cacheKey(key), async () => new CachedBody(Buffer.from(JSON.stringify(schema.parse(await compute())), 'utf8')));
  return sendBody(request, reply, body);
}

/**
 * onRequest hook for routes whose answer depends on the URL alone: a ready answer goes out before the query is
 * parsed and validated again — the same URL passed validation when the answer was made.
 */
export function answerFromCache(cache: ReadCache): onRequestHookHandler {
  return (request, reply, done) => {
    const body = cache.peek(cacheKey(request.url));
    if (body instanceof CachedBody) sendBody(request, reply, body);
    else done();
  };
}

function cacheKey(key: string): string {
  return `http:${key}`;
}

function sendBody(request: FastifyRequest, reply: FastifyReply, body: CachedBody): FastifyReply {
  reply.type('application/json; charset=utf-8');
  // A strong ETag (a commitment's version, for If-Match) names one representation: those answers go as they are.
  if (body.identity.length < COMPRESS_FROM_BYTES || reply.hasHeader('etag')) return reply.send(body.identity);
  reply.header('vary', 'accept-encoding');
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === undefined) return reply.send(body.identity);
  return reply.header('content-encoding', encoding).send(body.encoded(encoding));
}
