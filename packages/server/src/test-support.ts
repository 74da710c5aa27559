/**
 * Helpers for the API tests: an app on a fresh database of either engine, signed-in requests with the CSRF
 * header, and multipart bodies for uploads. Example: `const api = await openTestApp('pglite'); await api.admin.post(...)`.
 */
import type { DatabaseHandle } from '@duixian/storage';
import { openTestDatabase, type TestEngine } from '@duixian/storage/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';

export { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.test-support.ts';

export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';

export interface SignedInClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  admin: SignedInClient;
  /** The demo district's (630105) plan, when the demo was imported: the plan tests add their commitments to. */
  demoPlanId: number | undefined;
  close(): Promise<void>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedInClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === 'duixian_session');
  const csrf = (response.json() as { csrf_token: string }).csrf_token;
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { duixian_session: session?.value ?? '' },
      headers: { ...(options.headers ?? {}), 'x-csrf-token': csrf },
    });
  return {
    request,
    post: (url, payload) => request({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
  };
}

export async function openTestApp(engine: TestEngine, options: Omit<AppOptions, 'database'> = {}): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  try {
    const app = await buildApp({ adminPassword: TEST_ADMIN_PASSWORD, ...options, database });
    const admin = await signIn(app, 'admin', TEST_ADMIN_PASSWORD);
    const demoPlanId = (await database.repositories.plans.list({ regionCode: '630105' }))[0]?.id;
    return {
      app,
      database,
      admin,
      demoPlanId,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A multipart/form-data body with one file and some fields. */
export function multipart(file: { name: string; content: Uint8Array | string; field?: string }, fields: Record<string, string>) {
  const boundary = `----duixian${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
