/**
 * `npm run bench:api`: HTTP throughput and tail latency of duixian's API against a bare Fastify route on the same
 * machine (autocannon, one run), then the dashboard summary's time on a generated large region — 100,000
 * commitments, 1,000,000 progress updates, 1,000,000 budget lines — on PostgreSQL (BENCH_DATABASE_URL, else
 * DATABASE_URL or TEST_DATABASE_URL) and on PGlite. The servers run in a child process so the load generator does
 * not share their event loop. Example row: "dashboard summary (cached)  12,000 req/s  p99 3 ms  (0.55× bare)".
 * Knobs: BENCH_SECONDS (default 5 per target), BENCH_ROUNDS (3, interleaved; the median is shown), BENCH_CONNECTIONS (10), BENCH_COMMITMENTS (100000),
 * BENCH_UPDATES_PER_COMMITMENT (10), BENCH_BUDGET_LINES (1000000), BENCH_PGLITE_SCALE (1 = same size as PostgreSQL),
 * BENCH_PARTS (default 'http,postgres,pglite': which parts to run; 'pglite-folder' or 'pglite-memory' for one kind of PGlite).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from '@duixian/storage';
import { generateLargeRegion } from '@duixian/storage/testing';
import { dropTestSchema } from '@duixian/storage/testing';
import { buildApp, createServices } from '@duixian/server';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const COMMITMENTS = Number(process.env['BENCH_COMMITMENTS'] ?? 100_000);
const UPDATES_PER_COMMITMENT = Number(process.env['BENCH_UPDATES_PER_COMMITMENT'] ?? 10);
const BUDGET_LINES = Number(process.env['BENCH_BUDGET_LINES'] ?? 1_000_000);
const PGLITE_SCALE = Number(process.env['BENCH_PGLITE_SCALE'] ?? 1);
const SELF = fileURLToPath(import.meta.url);
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'http,postgres,pglite').split(',').map((part) => part.trim()));
const BENCH_REGION = '990101';
const BENCH_YEAR = 2024;

/** Child mode: a bare Fastify route and the duixian app (in-memory PGlite with the demo), ports on stdout. */
async function serve(): Promise<void> {
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok', engine: 'bare' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const app = await buildApp({ adminPassword: randomBytes(12).toString('hex') });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ bareUrl, appUrl })}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await Promise.all([bare.close(), app.close()]);
    process.exit(0);
  });
}

function startServers(): Promise<{ bareUrl: string; appUrl: string; pid: number; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) {
        const urls = JSON.parse(line) as { bareUrl: string; appUrl: string };
        resolve({
          ...urls,
          pid: child.pid ?? 0,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.stdin.end();
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code}): ${output}`)));
  });
}

interface LoadRow {
  target: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  bytes: number;
  /** The server process's CPU time per answered request: steadier than req/s when other work shares the machine. */
  serverCpuMicros: number;
}

/** User + system CPU seconds a process has used so far (Linux /proc; 0 elsewhere, and the column reads 0). */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** What Chromium sends: every request below carries it unless a row says otherwise. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

async function load(target: string, url: string, serverPid: number, options: { compressed: boolean }): Promise<LoadRow> {
  const headers: Record<string, string> = options.compressed ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : {};
  // A short warm-up fills caches and JIT before the measured run.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 1 });
  const cpuBefore = await cpuSeconds(serverPid);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  const cpu = (await cpuSeconds(serverPid)) - cpuBefore;
  const requests = Math.max(1, result.requests.total);
  return {
    target,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    // The bytes on the wire (fetch would decompress).
    bytes: Math.round(result.throughput.total / requests),
    serverCpuMicros: (cpu * 1e6) / requests,
  };
}

/**
 * Times the summary five ways: with nothing in memory and nothing saved (the schedule index is built, the budget is
 * summed, the tally saved), in a new process that finds the saved tally (what every restart costs), with the index
 * warm but no cached answer, right after a write, and cached.
 */
async function timeSummary(database: DatabaseHandle): Promise<{ coldMs: number; restartMs: number; warmMs: number[]; afterWriteMs: number; cachedMs: number; commitments: number }> {
  const now = () => new Date('2024-06-30T04:00:00Z');
  const services = createServices(database, { now });
  let started = performance.now();
  const summary = await services.dashboard.summary(BENCH_REGION, BENCH_YEAR);
  const coldMs = performance.now() - started;
  const planId = summary.commitments?.plan_id ?? 0;

  const restarted = createServices(database, { now });
  started = performance.now();
  const again = await restarted.dashboard.summary(BENCH_REGION, BENCH_YEAR);
  const restartMs = performance.now() - started;
  if (JSON.stringify(again.commitments) !== JSON.stringify(summary.commitments)) throw new Error(`the saved tally differs from the built one: ${JSON.stringify(again.commitments)} vs ${JSON.stringify(summary.commitments)}`);
  restarted.index.stop();

  const warmMs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    services.cache.clear();
    started = performance.now();
    await services.dashboard.summary(BENCH_REGION, BENCH_YEAR);
    warmMs.push(performance.now() - started);
  }
  const first = (await services.commitments.list({ planId, pageSize: 1 })).items[0];
  if (!first) throw new Error('the generated plan has no commitment');
  await services.auth.ensureAdmin({ password: randomBytes(12).toString('hex') });
  const author = await database.repositories.users.findByUsername('admin');
  if (!author) throw new Error('no admin account to report progress as');
  await services.commitments.addProgress(first.id, { reported_on: '2024-06-29', percent: '50' }, author);
  started = performance.now();
  await services.dashboard.summary(BENCH_REGION, BENCH_YEAR);
  const afterWriteMs = performance.now() - started;
  started = performance.now();
  await services.dashboard.summary(BENCH_REGION, BENCH_YEAR);
  const cachedMs = performance.now() - started;
  services.index.stop();
  return { coldMs, restartMs, warmMs, afterWriteMs, cachedMs, commitments: summary.commitments?.total ?? 0 };
}

async function largeRegion(engine: string, options: OpenDatabaseOptions, scale: number): Promise<string> {
  const size = {
    commitments: Math.round(COMMITMENTS * scale),
    updatesPerCommitment: UPDATES_PER_COMMITMENT,
    budgetLines: Math.round(BUDGET_LINES * scale),
  };
  const database = await openDatabase(options);
  try {
    const started = performance.now();
    await generateLargeRegion(database, { regionCode: BENCH_REGION, year: BENCH_YEAR, ...size });
    const generatedS = (performance.now() - started) / 1000;
    const timing = await timeSummary(database);
    const median = [...timing.warmMs].sort((a, b) => a - b)[1] ?? Number.NaN;
    const memory = Math.round(process.memoryUsage().rss / 1024 / 1024);
    return [
      `${engine}: ${size.commitments} commitments, ${size.commitments * size.updatesPerCommitment} progress updates, ${size.budgetLines} budget lines (generated in ${generatedS.toFixed(1)} s; rss ${memory} MB)`,
      `  dashboard summary, first ever (builds the schedule index, saves the tally): ${timing.coldMs.toFixed(0)} ms`,
      `  dashboard summary, new process, nothing in memory (reads the saved tally): ${timing.restartMs.toFixed(0)} ms`,
      `  dashboard summary, index warm, answer not cached (median of 3):   ${median.toFixed(0)} ms  (runs ${timing.warmMs.map((ms) => ms.toFixed(0)).join(' / ')})`,
      `  dashboard summary right after a progress report:                  ${timing.afterWriteMs.toFixed(0)} ms`,
      `  dashboard summary, cached:                                        ${timing.cachedMs.toFixed(2)} ms  (${timing.commitments} commitments counted)`,
    ].join('\n');
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  if (PARTS.has('http')) await httpPart();
  if ([...PARTS].some((part) => part === 'postgres' || part.startsWith('pglite'))) {
    console.log('\nlarge generated region: dashboard summary time');
  }
  if (PARTS.has('postgres')) await postgresPart();
  if (PARTS.has('pglite') || PARTS.has('pglite-folder') || PARTS.has('pglite-memory')) await pgliteParts();
}

/** One measured target: its name, URL and whether the client accepts compression. */
interface Target {
  name: string;
  url: string;
  compressed: boolean;
}

/**
 * Every target is loaded once per round, rounds interleaved, and each row is the median round: on a shared two-core
 * machine throughput drifts by half within a minute, and interleaving puts the bare route under the same drift.
 */
async function httpPart(): Promise<void> {
  console.log(`duixian API benchmark — autocannon ${CONNECTIONS} connections × ${SECONDS} s per target × ${ROUNDS} interleaved rounds (median), servers in a child process`);
  console.log(`requests send Accept-Encoding: ${BROWSER_ACCEPT_ENCODING} (as Chromium does) unless marked uncompressed; bytes per response as sent, headers included`);
  const servers = await startServers();
  const list = `${servers.appUrl}/api/commitments?region=630105&year=2024`;
  const targets: Target[] = [
    { name: 'bare Fastify route', url: `${servers.bareUrl}/bare`, compressed: true },
    { name: 'GET /api/health', url: `${servers.appUrl}/api/health`, compressed: true },
    { name: 'dashboard summary (cached)', url: `${servers.appUrl}/api/dashboard/summary?region=630105&year=2024`, compressed: true },
    { name: 'commitment list (page of 20)', url: list, compressed: true },
    // The same list with one item: what the list costs apart from its 20 KB body.
    { name: 'commitment list (page of 1)', url: `${list}&page_size=1`, compressed: true },
    // A client that does not accept compression (curl, scripts) gets the whole 22 KB every time.
    { name: 'commitment list, uncompressed', url: list, compressed: false },
  ];
  const runs = new Map<string, { ratio: number; row: LoadRow }[]>(targets.map((target) => [target.name, []]));
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      let bare = Number.NaN;
      for (const target of targets) {
        const row = await load(target.name, target.url, servers.pid, { compressed: target.compressed });
        if (Number.isNaN(bare)) bare = row.requestsPerSecond;
        runs.get(target.name)?.push({ ratio: row.requestsPerSecond / bare, row });
      }
    }
  } finally {
    await servers.stop();
  }
  console.log('\ntarget                          req/s     p99 ms   vs bare   errors   bytes/resp   vs bare per round   server CPU µs/req   by CPU vs bare');
  const bareCpu = median(runs.get(targets[0]!.name)?.map((run) => run.row.serverCpuMicros) ?? []);
  for (const target of targets) {
    const measured = runs.get(target.name) ?? [];
    const middle = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(measured.length / 2)];
    if (!middle) continue;
    const { row, ratio } = middle;
    const cpu = median(measured.map((run) => run.row.serverCpuMicros));
    console.log(
      [
        row.target.padEnd(30),
        row.requestsPerSecond.toFixed(0).padStart(7),
        String(row.p99Ms).padStart(9),
        `${ratio.toFixed(2).padStart(8)}×`,
        String(row.non2xx).padStart(7),
        String(row.bytes).padStart(11),
        `  ${measured.map((run) => `${run.ratio.toFixed(2)}×`).join(' ').padEnd(18)}`,
        cpu.toFixed(1).padStart(17),
        `${(bareCpu / cpu).toFixed(2).padStart(15)}×`,
      ].join(' '),
    );
  }
  console.log('"by CPU vs bare": the bare route\'s server CPU per request over this target\'s — the throughput ratio a server with the machine to itself would show.');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** PGlite as `npm start` runs it (a data folder, a temporary one here), and in memory as the tests run it. */
async function pgliteParts(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'duixian-bench-'));
  try {
    const kinds = [
      ['pglite-folder', 'pglite (data folder)', { dataDir }],
      ['pglite-memory', 'pglite (in memory)', {}],
    ] as const;
    for (const [part, engine, options] of kinds) {
      if (!PARTS.has('pglite') && !PARTS.has(part)) continue;
      try {
        console.log(await largeRegion(engine, options, PGLITE_SCALE));
      } catch (error) {
        console.log(`${engine} failed at scale ${PGLITE_SCALE}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgresPart(): Promise<void> {
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (url) {
    const options = { databaseUrl: url, schema: `bench_${randomBytes(4).toString('hex')}`, poolSize: 4 };
    try {
      console.log(await largeRegion('postgres', options, 1));
    } catch (error) {
      console.log(`postgres   failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await dropTestSchema(options);
    }
  } else {
    console.log('postgres   skipped: set BENCH_DATABASE_URL (or DATABASE_URL / TEST_DATABASE_URL)');
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
