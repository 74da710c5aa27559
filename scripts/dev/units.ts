import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '../../packages/core/src/extract/pipeline.ts';
const dir = '/work/shared/corpus/';
const counts = new Map<string, string[]>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(dir + f, 'utf8');
  for (const q of extract(text).quantities) {
    const key = `${q.unit}|${q.kind}`;
    const list = counts.get(key) ?? [];
    list.push(text.slice(Math.max(0, q.start - 6), q.end + 4).replace(/\n/g, ' '));
    counts.set(key, list);
  }
}
for (const [k, v] of [...counts].sort((a, b) => a[1].length - b[1].length).slice(0, 40)) console.log(v.length, k, v.slice(0, 3).join(' ¦ '));
