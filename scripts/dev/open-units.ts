import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '@duixian/core';
const dir = '/work/shared/corpus/';
const counts = new Map<string, number>();
let total = 0, ms = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(dir + f, 'utf8');
  const t0 = performance.now();
  const ex = extract(text);
  ms += performance.now() - t0; total += text.length;
  for (const q of ex.quantities) if (q.provenance === 'parser/open-measure-word') counts.set(q.unit, (counts.get(q.unit) ?? 0) + 1);
}
console.log([...counts].sort((a, b) => b[1] - a[1]).map(([u, n]) => `${u}:${n}`).join(' '));
console.log('chars/s', Math.round(total / (ms / 1000)));
