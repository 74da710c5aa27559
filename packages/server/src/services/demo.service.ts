/**
 * The demo on first start: 城北区 (西宁市, 青海省) and the 民生账本 page shipped in demo/, imported through the same
 * import-and-review path as any upload and accepted whole — themes, commitments, budget lines, the livelihood
 * categories and the programme all come from the extraction, each linked to its span. Example: `seedDemo()` on an
 * empty database → { document: { id: 1, … }, isNew: true, review: { accepted: 42, … } }.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '@duixian/storage';
import type { ImportResult, ImportService } from './import.service.ts';

/** The demo page, relative to this file: packages/server/src/services → repository root → demo/. */
export const DEMO_DOCUMENT_PATH = fileURLToPath(new URL('../../../../demo/chengbei-2023-minsheng.txt', import.meta.url));

/**
 * The demo's regions. GB/T 2260 codes: 630000 青海省, 630100 西宁市, 630105 城北区 (西宁市城北区) — the page is the
 * 城北区 government's own, so its figures are filed under 630105.
 */
export const DEMO_REGIONS = [
  { code: '630000', name: '青海省', parentCode: null },
  { code: '630100', name: '西宁市', parentCode: '630000' },
  { code: '630105', name: '城北区', parentCode: '630100' },
] as const;

/**
 * The page's own year: it reviews 2023 ("2023年以来", the 2023 budget) and sets the tasks of "新的一年", so it was
 * written for the 2024 sessions — 今年 is 2024, the commitments form the 2024 plan and the budget lines keep the
 * years the page states (2023 and 2022).
 */
export const DEMO_REPORT_YEAR = 2024;

/** True when the database holds nothing yet: no document, and no region but the demo's own. */
export async function isEmptyDatabase(database: DatabaseHandle): Promise<boolean> {
  const [regions, documents] = await Promise.all([
    database.repositories.regions.list(),
    database.repositories.documents.list({ pageSize: 1 }),
  ]);
  const demoCodes: readonly string[] = DEMO_REGIONS.map((region) => region.code);
  return documents.total === 0 && regions.every((region) => demoCodes.includes(region.code));
}

export async function seedDemo(database: DatabaseHandle, imports: ImportService): Promise<ImportResult> {
  const bytes = new Uint8Array(await readFile(DEMO_DOCUMENT_PATH));
  await database.transaction(async (repositories) => {
    for (const region of DEMO_REGIONS) await repositories.regions.ensure(region);
  });
  return imports.importDocument({
    bytes,
    fileName: 'chengbei-2023-minsheng.txt',
    regionCode: '630105',
    year: DEMO_REPORT_YEAR,
    title: '城北区2023年民生账本：以实干实绩展现北区担当',
    actorId: null,
    acceptAll: true,
  });
}
