/**
 * Loads a section another helper may have written (relations.eval.ts, sense.eval.ts …) only when its file exists,
 * so the runner works before it lands, and turns whatever it returns into a SectionResult:
 * loadOptionalSection(url, 'evaluateRelations') → the section, or undefined when the file is absent.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SectionResult } from './eval-section.ts';

export type OptionalSection = (...args: unknown[]) => unknown;

/**
 * The section function exported by the file at `url`: `exportName` if present, else the only function whose name
 * starts with `prefix` (a helper may name it evaluateSenseChecks), else the default export.
 */
export async function loadOptionalSection(url: URL, exportName: string, prefix = 'evaluate'): Promise<OptionalSection | undefined> {
  if (!existsSync(fileURLToPath(url))) return undefined;
  const module = (await import(url.href)) as Record<string, unknown>;
  const named = module[exportName];
  if (typeof named === 'function') return named as OptionalSection;
  const candidates = Object.entries(module).filter(([name, value]) => name.startsWith(prefix) && typeof value === 'function');
  if (candidates.length === 1) return candidates[0]![1] as OptionalSection;
  if (typeof module['default'] === 'function') return module['default'] as OptionalSection;
  throw new Error(`${fileURLToPath(url)} exports no ${exportName}()`);
}

/** Accepts a SectionResult, { lines }, an array of lines or a string, from a section of unknown shape. */
export function toSectionResult(title: string, value: unknown): SectionResult {
  if (typeof value === 'string') return { title, lines: value.split('\n') };
  if (Array.isArray(value)) return { title, lines: value.map(String) };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const lines = Array.isArray(record['lines']) ? (record['lines'] as unknown[]).map(String)
      : typeof record['text'] === 'string' ? (record['text'] as string).split('\n')
      : [JSON.stringify(value)];
    const metrics = record['metrics'] && typeof record['metrics'] === 'object' ? (record['metrics'] as Record<string, number>) : undefined;
    return {
      title: typeof record['title'] === 'string' ? (record['title'] as string) : title,
      lines,
      gateFailed: record['gateFailed'] === true,
      ...(metrics ? { metrics } : {}),
    };
  }
  return { title, lines: value === undefined ? [] : [String(value)] };
}
