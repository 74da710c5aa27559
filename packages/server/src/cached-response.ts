/**
 * Public reads answered from the read cache as ready JSON text: computed, checked against the response schema and
 * serialized once, then sent as is until the next write clears the cache.
 * Example: `sendCached(reply, cache, request.url, DashboardSummary, () => dashboard.summary('630105', 2024))`.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ReadCache } from './services/cache.ts';

export async function sendCached(
  reply: FastifyReply,
  cache: ReadCache,
  key: string,
  schema: z.ZodType,
  compute: () => Promise<unknown>,
): Promise<FastifyReply> {
  // Kept as UTF-8 bytes: Chinese text is encoded once, not on every send.
  const body = await cache.get(`http:${key}`, async () => Buffer.from(JSON.stringify(schema.parse(await compute())), 'utf8'));
  return reply.type('application/json; charset=utf-8').send(body);
}
