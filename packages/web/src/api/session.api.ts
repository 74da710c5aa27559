/** Signing in and out, the signed-in user, and changing one's password. Example: signIn('admin', '…') → { username: 'admin', role: 'admin', … }. */
import type { SessionJson } from '@duixian/server';
import { getJson, request, setCsrfToken } from './http.client.ts';
import type { SessionUser } from './view-types.ts';

function toSessionUser({ user, must_change_password }: SessionJson): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    ...(user.unit_id !== null ? { unitId: user.unit_id } : {}),
    ...(user.display_name ? { displayName: user.display_name } : {}),
    mustChangePassword: must_change_password,
  };
}

/**
 * The signed-in user, or undefined for the public. Sign-in sets the readable CSRF cookie beside the httpOnly session
 * cookie, with the same lifetime: without it there is no session to ask about, and a visitor's console stays free of
 * the 401 the question would get.
 */
export async function getSessionUser(): Promise<SessionUser | undefined> {
  if (!/(?:^|;\s*)duixian_csrf=/.test(document.cookie)) return undefined;
  try {
    const answer = await getJson<SessionJson>('/api/auth/session');
    setCsrfToken(answer.csrf_token);
    return toSessionUser(answer);
  } catch {
    return undefined;
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const answer = await request<SessionJson>('POST', '/api/auth/sign-in', { username, password });
  setCsrfToken(answer.csrf_token);
  return toSessionUser(answer);
}

/** Replaces the signed-in user's password; the server ends every session of the user, so sign in again after. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('POST', '/api/auth/password', { current_password: currentPassword, new_password: newPassword });
  setCsrfToken(undefined);
}

export async function signOut(): Promise<void> {
  await request<void>('POST', '/api/auth/sign-out');
  setCsrfToken(undefined);
}
