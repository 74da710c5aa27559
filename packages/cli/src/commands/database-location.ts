/**
 * Where the CLI's database is, as `duixian serve` finds it, except that an explicit `--data DIR` wins: `--data DIR`,
 * then DATABASE_URL (PostgreSQL), then DUIXIAN_DATA, then .duixian-data at the repository root (embedded PGlite).
 * Example: `databaseLocation({ dataDir: './data' }, process.env)` → { dataDir: './data', label: 'PGlite ./data' }.
 */
import { DEFAULT_DATA_DIR } from '@duixian/server';

export interface DatabaseLocation {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** For messages: 'PostgreSQL 127.0.0.1:5432/duixian' or 'PGlite /srv/duixian-data' (never a password). */
  readonly label: string;
}

export function databaseLocation(options: { dataDir?: string }, environment: NodeJS.ProcessEnv): DatabaseLocation {
  const databaseUrl = environment['DATABASE_URL'];
  if (databaseUrl && !options.dataDir) {
    let where = 'PostgreSQL';
    try {
      const url = new URL(databaseUrl);
      where = `PostgreSQL ${url.host}${url.pathname}`;
    } catch {
      // An unparsable URL still goes to the driver, which names the problem.
    }
    return { databaseUrl, label: where };
  }
  const dataDir = options.dataDir ?? environment['DUIXIAN_DATA'] ?? DEFAULT_DATA_DIR;
  return { dataDir, label: `PGlite ${dataDir}` };
}
