import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOptionalSection, toSectionResult } from './optional-section.ts';

const dir = mkdtempSync(join(tmpdir(), 'duixian-section-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadOptionalSection', () => {
  it('gives nothing when the file is not there yet', async () => {
    expect(await loadOptionalSection(pathToFileURL(join(dir, 'missing.eval.mjs')), 'evaluateMissing')).toBeUndefined();
  });

  it('finds the named export, or the one evaluate… function when the name differs', async () => {
    writeFileSync(join(dir, 'named.eval.mjs'), 'export function evaluateRelations() { return ["ok"]; }\n');
    writeFileSync(join(dir, 'other.eval.mjs'), 'export const helper = 1;\nexport function evaluateFollowUp() { return "other"; }\n');
    const named = await loadOptionalSection(pathToFileURL(join(dir, 'named.eval.mjs')), 'evaluateRelations');
    const other = await loadOptionalSection(pathToFileURL(join(dir, 'other.eval.mjs')), 'evaluateFollowup');
    expect(named?.()).toEqual(['ok']);
    expect(other?.()).toBe('other');
  });

  it('throws when the file exports no section function', async () => {
    writeFileSync(join(dir, 'empty.eval.mjs'), 'export const nothing = 1;\n');
    await expect(loadOptionalSection(pathToFileURL(join(dir, 'empty.eval.mjs')), 'evaluateEmpty')).rejects.toThrow(/exports no evaluateEmpty/);
  });
});

describe('toSectionResult', () => {
  it('keeps lines, title, metrics and a failed gate from a section result', () => {
    expect(toSectionResult('x', { title: '关系', lines: ['a', 'b'], gateFailed: true, metrics: { f1: 0.9 } })).toEqual({ title: '关系', lines: ['a', 'b'], gateFailed: true, metrics: { f1: 0.9 } });
  });

  it('accepts a plain string or an array of lines, and treats them as passing', () => {
    expect(toSectionResult('x', 'one\ntwo')).toEqual({ title: 'x', lines: ['one', 'two'] });
    expect(toSectionResult('x', [1, 2]).lines).toEqual(['1', '2']);
    expect(toSectionResult('x', { text: 'a\nb' }).gateFailed).toBe(false);
  });
});
