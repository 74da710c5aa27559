/**
 * Reads who is calling on public routes without requiring it: sets `request.user` for a valid session or API token
 * and leaves it unset for anonymous callers (reads need no CSRF header). Example: `{ preHandler: optionalUser(auth) }`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from './auth.service.ts';
import { readSessionToken } from './require-user.ts';

export function optionalUser(auth: AuthService) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const session = readSessionToken(request);
    if (!session) return;
    const user = await auth.userForToken(session.token);
    if (user) request.user = user;
  };
}
