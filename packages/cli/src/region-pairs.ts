/**
 * Pairs the report files of two folders by region: the file name without its extension names the region, so
 * 2025/北京市.docx goes with 2026/北京市.txt; a region found in one folder only is unpaired.
 * Example: await pairRegionFiles('corpus/2025', 'corpus/2026') → { pairs: [{ region: '北京市', lastFile:
 * 'corpus/2025/北京市.docx', thisFile: 'corpus/2026/北京市.txt' }, …], unpaired: [{ region: '广东省', missing: 'this' }], … }.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { LeagueFailure, UnpairedRegion } from '@duixian/core';
import { REPORT_FILE } from './input-files.ts';
import type { Messages } from './messages.ts';
import { UnreadableInputError } from './read-input.ts';

export interface RegionPair {
  readonly region: string;
  readonly lastFile: string;
  readonly thisFile: string;
}

export interface RegionFiles {
  /** In region order (code point). */
  readonly pairs: readonly RegionPair[];
  readonly unpaired: readonly UnpairedRegion[];
  /** Regions named by more than one report file in one folder: which to read is not guessed. */
  readonly failures: readonly LeagueFailure[];
}

/** The report files directly inside a folder, by region name. */
async function readRegionFiles(folder: string, say: Messages): Promise<Map<string, string[]>> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new UnreadableInputError(folder, say.leagueNotFolder(folder), 'not-a-folder');
  const byRegion = new Map<string, string[]>();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !REPORT_FILE.test(entry.name)) continue;
    const region = entry.name.slice(0, entry.name.length - extname(entry.name).length).normalize('NFC');
    byRegion.set(region, [...(byRegion.get(region) ?? []), join(folder, entry.name)]);
  }
  return byRegion;
}

/**
 * @throws UnreadableInputError when either path is not a folder.
 * @example (await pairRegionFiles('testdata/league/2030', 'testdata/league/2031')).pairs.map((pair) => pair.region) // ['甲市', '乙市']
 */
export async function pairRegionFiles(lastFolder: string, thisFolder: string, say: Messages): Promise<RegionFiles> {
  const [last, current] = await Promise.all([readRegionFiles(lastFolder, say), readRegionFiles(thisFolder, say)]);
  const regions = [...new Set([...last.keys(), ...current.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pairs: RegionPair[] = [];
  const unpaired: UnpairedRegion[] = [];
  const failures: LeagueFailure[] = [];
  for (const region of regions) {
    const lastFiles = last.get(region) ?? [];
    const thisFiles = current.get(region) ?? [];
    const duplicated = [lastFiles, thisFiles].find((files) => files.length > 1);
    if (duplicated) failures.push({ region, reason: say.leagueDuplicate(duplicated.sort().join('、')) });
    else if (lastFiles.length === 0) unpaired.push({ region, missing: 'last' });
    else if (thisFiles.length === 0) unpaired.push({ region, missing: 'this' });
    else pairs.push({ region, lastFile: lastFiles[0]!, thisFile: thisFiles[0]! });
  }
  return { pairs, unpaired, failures };
}
