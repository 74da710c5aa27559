import { describe, expect, it } from 'vitest';
import { EXTRACTION } from './extraction.config.ts';
import { emptyState, runConfiguration, type ExtractionConfiguration } from './extraction-state.ts';

describe('the extraction configuration', () => {
  it('finds a plan target from numerals through commitments', () => {
    const state = runConfiguration(EXTRACTION, emptyState('今年，实施退化林分改造2万亩。', { reportYear: 2025 }));
    expect(state.quantities.map((q) => [q.value, q.unit])).toEqual([[{ type: 'exact', value: { mantissa: 2n, exponent: 4 } }, '亩']]);
    expect(state.commitments).toHaveLength(1);
  });

  it('runs a refiner where it is listed: one put after the bound words sees them, one before does not', () => {
    const seen: string[] = [];
    const spy = (label: string) => ({ name: label, refine: (s: { quantities: { comparator?: string }[] }) => { seen.push(`${label}:${s.quantities[0]?.comparator ?? '-'}`); } });
    const at = EXTRACTION.refiners.findIndex((r) => r.name === 'comparators');
    const configuration: ExtractionConfiguration = {
      ...EXTRACTION,
      refiners: [...EXTRACTION.refiners.slice(0, at), spy('before'), EXTRACTION.refiners[at]!, spy('after'), ...EXTRACTION.refiners.slice(at + 1)],
    };
    runConfiguration(configuration, emptyState('新增城镇就业不少于10万人', {}));
    expect(seen).toEqual(['before:-', 'after:>=']);
  });

  it('names every step once', () => {
    const names = [...EXTRACTION.parsers, ...EXTRACTION.refiners, ...EXTRACTION.structure].map((step) => step.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
