/**
 * `npx tsx scripts/eval/check-keys.ts [DIR…]`: checks hand-made answer keys before they are used — every span is
 * the document's text at its offsets — and lists each numeral of the keyed excerpt that no quantity, date or
 * optional span accounts for ("07-national-gwr-2024  2310  …增发[1]万亿元…"), so a key's author can judge each one.
 */
import { resolve } from 'node:path';
import { showContext } from './format-table.ts';
import { findKeyFiles, loadKey, REPO_ROOT, SHARED_DIR, validateKey, type LoadedKey } from './gold-key.ts';
import { scanNumerals, type NumeralToken } from './numeral-scan.ts';

/** Numerals inside the key's range that none of its quantity, date or optional spans covers. */
export function findUnkeyedNumerals(loaded: LoadedKey): NumeralToken[] {
  const { key, text, range } = loaded;
  const spans = [...key.quantities, ...(key.dates ?? []), ...(key.optional ?? [])];
  const covered = new Uint8Array(text.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  return scanNumerals(text.slice(0, range.end))
    .filter((t) => t.start >= range.start)
    .filter((t) => covered.subarray(t.start, t.end).includes(0));
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args.map((a) => resolve(process.cwd(), a)) : [resolve(REPO_ROOT, 'eval', 'gold')];
  let problems = 0;
  for (const file of findKeyFiles(dirs)) {
    const loaded = loadKey(file, SHARED_DIR);
    const invalid = validateKey(loaded);
    const unkeyed = findUnkeyedNumerals(loaded);
    problems += invalid.length;
    console.log(`${loaded.name}: ${loaded.key.quantities.length} quantities, ${invalid.length} invalid spans, ${unkeyed.length} numerals not keyed`);
    for (const p of invalid) console.log(`  INVALID ${p}`);
    for (const t of unkeyed) console.log(`  not keyed ${t.start}  ${showContext(loaded.text, t.start, t.end)}`);
  }
  process.exitCode = problems > 0 ? 1 : 0;
}
