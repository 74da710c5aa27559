import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';
import { BackupFormatError } from './backup-format.ts';
import { restoreBackup } from './backup.restorer.ts';
import { writeBackup } from './backup.writer.ts';

/** The backup's row lines and trailer (the header carries the time and engine, which differ between two backups). */
async function bodyOf(path: string): Promise<string[]> {
  return gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n').slice(1);
}

async function fill(database: DatabaseHandle): Promise<void> {
  const { db } = database;
  await db.insertInto('regions').values({ code: '630105', name: '城北区', parent_code: null }).execute();
  const unit = await db.insertInto('units').values({ region_code: '630105', name: '区教育局' }).returning('id').executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ username: 'editor', role: 'unit_editor', unit_id: unit.id, password_hash: 'scrypt$x', display_name: '填报员' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await db
    .insertInto('documents')
    .values({
      region_code: '630105',
      year: 2024,
      title: '民生账本',
      file_name: '民生账本.pdf',
      format: 'pdf',
      sha256: 'a'.repeat(64),
      byte_size: 256,
      content: new Uint8Array(Array.from({ length: 256 }, (_, index) => index)),
      text: "全区一般公共预算支出21.98亿元'; drop table users; --",
      extraction: JSON.stringify({ quantities: [{ value: '2198000000', note: '换行\n"引号"' }] }),
      findings: '[]',
      problems: '[]',
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db.insertInto('plans').values({ region_code: '630105', year: 2024, title: '2024年计划', document_id: document.id }).returning('id').executeTakeFirstOrThrow();
  // A child created before its parent is re-pointed to it: the restore must still load the parent first.
  const child = await db.insertInto('commitments').values({ plan_id: plan.id, original_text: '工作项', title: '工作项' }).returning('id').executeTakeFirstOrThrow();
  const parent = await db
    .insertInto('commitments')
    .values({ plan_id: plan.id, original_text: '实施退化林分改造2万亩', title: '实施退化林分改造2万亩', target_value: '20000.50', target_unit: '亩' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('commitments').set({ parent_id: parent.id }).where('id', '=', child.id).execute();
  await db.insertInto('commitment_units').values({ commitment_id: parent.id, unit_id: unit.id, role: 'lead' }).execute();
  await db
    .insertInto('progress_updates')
    .values({ commitment_id: parent.id, reported_on: '2024-06-30', amount: '12000.125', note: '<script>alert(1)</script>', evidence: JSON.stringify([{ kind: 'link', ref: 'https://example.org/a' }]), author_id: user.id })
    .execute();
  await db
    .insertInto('budget_lines')
    .values({ region_code: '630105', year: 2023, phase: 'executed', scope: 'total', label: '一般公共预算支出', amount_yuan: '123456789012345678901234.5678' })
    .execute();
  await db.insertInto('audit_events').values({ actor_id: user.id, action: 'create', entity_type: 'commitment', entity_id: String(parent.id), before: null, after: JSON.stringify({ title: '实施' }) }).execute();
}

for (const engine of testEngines()) {
  describe(`backup and restore on ${engine}`, () => {
    let folder: string;
    let source: DatabaseHandle;

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'duixian-backup-'));
      source = await openTestDatabase(engine);
      await fill(source);
    }, 60_000);
    afterAll(async () => {
      await source?.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('restores every row exactly: a second backup of the restored database has the same lines', async () => {
      const first = join(folder, 'first.jsonl.gz');
      const summary = await writeBackup(source, first);
      expect(summary.counts['commitments']).toBe(2);
      expect(summary.counts['documents']).toBe(1);
      const target = await openTestDatabase(engine);
      try {
        const restored = await restoreBackup(target, first);
        expect(restored.counts).toEqual(summary.counts);
        const second = join(folder, 'second.jsonl.gz');
        await writeBackup(target, second);
        expect(await bodyOf(second)).toEqual(await bodyOf(first));
        const document = await target.db.selectFrom('documents').select(['content', 'text']).executeTakeFirstOrThrow();
        expect([...document.content]).toEqual(Array.from({ length: 256 }, (_, index) => index));
        expect(document.text).toBe("全区一般公共预算支出21.98亿元'; drop table users; --");
        const line = await target.db.selectFrom('budget_lines').select('amount_yuan').executeTakeFirstOrThrow();
        expect(line.amount_yuan).toBe('123456789012345678901234.5678');
        // New rows get ids past the restored ones.
        const region = await target.db.insertInto('units').values({ region_code: '630105', name: '区卫健委' }).returning('id').executeTakeFirstOrThrow();
        expect(region.id).toBe(2);
      } finally {
        await target.close();
      }
    });

    it('refuses a target that holds data unless forced, and then replaces it', async () => {
      const path = join(folder, 'force.jsonl.gz');
      await writeBackup(source, path);
      const target = await openTestDatabase(engine);
      try {
        await target.db.insertInto('regions').values({ code: '110101', name: '东城区', parent_code: null }).execute();
        await expect(restoreBackup(target, path)).rejects.toThrow(/not empty \(tables regions/);
        await restoreBackup(target, path, { force: true });
        const regions = await target.db.selectFrom('regions').select('code').execute();
        expect(regions.map((region) => region.code.trim())).toEqual(['630105']);
      } finally {
        await target.close();
      }
    });

    it('refuses a truncated or foreign file and leaves the target empty', async () => {
      const path = join(folder, 'whole.jsonl.gz');
      await writeBackup(source, path);
      const lines = gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n');
      const truncated = join(folder, 'truncated.jsonl.gz');
      await writeFile(truncated, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
      const foreign = join(folder, 'foreign.jsonl.gz');
      await writeFile(foreign, gzipSync('{"hello":"world"}\n'));
      const newer = join(folder, 'newer.jsonl.gz');
      await writeFile(newer, gzipSync(`${lines[0]?.replace('"migrations":[', '"migrations":["9999-future",')}\n${lines.slice(1).join('\n')}\n`));
      const notGzip = join(folder, 'plain.txt');
      await writeFile(notGzip, 'not a backup');
      const target = await openTestDatabase(engine);
      try {
        await expect(restoreBackup(target, truncated)).rejects.toThrow(/truncated/);
        await expect(restoreBackup(target, foreign)).rejects.toThrow(BackupFormatError);
        await expect(restoreBackup(target, newer)).rejects.toThrow(/9999-future/);
        await expect(restoreBackup(target, notGzip)).rejects.toThrow(/gzip/);
        expect(await target.db.selectFrom('regions').selectAll().execute()).toEqual([]);
        expect((await target.db.selectFrom('functional_classes').selectAll().execute()).length).toBeGreaterThan(20);
      } finally {
        await target.close();
      }
    });
  });
}
