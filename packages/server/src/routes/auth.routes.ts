/**
 * Sign-in, sign-out and the current session. POST /api/auth/sign-in { username, password } sets an httpOnly
 * SameSite=Strict session cookie and returns the user with the CSRF token to send as x-csrf-token on writes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Session } from '../api-schemas.ts';
import { SESSION_HOURS } from '../auth/auth.service.ts';
import { CSRF_COOKIE, readSessionToken, requireUser, SESSION_COOKIE } from '../auth/require-user.ts';
import { HttpError } from '../http-error.ts';
import type { Services } from '../services/services.ts';

export const authRoutes: FastifyPluginAsyncZod<{ services: Services; secureCookies: boolean; signInsPerMinute: number }> = async (
  app,
  { services, secureCookies, signInsPerMinute },
) => {
  const cookieOptions = { path: '/', sameSite: 'strict' as const, maxAge: SESSION_HOURS * 3600 };

  app.post(
    '/api/auth/sign-in',
    {
      config: { rateLimit: { max: signInsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: Session, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, user } = await services.auth.signIn(request.body.username, request.body.password, request.ip);
      // Over HTTPS (directly, or as a trusted proxy says) the cookies never travel over plain HTTP afterwards.
      const secure = secureCookies || request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, secure, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieOptions, secure, httpOnly: false });
      return { user, csrf_token: csrfToken, must_change_password: user.must_change_password };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: '退出 / sign out', response: { 204: z.null() } }, preValidation: requireUser(services.auth, undefined, { duringPasswordChange: true }) },
    async (request, reply) => {
      const session = readSessionToken(request);
      if (session) await services.auth.signOut(session.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: '当前登录 / current session', response: { 200: Session, 401: ErrorResponse } } },
    async (request) => {
      const session = readSessionToken(request);
      const user = session ? await services.auth.userForToken(session.token) : undefined;
      if (!session || !user) throw new HttpError(401, 'unauthenticated', '未登录 / not signed in');
      return { user, csrf_token: await services.auth.csrfTokenFor(session.token), must_change_password: user.must_change_password };
    },
  );
};
