/**
 * `duixian serve [--port N] [--data DIR]` (also PORT, DUIXIAN_DATA, DATABASE_URL): the whole product on one port —
 * the API, the web app and, on first start, the demo region imported from the seed page.
 * A data folder another process holds (a server already running on it) is refused with exit code 1, naming it.
 */
import { startServer, type RunningServer } from '@duixian/server';
import { messages, type Language } from '../messages.ts';
import { describeHolder, heldBy } from './data-folder-holder.ts';

const IN_USE = {
  zh: (url: string | undefined) => `：同一数据目录不能再启动一个服务${url ? `，请直接使用 ${url}` : ''}，或先停止它`,
  en: (url: string | undefined) => `: a second server cannot run on the same data folder${url ? `; use ${url}` : ''}, or stop it first`,
};

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataDir?: string;
  readonly language: Language;
}

/** Starts the server and stops it cleanly on Ctrl-C or SIGTERM, closing the embedded database. */
export async function runServe(options: ServeOptions, environment: NodeJS.ProcessEnv): Promise<void> {
  const port = options.port ?? (environment.PORT ? Number(environment.PORT) : 8080);
  const databaseUrl = environment.DATABASE_URL;
  const dataDir = options.dataDir ?? environment.DUIXIAN_DATA;
  let server: RunningServer;
  try {
    server = await startServer({
      port,
      ...(options.host ? { host: options.host } : environment.HOST ? { host: environment.HOST } : {}),
      ...(databaseUrl ? { databaseUrl } : dataDir ? { dataDir } : {}),
    });
  } catch (error) {
    const held = heldBy(error);
    if (!held) throw error;
    process.stderr.write(`${describeHolder(held, options.language)}${IN_USE[options.language](held.holder.url)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`${messages(options.language).serving(server.url)}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
