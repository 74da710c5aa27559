import { describe, expect, it } from 'vitest';
import { directionOf, scoreDocumentComparators } from './comparator-score.ts';
import type { GoldKey } from './gold-key.ts';
import type { Prediction } from './prediction.ts';

const TEXT = '力争实现“1215”目标：净增规模工业企业不少于100家，城镇新增就业3.3万人以上，普惠性幼儿园覆盖率不低于90%，用水总量控制在12亿立方米以内。';
const at = (text: string): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length, text };
};
// The excerpt stops before 90%: a key's `bounds` are scored anywhere, its quantities only inside the excerpt.
const KEY: GoldKey = {
  document: 'synthetic.txt',
  excerpt: { start: 0, end: TEXT.indexOf('普惠性') },
  quantities: [
    { ...at('3.3万人'), value: 33000, unit: '人', kind: 'count', comparator: '>=' },
  ],
  commitments: { quantified: [{ ...at('净增规模工业企业不少于100家'), value: 100, unit: '家', comparator: '>=' }] },
  bounds: [
    { ...at('100家'), value: 100, unit: '家', kind: 'count', comparator: '>=' },
    { ...at('90%'), value: 90, unit: '%', kind: 'percent', comparator: '>=' },
    { ...at('12亿立方米'), value: 1200000000, unit: '立方米', kind: 'measure', comparator: '<=' },
  ],
};
const loaded = { name: 'synthetic', key: KEY, range: KEY.excerpt! };

function predict(comparators: { readonly 家?: string; readonly 人?: string; readonly '%'?: string; readonly 立方米?: string }): Prediction {
  const quantity = (text: string, value: number, unit: keyof typeof comparators) => ({
    ...at(text), value, unit, ...(comparators[unit] ? { comparator: comparators[unit] } : {}),
  });
  return {
    quantities: [quantity('100家', 100, '家'), quantity('3.3万人', 33000, '人'), quantity('90%', 90, '%'), quantity('12亿立方米', 1200000000, '立方米')],
    dates: [],
    nonQuantities: [],
    commitments: [{ ...at('净增规模工业企业不少于100家'), target: { value: 100, unit: '家', ...(comparators.家 ? { comparator: comparators.家 } : {}) } }],
  };
}

describe('scoreDocumentComparators', () => {
  it('reads ≥ and > as at least, ≤ and < as at most, ~ as about, none and = as none', () => {
    expect(['>=', '>', '<=', '<', '~', '=', undefined].map(directionOf)).toEqual(['at least', 'at least', 'at most', 'at most', 'about', 'none', 'none']);
  });

  it('scores keyed quantities, commitments and bounds, the bounds outside the excerpt too', () => {
    const score = scoreDocumentComparators(loaded, predict({ 家: '>=', 人: '>=', '%': '>=', 立方米: '<=' }));
    expect(score.cases.map((c) => `${c.source} ${c.gold.text}`)).toEqual([
      'quantity 3.3万人', 'commitment 净增规模工业企业不少于100家', 'bound 100家', 'bound-commitment 100家', 'bound 90%', 'bound 12亿立方米',
    ]);
    expect(score).toMatchObject({ exact: 6, sameDirection: 6, swapped: [], notFound: 0 });
  });

  it('counts 不少于 read as ≤ as swapped, a dropped bound as a wrong direction only, a strict bound as the same direction', () => {
    const score = scoreDocumentComparators(loaded, predict({ 家: '<=', 人: '>', 立方米: '<' }));
    expect(score.swapped.map((c) => `${c.source} ${c.gold.text}`)).toEqual(['commitment 净增规模工业企业不少于100家', 'bound 100家', 'bound-commitment 100家']);
    expect(score.wrongDirection.map((c) => c.gold.text)).toEqual(['净增规模工业企业不少于100家', '100家', '100家', '90%']);
    expect(score.sameDirection).toBe(2);
    expect(score.exact).toBe(0);
  });

  it('leaves out what the tool did not find, counting it apart', () => {
    const score = scoreDocumentComparators(loaded, { quantities: [], commitments: [] });
    expect(score).toMatchObject({ cases: [], notFound: 5 });
  });
});
