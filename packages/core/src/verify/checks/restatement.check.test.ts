import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { findingsOf } from '../fixtures/written-quantities.fixture.ts';
import { extract } from '../../extract/pipeline.ts';
import { restatementCheck } from './restatement.check.ts';

const run = (text: string) => findingsOf(restatementCheck, text) as Omit<Finding, 'id'>[];

const ARTICLE = '全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点，投入资金增加了6.66亿元，同比增长52.8%。';
const INFOGRAPHIC = '**19.3亿元** 占财政总支出**87.8%**  \n较2022年增加**6.66亿元**  \n同比增长**52.8%**';

describe('restatement check', () => {
  it('lines up the article and the infographic figure by figure', () => {
    const findings = run(`${ARTICLE}\n\n${INFOGRAPHIC}`);
    expect(findings.map((f) => [f.stated, f.quantities[0], f.verdict])).toEqual([
      ['q6', 'q1', 'consistent'],
      ['q7', 'q3', 'consistent'],
      ['q8', 'q4', 'consistent'],
    ]);
  });
  it('reports a figure that differs in its restatement when the others agree', () => {
    const findings = run(`${ARTICLE}\n\n${INFOGRAPHIC.replace('6.66亿元', '7.66亿元')}`);
    expect(findings.find((f) => f.stated === 'q7')?.verdict).toBe('inconsistent');
  });
  it('does not tie two sentences that share only one figure, or that sit in one paragraph', () => {
    expect(run('税收增长5.2%，新增就业1200万人。\n\n投资增加3.1亿元，增长5.2%，新增企业1200家。')).toHaveLength(0);
    expect(run(`${ARTICLE}${ARTICLE}`)).toHaveLength(0);
  });
});

// figures with thousands separators ("30,500吨") need the real extraction, not the test fixture's reading
const read = (text: string) => restatementCheck.run({ text, extraction: extract(text) }) as Omit<Finding, 'id'>[];

describe('restatement check on one figure restated at once in another form', () => {
  it('holds a figure to its restatement in brackets or after 即, in another magnitude of one unit', () => {
    const [finding] = read('全年粮食产量3.05万吨（30,500吨），增长2%。');
    expect(finding).toMatchObject({ verdict: 'consistent', reading: '按括号或“即”后的数字为前一数字换一种写法理解' });
    expect(finding?.message).toBe('前文称 3.05万吨，此处称 30,500吨，前后一致 ✓');
    expect(read('全年粮食产量3.05万吨（35,500吨），增长2%。')[0]?.verdict).toBe('inconsistent');
    expect(read('全年粮食产量3.05万吨，即30500吨。')[0]?.verdict).toBe('consistent');
  });
  it('honours the precision of the shorter form: 3.05万吨 stands for 30,450–30,550吨', () => {
    expect(read('全年粮食产量3.05万吨（30,540吨）。')[0]?.verdict).toBe('consistent');
    expect(read('全年粮食产量3.05万吨（30,560吨）。')[0]?.verdict).toBe('inconsistent');
  });
  it('asks for a second look, not an error, when the two forms are a hundred times apart (a lost superscript: 10¹⁸ → 1018)', () => {
    expect(read('运算速度达到每秒一百亿亿次（1018次）。')[0]).toMatchObject({ verdict: 'questionable' });
    expect(read('全年粮食产量3.05万吨（305吨）。')[0]?.verdict).toBe('questionable');
  });
  it('leaves alone brackets that say something else, and other units', () => {
    expect(read('全年粮食产量3.05万吨（其中小麦1.2万吨）。')).toEqual([]);
    expect(read('实际使用外资3亿元（4200万美元）。')).toEqual([]);
    expect(read('全年粮食产量3.05万吨（增长2%）。')).toEqual([]);
  });
});

describe('restatement check on one metric with one growth rate stated twice far apart', () => {
  const TEXT = '全年粮食产量3.05万吨，比上年增长2.1%。油料产量8.6万吨，增长1.4%。';
  const TABLE = '指标 | 数量 | 比上年增长\n粮食产量 | 30,500吨 | 2.1%\n油料产量 | 86,000吨 | 1.4%\n';
  const SAME_METRIC = '按两处指标名称相同、增速相同，为同一指标同一时期理解';

  it('holds a table row "a | b | c" to the text that states the same metric and growth rate in another unit', () => {
    const findings = read(`${TEXT}\n\n${TABLE}`);
    expect(findings.map((f) => f.verdict)).toEqual(['consistent', 'consistent']);
    expect(findings[0]).toMatchObject({ reading: SAME_METRIC, message: '前文称 粮食产量3.05万吨，此处称 30,500吨，增速相同，前后一致 ✓' });
    const [wrong] = read(`${TEXT}\n\n${TABLE.replace('30,500吨', '35,500吨')}`);
    expect(wrong).toMatchObject({ verdict: 'inconsistent', message: '前文称 粮食产量3.05万吨，此处称 35,500吨，名称与增速相同而数值不符（按各自书写精度也不相交）✗' });
  });

  it('reads a bare number under the unit its row or column names, and a bare growth rate under its header', () => {
    const bare = '指标 | 数量 | 比上年增长（%）\n粮食产量（万吨） | 3.05 | 2.1\n油料产量（万吨） | 8.6 | 1.4\n';
    const findings = read(`${TEXT}\n\n${bare}`);
    expect(findings.map((f) => f.verdict)).toEqual(['consistent', 'consistent']);
    expect(findings[0]?.message).toBe('前文称 粮食产量3.05万吨，此处称 3.05（万吨），增速相同，前后一致 ✓');
    const [wrong] = read(`${TEXT}\n\n${bare.replace('| 3.05 |', '| 3.15 |')}`);
    expect(wrong).toMatchObject({ verdict: 'inconsistent', stated: expect.stringMatching(/^span:\d+-\d+$/) });
    // the unit in a column of its own, and in tons where the text says 万吨
    const ownColumn = '指标 | 单位 | 数量 | 增速（%）\n粮食产量 | 吨 | 31500 | 2.1\n';
    expect(read(`${TEXT}\n\n${ownColumn}`)[0]?.verdict).toBe('inconsistent');
    expect(read(`${TEXT}\n\n${ownColumn.replace('31500', '30500')}`)[0]?.verdict).toBe('consistent');
  });

  it('leaves alone a row with two levels (this year and last) or no unit for its bare number', () => {
    const twoYears = '指标 | 本年 | 上年 | 增长（%）\n粮食产量（万吨） | 3.15 | 2.99 | 2.1\n';
    expect(read(`${TEXT}\n\n${twoYears}`)).toEqual([]);
    expect(read(`${TEXT}\n\n指标 | 数量 | 增长（%）\n粮食产量 | 3.15 | 2.1\n`)).toEqual([]);
  });

  it('honours the precision of the shorter form, and reads a tab-separated row as well', () => {
    expect(read(`${TEXT}\n\n${TABLE.replace('30,500吨', '30,540吨')}`)[0]?.verdict).toBe('consistent');
    expect(read(`${TEXT}\n\n${TABLE.replace('30,500吨', '30,560吨')}`)[0]?.verdict).toBe('inconsistent');
    expect(read(`${TEXT}\n\n${TABLE.replace(/ \| /g, '\t').replace('30,500吨', '31,500吨')}`)[0]?.verdict).toBe('inconsistent');
  });

  it('ties two sentences in different paragraphs by name and rate', () => {
    const later = '\n\n二、农业\n\n粮食产量3.15万吨，增长2.1%，连续五年稳定。';
    expect(read(`${TEXT}${later}`)[0]).toMatchObject({ verdict: 'inconsistent', reading: SAME_METRIC });
    expect(read(`${TEXT}${later.replace('3.15万吨', '3.05万吨')}`)[0]?.verdict).toBe('consistent');
  });

  it('asks for a second look, not an error, when one of the two names a plan or another year', () => {
    const [plan] = read(`${TEXT}\n\n今年，粮食产量3.15万吨，增长2.1%。`);
    expect(plan).toMatchObject({ verdict: 'questionable', reading: SAME_METRIC });
    expect(plan?.message).toContain('年份或口径可能不同，需复核');
    expect(read(`${TEXT}\n\n2022年粮食产量3.15万吨，增长2.1%。`)[0]?.verdict).toBe('questionable');
  });

  it('asks for a second look, not an error, when one of the two is of a narrower place, in its sentence or heading', () => {
    expect(read(`${TEXT}\n\n（三）高新区\n\n粮食产量3.15万吨，增长2.1%。`)[0]?.verdict).toBe('questionable');
    expect(read(`${TEXT}\n\n城关镇：粮食产量3.15万吨，增长2.1%。`)[0]?.verdict).toBe('questionable');
    // the report's own 全市 and a heading without a place change nothing
    expect(read(`全市${TEXT}\n\n二、农业\n\n粮食产量3.15万吨，增长2.1%。`)[0]?.verdict).toBe('inconsistent');
  });

  it('leaves alone a name stated with another rate, in one paragraph, three times, or beside a share column', () => {
    // the review and the plan name one task with different figures and rates: two facts
    expect(read(`${TEXT}\n\n粮食产量3.15万吨，增长3.5%。`)).toEqual([]);
    expect(read(`${TEXT}粮食产量3.15万吨，增长2.1%。`)).toEqual([]);
    expect(read(`${TEXT}\n\n粮食产量3.15万吨，增长2.1%。\n\n粮食产量3.25万吨，增长2.1%。`)).toEqual([]);
    expect(read(`${TEXT}\n\n${TABLE.replace('比上年增长', '占全省比重').replace('30,500吨', '35,500吨')}`)).toEqual([]);
  });
});
