#!/usr/bin/env node
/**
 * The `duixian` command: check reports, serve the tracker, follow up last year's promises.
 * Example: duixian check 民生账本.txt --json
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { USER_ROLES } from './commands/user-roles.ts';
import { pickLanguage } from './messages.ts';

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new InvalidArgumentError('年份应为四位数字 / a four-digit year');
  return year;
}

function parseMegabytes(value: string): number {
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new InvalidArgumentError('应为正数 / a positive number');
  return Math.round(megabytes * 1024 * 1024);
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new InvalidArgumentError('应为 1–64 的整数 / a whole number 1–64');
  return jobs;
}

// Each command's module (and with it the server, storage and ingest) is imported when the command runs, so that
// `--version`, `--help` and a mistyped option answer without loading them.
// The version `duixian --version` prints is the cli package's, read where the package is installed.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program.version(version, '-V, --version', '显示版本 / show the version');
program.name('duixian').description('兑现：核查政府工作报告、预算和民生账本中的数字与承诺').option('--lang <lang>', '界面语言 zh | en');

program
  .command('check')
  .description('提取并核验报告中的数字、日期和承诺 / extract and verify figures, dates and commitments')
  .argument('<files...>', '报告文件（txt、md、html、pdf、docx）或目录（其下各层的报告文件）')
  .option('--year <year>', '报告年度（默认从正文推断）', parseYear)
  .option('--json', '输出 JSON')
  .option('--jsonl', '每个文件一行 JSON，处理完即输出（不做跨文件核验）/ one JSON line per file as each finishes')
  .option('--no-fail', '有不一致的结果时也以 0 退出')
  .option('--max-mb <mb>', '文件大小上限（MB，默认 50）', parseMegabytes)
  .option('--jobs <n>', '同时处理的文件数（默认：全部 CPU 核心；1 为逐个处理）/ files at once, default all cores', parseJobs)
  .action(async (files: string[], options: { year?: number; json?: boolean; jsonl?: boolean; fail: boolean; maxMb?: number; jobs?: number }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runCheck } = await import('./commands/check.command.ts');
    const outcome = await runCheck(files, {
      json: options.json === true,
      jsonl: options.jsonl === true,
      fail: options.fail,
      language,
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.maxMb === undefined ? {} : { maxBytes: options.maxMb }),
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    }, {
      pages: (line) => process.stderr.write(`${line}\n`),
      line: (line) => process.stdout.write(`${line}\n`),
      bar: process.stderr,
    });
    if (outcome.stdout) process.stdout.write(`${outcome.stdout}\n`);
    if (outcome.stderr) process.stderr.write(`${outcome.stderr}\n`);
    process.exitCode = outcome.exitCode;
  });

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('端口应为 0–65535 / a port 0–65535');
  return port;
}

program
  .command('serve')
  .description('启动服务（API + 网页），首次启动导入示范数据 / serve the API and web app')
  .option('--port <port>', '端口（默认 8080，或 PORT）', parsePort)
  .option('--host <host>', '监听地址（默认 127.0.0.1，或 HOST）')
  .option('--data <dir>', '嵌入式数据库目录（默认 .duixian-data，或 DUIXIAN_DATA；设置 DATABASE_URL 时用 PostgreSQL）')
  .action(async (options: { port?: number; host?: string; data?: string }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runServe } = await import('./commands/serve.command.ts');
    await runServe({
      language,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.host ? { host: options.host } : {}),
      ...(options.data ? { dataDir: options.data } : {}),
    }, process.env);
  });

program
  .command('follow-up')
  .description('去年的目标，今年兑现了吗 / last year\'s targets against this year\'s reported results')
  .argument('<lastYearReport>', '上一年的政府工作报告（用 --pairs 时为上一年报告所在目录）')
  .argument('<thisYearReport>', '本年的政府工作报告（用 --pairs 时为本年报告所在目录）')
  .option('--json [file]', '输出 JSON（给出文件名时写入该文件）')
  .option('--pairs', '两个参数是目录：按文件名（地区名）配对，输出各地区目标完成情况排行 / two folders, paired by region: the league table')
  .option('--csv <file>', '与 --pairs 一起：把排行写成 CSV 文件（Excel 可直接打开）')
  .option('--last-year <year>', '上一份报告的年度', parseYear)
  .option('--this-year <year>', '本份报告的年度', parseYear)
  .option('--headline-only', '只跟踪“主要预期目标”（默认跟踪上一年计划中的全部量化目标）')
  .action(async (lastFile: string, thisFile: string, options: { json?: boolean | string; pairs?: boolean; csv?: string; lastYear?: number; thisYear?: number; headlineOnly?: boolean }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    if (options.pairs === true) {
      const { runFollowUpPairs } = await import('./commands/follow-up-pairs.command.ts');
      report(await runFollowUpPairs(lastFile, thisFile, {
        language,
        ...(options.json === undefined ? {} : { json: options.json }),
        ...(options.csv === undefined ? {} : { csv: options.csv }),
        ...(options.lastYear === undefined ? {} : { lastYear: options.lastYear }),
        ...(options.thisYear === undefined ? {} : { thisYear: options.thisYear }),
      }, process.stderr));
      return;
    }
    const { runFollowUp } = await import('./commands/follow-up.command.ts');
    const outcome = await runFollowUp(lastFile, thisFile, {
      json: options.json !== undefined,
      language,
      headlineOnly: options.headlineOnly === true,
      ...(options.lastYear === undefined ? {} : { lastYear: options.lastYear }),
      ...(options.thisYear === undefined ? {} : { thisYear: options.thisYear }),
    });
    if (typeof options.json === 'string' && outcome.exitCode === 0) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(options.json, `${outcome.stdout}\n`, 'utf8');
      report({ ...outcome, stdout: '' });
      return;
    }
    report(outcome);
  });

function report(outcome: { exitCode: number; stdout: string; stderr: string }): void {
  if (outcome.stdout) process.stdout.write(`${outcome.stdout}\n`);
  if (outcome.stderr) process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.exitCode;
}

program
  .command('backup')
  .description('把整个数据库（含原始文件）备份到一个文件 / back up the whole database, files included')
  .argument('<file>', '备份文件（gzip 压缩的 JSON 行）')
  .option('--data <dir>', '嵌入式数据库目录（默认 .duixian-data，或 DUIXIAN_DATA；设置 DATABASE_URL 时用 PostgreSQL）')
  .action(async (file: string, options: { data?: string }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runBackup } = await import('./commands/backup.command.ts');
    report(await runBackup(file, { language, ...(options.data ? { dataDir: options.data } : {}) }, process.env));
  });

program
  .command('restore')
  .description('从备份文件恢复到空数据库（一个事务）/ restore a backup into an empty database, in one transaction')
  .argument('<file>', '备份文件')
  .option('--data <dir>', '嵌入式数据库目录（默认 .duixian-data，或 DUIXIAN_DATA；设置 DATABASE_URL 时用 PostgreSQL）')
  .option('--force', '目标数据库已有数据时全部替换 / replace whatever the target holds')
  .action(async (file: string, options: { data?: string; force?: boolean }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runRestore } = await import('./commands/restore.command.ts');
    report(await runRestore(file, { language, force: options.force === true, ...(options.data ? { dataDir: options.data } : {}) }, process.env));
  });

const user = program.command('user').description('账号管理 / accounts');
user
  .command('add')
  .description('添加用户；密码从标准输入读取（--password-stdin）或自动生成 / add a user')
  .argument('<name>', '用户名')
  .requiredOption('--role <role>', `角色：${USER_ROLES.join(' | ')}`, (value: string) => {
    if (!(USER_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`角色应为 ${USER_ROLES.join(' | ')}`);
    return value;
  })
  .option('--unit <unit>', '单位编号或名称（单位填报员必填）')
  .option('--display-name <name>', '显示名')
  .option('--password-stdin', '从标准输入读取密码')
  .option('--data <dir>', '嵌入式数据库目录（或 DATABASE_URL）')
  .action(async (name: string, options: { role: (typeof USER_ROLES)[number]; unit?: string; displayName?: string; passwordStdin?: boolean; data?: string }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runUserAdd } = await import('./commands/user.command.ts');
    report(await runUserAdd(name, {
      language,
      role: options.role,
      ...(options.unit ? { unit: options.unit } : {}),
      ...(options.displayName ? { displayName: options.displayName } : {}),
      ...(options.passwordStdin ? { passwordFrom: process.stdin } : {}),
      ...(options.data ? { dataDir: options.data } : {}),
    }, process.env));
  });
user
  .command('passwd')
  .description('重设密码（原有登录失效）/ set a new password, ending the user\'s sessions')
  .argument('<name>', '用户名')
  .option('--password-stdin', '从标准输入读取密码')
  .option('--data <dir>', '嵌入式数据库目录（或 DATABASE_URL）')
  .action(async (name: string, options: { passwordStdin?: boolean; data?: string }) => {
    const language = pickLanguage(program.opts<{ lang?: string }>().lang, process.env);
    const { runUserPasswd } = await import('./commands/user.command.ts');
    report(await runUserPasswd(name, {
      language,
      ...(options.passwordStdin ? { passwordFrom: process.stdin } : {}),
      ...(options.data ? { dataDir: options.data } : {}),
    }, process.env));
  });

await program.parseAsync(process.argv);
