import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFollowUpPairs } from './follow-up-pairs.command.ts';

// Small reports written for this test: 甲市 and 乙市 in both years, 丙市 in 2030 only, 丁市's 2030 file empty, 戊市's
// 2030 plan without a 主要预期目标.
const lastFolder = fileURLToPathOf('../../../../testdata/league/2030');
const thisFolder = fileURLToPathOf('../../../../testdata/league/2031');

function fileURLToPathOf(relative: string): string {
  return decodeURIComponent(new URL(relative, import.meta.url).pathname);
}

describe('duixian follow-up --pairs', () => {
  let output: string;
  beforeAll(async () => {
    output = await mkdtemp(path.join(os.tmpdir(), 'duixian-league-'));
  });
  afterAll(async () => {
    await rm(output, { recursive: true, force: true });
  });

  it('ranks the paired regions by the share met, lists the unpaired one, and reports the unreadable file without stopping', async () => {
    const outcome = await runFollowUpPairs(lastFolder, thisFolder, { language: 'zh' });
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toBe(`去年的目标兑现了吗：2 个地区（${lastFolder} → ${thisFolder}）`);
    const row = (region: string) => lines.find((line) => line.includes(` ${region} `))!.trim().split(/\s{2,}/u);
    // 乙市: 6.1% against 6%左右 and 5.4万人 against 5万人以上, both met. 甲市: 5.3% and 6.2万人 met, 失业率 5.6% over 5.5%以内 missed,
    // 一般公共预算收入 not reported; and from the body of its plan, 农村公路 520 of 500公里 and 老旧小区 126 of 120个 met, 幼儿园学位
    // 2400 of 3000个 missed.
    expect(row('乙市')).toEqual(['1', '乙市', '2030→2031', '2', '2', '0', '0', '100.0%（2/2）', '100.0%（2/2）']);
    expect(row('甲市')).toEqual(['2', '甲市', '2030→2031', '7', '4', '2', '1', '66.7%（4/6）', '57.1%（4/7）']);
    expect(outcome.stdout).toContain('只有一个年度的报告（未配对）：\n  丙市：缺本年报告');
    expect(outcome.stdout).toMatch(/无法处理的地区：\n {2}丁市：无法读取 .*丁市\.pdf：.*文件为空.*\n {2}戊市：2030年报告中未找到“主要预期目标”/u);
    expect(outcome.exitCode).toBe(1);
  });

  it('writes the table as CSV (BOM, header) and JSON files', async () => {
    const csvFile = path.join(output, 'league.csv');
    const jsonFile = path.join(output, 'league.json');
    const outcome = await runFollowUpPairs(lastFolder, thisFolder, { language: 'zh', csv: csvFile, json: jsonFile });
    expect(outcome.stderr).toContain(`已写入 ${csvFile}`);
    const csv = await readFile(csvFile, 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF名次,地区,目标年度,报告年度,目标数,完成,其中按陈述完成,未完成,未报告,完成率（有结果）%,完成率（全部）%',
      '1,乙市,2030,2031,2,2,0,0,0,100.0,100.0',
      '2,甲市,2030,2031,7,4,0,2,1,66.7,57.1',
    ]);
    const json = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(json.rows.map((row: { region: string }) => row.region)).toEqual(['乙市', '甲市']);
    expect(json.unpaired).toEqual([{ region: '丙市', missing: 'this' }]);
    expect(json.failures.map((failure: { region: string }) => failure.region)).toEqual(['丁市', '戊市']);
  });

  it('speaks English with --lang en and takes the years from the options', async () => {
    const outcome = await runFollowUpPairs(lastFolder, thisFolder, { language: 'en', lastYear: 2030 });
    expect(outcome.stdout).toContain("Last year's targets kept? 2 regions");
    expect(outcome.stdout).toContain("  丙市: this year's report missing");
    expect(outcome.stdout).toMatch(/^1 +乙市 +2030→2031 +2 +2 +0 +0 +100\.0% \(2\/2\)/mu);
  });

  it('draws progress on a terminal, one step per region, and nothing elsewhere', async () => {
    const written: string[] = [];
    await runFollowUpPairs(lastFolder, thisFolder, { language: 'zh' }, { isTTY: true, columns: 100, write: (chunk: string) => written.push(chunk) });
    expect(written.some((chunk) => chunk.includes('4/4 个地区'))).toBe(true);
    const silent: string[] = [];
    await runFollowUpPairs(lastFolder, thisFolder, { language: 'zh' }, { isTTY: false, write: (chunk: string) => silent.push(chunk) });
    expect(silent).toEqual([]);
  });

  it('refuses a path that is not a folder with exit code 2', async () => {
    const outcome = await runFollowUpPairs(path.join(lastFolder, '甲市.txt'), thisFolder, { language: 'zh' });
    expect(outcome).toMatchObject({ stdout: '', exitCode: 2 });
    expect(outcome.stderr).toContain('不是目录');
  });
});
