/**
 * What an operator's commands need from a live server: the whole-database backup (admins, or the command line with the
 * local key) streamed from one consistent snapshot, and the command line's `user add` / `user passwd` (local key only;
 * the web has /api/users). Example: GET /api/backup with `x-duixian-local-key: …` → 200 application/gzip, the same
 * file `duixian backup` writes.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, userRole } from '../api-schemas.ts';
import { requireAdminOrLocalKey, requireLocalKey } from '../auth/local-admin-key.ts';
import type { Services } from '../services/services.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const role = userRole;
// Length rules stay with user-admin.service (checkPassword), so the command line gets the same message either way.
const password = z.string().min(1).max(1000).optional();
const AccountResult = z.object({ username: z.string(), role, one_time_password: z.string().optional() });

export const localAdminRoutes: FastifyPluginAsyncZod<{ services: Services; localKey: string | undefined }> = async (app, { services, localKey }) => {
  const { accounts, auth, backups } = services;
  const local = requireLocalKey(auth, localKey);

  app.get(
    '/api/backup',
    {
      preValidation: requireAdminOrLocalKey(auth, localKey),
      schema: {
        tags: ['system'],
        summary: '整库备份（gzip JSON 行）/ back up the whole database',
        // No response schema: the answer is a file stream (errors keep the usual { error } shape, 401/403).
        description: 'The file `duixian backup` writes, from one consistent snapshot; restore it with `duixian restore`. Admins, or a command on the server\'s machine with the local admin key (`x-duixian-local-key`). Errors: 401, 403 { error }.',
      },
    },
    async (_request, reply) => {
      // Written to a private folder first, then sent: the snapshot's transaction lasts as long as the local write,
      // not as long as a slow client takes to download (PGlite has one connection; every request would wait).
      const folder = await mkdtemp(join(tmpdir(), 'duixian-backup-'));
      try {
        const file = join(folder, 'backup.duixian.gz');
        const summary = await backups.write(file);
        const stream = createReadStream(file);
        stream.on('close', () => void rm(folder, { recursive: true, force: true }));
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="duixian-${day}.duixian.gz"`)
          .header('content-length', summary.bytes)
          .header('x-duixian-backup-tables', summary.tables)
          .header('x-duixian-backup-rows', summary.rows)
          .send(stream);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
    },
  );

  app.post(
    '/api/local/users',
    {
      preValidation: local,
      schema: {
        tags: ['users'],
        summary: '命令行添加用户 / `duixian user add` through the live server',
        body: z.object({ username: z.string().min(1).max(100), role, unit: z.string().min(1).max(200).optional(), display_name: z.string().max(100).optional(), password }).strict(),
        response: { 201: AccountResult, ...errors },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const result = await accounts.addUser({
        username: body.username,
        role: body.role,
        ...(body.unit !== undefined ? { unit: body.unit } : {}),
        ...(body.display_name ? { displayName: body.display_name } : {}),
        ...(body.password !== undefined ? { password: body.password } : {}),
        actorId: null,
      });
      return reply.status(201).send({ username: result.user.username, role: result.user.role, ...(result.isGenerated ? { one_time_password: result.password } : {}) });
    },
  );

  app.post(
    '/api/local/users/password',
    {
      preValidation: local,
      schema: {
        tags: ['users'],
        summary: '命令行重设密码 / `duixian user passwd` through the live server',
        body: z.object({ username: z.string().min(1).max(100), password }).strict(),
        response: { 200: AccountResult, ...errors },
      },
    },
    async (request) => {
      const result = await accounts.setPassword(request.body.username, {
        ...(request.body.password !== undefined ? { password: request.body.password } : {}),
        actorId: null,
      });
      return { username: result.user.username, role: result.user.role, ...(result.isGenerated ? { one_time_password: result.password } : {}) };
    },
  );
};
