import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '@duixian/core';
const dir = '/work/shared/corpus/';
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(dir + f, 'utf8'));
const total = texts.reduce((n, t) => n + t.length, 0);
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  for (const t of texts) extract(t);
  const ms = performance.now() - t0;
  console.log(`round ${round}: ${Math.round(total / (ms / 1000))} chars/s`);
}
