import { describe, expect, it } from 'vitest';
import { catchMutation, figureValue, mutateRelation, rewriteFigure } from './sense.eval.ts';
import { SENSE_PASSAGES } from './fixtures/sense-relations.fixture.ts';

describe('sense eval', () => {
  it('reads a figure with its magnitude word in its base unit', () => {
    expect(figureValue('28.6万件')).toBe(286000);
    expect(figureValue('3108.6亿元')).toBe(310860000000);
  });

  it('rewrites a number keeping its magnitude, unit and decimals', () => {
    expect(rewriteFigure('60.5%', 46.64)).toBe('46.6%');
    expect(rewriteFigure('27.9万件', 371800)).toBe('37.2万件');
    expect(rewriteFigure('38人', 54)).toBe('54人');
  });

  it('breaks a direction on both sides', () => {
    const text = '城镇化率由58.2%提高到60.5%。';
    const mutations = mutateRelation(text, { kind: 'direction', from: '58.2%', to: '60.5%', sense: 'up' }, 't');
    expect(mutations.map((m) => m.after)).toEqual(['46.6%', '75.6%']);
  });

  it('moves an enumeration count one up and one down', () => {
    const text = '建成滨江、金沙两个省级农业园区。';
    expect(mutateRelation(text, { kind: 'enumeration', count: '两个', items: 2 }, 't').map((m) => m.after)).toEqual(['三个']);
  });

  it('names every relation figure exactly once in its passage', () => {
    for (const passage of SENSE_PASSAGES) {
      for (const relation of passage.relations) expect(() => mutateRelation(passage.text, relation, passage.name)).not.toThrow();
    }
  });

  it('finds the inconsistent finding that points at the changed figure', () => {
    const text = '全年新开工重点项目126个，其中产业项目78个。';
    const [mutation] = mutateRelation(text, { kind: 'part-of-whole', whole: '126个', part: '78个' }, 't');
    expect(catchMutation(text, mutation!).caughtBy.length).toBeGreaterThan(0);
  });
});
