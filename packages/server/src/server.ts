/**
 * Starts the server: `const { url, close } = await startServer({ port: 8080, dataDir: '.duixian-data' })`.
 * The lead's `duixian serve` and `npm start` call this; health answers 200 once it listens.
 */
import { fileURLToPath } from 'node:url';
import { buildApp, type AppOptions } from './app.ts';

export interface StartServerOptions extends Omit<AppOptions, 'database'> {
  /** Default 8080 (0 picks a free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Where data lives when nobody says: .duixian-data at the repository root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.duixian-data', import.meta.url));

/** The built web app, when it has been built. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const app = await buildApp({
    ...options,
    ...(options.databaseUrl ? {} : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR }),
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
  });
  try {
    const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    // Only now is there an address: the lock file tells a second process where to send its work, and with which key.
    const { lock } = app.duixian.services.database;
    const listening = app.server.address();
    if (lock && app.duixian.localKey && listening && typeof listening === 'object') {
      await lock.publish({ url: address, port: listening.port, localKey: app.duixian.localKey });
    }
    // Statuses of large plans take seconds to compute: start now, in the background, rather than on the first read.
    const warming = app.duixian.services.commitments.warmUp().catch((error: unknown) => {
      app.log.warn({ err: error }, 'warming the schedule index failed; statuses are computed on first read');
    });
    return {
      url: address,
      close: async () => {
        await warming;
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
