/**
 * Refuses text the database cannot store faithfully, in one place for every route: a JSON body that is not valid
 * UTF-8 (it would be stored with U+FFFD in place of the bad bytes), and U+0000 (NUL) in any JSON string or key or in
 * the URL (PostgreSQL cannot store it: it failed with a 500). Example: POST /api/regions {"name":"a\u0000b"} → 400
 * { error: { code: 'invalid', message: '文本不能含有 NUL 字符（U+0000）/ …' } }.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

const NUL = '\u0000';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const notUtf8 = () => new HttpError(400, 'invalid', '请求正文不是有效的 UTF-8 编码 / the request body is not valid UTF-8');
const hasNul = (where: string) => new HttpError(400, 'invalid', `${where}不能含有 NUL 字符（U+0000）/ ${where === '文本' ? 'text' : 'the address'} must not contain the NUL character (U+0000)`);

/** Whether any string or key in a parsed JSON value holds U+0000. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes(NUL) || containsNul(item));
  }
  return false;
}

export function guardTextInput(app: FastifyInstance): void {
  // Fastify's own JSON parser (with its prototype-poisoning checks) does the parsing, on text decoded strictly.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(notUtf8(), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) done(error, undefined);
      else if (containsNul(parsed)) done(hasNul('文本'), undefined);
      else done(null, parsed);
    });
  });
  // Path and query arrive percent-encoded: %00 is the only way a NUL gets into them.
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url)) throw hasNul('地址');
  });
}
