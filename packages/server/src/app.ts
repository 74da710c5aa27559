/**
 * Builds the HTTP app: opens (and migrates) the database, creates the admin account and the demo on first start,
 * and registers the API with its zod schemas, OpenAPI document (/api/openapi.json), docs (/api/docs) and the built
 * web app. Example: `const app = await buildApp({ dataDir: '.duixian-data' }); await app.inject('/api/health')`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { openDatabase, type DatabaseHandle } from '@duixian/storage';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { Health } from './api-schemas.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { taskSheetRoutes } from './task-sheet/task-sheet.routes.ts';
import { accountsRoutes } from './routes/accounts.routes.ts';
import { evidenceRoutes } from './routes/evidence.routes.ts';
import { handleError, HttpError } from './http-error.ts';
import { infographicRoutes } from './infographic/infographic.routes.ts';
import { createSvgRasterizer, type SvgRasterizer } from './infographic/svg-png.rasterizer.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { catalogueRoutes } from './routes/catalogue.routes.ts';
import { commitmentsRoutes } from './routes/commitments.routes.ts';
import { figuresRoutes } from './routes/figures.routes.ts';
import { followUpRoutes } from './routes/follow-up.routes.ts';
import { followUpLeagueRoutes } from './routes/follow-up-league.routes.ts';
import { warningsRoutes } from './routes/warnings.routes.ts';
import { reviewRoutes } from './routes/review.routes.ts';
import { progressReviewRoutes } from './routes/progress-review.routes.ts';
import { reportingRoutes } from './reporting/reporting.routes.ts';
import type { DeliveryConfig } from './reporting/delivery.config.ts';
import { generateLocalAdminKey } from './auth/local-admin-key.ts';
import { localAdminRoutes } from './routes/local-admin.routes.ts';
import { guardTextInput } from './text-input.guard.ts';
import { isEmptyDatabase, seedDemo } from './services/demo.service.ts';
import { MAX_IMPORT_BYTES, type ImportProbe } from './services/import.service.ts';
import { createServices, type Services } from './services/services.ts';

export interface AppOptions {
  /** An open database to use (the caller closes it); otherwise one is opened from `dataDir` / `databaseUrl`. */
  readonly database?: DatabaseHandle;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** The built web app (packages/web/dist), served at / when the folder exists. */
  readonly staticDir?: string;
  /** Fastify's logger: false (default), true, or its options. */
  readonly log?: FastifyServerOptions['logger'];
  /** The clock, for schedule status and sessions (tests pass a fixed one). */
  readonly now?: () => Date;
  /** Import the demo on first start with an empty database (default true). */
  readonly seedDemo?: boolean;
  /** The admin's password on first start; by default a one-time password is generated and printed. */
  readonly adminPassword?: string;
  /** Where the one-time password is printed (default: stdout). */
  readonly print?: (line: string) => void;
  /**
   * Secure (HTTPS-only) cookies on every sign-in; default true when NODE_ENV is production or DUIXIAN_SECURE_COOKIES=1.
   * Otherwise they are Secure when the request came over HTTPS (as a trusted proxy's x-forwarded-proto says).
   */
  readonly secureCookies?: boolean;
  /** Behind a reverse proxy: believe its x-forwarded-for / x-forwarded-proto; default DUIXIAN_TRUST_PROXY=1. */
  readonly trustProxy?: boolean;
  readonly importProbe?: ImportProbe;
  /**
   * Sign-ins a minute from one address (default 10), on top of the per-user throttle. The browser tests raise it: they
   * play many people from one address.
   */
  readonly signInsPerMinute?: number;
  /** SVG to PNG for the infographic and the 通报's chart; default headless Chromium, started on first use. */
  readonly rasterizer?: SvgRasterizer;
  /** Where reminders are emailed and posted; default: the environment (DUIXIAN_SMTP_URL …, DUIXIAN_WEBHOOK_URL). */
  readonly delivery?: DeliveryConfig;
  /**
   * How often the reminder pass runs (ms); 0 turns the scheduler off (POST /api/reminders/run still works). Default:
   * DUIXIAN_REMINDER_INTERVAL_MINUTES, else 15 minutes.
   */
  readonly reminderIntervalMs?: number;
}

export const SIGN_INS_PER_MINUTE = 10;

declare module 'fastify' {
  interface FastifyInstance {
    duixian: {
      services: Services;
      admin: { username: string; password: string } | undefined;
      /** On a locked PGlite folder: the key startServer writes into the lock file for commands on this machine. */
      localKey: string | undefined;
    };
  }
}

/** Largest JSON body accepted (uploads have their own limit). */
export const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const database =
    options.database ??
    (await openDatabase({
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    }));
  const ownsDatabase = options.database === undefined;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const stale = ownsDatabase ? database.lock?.takenOverFrom : undefined;
  if (stale) {
    print(`已接管失效的数据目录锁：进程 ${stale.pid} 已不在（自 ${stale.startedAt} 起持有）/ took over the stale lock of process ${stale.pid} (held since ${stale.startedAt}), which is gone`);
  }
  const localKey = database.lock ? generateLocalAdminKey() : undefined;
  const now = options.now ?? (() => new Date());
  const services = createServices(database, {
    now,
    ...(options.importProbe ? { importProbe: options.importProbe } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });

  let admin: { username: string; password: string } | undefined;
  try {
    if ((options.seedDemo ?? true) && (await isEmptyDatabase(database))) await seedDemo(database, services.imports);
    admin = await services.auth.ensureAdmin(options.adminPassword ? { password: options.adminPassword } : {});
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  if (admin && !options.adminPassword) {
    print(`管理员账号已创建 / admin account created: ${admin.username}`);
    print(`一次性密码（只显示这一次）/ one-time password (shown once): ${admin.password}`);
  }

  const trustProxy = options.trustProxy ?? process.env['DUIXIAN_TRUST_PROXY'] === '1';
  const app = Fastify({ logger: options.log ?? false, bodyLimit: JSON_BODY_LIMIT, trustProxy }).withTypeProvider<ZodTypeProvider>();
  app.decorate('duixian', { services, admin, localKey });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  guardTextInput(app);
  addSecurityHeaders(app);
  // The reminder pass on an interval: idempotent (one reminder per slot and kind), so a missed or doubled tick is harmless.
  const reminderIntervalMs = options.reminderIntervalMs ?? Number(process.env['DUIXIAN_REMINDER_INTERVAL_MINUTES'] ?? 15) * 60_000;
  const reminderTick =
    reminderIntervalMs > 0
      ? setInterval(() => {
          services.reminders.run().catch((error: unknown) => app.log.error({ err: error }, 'reminder pass failed'));
        }, reminderIntervalMs)
      : undefined;
  reminderTick?.unref();
  app.addHook('onClose', async () => {
    if (reminderTick) clearInterval(reminderTick);
    services.index.stop();
    if (ownsDatabase) await database.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'duixian 兑现 API',
        description: '承诺、进展与公共资金的核查与跟踪 / commitments, progress and public money, checked and tracked',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'duixian_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
  await app.register(fastifyRateLimit, { global: false });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查 / health', response: { 200: Health } } },
    async () => ({ status: 'ok' as const, engine: database.engine }),
  );

  const secureCookies = options.secureCookies ?? (process.env['NODE_ENV'] === 'production' || process.env['DUIXIAN_SECURE_COOKIES'] === '1');
  await app.register(authRoutes, { services, secureCookies, signInsPerMinute: options.signInsPerMinute ?? SIGN_INS_PER_MINUTE });
  await app.register(catalogueRoutes, { services });
  await app.register(reviewRoutes, { services });
  await app.register(commitmentsRoutes, { services });
  await app.register(progressReviewRoutes, { services });
  await app.register(reportingRoutes, { services });
  await app.register(figuresRoutes, { services });
  // One browser for every PNG; the infographic's routes close it with the app.
  const rasterizer = options.rasterizer ?? createSvgRasterizer();
  await app.register(infographicRoutes, { dashboard: services.dashboard, followUps: services.followUps, rasterizer });
  await app.register(documentsRoutes, { services, rasterizer });
  await app.register(exportsRoutes, { services });
  await app.register(taskSheetRoutes, { services });
  await app.register(accountsRoutes, { services });
  await app.register(evidenceRoutes, { services });
  await app.register(followUpRoutes, { services });
  await app.register(followUpLeagueRoutes, { services });
  await app.register(warningsRoutes, { services });
  await app.register(localAdminRoutes, { services, localKey });
  await app.register(webAppPlugin, { staticDir: options.staticDir });
  return app;
}

/** Serves the built web app with its client-side routes; unknown /api paths stay JSON 404s. */
const webAppPlugin: FastifyPluginAsyncZod<{ staticDir: string | undefined }> = async (app, { staticDir }) => {
  const root = staticDir ? resolve(staticDir) : undefined;
  const hasApp = root !== undefined && existsSync(join(root, 'index.html'));
  if (hasApp) await app.register(fastifyStatic, { root, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (hasApp && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return handleError(new HttpError(404, 'not_found', `没有这个地址 / no route ${request.method} ${request.url.split('?')[0]}`), request, reply);
  });
};
