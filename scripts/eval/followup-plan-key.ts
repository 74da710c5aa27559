/**
 * Reads the whole-plan follow-up keys (`eval/followup-plan/<split>/*.followup.json`, format in
 * eval/followup-plan/README.md) and turns their quotes into offsets: a target { quote: "粮食产量稳定在800亿斤以上",
 * text: "800亿斤以上" } becomes { start, end, text } in report N's text, or a problem when the quote is missing or
 * occurs more than once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** A span of a key located in its document. */
export interface PlanKeySpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One quoted span as written in a key file. */
export interface PlanKeyQuote {
  readonly quote: string;
  readonly text: string;
}

export interface PlanKeyFilePair {
  readonly target: PlanKeyQuote & { readonly metric?: string; readonly comparator?: string; readonly scope?: string };
  readonly result: PlanKeyQuote | null;
  readonly verdict: 'met' | 'missed' | 'not_reported';
  readonly basis?: 'figure' | 'statement';
  readonly note?: string;
}

/** A key file as written. */
export interface PlanKeyFile {
  readonly last: { readonly document: string; readonly year: number };
  readonly this: { readonly document: string; readonly year: number };
  readonly sections: readonly { readonly from: string; readonly to: string }[];
  readonly pairs: readonly PlanKeyFilePair[];
  readonly optional?: readonly (PlanKeyQuote & { readonly why?: string })[];
}

/** One pair with both spans located. */
export interface PlanKeyPair {
  readonly target: PlanKeySpan & { readonly metric: string };
  readonly result: PlanKeySpan | null;
  readonly verdict: 'met' | 'missed' | 'not_reported';
  readonly basis: 'figure' | 'statement';
}

/** A key with every quote located, or the problems that made it refused. */
export interface ResolvedPlanKey {
  readonly sections: readonly PlanKeySpan[];
  readonly pairs: readonly PlanKeyPair[];
  readonly optional: readonly PlanKeySpan[];
  /** Non-empty when a quote is missing or repeated, or a text is not inside its quote: the key is not scored. */
  readonly problems: readonly string[];
}

/**
 * The span of `text` inside the one occurrence of `quote` in `document`; a problem string when `quote` occurs zero or
 * several times, or `text` is not inside it.
 * @example locateQuote('粮食产量稳定在800亿斤以上。', { quote: '稳定在800亿斤以上', text: '800亿斤' })
 * // { start: 7, end: 12, text: '800亿斤' }
 */
export function locateQuote(document: string, quoted: PlanKeyQuote): PlanKeySpan | string {
  if (typeof quoted.quote !== 'string' || quoted.quote === '') return 'empty quote';
  const first = document.indexOf(quoted.quote);
  if (first === -1) return `quote ${JSON.stringify(quoted.quote)} is not in the document`;
  if (document.indexOf(quoted.quote, first + 1) !== -1) return `quote ${JSON.stringify(quoted.quote)} occurs more than once`;
  const text = typeof quoted.text === 'string' && quoted.text !== '' ? quoted.text : quoted.quote;
  const inside = quoted.quote.indexOf(text);
  if (inside === -1) return `text ${JSON.stringify(text)} is not inside its quote ${JSON.stringify(quoted.quote)}`;
  const start = first + inside;
  return { start, end: start + text.length, text };
}

/**
 * Locates every quote of a key in its two documents: sections and targets in report N (`lastText`), results in report
 * N+1 (`thisText`). A section runs from the start of its `from` quote to the end of its `to` quote.
 */
export function resolvePlanKey(key: PlanKeyFile, lastText: string, thisText: string): ResolvedPlanKey {
  const problems: string[] = [];
  const locate = (document: string, quoted: PlanKeyQuote, where: string): PlanKeySpan | undefined => {
    const found = locateQuote(document, quoted);
    if (typeof found === 'string') {
      problems.push(`${where}: ${found}`);
      return undefined;
    }
    return found;
  };
  const sections: PlanKeySpan[] = [];
  (key.sections ?? []).forEach((section, index) => {
    const from = locate(lastText, { quote: section.from, text: section.from }, `sections[${index}].from`);
    const to = locate(lastText, { quote: section.to, text: section.to }, `sections[${index}].to`);
    if (!from || !to) return;
    if (to.end <= from.start) problems.push(`sections[${index}]: "to" comes before "from"`);
    else sections.push({ start: from.start, end: to.end, text: lastText.slice(from.start, to.end) });
  });
  if ((key.sections ?? []).length === 0) problems.push('no sections');
  const pairs: PlanKeyPair[] = [];
  key.pairs.forEach((pair, index) => {
    const where = `pairs[${index}] ${pair.target?.text ?? '?'}`;
    const target = locate(lastText, pair.target, `${where} target`);
    const result = pair.result === null ? null : locate(thisText, pair.result, `${where} result`);
    if (!['met', 'missed', 'not_reported'].includes(pair.verdict)) problems.push(`${where}: unknown verdict ${String(pair.verdict)}`);
    if ((pair.result === null) !== (pair.verdict === 'not_reported')) problems.push(`${where}: result ${pair.result === null ? 'null' : 'given'} but verdict ${pair.verdict}`);
    if (!target || result === undefined) return;
    if (!sections.some((section) => target.start >= section.start && target.end <= section.end)) problems.push(`${where}: target outside every section`);
    pairs.push({ target: { ...target, metric: pair.target.metric ?? '' }, result, verdict: pair.verdict, basis: pair.basis ?? 'figure' });
  });
  const optional: PlanKeySpan[] = [];
  (key.optional ?? []).forEach((entry, index) => {
    const found = locate(lastText, entry, `optional[${index}] ${entry.text}`);
    if (found) optional.push(found);
  });
  return { sections, pairs, optional, problems };
}

/** A key file found on disk, with its split (the folder it sits in) and name. */
export interface PlanKeyLocation {
  readonly path: string;
  readonly split: string;
  /** The file name without `.followup.json`: 内蒙古自治区. */
  readonly name: string;
}

/** Every `*.followup.json` of `<repoRoot>/eval/followup-plan/<split>`, sorted by name; none when the folder is absent. */
export function findPlanKeys(repoRoot: string, split: string): PlanKeyLocation[] {
  const dir = resolve(repoRoot, 'eval', 'followup-plan', split);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.followup.json'))
    .sort()
    .map((name) => ({ path: join(dir, name), split, name: basename(name, '.followup.json') }));
}

/** Parses one key file. */
export function readPlanKeyFile(path: string): PlanKeyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as PlanKeyFile;
}
