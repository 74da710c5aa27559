import { describe, expect, it } from 'vitest';
import type { Finding, Quantity } from '@duixian/core';
import { matchRelation, mutateFigureText, scoreMutations } from './relations.eval.ts';
import { extract, verify } from '@duixian/core';

describe('mutateFigureText', () => {
  it('misprints the leading digit one up and one down, keeping decimals and unit', () => {
    expect(mutateFigureText('44.4%', 'up')).toBe('54.4%');
    expect(mutateFigureText('19.3亿元', 'down')).toBe('9.3亿元');
    expect(mutateFigureText('6.66亿元', 'up')).toBe('7.66亿元');
  });
  it('adds or drops a digit', () => {
    expect(mutateFigureText('130577万元', 'times10')).toBe('1305770万元');
    expect(mutateFigureText('282563万元', 'div10')).toBe('28256万元');
  });
  it('gives nothing for Chinese numerals or a figure that would reach zero', () => {
    expect(mutateFigureText('两万亩', 'up')).toBeUndefined();
    expect(mutateFigureText('1个', 'down')).toBeUndefined();
  });
});

describe('matchRelation', () => {
  const q = (id: string, start: number, end: number): Quantity => ({ id, start, end, text: '', unit: '元', kind: 'money', value: { type: 'exact', value: { mantissa: 1n, exponent: 0 } }, provenance: 'test' });
  const quantities = new Map([['q1', q('q1', 0, 5)], ['q2', q('q2', 10, 15)], ['q3', q('q3', 20, 25)]]);
  const gold = [{ start: 0, end: 5, text: '', value: 1, unit: '元', kind: 'money' }, { start: 10, end: 15, text: '', value: 1, unit: '元', kind: 'money' }, { start: 20, end: 25, text: '', value: 1, unit: '%', kind: 'percent' }];
  const finding = (check: string, stated: string, used: string[]): Finding => ({ id: 'f1', check, verdict: 'consistent', stated, quantities: used, message: '' });
  it('needs the same check, the claim as the stated figure and every other figure among those used', () => {
    const relation = { kind: 'growth', claim: 2, current: 0, previous: 1 };
    expect(matchRelation(relation, gold, [finding('growth', 'q3', ['q1', 'q2'])], quantities)).toBeDefined();
    expect(matchRelation(relation, gold, [finding('growth', 'q3', ['q1'])], quantities)).toBeUndefined();
    expect(matchRelation(relation, gold, [finding('share', 'q3', ['q1', 'q2'])], quantities)).toBeUndefined();
  });
  it('takes a restatement from either side', () => {
    expect(matchRelation({ kind: 'same_fact', claim: 0, other: 1 }, gold, [finding('restatement', 'q2', ['q1'])], quantities)).toBeDefined();
  });
});

describe('scoreMutations', () => {
  it('catches every misprint in the seed infographic growth and difference', () => {
    const text = '一般公共预算支出21.98亿元，较2022年15.22亿元，同比增长44.4%，增支6.76亿元。';
    const tally = scoreMutations('sentence', text, { start: 0, end: text.length }, (t) => {
      const extraction = extract(t);
      return { extraction, findings: verify(t, extraction) };
    });
    expect(tally.total).toBeGreaterThanOrEqual(10);
    expect(tally.missed).toEqual([]);
    expect(tally.caught).toBe(tally.total);
  });
});
