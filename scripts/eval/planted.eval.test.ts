import { describe, expect, it } from 'vitest';
import { scorePlantedErrors, type PlantedScore } from './planted.eval.ts';

function score(text: string): PlantedScore {
  const result: PlantedScore = { reports: 1, relations: {}, sentences: {}, missed: [] };
  scorePlantedErrors({ path: 'memory', name: 'memory.txt', reportYear: 2024 }, text, result);
  return result;
}

describe('planted-error recall', () => {
  it('catches a misprinted growth rate of a relation the verifier finds, and a tenfold 其中 part', () => {
    const result = score('全市一般公共预算收入277.48亿元，增收23.25亿元，同比增长9.1%。\n全县农业总产值282563万元，其中种植业113057万元。');
    expect(result.relations['growth-from-increase']).toEqual({ total: 1, caught: 1, questionable: 0 });
    expect(result.sentences['其中 parts']).toEqual({ total: 1, caught: 1, questionable: 0 });
  });

  it('counts a share whose whole the text never gives as planted and missed', () => {
    const result = score('新增国家级专精特新企业3家，累计达24家、占全区23.7%。');
    expect(result.sentences['share']).toEqual({ total: 1, caught: 0, questionable: 0 });
    expect(result.missed[0]).toContain('23.7 → 33.7');
  });

  it('tallies a raised 其中 whole apart: it cannot contradict its parts', () => {
    const result = score('全县农业总产值282563万元，其中种植业130577万元。');
    expect(Object.keys(result.relations)).toEqual(['one-sided bound moved the safe way (cannot contradict)']);
  });
});
