import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeError } from '../http-error.ts';
import { DEMO_DOCUMENT_PATH } from './demo.service.ts';
import { ImportBudgetError, ImportWorkerPool } from './import-worker.pool.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** The demo report's sentences run into one paragraph of about `chars` characters. */
async function longParagraph(chars: number): Promise<string> {
  const sentences = (await readFile(DEMO_DOCUMENT_PATH, 'utf8')).replace(/\s+/g, '').replace(/#/g, '');
  return sentences.repeat(Math.ceil(chars / sentences.length)).slice(0, chars);
}
const work = (text: string, fileName = 'report.txt') => ({ bytes: utf8(text), fileName, year: 2024, regionName: '城北区', counterparts: [] });

describe('ImportWorkerPool', () => {
  it('reads, analyses and prepares a file on its worker', async () => {
    const pool = new ImportWorkerPool();
    try {
      const prepared = await pool.run(work(await readFile(DEMO_DOCUMENT_PATH, 'utf8'), 'chengbei.txt'));
      expect(prepared.format).toBe('text');
      expect(prepared.title).toBe('以实干实绩展现北区担当');
      expect(prepared.candidates.length).toBeGreaterThan(10);
      expect(prepared.findings.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('passes ingest errors on with their code, for the server to answer 4xx', async () => {
    const pool = new ImportWorkerPool();
    try {
      const error = await pool.run(work('   ', 'empty.txt')).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'IngestError', code: 'empty-file' });
      expect((error as Error).message).toContain('empty.txt：文件为空');
    } finally {
      await pool.close();
    }
  });

  it('stops an import past its time budget with a Chinese message, then serves the next on a fresh worker', async () => {
    const pool = new ImportWorkerPool({ timeoutMs: 1000 });
    try {
      const error = await pool.run(work(await longParagraph(1_000_000))).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportBudgetError);
      expect((error as ImportBudgetError).code).toBe('timeout');
      expect((error as Error).message).toContain('文档处理超过1秒，已停止：段落过长或结构过深');
      // The budget runs from when the fresh worker has loaded: a short file fits in it.
      await expect(pool.run(work('全年投资6.1亿元。'))).resolves.toMatchObject({ format: 'text' });
    } finally {
      await pool.close();
    }
  });

  it('is answered 422 with the budget named in Chinese', () => {
    const { status, body } = describeError(new ImportBudgetError('timeout', { timeoutMs: 60_000, memoryMb: 2048 }));
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: 'import/timeout', message: expect.stringContaining('文档处理超过60秒，已停止：段落过长或结构过深') });
  });
});
