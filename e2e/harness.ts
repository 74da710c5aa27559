/**
 * What every e2e scenario needs: the built web app, the duixian server on a fresh data folder and a free port, and
 * Debian's Chromium driven by playwright-core. Example: `const app = await startApp(); const page = await app.newPage('phone')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../packages/server/src/infographic/svg-png.rasterizer.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const WEB_DIST = join(ROOT, 'packages/web/dist');
export const SCREENSHOT_DIR = join(ROOT, 'e2e-screenshots');
export const DEMO_FILE = join(ROOT, 'demo/chengbei-2023-minsheng.txt');

/** Flags for Chromium in this sandbox, the same the server's PNG rasterizer starts it with. */
export { CHROMIUM_ARGS };

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'packages/web/vite.config.ts'), logLevel: 'warn' });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A running server with its base URL and the admin account created on first start. */
export interface RunningServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly admin: { readonly username: string; readonly password: string };
  /** Creates a staff account directly (the API has no user administration yet): role and, for unit editors, unit. */
  addUser(user: { username: string; password: string; role: 'supervisor' | 'unit_editor'; unitId?: number; displayName?: string }): Promise<number>;
  /** Sets the server's clock to a fixed instant (reporting deadlines, sessions), or back to the real time with undefined. */
  setClock(instant: Date | undefined): void;
  /** Emails the server sent, as the local SMTP receiver got them (recipients and raw message). */
  readonly mail: readonly { readonly to: readonly string[]; readonly raw: string }[];
  /** JSON bodies the server posted to its webhook (a stand-in for a 钉钉 / 企业微信 robot). */
  readonly webhooks: readonly unknown[];
  close(): Promise<void>;
}

/** Starts the real app in this process on a fresh PGlite folder: demo imported, admin created, web app served. */
export async function startDuixian(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'duixian-e2e-'));
  const port = await freePort();
  const adminPassword = `e2e-${Math.random().toString(36).slice(2)}-Pw1`;
  const { buildApp } = await import('@duixian/server');
  const { hashPassword } = await import('../packages/server/src/auth/password.ts');
  const receivers = await startReceivers();
  let fixedClock: Date | undefined;
  // The scenarios play a dozen people signing in from one address within minutes; the per-address limit itself is
  // tested in the server's tests.
  const app = await buildApp({
    dataDir,
    staticDir: WEB_DIST,
    adminPassword,
    log: false,
    signInsPerMinute: 1000,
    now: () => fixedClock ?? new Date(),
    // Reminders run when a scenario asks (POST /api/reminders/run), not on a timer in the middle of another scenario.
    reminderIntervalMs: 0,
    delivery: { smtp: { url: `smtp://127.0.0.1:${receivers.smtpPort}`, from: '城北区督查室 <duban@e2e.example>' }, webhookUrl: receivers.webhookUrl },
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    admin: { username: 'admin', password: adminPassword },
    async addUser(user) {
      const row = await app.duixian.services.database.repositories.users.create({
        username: user.username,
        role: user.role,
        passwordHash: await hashPassword(user.password),
        ...(user.displayName ? { displayName: user.displayName } : {}),
        ...(user.unitId !== undefined ? { unitId: user.unitId } : {}),
      });
      return row.id;
    },
    setClock(instant) {
      fixedClock = instant;
    },
    mail: receivers.mail,
    webhooks: receivers.webhooks,
    async close() {
      await app.close();
      await receivers.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A local SMTP receiver and webhook receiver that keep what the server sends them. */
async function startReceivers() {
  const { startSmtpReceiver } = await import('@duixian/server/testing');
  const { createServer: createHttpServer } = await import('node:http');
  const smtp = await startSmtpReceiver();
  const webhooks: unknown[] = [];
  const hook = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      webhooks.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  const hookPort = await freePort();
  await new Promise<void>((done) => hook.listen(hookPort, '127.0.0.1', done));
  return {
    smtpPort: smtp.port,
    webhookUrl: `http://127.0.0.1:${hookPort}/robot/send?access_token=e2e`,
    mail: smtp.messages,
    webhooks,
    close: async () => {
      await smtp.close();
      await new Promise<void>((done) => hook.close(() => done()));
    },
  };
}

/** A session from an API sign-in: its cookies (name=value) and the CSRF token writes echo. */
export interface ApiSignIn {
  readonly cookies: string[];
  readonly csrf: string;
}

/**
 * Signs in through the API. Sign-ins are limited per address, so a 429 waits the time the server names and tries
 * again (the limit itself is tested in the server's tests).
 */
export async function apiSignIn(baseUrl: string, username: string, password: string): Promise<ApiSignIn> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const answer = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (answer.status === 429) {
      await new Promise((done) => setTimeout(done, (Number(answer.headers.get('retry-after')) || 10) * 1000 + 200));
      continue;
    }
    if (!answer.ok) throw new Error(`sign-in as ${username} failed: ${answer.status} ${await answer.text()}`);
    const { csrf_token: csrf } = (await answer.json()) as { csrf_token: string };
    return { cookies: answer.headers.getSetCookie().map((line) => line.split(';')[0]!), csrf };
  }
  throw new Error(`sign-in as ${username} stayed rate-limited`);
}

export type ApiCaller = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** A caller on one session: sends its cookies and CSRF header, a body as JSON or (FormData) as multipart. */
export function sessionCaller(baseUrl: string, session: ApiSignIn): ApiCaller {
  const headers = { cookie: session.cookies.join('; '), 'x-csrf-token': session.csrf };
  return async <T>(method: string, path: string, body?: unknown) => {
    const isForm = body instanceof FormData;
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined || isForm ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Signs in through the API and returns a caller that sends the session cookie and CSRF header. */
export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiCaller> {
  return sessionCaller(baseUrl, await apiSignIn(baseUrl, username, password));
}

/** A browser context carrying the cookies of an API sign-in, so a page opens signed in without the sign-in page. */
export async function signedInContext(
  context: Pick<E2eContext, 'server' | 'newContext'>,
  cookies: readonly string[],
  viewport: ViewportName = 'desktop',
  locale: 'zh' | 'en' = 'zh',
): Promise<BrowserContext> {
  const browser = await context.newContext(viewport, locale);
  await browser.addCookies(cookies.map((cookie) => {
    const [name, ...value] = cookie.split('=');
    return { name: name!, value: value.join('='), url: context.server.baseUrl };
  }));
  return browser;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Everything a scenario gets; `shared` carries facts from one scenario to the next (ids, passwords). */
export interface E2eContext {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly shared: Map<string, unknown>;
  newContext(viewport?: ViewportName, locale?: 'zh' | 'en'): Promise<BrowserContext>;
  log(line: string): void;
}

export interface Scenario {
  readonly name: string;
  run(context: E2eContext): Promise<void>;
}

/** Fails with a message that names what was missing: the page text is searched, not a selector's internals. */
export async function expectText(page: Page, text: string, timeout = 15_000): Promise<void> {
  try {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 600);
    throw new Error(`expected to see "${text}" on ${page.url()}; page shows: ${body.replace(/\s+/g, ' ')}`);
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
