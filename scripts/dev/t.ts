import { extract, formatDecimal } from '@duixian/core';
for (const s of process.argv.slice(2)) {
  console.log(s, '→', extract(s).quantities.map((q) => `${q.text}=${q.value.type === 'exact' ? formatDecimal(q.value.value) : ''}${q.unit}${q.comparator ?? ''}[${q.role}|${q.metric ?? ''}]`).join(' | '));
}
