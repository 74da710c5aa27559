/**
 * The local admin key: a random key a server on a PGlite folder writes into the folder's lock file (mode 0600), so
 * that `duixian user` and `duixian backup` run on the same machine, by the folder's owner, can act as admin through
 * the live server without anyone typing the admin's password. Whoever can read the lock file can read the whole
 * folder anyway: the key grants nothing its reader did not have. It lives as long as the server process.
 * Example: request header `x-duixian-local-key: 3q…Zk` → the route runs as the command line (audit actor null).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { AuthService } from './auth.service.ts';
import { readSessionToken, requireUser } from './require-user.ts';

export const LOCAL_KEY_HEADER = 'x-duixian-local-key';

/** 32 random bytes, URL-safe. */
export function generateLocalAdminKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares digests, so the time taken says nothing about how much of the key matched. */
function isSameKey(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether the request presents the server's local key; a wrong key is refused outright. */
function hasLocalKey(request: FastifyRequest, localKey: string | undefined): boolean {
  const header = request.headers[LOCAL_KEY_HEADER];
  if (header === undefined) return false;
  if (!localKey || typeof header !== 'string' || !isSameKey(header, localKey)) {
    throw new HttpError(403, 'forbidden', '本机管理密钥不正确 / wrong local admin key');
  }
  return true;
}

/** Only a command on this machine presenting the local key: a signed-in user without it is known but not allowed (403). */
export function requireLocalKey(auth: AuthService, localKey: string | undefined) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (hasLocalKey(request, localKey)) return;
    const session = readSessionToken(request);
    if (session && (await auth.userForToken(session.token))) {
      throw new HttpError(403, 'forbidden', '只有本机命令行（本机管理密钥）可以调用 / only a command on the server\'s machine, with the local admin key');
    }
    throw new HttpError(401, 'unauthenticated', '需要本机管理密钥 / the local admin key is required');
  };
}

/** The local key, or else a signed-in admin (session or API token). */
export function requireAdminOrLocalKey(auth: AuthService, localKey: string | undefined) {
  const admin = requireUser(auth, ['admin']);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (hasLocalKey(request, localKey)) return;
    await admin(request, reply);
  };
}
