/**
 * Where a cold schedule build spends its time on a large generated region (kept between runs in schema
 * `bench_keep`): `DATABASE_URL=postgres://… npx tsx scripts/dev/schedule-build.ts [--fresh]`.
 */
import { openDatabase } from '@duixian/storage';
import { dropTestSchema, generateLargeRegion } from '@duixian/storage/testing';
import { computeSchedules } from '../../packages/server/src/services/schedule.service.ts';

const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL database this timer may fill (schema bench_keep): DATABASE_URL=postgres://… npx tsx scripts/dev/schedule-build.ts');
  process.exit(2);
}
const options = { databaseUrl, schema: 'bench_keep', poolSize: 4 };
if (process.argv.includes('--fresh')) await dropTestSchema(options);
const database = await openDatabase(options);
try {
  const { plans, commitments } = database.repositories;
  let plan = (await plans.list({ regionCode: '990101' }))[0];
  if (!plan) {
    const started = performance.now();
    await generateLargeRegion(database, { regionCode: '990101', year: 2024, commitments: 100_000, updatesPerCommitment: 10, budgetLines: 1_000_000 });
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    plan = (await plans.list({ regionCode: '990101' }))[0];
  }
  for (let run = 0; run < 2; run += 1) {
    let started = performance.now();
    const facts = await commitments.listScheduleFacts({ planId: plan!.id, includeUnpublished: true });
    const factsMs = performance.now() - started;
    started = performance.now();
    const milestones = await commitments.listPlanMilestones(plan!.id);
    const milestonesMs = performance.now() - started;
    started = performance.now();
    const schedules = await computeSchedules(facts, milestones, '2024-06-30');
    const codes = new Map<string, number>();
    for (const schedule of schedules.values()) codes.set(String(schedule.code), (codes.get(String(schedule.code)) ?? 0) + 1);
    if (run === 0) console.log(Object.fromEntries(codes), [...schedules.values()].find((schedule) => schedule.code === null)?.explanation);
    console.log(`facts ${facts.length} in ${factsMs.toFixed(0)} ms, milestones ${milestones.length} in ${milestonesMs.toFixed(0)} ms, compute ${schedules.size} in ${(performance.now() - started).toFixed(0)} ms`);
  }
} finally {
  await database.close();
}
