/**
 * Reads and checks the follow-up answer keys (`eval/followup/*.followup.json`, format in eval/followup/README.md):
 * every span must equal its document's text at its offsets, e.g. target { start: 7042, end: 7046, text: "5%左右" }.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readDocumentText } from './gold-key.ts';

export interface FollowUpKeySpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FollowUpKeyPair {
  readonly target: FollowUpKeySpan & {
    readonly metric: string;
    readonly comparator?: string;
    readonly value: string | readonly [string, string];
    readonly unit: string;
  };
  readonly result: (FollowUpKeySpan & { readonly comparator?: string }) | null;
  readonly verdict: 'met' | 'missed' | 'not_reported';
  readonly note?: string;
}

export interface FollowUpKey {
  readonly last: { readonly document: string; readonly year: number };
  readonly this: { readonly document: string; readonly year: number };
  readonly section: { readonly start: number; readonly end: number };
  readonly pairs: readonly FollowUpKeyPair[];
}

/** One key with both documents' texts. */
export interface LoadedFollowUpKey {
  readonly path: string;
  /** The file name without `.followup.json`: national-2023-2024. */
  readonly name: string;
  readonly key: FollowUpKey;
  readonly lastText: string;
  readonly thisText: string;
}

/** Every key in `<repoRoot>/eval/followup`, sorted by name, with documents read from `sharedDir`. */
export function loadFollowUpKeys(repoRoot: string, sharedDir: string): LoadedFollowUpKey[] {
  const dir = resolve(repoRoot, 'eval', 'followup');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.followup.json'))
    .sort()
    .map((name) => loadFollowUpKey(join(dir, name), sharedDir));
}

/** One key file with its two documents read from `sharedDir` (../shared, or testdata/ in tests). */
export function loadFollowUpKey(path: string, sharedDir: string): LoadedFollowUpKey {
  const key = JSON.parse(readFileSync(path, 'utf8')) as FollowUpKey;
  return {
    path,
    name: basename(path).replace(/\.followup\.json$/, ''),
    key,
    lastText: readDocumentText(resolve(sharedDir, key.last.document)),
    thisText: readDocumentText(resolve(sharedDir, key.this.document)),
  };
}

const VERDICTS = new Set(['met', 'missed', 'not_reported']);

/** Every way a key disagrees with its documents or its format; empty when the key is sound. */
export function validateFollowUpKey(loaded: LoadedFollowUpKey): string[] {
  const { key, lastText, thisText } = loaded;
  const problems: string[] = [];
  const check = (text: string, span: FollowUpKeySpan, where: string): void => {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start >= span.end) {
      problems.push(`${where}: bad offsets ${span.start}..${span.end}`);
      return;
    }
    const actual = text.slice(span.start, span.end);
    if (actual !== span.text) problems.push(`${where}: ${JSON.stringify(span.text)} but the text has ${JSON.stringify(actual)}`);
  };
  if (!(key.section.start >= 0 && key.section.end <= lastText.length && key.section.start < key.section.end)) {
    problems.push(`section ${key.section.start}..${key.section.end} is not inside report N`);
  }
  if (key.this.year !== key.last.year + 1) problems.push(`years ${key.last.year} → ${key.this.year} are not consecutive`);
  key.pairs.forEach((pair, index) => {
    const where = `pairs[${index}] ${pair.target.text}`;
    check(lastText, pair.target, `${where} target`);
    if (pair.target.start < key.section.start || pair.target.end > key.section.end) problems.push(`${where}: target outside the section`);
    if (typeof pair.target.metric !== 'string' || pair.target.metric === '') problems.push(`${where}: no metric`);
    if (!VERDICTS.has(pair.verdict)) problems.push(`${where}: unknown verdict ${pair.verdict}`);
    if (pair.result === null) {
      if (pair.verdict !== 'not_reported') problems.push(`${where}: no result but verdict ${pair.verdict}`);
    } else {
      check(thisText, pair.result, `${where} result`);
      if (pair.verdict === 'not_reported') problems.push(`${where}: a result but verdict not_reported`);
    }
  });
  return problems;
}
