import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeFormatFixtures, type FormatFixtures } from '@duixian/ingest/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from './check.command.ts';

interface JsonQuantity {
  readonly text: string;
  readonly value: unknown;
  readonly unit: string;
}

const options = { json: true, fail: true, language: 'zh' } as const;

async function quantitiesOf(file: string): Promise<string[]> {
  const outcome = await runCheck([file], options);
  expect(outcome.stderr).toBe('');
  const result = JSON.parse(outcome.stdout) as { quantities: JsonQuantity[] };
  return result.quantities.map((q) => `${JSON.stringify(q.value)} ${q.unit}`).sort();
}

describe('duixian check on every file format', () => {
  let fixtures: FormatFixtures;
  let expected: string[];
  beforeAll(async () => {
    fixtures = await makeFormatFixtures();
    expected = await quantitiesOf(fixtures.files.markdown);
  }, 240_000);

  it('finds the seed page\'s 29 tracked figures in its own text', () => {
    expect(expected).toContain('2198000000 元');
    expect(expected).toContain('4.8 pp');
    expect(expected.length).toBeGreaterThanOrEqual(29);
  });

  it.each(['pdf', 'docx', 'html', 'gb18030', 'utf16'] as const)('finds the same quantities (value and unit) in the %s file', async (format) => {
    expect(await quantitiesOf(fixtures.files[format])).toEqual(expected);
  });
});

describe('duixian check on bad input', () => {
  it('exits 2 naming the file when it is empty, missing or binary, and still checks the good ones', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    const empty = path.join(dir, '空.txt');
    const binary = path.join(dir, 'image.bin');
    const good = path.join(dir, 'good.txt');
    await writeFile(empty, '');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    await writeFile(good, '全年投资6.1亿元。');
    const outcome = await runCheck([empty, path.join(dir, 'missing.txt'), binary, good], options);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('空.txt');
    expect(outcome.stderr).toContain('missing.txt');
    expect(outcome.stderr).toContain('image.bin');
    expect(JSON.parse(outcome.stdout).quantities[0].value).toBe(610000000);
  });

  it('checks a fact restated across two files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    const budget = path.join(dir, 'budget.txt');
    const ledger = path.join(dir, 'ledger.txt');
    await writeFile(budget, '2023年，全区一般公共预算支出21.98亿元。');
    await writeFile(ledger, '2023年，全区一般公共预算支出22.1亿元。');
    const outcome = await runCheck([budget, ledger], options);
    const [, second] = JSON.parse(outcome.stdout) as { findings: { check: string; verdict: string }[] }[];
    expect(second?.findings).toContainEqual(expect.objectContaining({ check: 'cross-document', verdict: 'inconsistent' }));
    expect(outcome.exitCode).toBe(1);
  });

  it('exits 1 on an inconsistent figure, and 0 with --no-fail', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    const file = path.join(dir, 'wrong.txt');
    await writeFile(file, '2023年全区一般公共预算支出21.98亿元，较2022年15.22亿元同比增长54.4%，增支6.76亿元。');
    expect((await runCheck([file], options)).exitCode).toBe(1);
    expect((await runCheck([file], { ...options, fail: false })).exitCode).toBe(0);
  });

  it('names each check in words in the readable output, never by its id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    const file = path.join(dir, 'wrong.txt');
    await writeFile(file, '2023年全区一般公共预算支出21.98亿元，较2022年15.22亿元同比增长54.4%，增支6.76亿元。');
    const zh = (await runCheck([file], { json: false, fail: true, language: 'zh' })).stdout;
    expect(zh).toContain('[不一致] 增长率核对：');
    expect(zh).not.toMatch(/\] growth/);
    expect((await runCheck([file], { json: false, fail: true, language: 'en' })).stdout).toContain('[INCONSISTENT] Growth rate: ');
  });

  it('lists a finding to review (需复核) apart, in the table and the JSON, and still exits 0', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    const file = path.join(dir, 'signed.txt');
    await writeFile(file, '2023年全县水产品产量4.6万吨，增长-1.7%。');
    const json = await runCheck([file], options);
    expect(json.exitCode).toBe(0);
    const result = JSON.parse(json.stdout) as { findings: { verdict: string }[]; toReview: { verdict: string; check: string }[] };
    expect(result.toReview).toEqual([expect.objectContaining({ check: 'direction', verdict: 'questionable' })]);
    expect(result.findings.some((finding) => finding.verdict === 'questionable')).toBe(false);
    const table = await runCheck([file], { ...options, json: false });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain('不一致 0 项');
    expect(table.stdout).toMatch(/需复核（写法值得再看，不算错误）1 项\n {2}\[需复核\] 升降方向核对：/);
  });

  it('checks the report files of a directory in name order, the same with --jobs 2 as one by one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-'));
    await writeFile(path.join(dir, 'b.txt'), '2023年全区一般公共预算支出21.98亿元，较2022年15.22亿元同比增长44.4%。');
    await writeFile(path.join(dir, 'a.txt'), '2023年全县水产品产量4.6万吨，增长-1.7%。');
    await writeFile(path.join(dir, 'c.md'), '2023年，全区新开工重点项目126个，其中产业项目78个。');
    await writeFile(path.join(dir, 'notes.csv'), '不是报告');
    const missing = path.join(dir, 'missing.txt');
    const serial = await runCheck([dir, missing], { ...options, jobs: 1 });
    const pooled = await runCheck([dir, missing], { ...options, jobs: 2 });
    const withoutTime = (summary: string): string => summary.split('\n').slice(0, -1).join('\n');
    const files = (JSON.parse(serial.stdout) as { file: string }[]).map((result) => path.basename(result.file));
    expect(files).toEqual(['a.txt', 'b.txt', 'c.md']);
    expect(pooled.stdout).toBe(serial.stdout);
    expect(withoutTime(pooled.stderr)).toBe(withoutTime(serial.stderr));
    expect(serial.stderr).toContain('missing.txt');
    expect(pooled.exitCode).toBe(2);
  }, 60_000);
});


describe('duixian check over a folder of reports', () => {
  /** root/a.txt, root/sub/b.md, root/sub/deeper/broken.pdf (a PDF cut off after its header), root/sub/logo.png (not a report). */
  async function makeFolder(): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'duixian-cli-dir-'));
    await mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
    await writeFile(path.join(root, 'a.txt'), '2023年全区一般公共预算支出21.98亿元，较2022年15.22亿元同比增长44.4%。');
    await writeFile(path.join(root, 'sub', 'b.md'), '# 民生\n\n2023年，全区新开工重点项目126个，其中产业项目78个。全县水产品产量4.6万吨，增长-1.7%。');
    await writeFile(path.join(root, 'sub', 'deeper', 'broken.pdf'), '%PDF-1.4\n1 0 obj <<');
    await writeFile(path.join(root, 'sub', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return root;
  }

  interface Line {
    readonly file: string;
    readonly quantities?: unknown[];
    readonly commitments?: unknown[];
    readonly findings?: { verdict: string }[];
    readonly toReview?: unknown[];
    readonly error?: { code: string; message: string };
  }

  it('prints one JSON line per report file in nested folders, the broken PDF as an error, the PNG skipped and counted', async () => {
    const root = await makeFolder();
    const streamed: string[] = [];
    const outcome = await runCheck([root], { ...options, json: false, jsonl: true, jobs: 2 }, { line: (line) => streamed.push(line) });
    expect(outcome.stdout).toBe('');
    const lines = streamed.map((line) => JSON.parse(line) as Line);
    const byName = new Map(lines.map((line) => [path.relative(root, line.file), line]));
    expect([...byName.keys()].sort()).toEqual(['a.txt', path.join('sub', 'b.md'), path.join('sub', 'deeper', 'broken.pdf')]);
    const broken = byName.get(path.join('sub', 'deeper', 'broken.pdf'))!;
    expect(broken.error?.code).toMatch(/^pdf-[a-z-]+$/);
    expect(broken.error?.message.length).toBeGreaterThan(0);
    expect(broken.quantities).toBeUndefined();
    expect(byName.get('a.txt')!.quantities!.length).toBeGreaterThanOrEqual(3);
    expect(outcome.exitCode).toBe(2);

    const figures = lines.reduce((n, line) => n + (line.quantities?.length ?? 0), 0);
    const commitments = lines.reduce((n, line) => n + (line.commitments?.length ?? 0), 0);
    const count = (verdict: string) => lines.reduce((n, line) => n + (line.findings ?? []).filter((f) => f.verdict === verdict).length, 0);
    const toReview = lines.reduce((n, line) => n + (line.toReview?.length ?? 0), 0);
    expect(toReview).toBe(1);
    const summary = outcome.stderr;
    expect(summary).toContain('文件：核查 2 个，无法读取 1 个，跳过非报告文件 1 个');
    expect(summary).toContain(`数字 ${figures} 个，承诺 ${commitments} 项`);
    expect(summary).toContain(`核验结果：不一致 ${count('inconsistent')} 项，需复核 1 项，一致 ${count('consistent')} 项，无法核验 ${count('unverifiable')} 项`);
    expect(summary).toMatch(/\n {2}增减方向 +0 +1 +0 +0\n/);
    expect(summary).toContain(`${path.join(root, 'sub', 'deeper', 'broken.pdf')}：${broken.error!.message}`);
    expect(summary).toMatch(/用时 \d+\.\d 秒，并行 2 路$/);
  }, 60_000);

  it('gives the same JSON lines with --jobs 2 as with --jobs 1, and the summary in English with --lang en', async () => {
    const root = await makeFolder();
    const pooled = await runCheck([root], { ...options, json: false, jsonl: true, jobs: 2 });
    const serial = await runCheck([root], { ...options, json: false, jsonl: true, jobs: 1, language: 'en' });
    expect(new Set(pooled.stdout.split('\n'))).toEqual(new Set(serial.stdout.split('\n')));
    expect(serial.stdout.split('\n')).toHaveLength(3);
    expect(serial.stderr).toContain('files: 2 checked, 1 unreadable, 1 non-report files skipped');
    expect(serial.stderr).toMatch(/\n {2}direction +0 +1 +0 +0\n/);
    expect(serial.stderr).toMatch(/s, 1 at once$/);
  }, 60_000);

  it('prints the summary after the tables without --json, and the unreadable file on stderr', async () => {
    const root = await makeFolder();
    const outcome = await runCheck([root], { ...options, json: false, jobs: 1 });
    expect(outcome.stdout).toMatch(/需复核（写法值得再看，不算错误）1 项[\s\S]*\n\n汇总\n文件：核查 2 个，无法读取 1 个，跳过非报告文件 1 个\n/);
    expect(outcome.stderr).toContain('broken.pdf');
    expect(outcome.exitCode).toBe(2);
  }, 60_000);

  it('draws a progress bar in place on a terminal, and nothing when stderr is not one', async () => {
    const root = await makeFolder();
    const drawn: string[] = [];
    await runCheck([root], { ...options, jsonl: true, jobs: 1 }, { bar: { isTTY: true, columns: 200, write: (chunk: string) => drawn.push(chunk) }, line: () => {} });
    expect(drawn[0]).toMatch(/^\r\[-{20}\] {2}0\/3 个文件/);
    expect(drawn.some((chunk) => /^\r\[#{20}\] {2}3\/3 个文件 {2}\d+ 秒 {2}.+\u001b\[K$/.test(chunk))).toBe(true);
    expect(drawn.at(-1)).toBe('\r\u001b[K');
    const piped: string[] = [];
    await runCheck([root], { ...options, jsonl: true, jobs: 1 }, { bar: { isTTY: false, write: (chunk: string) => piped.push(chunk) }, line: () => {} });
    expect(piped).toEqual([]);
  }, 60_000);
});
