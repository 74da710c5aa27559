/**
 * `duixian serve [--port N] [--data DIR]` (also PORT, DUIXIAN_DATA, DATABASE_URL): the whole product on one port —
 * the API, the web app and, on first start, the demo region imported from the seed page.
 */
import { startServer } from '@duixian/server';
import { messages, type Language } from '../messages.ts';

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
  const server = await startServer({
    port,
    ...(options.host ? { host: options.host } : environment.HOST ? { host: environment.HOST } : {}),
    ...(databaseUrl ? { databaseUrl } : dataDir ? { dataDir } : {}),
  });
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
