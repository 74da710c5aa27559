import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from './main.ts';
import { readPeakRss } from './tool-runner.ts';

const corpus = mkdtempSync(join(tmpdir(), 'duixian-bench-'));
writeFileSync(join(corpus, 'a.txt'), '一般公共预算支出21.98亿元，增长44.4%。');
writeFileSync(join(corpus, 'b.txt'), '\ufeff实施8040套老旧小区改造。');
writeFileSync(join(corpus, 'ignored.md'), '不是语料');
afterAll(() => rmSync(corpus, { recursive: true, force: true }));
const runner = fileURLToPath(new URL('./tool-runner.ts', import.meta.url));

describe('the bench tool runner', () => {
  it('reads this process peak memory as a positive number of bytes', () => {
    expect(readPeakRss()).toBeGreaterThan(1024 * 1024);
  });

  it('runs a tool in a child process over the .txt files only and reports characters, passes and peak memory', async () => {
    const run = (await runChild(runner, ['duixian', corpus, '0'])) as Record<string, number | string>;
    expect(run['tool']).toBe('duixian');
    expect(run['documents']).toBe(2);
    expect(run['chars']).toBe('一般公共预算支出21.98亿元，增长44.4%。'.length + '实施8040套老旧小区改造。'.length);
    expect(run['passes']).toBeGreaterThanOrEqual(1);
    expect(run['quantitiesPerPass']).toBe(3);
    expect(run['peakRssBytes']).toBeGreaterThan(1024 * 1024);
  });

  it('rejects an unknown tool with the child error', async () => {
    await expect(runChild(runner, ['nonesuch', corpus, '0'])).rejects.toThrow(/unknown tool nonesuch/);
  });
});
