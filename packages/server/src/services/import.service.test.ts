import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from '@duixian/storage';
import { dropTestSchema, openTestDatabase, testDatabaseOptions, testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOCUMENT_PATH, DEMO_REGIONS } from './demo.service.ts';
import { createServices } from './services.ts';

const CHILD = fileURLToPath(new URL('../fixtures/import-then-hang.child.ts', import.meta.url));

async function counts(database: DatabaseHandle) {
  const { db } = database;
  const count = async (table: 'documents' | 'review_items' | 'commitments' | 'budget_lines' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    documents: await count('documents'),
    reviewItems: await count('review_items'),
    commitments: await count('commitments'),
    budgetLines: await count('budget_lines'),
    auditEvents: await count('audit_events'),
  };
}

async function seedRegions(database: DatabaseHandle) {
  for (const region of DEMO_REGIONS) await database.repositories.regions.ensure(region);
}

/** Runs the child until it reports being mid-import, then kills it with SIGKILL. */
function killMidImport(options: OpenDatabaseOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process holding the transaction.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child never reached the middle of the import: ${output}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('MID-IMPORT')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (output.includes('MID-IMPORT') && signal === 'SIGKILL') resolve(output);
      else reject(new Error(`child ended without being killed mid-import (${signal}): ${output}`));
    });
  });
}

for (const engine of testEngines()) {
  describe(`import on ${engine}`, () => {
    let database: DatabaseHandle;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      await seedRegions(database);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    }, 60_000);

    it('keeps nothing of an import that fails inside its transaction, then imports the same file whole', async () => {
      let shouldFail = true;
      const services = createServices(database, {
        now: () => new Date(),
        importProbe: (stage) => {
          if (shouldFail && stage === 'accepted') throw new Error('forced failure after accepting every candidate');
        },
      });
      const bytes = new Uint8Array(await readFile(DEMO_DOCUMENT_PATH));
      const request = { bytes, fileName: 'chengbei.txt', regionCode: '630105', year: 2024, actorId: null, acceptAll: true };
      const before = await counts(database);
      await expect(services.imports.importDocument(request)).rejects.toThrow('forced failure');
      expect(await counts(database)).toEqual(before);

      shouldFail = false;
      const result = await services.imports.importDocument(request);
      expect(result.isNew).toBe(true);
      expect(result.review.pending).toBe(0);
      const after = await counts(database);
      expect(after.documents).toBe(before.documents + 1);
      expect(after.commitments).toBeGreaterThanOrEqual(9);
      expect(after.budgetLines).toBe(9);

      const again = await services.imports.importDocument(request);
      expect(again.isNew).toBe(false);
      expect(await counts(database)).toEqual(after);
    });
  });

  describe(`import of bounds on ${engine}`, () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      await seedRegions(database);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    }, 60_000);

    it('stores 不少于 / 不低于 as ≥ and 不超过 as ≤, with titles free of the hard line breaks of the file', async () => {
      const services = createServices(database, { now: () => new Date() });
      // From the 亳州市2024年政府工作报告, hard-wrapped at 30 characters as a copy from a PDF is.
      const text = [
        '二、2024年重点工作',
        '力争实现“1215”目标：净增规模工业企业不少于100家，工业投资、工业技改投资均增长20%以上。实施亿元以上重点项目不少于700个、完成年度投资不少于800亿元。',
        '公办园在园幼儿占比不低于65%，普惠性幼儿园覆盖率不低于90%，新增政府债务不超过30亿元。',
      ].map((line) => line.match(/.{1,30}/gu)!.join('\n')).join('\n');
      const bytes = new TextEncoder().encode(text);
      await services.imports.importDocument({ bytes, fileName: 'bozhou.txt', regionCode: '630105', year: 2024, actorId: null, acceptAll: true });
      const rows = await database.db.selectFrom('commitments').select(['title', 'original_text', 'target_value', 'target_comparator']).execute();
      const byTitle = new Map(rows.map((row) => [row.title, row]));
      expect(rows.some((row) => row.original_text.includes('\n'))).toBe(true);
      for (const [title, comparator] of [
        ['净增规模工业企业不少于100家', '>='],
        ['实施亿元以上重点项目不少于700个', '>='],
        ['完成年度投资不少于800亿元', '>='],
        ['公办园在园幼儿占比不低于65%', '>='],
        ['普惠性幼儿园覆盖率不低于90%', '>='],
        ['新增政府债务不超过30亿元', '<='],
      ] as const) {
        expect(byTitle.get(title)?.target_comparator, title).toBe(comparator);
      }
    }, 120_000);
  });

  describe(`import killed mid-way on ${engine}`, () => {
    let options: OpenDatabaseOptions;
    let dataDir: string | undefined;

    beforeAll(async () => {
      if (engine === 'pglite') dataDir = await mkdtemp(join(tmpdir(), 'duixian-kill-'));
      options = testDatabaseOptions(engine, dataDir ? { dataDir } : {});
      const database = await openDatabase(options);
      await seedRegions(database);
      await database.close();
    }, 60_000);
    afterAll(async () => {
      await dropTestSchema(options);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('leaves none of it after the process is killed, and all of it after a clean re-run', async () => {
      await killMidImport(options);
      const reopened = await openDatabase(options);
      try {
        expect(await counts(reopened)).toEqual({ documents: 0, reviewItems: 0, commitments: 0, budgetLines: 0, auditEvents: 0 });
        expect((await reopened.repositories.regions.get('630105')).name).toBe('城北区');
        const services = createServices(reopened, { now: () => new Date() });
        const result = await services.imports.importDocument({
          bytes: new Uint8Array(await readFile(DEMO_DOCUMENT_PATH)),
          fileName: 'chengbei.txt',
          regionCode: '630105',
          year: 2024,
          actorId: null,
          acceptAll: true,
        });
        expect(result.isNew).toBe(true);
        expect((await counts(reopened)).budgetLines).toBe(9);
      } finally {
        await reopened.close();
      }
    }, 120_000);
  });
}
