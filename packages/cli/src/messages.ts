/**
 * Everything the CLI says, in Chinese (default) and English: `--lang en` or DUIXIAN_LANG=en switches.
 * Example: message('zh').columns.figure → '原文'.
 */

export type Language = 'zh' | 'en';

const ZH = {
  /** Which language these are, for names core gives in both (check names). */
  locale: 'zh' as 'zh' | 'en',
  columns: { figure: '原文', value: '数值', unit: '单位', kind: '类别', metric: '指标', role: '角色', context: '上下文' },
  kinds: { money: '金额', percent: '百分比', percentage_point: '百分点', count: '计数', measure: '计量', ratio: '比率' } as Record<string, string>,
  roles: { level: '水平', change: '增减额', growth_rate: '增速', share: '占比', pp_change: '百分点变化', multiple: '倍数' } as Record<string, string>,
  verdicts: { consistent: '一致', inconsistent: '不一致', questionable: '需复核', unverifiable: '无法核验' } as Record<string, string>,
  heading: (file: string, year: number | null) => `${file}${year ? `（报告年度 ${year}）` : ''}`,
  quantitiesTitle: (n: number) => `数字 ${n} 个`,
  commitmentsTitle: (n: number, quantified: number) => `承诺 ${n} 项（其中量化 ${quantified} 项）`,
  findingsTitle: (n: number, bad: number) => `核验 ${n} 项，不一致 ${bad} 项`,
  questionableTitle: (n: number) => `需复核（写法值得再看，不算错误）${n} 项`,
  unreadable: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  progress: (file: string, done: number, total: number) => `读取 ${file}：第 ${done}/${total} 页`,
  noFindings: '没有可核验的关系',
  checks: {
    growth: '增速', difference: '增减额', 'percentage-point-change': '百分点变化', 'parts-sum': '分项合计', 'part-of-whole': '部分与整体',
    'structure-ratio': '结构占比', restatement: '前后复述', 'cross-document': '跨文件复述', direction: '增减方向', enumeration: '列举计数',
    threshold: '常识阈值', 'unit-logic': '单位逻辑', 'average-annual-growth': '年均增速', 'growth-from-increase': '由增量推增速',
    multiple: '倍数', share: '占比',
  } as Record<string, string>,
  bar: (done: number, total: number, file: string, seconds: number) => `${done}/${total} 个文件  ${seconds.toFixed(0)} 秒  ${file}`,
  summaryTitle: '汇总',
  summaryFiles: (checked: number, unreadable: number, skipped: number) => `文件：核查 ${checked} 个，无法读取 ${unreadable} 个${skipped > 0 ? `，跳过非报告文件 ${skipped} 个` : ''}`,
  summaryFigures: (figures: number, commitments: number) => `数字 ${figures} 个，承诺 ${commitments} 项`,
  summaryTiers: (inconsistent: number, questionable: number, consistent: number, unverifiable: number) =>
    `核验结果：不一致 ${inconsistent} 项，需复核 ${questionable} 项，一致 ${consistent} 项，无法核验 ${unverifiable} 项`,
  summaryByCheck: '按核验类别（不一致 / 需复核 / 一致 / 无法核验）：',
  summaryUnreadable: '无法读取的文件：',
  summaryTime: (seconds: number, jobs: number) => `用时 ${seconds.toFixed(1)} 秒，并行 ${jobs} 路`,
  theme: '主题',
  target: '目标',
  serving: (url: string) => `duixian 已启动：${url}`,
  followUpColumns: ['指标', '目标', '结果', '结论', '置信度', '目标位置', '结果位置'],
  followUpVerdicts: { met: '完成', missed: '未完成', not_reported: '未报告' } as Record<string, string>,
  followUpHeading: (last: string, lastYear: number, current: string, thisYear: number) => `${lastYear}年目标（${last}） → ${thisYear}年报告（${current}）`,
  followUpSummary: (met: number, missed: number, silent: number) => `完成 ${met} 项，未完成 ${missed} 项，未报告 ${silent} 项`,
  followUpNoYear: '无法确定报告年度，请用 --last-year 和 --this-year 指定',
  followUpByStatement: (statement: string) => `（陈述）${statement}`,
  leagueHeading: (lastDir: string, thisDir: string, regions: number) => `去年的目标兑现了吗：${regions} 个地区（${lastDir} → ${thisDir}）`,
  leagueColumns: ['名次', '地区', '年度', '目标', '完成', '未完成', '未报告', '完成率（有结果）', '完成率（全部）'],
  leagueByStatement: (n: number) => `（其中按陈述完成 ${n}）`,
  leagueShare: (percent: string | null, met: number, of: number) => (percent === null ? '—' : `${percent}%（${met}/${of}）`),
  leagueNote: '完成率（有结果）= 完成 ÷（完成 + 未完成）；完成率（全部）= 完成 ÷ 目标数。',
  leagueUnpaired: '只有一个年度的报告（未配对）：',
  leagueLine: (region: string, text: string) => `  ${region}：${text}`,
  leagueMissing: (missing: 'last' | 'this'): string => (missing === 'last' ? '缺上一年报告' : '缺本年报告'),
  leagueFailures: '无法处理的地区：',
  leagueDuplicate: (files: string) => `同一地区有多个文件：${files}`,
  leagueNoYear: '无法确定报告年度，请用 --last-year 和 --this-year 指定',
  leagueNotFolder: (path: string) => `${path} 不是目录`,
  leagueWritten: (file: string) => `已写入 ${file}`,
  leagueBar: (done: number, total: number, region: string, seconds: number) => `${done}/${total} 个地区  ${seconds.toFixed(0)} 秒  ${region}`,
  leagueTime: (seconds: number) => `用时 ${seconds.toFixed(1)} 秒`,
};

const EN: typeof ZH = {
  locale: 'en',
  columns: { figure: 'Figure', value: 'Value', unit: 'Unit', kind: 'Kind', metric: 'Metric', role: 'Role', context: 'Context' },
  kinds: { money: 'money', percent: 'percent', percentage_point: 'points', count: 'count', measure: 'measure', ratio: 'ratio' },
  roles: { level: 'level', change: 'change', growth_rate: 'growth', share: 'share', pp_change: 'pp change', multiple: 'multiple' },
  verdicts: { consistent: 'consistent', inconsistent: 'INCONSISTENT', questionable: 'to review', unverifiable: 'unverifiable' },
  heading: (file, year) => `${file}${year ? ` (report year ${year})` : ''}`,
  quantitiesTitle: (n) => `${n} figures`,
  commitmentsTitle: (n, quantified) => `${n} commitments (${quantified} quantified)`,
  findingsTitle: (n, bad) => `${n} checks, ${bad} inconsistent`,
  questionableTitle: (n) => `${n} to review (wording worth a second look, not errors)`,
  unreadable: (file, reason) => `cannot read ${file}: ${reason}`,
  progress: (file, done, total) => `reading ${file}: page ${done}/${total}`,
  noFindings: 'no checkable relations',
  checks: {
    growth: 'growth rate', difference: 'change', 'percentage-point-change': 'percentage-point change', 'parts-sum': 'parts sum',
    'part-of-whole': 'part of whole', 'structure-ratio': 'structure shares', restatement: 'restatement', 'cross-document': 'across files',
    direction: 'direction', enumeration: 'enumeration count', threshold: 'plausibility threshold', 'unit-logic': 'unit logic',
    'average-annual-growth': 'average annual growth', 'growth-from-increase': 'growth from increase', multiple: 'multiple', share: 'share',
  },
  bar: (done, total, file, seconds) => `${done}/${total} files  ${seconds.toFixed(0)} s  ${file}`,
  summaryTitle: 'Summary',
  summaryFiles: (checked, unreadable, skipped) => `files: ${checked} checked, ${unreadable} unreadable${skipped > 0 ? `, ${skipped} non-report files skipped` : ''}`,
  summaryFigures: (figures, commitments) => `${figures} figures, ${commitments} commitments`,
  summaryTiers: (inconsistent, questionable, consistent, unverifiable) =>
    `findings: ${inconsistent} inconsistent, ${questionable} to review, ${consistent} consistent, ${unverifiable} unverifiable`,
  summaryByCheck: 'by check (inconsistent / to review / consistent / unverifiable):',
  summaryUnreadable: 'files that could not be read:',
  summaryTime: (seconds, jobs) => `${seconds.toFixed(1)} s, ${jobs} at once`,
  theme: 'theme',
  target: 'target',
  serving: (url) => `duixian is serving at ${url}`,
  followUpColumns: ['Metric', 'Target', 'Result', 'Verdict', 'Confidence', 'Target span', 'Result span'],
  followUpVerdicts: { met: 'met', missed: 'MISSED', not_reported: 'not reported' },
  followUpHeading: (last, lastYear, current, thisYear) => `${lastYear} targets (${last}) → ${thisYear} report (${current})`,
  followUpSummary: (met, missed, silent) => `${met} met, ${missed} missed, ${silent} not reported`,
  followUpNoYear: 'cannot tell the report years: give --last-year and --this-year',
  followUpByStatement: (statement) => `(statement) ${statement}`,
  leagueHeading: (lastDir, thisDir, regions) => `Last year's targets kept? ${regions} regions (${lastDir} → ${thisDir})`,
  leagueColumns: ['Rank', 'Region', 'Years', 'Targets', 'Met', 'Missed', 'Not reported', 'Met of reported', 'Met of all'],
  leagueByStatement: (n) => ` (${n} by statement)`,
  leagueShare: (percent, met, of) => (percent === null ? '—' : `${percent}% (${met}/${of})`),
  leagueNote: 'Met of reported = met ÷ (met + missed); met of all = met ÷ targets.',
  leagueUnpaired: 'Report of one year only (not paired):',
  leagueLine: (region, text) => `  ${region}: ${text}`,
  leagueMissing: (missing) => (missing === 'last' ? "last year's report missing" : "this year's report missing"),
  leagueFailures: 'Regions that could not be processed:',
  leagueDuplicate: (files) => `more than one file for the region: ${files}`,
  leagueNoYear: 'cannot tell the report years: give --last-year and --this-year',
  leagueNotFolder: (path) => `${path} is not a folder`,
  leagueWritten: (file) => `written: ${file}`,
  leagueBar: (done, total, region, seconds) => `${done}/${total} regions  ${seconds.toFixed(0)} s  ${region}`,
  leagueTime: (seconds) => `${seconds.toFixed(1)} s`,
};

export type Messages = typeof ZH;

/** The messages of one language. */
export function messages(language: Language): Messages {
  return language === 'en' ? EN : ZH;
}

/** The language asked for by `--lang` or DUIXIAN_LANG, Chinese by default. */
export function pickLanguage(option: string | undefined, environment: NodeJS.ProcessEnv): Language {
  const wanted = option ?? environment.DUIXIAN_LANG ?? 'zh';
  return wanted.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
