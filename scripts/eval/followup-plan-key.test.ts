import { describe, expect, it } from 'vitest';
import { locateQuote, resolvePlanKey, type PlanKeyFile } from './followup-plan-key.ts';

const LAST = '二、2025年工作安排\n粮食产量稳定在800亿斤以上，新建高标准农田100万亩。改造老旧小区100个。\n各位代表！';
const THIS = '过去一年，粮食产量达到815.2亿斤，新建高标准农田103万亩。';

const key = (pairs: PlanKeyFile['pairs'], sections = [{ from: '粮食产量稳定', to: '老旧小区100个。' }]): PlanKeyFile => ({
  last: { document: 'corpus-provinces/2025/x.docx', year: 2025 },
  this: { document: 'corpus-provinces/2026/x.txt', year: 2026 },
  sections,
  pairs,
});

describe('locateQuote', () => {
  it('puts the text at its place inside the one occurrence of its quote', () => {
    expect(locateQuote(LAST, { quote: '稳定在800亿斤以上', text: '800亿斤以上' })).toEqual({ start: LAST.indexOf('800亿斤'), end: LAST.indexOf('800亿斤') + 7, text: '800亿斤以上' });
  });

  it('refuses a quote that occurs twice', () => {
    expect(locateQuote(LAST, { quote: '100', text: '100' })).toMatch(/more than once/);
  });

  it('refuses a quote that is not in the document, and a text outside its quote', () => {
    expect(locateQuote(LAST, { quote: '粮食产量稳定在900亿斤', text: '900亿斤' })).toMatch(/not in the document/);
    expect(locateQuote(LAST, { quote: '新建高标准农田100万亩', text: '100个' })).toMatch(/not inside/);
  });
});

describe('resolvePlanKey', () => {
  it('locates sections, targets and results, and keeps the verdicts', () => {
    const resolved = resolvePlanKey(
      key([
        { target: { quote: '粮食产量稳定在800亿斤以上', text: '800亿斤以上', metric: '粮食产量' }, result: { quote: '粮食产量达到815.2亿斤', text: '815.2亿斤' }, verdict: 'met' },
        { target: { quote: '改造老旧小区100个', text: '100个', metric: '改造老旧小区' }, result: null, verdict: 'not_reported' },
      ]),
      LAST,
      THIS,
    );
    expect(resolved.problems).toEqual([]);
    expect(resolved.sections.map((s) => s.text)).toEqual(['粮食产量稳定在800亿斤以上，新建高标准农田100万亩。改造老旧小区100个。']);
    expect(resolved.pairs[0]).toMatchObject({ target: { text: '800亿斤以上' }, result: { start: THIS.indexOf('815.2'), text: '815.2亿斤' }, verdict: 'met', basis: 'figure' });
    expect(resolved.pairs[1]).toMatchObject({ result: null, verdict: 'not_reported' });
  });

  it('reports a repeated result quote and a verdict that contradicts a missing result', () => {
    const resolved = resolvePlanKey(
      key([
        { target: { quote: '新建高标准农田100万亩', text: '100万亩' }, result: { quote: '，', text: '，' }, verdict: 'met' },
        { target: { quote: '改造老旧小区100个', text: '100个' }, result: null, verdict: 'met' },
      ]),
      LAST,
      THIS,
    );
    expect(resolved.problems.join('\n')).toMatch(/pairs\[0\].*more than once/);
    expect(resolved.problems.join('\n')).toMatch(/pairs\[1\].*verdict met/);
  });

  it('reports a target outside every section', () => {
    const resolved = resolvePlanKey(
      key([{ target: { quote: '改造老旧小区100个', text: '100个' }, result: null, verdict: 'not_reported' }], [{ from: '粮食产量稳定', to: '100万亩。' }]),
      LAST,
      THIS,
    );
    expect(resolved.problems.join('\n')).toMatch(/outside every section/);
  });
});
