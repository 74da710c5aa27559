import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '../../packages/core/src/extract/pipeline.ts';
const dir = '/work/shared/corpus/';
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(dir + f, 'utf8'));
const total = texts.reduce((n, t) => n + t.length, 0);
const rounds = Number(process.argv[2] ?? 12);
let best = 0;
for (let round = 0; round < rounds; round++) {
  const t0 = process.cpuUsage();
  for (const t of texts) extract(t);
  const cpu = process.cpuUsage(t0);
  const speed = total / ((cpu.user + cpu.system) / 1e6);
  best = Math.max(best, speed);
}
console.log(`best of ${rounds}: ${Math.round(best)} chars per CPU-second`);
