/**
 * Guards writes: the caller must be signed in (session cookie with the matching x-csrf-token header, or a bearer
 * session token for scripts), have replaced a one-time password, and, when roles are given, hold one of them.
 * Example: `{ preValidation: requireUser(auth, ['admin']) }` → 401 without a session, 403 with the wrong role.
 * A guard runs as preValidation, before the schema: an anonymous caller gets 401, never the schema's 400 description.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { AuthService, SessionUser } from './auth.service.ts';

export const SESSION_COOKIE = 'duixian_session';
export const CSRF_COOKIE = 'duixian_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}

/** The session token of a request and how it came: cookie or Authorization header. */
export function readSessionToken(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * `duringPasswordChange`: the route stays open to a user who signed in with a one-time password and has not yet
 * chosen one (changing it, signing out); every other guarded route answers 403 password_change_required.
 */
export function requireUser(auth: AuthService, roles?: readonly SessionUser['role'][], options: { duringPasswordChange?: boolean } = {}) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const session = readSessionToken(request);
    const user = session ? await auth.userForToken(session.token) : undefined;
    if (!session || !user) throw new HttpError(401, 'unauthenticated', '请先登录 / sign in first');
    if (session.via === 'cookie' && request.method !== 'GET' && request.method !== 'HEAD') {
      const header = request.headers['x-csrf-token'];
      if (!(await auth.isValidCsrfToken(session.token, typeof header === 'string' ? header : undefined))) {
        throw new HttpError(403, 'csrf', '缺少或错误的 CSRF 令牌 / missing or wrong x-csrf-token header');
      }
    }
    if (user.must_change_password && !options.duringPasswordChange) {
      throw new HttpError(403, 'password_change_required', '请先修改一次性密码 / change your one-time password first');
    }
    if (roles && !roles.includes(user.role)) throw new HttpError(403, 'forbidden', '无权执行此操作 / not allowed for your role');
    request.user = user;
  };
}
