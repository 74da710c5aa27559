/**
 * Accounts: change one's own password, API tokens for scripts, and the admin's user list, new users, role and unit
 * changes, disabling and enabling, password resets (a generated one-time password, shown once), other users' API
 * tokens and the rotation of the CSRF secret. Example: POST /api/users { username: 'jyj', role: 'unit_editor',
 * unit_id: 3 } → 201 { user, one_time_password }.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, ManagedUser, userRole } from '../api-schemas.ts';
import { MAX_API_TOKEN_DAYS } from '../auth/api-tokens.ts';
import { CSRF_COOKIE, readSessionToken, requireUser, SESSION_COOKIE } from '../auth/require-user.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/user-admin.service.ts';
import { present } from '../present.ts';
import type { Services } from '../services/services.ts';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const writeErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const role = userRole;
const password = z.string().min(MIN_PASSWORD_LENGTH).max(200);
const tokenParams = z.object({ id: z.coerce.number().int().min(1), token_id: z.coerce.number().int().min(1) });
const ApiToken = z.object({ id: z.number().int(), name: z.string(), created_at: z.string(), expires_at: z.string(), revoked_at: z.string().nullable() });

export const accountsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth, accounts } = services;
  const signedIn = requireUser(auth);
  const changingPassword = requireUser(auth, undefined, { duringPasswordChange: true });
  const admin = requireUser(auth, ['admin']);

  app.post(
    '/api/auth/password',
    {
      preValidation: changingPassword,
      schema: {
        tags: ['auth'],
        summary: '修改密码 / change your password',
        description: 'Ends every session of the user, this one included: sign in again with the new password.',
        body: z.object({ current_password: z.string().min(1).max(200), new_password: password }).strict(),
        response: { 204: z.null(), ...writeErrors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await accounts.changePassword(request.user!.id, { currentPassword: request.body.current_password, newPassword: request.body.new_password, address: request.ip });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    { preValidation: signedIn, schema: { tags: ['auth'], summary: '我的 API 令牌 / your API tokens', response: { 200: z.object({ items: z.array(ApiToken) }), 401: ErrorResponse } } },
    async (request) => ({ items: present(await accounts.listTokens(request.user!.id)) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      preValidation: signedIn,
      schema: {
        tags: ['auth'],
        summary: '创建 API 令牌（只显示一次）/ create an API token, shown once',
        description: `Send it as \`Authorization: Bearer dxt_…\`; it acts with your role. It lives expires_in_days (default 90, at most ${MAX_API_TOKEN_DAYS}); made with a token, no longer than that token. A new password revokes every token.`,
        body: z.object({ name: z.string().min(1).max(100), expires_in_days: z.number().int().min(1).max(MAX_API_TOKEN_DAYS).optional() }).strict(),
        response: { 201: ApiToken.extend({ token: z.string() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const session = readSessionToken(request);
      const created = await accounts.createToken(request.user!.id, {
        name: request.body.name,
        ...(request.body.expires_in_days !== undefined ? { expiresInDays: request.body.expires_in_days } : {}),
        ...(session?.via === 'bearer' ? { callerToken: session.token } : {}),
      });
      return reply.status(201).send(present(created));
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    { preValidation: signedIn, schema: { tags: ['auth'], summary: '吊销 API 令牌 / revoke an API token', params: idParams, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await accounts.revokeToken(request.params.id, { ownerId: request.user!.id, actorId: request.user!.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/csrf-secret/rotate',
    {
      preValidation: admin,
      schema: {
        tags: ['auth'],
        summary: '更换 CSRF 密钥（所有人需重新登录）/ rotate the CSRF secret, ending every session',
        description: 'The CSRF secret is kept in the database, shared by every server process and kept across restarts; rotating it ends every session, this one included.',
        response: { 200: z.object({ ended_sessions: z.number().int() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const { endedSessions } = await auth.rotateCsrfSecret(request.user!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ended_sessions: endedSessions };
    },
  );

  app.get(
    '/api/users',
    { preValidation: admin, schema: { tags: ['users'], summary: '用户列表 / users', response: { 200: z.object({ items: z.array(ManagedUser) }), 401: ErrorResponse, 403: ErrorResponse } } },
    async () => ({ items: present(await accounts.listUsers()) }),
  );

  app.post(
    '/api/users',
    {
      preValidation: admin,
      schema: {
        tags: ['users'],
        summary: '新增用户（返回一次性密码）/ add a user, with a one-time password',
        body: z.object({ username: z.string().min(1).max(100), role, unit_id: z.number().int().nullable().optional(), display_name: z.string().max(100).optional() }).strict(),
        response: { 201: z.object({ user: ManagedUser, one_time_password: z.string() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const { user, password: oneTime } = await accounts.addUser({
        username: request.body.username,
        role: request.body.role,
        ...(request.body.unit_id != null ? { unit: request.body.unit_id } : {}),
        ...(request.body.display_name ? { displayName: request.body.display_name } : {}),
        actorId: request.user!.id,
      });
      return reply.status(201).send({ user: present(user), one_time_password: oneTime });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      preValidation: admin,
      schema: {
        tags: ['users'],
        summary: '修改用户角色、单位与姓名 / change a user\'s role, unit and display name',
        description: 'A unit editor needs a unit. The change applies at the user\'s next request: a unit editor moved to another unit sees that unit\'s items.',
        params: idParams,
        body: z.object({ role, unit_id: z.number().int().min(1).nullable(), display_name: z.string().max(100).nullable().optional() }).strict(),
        response: { 200: ManagedUser, ...writeErrors },
      },
    },
    async (request) => {
      const { role: newRole, unit_id, display_name } = request.body;
      return present(await accounts.updateUser(request.params.id, { role: newRole, unitId: unit_id, displayName: display_name ?? null }, request.user!.id));
    },
  );

  for (const [action, isDisabled] of [['disable', true], ['enable', false]] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        preValidation: admin,
        schema: {
          tags: ['users'],
          summary: isDisabled ? '停用用户（结束其会话、吊销其 API 令牌）/ disable a user, ending their sessions and API tokens' : '重新启用用户 / enable a user again',
          description: isDisabled
            ? 'A disabled user cannot sign in (403 account_disabled once the password is right); every session ends and every API token is revoked. Audited.'
            : 'The user signs in again with their password; ended sessions and revoked tokens stay ended. Audited.',
          params: idParams,
          response: { 200: ManagedUser, ...writeErrors },
        },
      },
      async (request) => {
        return present(await accounts.setDisabled(request.params.id, isDisabled, request.user!.id));
      },
    );
  }

  app.get(
    '/api/users/:id/tokens',
    {
      preValidation: admin,
      schema: { tags: ['users'], summary: '用户的 API 令牌 / a user\'s API tokens', params: idParams, response: { 200: z.object({ items: z.array(ApiToken) }), ...writeErrors } },
    },
    async (request) => ({ items: present(await accounts.listTokens(request.params.id)) }),
  );

  app.delete(
    '/api/users/:id/tokens/:token_id',
    {
      preValidation: admin,
      schema: { tags: ['users'], summary: '吊销用户的 API 令牌 / revoke a user\'s API token', params: tokenParams, response: { 204: z.null(), ...writeErrors } },
    },
    async (request, reply) => {
      await accounts.revokeToken(request.params.token_id, { ownerId: request.params.id, actorId: request.user!.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      preValidation: admin,
      schema: {
        tags: ['users'],
        summary: '重置密码（返回一次性密码）/ reset a password to a one-time password',
        params: idParams,
        response: { 200: z.object({ one_time_password: z.string() }), ...writeErrors },
      },
    },
    async (request) => {
      const { oneTimePassword } = await accounts.resetPassword(request.params.id, request.user!.id);
      return { one_time_password: oneTimePassword };
    },
  );
};
