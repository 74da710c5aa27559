/**
 * Load test of progress reporting, bounded and on loopback only: starts the server on 127.0.0.1 over a fresh
 * database, gives N unit editors an API token each, and lets them post progress updates concurrently for D seconds;
 * then checks that every accepted update is in the database and in the audit trail, and that the counts match.
 * Run: `npx tsx scripts/load/progress-load.ts [--clients 50] [--seconds 60] [--engine pglite|postgres]`
 * (postgres uses TEST_DATABASE_URL, in a schema of its own that is dropped afterwards). Exit code 1 on a mismatch.
 */
import { parseArgs } from 'node:util';
import { addUser, buildApp } from '@duixian/server';
import { openTestDatabase, type TestEngine } from '@duixian/storage/testing';
import { createApiToken } from '../../packages/server/src/auth/api-tokens.ts';

const MAX_CLIENTS = 200;
const MAX_SECONDS = 60;
const COMMITMENTS = 20;

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' }, engine: { type: 'string', default: 'pglite' } },
});
const clients = Math.min(MAX_CLIENTS, Math.max(1, Number(values.clients)));
const seconds = Math.min(MAX_SECONDS, Math.max(1, Number(values.seconds)));
const engine = values.engine as TestEngine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine is pglite or postgres');

const database = await openTestDatabase(engine, engine === 'postgres' ? { poolSize: 10 } : {});
const now = () => new Date('2024-06-30T04:00:00Z');
const app = await buildApp({ database, adminPassword: 'load-test-admin-password', now, seedDemo: true, print: () => {} });
try {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(address)) throw new Error(`not on loopback: ${address}`);

  // One unit with COMMITMENTS work items of its own, and one editor (with an API token) per client.
  const { repositories } = database;
  const unitId = (await repositories.regions.ensureUnit('630105', '区负载测试局')).id;
  const plan = (await repositories.plans.list({ regionCode: '630105' }))[0];
  if (!plan) throw new Error('the demo plan is missing');
  const commitmentIds: number[] = [];
  for (let index = 0; index < COMMITMENTS; index += 1) {
    const created = await app.duixian.services.commitments.create(
      { plan_id: plan.id, title: `负载测试事项${index + 1}`, target_value: '1000000', target_unit: '个', lead_unit_id: unitId },
      { id: 1 },
    );
    commitmentIds.push(created.id);
  }
  const tokens: string[] = [];
  for (let index = 0; index < clients; index += 1) {
    const { user } = await addUser(database, { username: `load${index + 1}`, role: 'unit_editor', unit: unitId, password: 'load-test-password' });
    tokens.push((await createApiToken(database, user.id, { name: 'load test', now: now() })).token);
  }
  const rowsBefore = await repositories.progressUpdates.count();

  const accepted: number[] = [];
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, client) => {
      for (let sequence = 0; performance.now() < deadline; sequence += 1) {
        const commitmentId = commitmentIds[(client + sequence) % commitmentIds.length] as number;
        const begin = performance.now();
        try {
          const response = await fetch(`${address}/api/commitments/${commitmentId}/progress`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ reported_on: '2024-06-30', amount: String(sequence + 1), note: `load client ${client + 1} #${sequence + 1}` }),
          });
          const body = (await response.json()) as { id?: number };
          latencies.push(performance.now() - begin);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201 && typeof body.id === 'number') accepted.push(body.id);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  const rows = (await repositories.progressUpdates.count()) - rowsBefore;
  const audit = await database.db
    .selectFrom('audit_events')
    .select(['entity_id', 'after'])
    .where('action', '=', 'report_progress')
    .where('entity_type', '=', 'commitment')
    .where('entity_id', 'in', commitmentIds.map(String))
    .execute();
  const auditedIds = new Set(audit.map((event) => (event.after as { id?: number } | null)?.id));
  const missing = accepted.filter((id) => !auditedIds.has(id));
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => (latencies.length ? (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] as number).toFixed(1) : '-');
  const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  const report = {
    engine,
    clients,
    seconds: Number(elapsed.toFixed(1)),
    requests: total + failures,
    accepted: accepted.length,
    statuses: Object.fromEntries(statuses),
    networkFailures: failures,
    requestsPerSecond: Number((total / elapsed).toFixed(1)),
    latencyMs: { p50: percentile(50), p99: percentile(99), max: percentile(100) },
    progressRowsAdded: rows,
    auditEventsAdded: audit.length,
    acceptedMissingFromAudit: missing.length,
    countsMatch: rows === accepted.length && audit.length === accepted.length && missing.length === 0,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.countsMatch) process.exitCode = 1;
} finally {
  await app.close();
  await database.close();
}
