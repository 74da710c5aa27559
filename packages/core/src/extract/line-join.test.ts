import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import type { Extraction } from '../model/extraction.ts';
import { formatDecimal } from '../numbers/decimal.ts';
import { isLineBrokenInsideSentence } from './line-join.ts';

// Paragraphs of the 亳州市2024年政府工作报告 (a public government document), as written.
const BOZHOU = [
  '二、2024年重点工作',
  '经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增速高于全省平均水平，固定资产投资增长10%，规模以上工业增加值、社会消费品零售总额、进出口总额均增长8%以上，城镇、农村常住居民人均可支配收入与全省同步增长，城镇新增就业3.3万人以上，居民消费价格涨幅不高于全省平均水平，粮食产量100亿斤以上，单位GDP能耗降低率、生态环境质量指标完成省下达年度目标任务。',
  '(一)加快新型工业化进程。聚焦“4+6”产业集群建设，力争实现“1215”目标：净增规模工业企业不少于100家，工业投资、工业技改投资均增长20%以上，规上医药制造业、白酒及保健酒产业、农产品加工业产值均增长15%以上。引进具有行业领先水准的研发平台至少1个，力争实现规上医药制造业产值500亿元。',
  '掀起招大引强新攻势。全年新落地亿元以上工业项目不少于300个。每个载体紧盯“三个50”目标，新落地亿元以上工业项目不少于50个，其中10亿元以上项目不少于5个、50亿元以上项目不少于1个，力争签约项目落地率、落地项目开工率均达70%，开工项目纳统率90%以上。',
  '加强金融服务实体经济，新增贷款423.3亿元，普惠型小微企业贷款利率下降0.8个百分点、降幅居全省第1位，小微企业获贷率57.8%、居全省第2位，制造业中长期贷款增长88.4%、高于全省37.2个百分点。',
];

/** Cuts every line into lines of `width` characters, as a PDF copy or a newspaper column does. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => line.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n'))
    .join('\n');
}

/** What a reader sees of an extraction, line breaks inside texts taken out: spans differ, content must not. */
function content(extraction: Extraction) {
  const flat = (text: string) => text.replace(/\n/gu, '');
  return {
    quantities: extraction.quantities.map((q) => ({
      text: flat(q.text), unit: q.unit, comparator: q.comparator, role: q.role, metric: q.metric,
      value: q.value.type === 'exact' ? formatDecimal(q.value.value) : `${formatDecimal(q.value.low)}–${formatDecimal(q.value.high)}`,
    })),
    commitments: extraction.commitments.map((c) => ({ text: flat(c.text), theme: c.theme, action: c.action, indicator: c.indicator, comparator: c.target?.comparator })),
    // A finding quotes a fixed number of source characters around its figures (「…」), a line break among them.
    findings: extraction.findings.map((f) => ({ check: f.check, verdict: f.verdict, message: flat(f.message).replace(/^「[^」]*」/u, '「…」') })),
  };
}

describe('isLineBrokenInsideSentence', () => {
  const long = '一般公共预算收入增速高于全省平均水平，规模以上工业增加值增长8%以上，固';
  it('joins a long line cut between two Chinese characters, or inside a number and its unit', () => {
    expect(isLineBrokenInsideSentence(long, '定资产投资增长10%')).toBe(true);
    expect(isLineBrokenInsideSentence('引进具有行业领先水准的研发平台至少1个，力争实现规上医药制造业产值500亿', '元。')).toBe(true);
    expect(isLineBrokenInsideSentence('引进具有行业领先水准的研发平台至少1个，力争实现规上医药制造业产值增长10', '%。')).toBe(true);
    expect(isLineBrokenInsideSentence('引进具有行业领先水准的研发平台至少1个，力争实现规上医药制造业产值增长', '10%。')).toBe(true);
    expect(isLineBrokenInsideSentence('现“1215”目标：净增规模工业企业不少于100家，工业投资', '、工业技改投资均增长20%以上')).toBe(true);
  });
  it('reads a line opening with a figure ("17.3%。") as text, not as a numbered list item', () => {
    expect(isLineBrokenInsideSentence('17.3%。加强金融服务实体经济，新增贷款423.3亿元，制造业中长期贷款增长88.4%、高于全省37.2个', '百分点。')).toBe(true);
  });
  it('keeps apart what the writer ended: a sentence, a short title, a heading, a list item after', () => {
    expect(isLineBrokenInsideSentence(`${long}。`, '定资产投资增长10%')).toBe(false);
    expect(isLineBrokenInsideSentence('二、2024年重点工作', '今年是新中国成立75周年')).toBe(false);
    expect(isLineBrokenInsideSentence('（一）加快新型工业化进程，聚焦产业集群建设，推动主导产业放大优势', '推动新兴产业聚链成群。')).toBe(false);
    expect(isLineBrokenInsideSentence(long, '（二）加快推进城乡融合')).toBe(false);
    expect(isLineBrokenInsideSentence(long, '2. 推动新兴产业聚链成群')).toBe(false);
    expect(isLineBrokenInsideSentence('一般公共预算支出 单位：万元 项目 预算数 调整预算数 执行数', '18650 19120 18930')).toBe(false);
    expect(isLineBrokenInsideSentence('一般公共服务支出\t18,650\t19,120\t18,930\t城北区2023年预算执行情况', '公共安全支出\t9,420')).toBe(false);
  });
  it('joins the lines of a narrow column as long as the line before them', () => {
    expect(isLineBrokenInsideSentence('一般公共预算收入增速高于全', '省平均水平，固定', '经济社会发展的主要预期目标')).toBe(true);
    expect(isLineBrokenInsideSentence('一般公共预算收入增速', '省平均水平', undefined)).toBe(false);
  });
});

describe('extraction across hard line breaks', () => {
  const text = BOZHOU.join('\n');
  for (const width of [30, 40]) {
    it(`reads the 亳州 paragraphs hard-wrapped at ${width} characters as it reads them whole, with spans into the wrapped text`, () => {
      const wrapped = hardWrap(text, width);
      expect(wrapped.split('\n').length).toBeGreaterThan(BOZHOU.length * 3);
      const whole = analyze(text, { reportYear: 2024 });
      const cut = analyze(wrapped, { reportYear: 2024 });
      expect(content(cut)).toEqual(content(whole));
      // Figures and commitments were cut, and are read whole.
      expect(cut.commitments.filter((c) => c.text.includes('\n')).length).toBeGreaterThan(3);
      for (const item of [...cut.quantities, ...cut.commitments]) expect(wrapped.slice(item.start, item.end)).toBe(item.text);
      expect(cut.findings.filter((f) => f.verdict === 'inconsistent')).toEqual([]);
      expect(cut.commitments.find((c) => c.text.replace(/\n/gu, '').includes('不少于100家'))?.target?.comparator).toBe('>=');
    });
  }
});
