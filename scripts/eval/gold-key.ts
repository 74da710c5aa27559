/**
 * Reads and checks hand-made answer keys (`*.gold.json`, format in ../shared/gold/README.md): every span must
 * equal the document's text at its offsets, e.g. { start: 2083, end: 2090, text: "21.98亿元" }.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A span of the document, UTF-16 offsets (JavaScript string indices). */
export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An exact number or a `[low, high]` range, as the keys write them. */
export type GoldValue = number | readonly [number, number];

export interface GoldQuantity extends GoldSpan {
  readonly value: GoldValue;
  readonly unit: string;
  readonly kind: string;
  readonly comparator?: string;
}

export interface GoldCommitment extends GoldSpan {
  readonly theme?: string;
  readonly action?: string;
  readonly indicator?: string;
  /** A number, a range, or a class name such as "Ⅲ类" for 水质 targets. */
  readonly value: GoldValue | string;
  readonly unit: string;
  readonly comparator?: string;
}

export interface GoldKey {
  readonly document: string;
  readonly offsets?: string;
  /** Only this part of the document is keyed: predictions outside it are not scored. */
  readonly excerpt?: { readonly start: number; readonly end: number };
  readonly quantities: readonly GoldQuantity[];
  readonly dates?: readonly GoldSpan[];
  readonly optional?: readonly GoldSpan[];
  readonly relations?: readonly Record<string, unknown>[];
  readonly commitments?: {
    readonly quantified?: readonly GoldCommitment[];
    readonly qualitative_examples?: readonly (GoldSpan & { readonly theme?: string })[];
  };
  readonly budget_lines?: readonly Record<string, unknown>[];
  /**
   * Figures a bound word qualifies ("不少于100家" → 100 家, `>=`), keyed over the whole document, not only the
   * excerpt: they are scored for their comparator alone (scripts/eval/comparator-score.ts).
   */
  readonly bounds?: readonly GoldQuantity[];
}

/** One answer key with the text of its document. */
export interface LoadedKey {
  /** The key file's path. */
  readonly path: string;
  /** Short name for tables: the key file's name without `.gold.json`. */
  readonly name: string;
  readonly key: GoldKey;
  /** The document's full text as read from the file (UTF-8, no byte-order mark). */
  readonly text: string;
  /** The keyed range of the text: the excerpt, or the whole text. */
  readonly range: { readonly start: number; readonly end: number };
  /** The report year the file name gives for work reports (…-gwr-2024.txt), passed to extractors as context. */
  readonly reportYear?: number;
}

/** Reads a text file the way the project does: UTF-8, byte-order mark dropped. */
export function readDocumentText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every `*.gold.json` directly inside each directory, sorted by name; missing directories are skipped. */
export function findKeyFiles(dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.gold.json')) files.push(join(dir, name));
    }
  }
  return files;
}

/**
 * Loads one key and its document. The document path is relative to the shared folder (`corpus/07-….txt`);
 * `sharedDir` is that folder.
 */
export function loadKey(path: string, sharedDir: string): LoadedKey {
  const key = JSON.parse(readFileSync(path, 'utf8')) as GoldKey;
  if (typeof key.document !== 'string') throw new Error(`${path}: no "document" field`);
  const documentPath = resolve(sharedDir, key.document);
  if (!existsSync(documentPath)) throw new Error(`${path}: document ${key.document} not found under ${sharedDir}`);
  const text = readDocumentText(documentPath);
  const range = key.excerpt ?? { start: 0, end: text.length };
  const year = /gwr-(\d{4})/.exec(key.document)?.[1];
  const name = path.split(/[\\/]/).pop()!.replace(/\.gold\.json$/, '');
  return { path, name, key, text, range, ...(year ? { reportYear: Number(year) } : {}) };
}

function checkSpan(text: string, span: GoldSpan, where: string, problems: string[]): void {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start >= span.end) {
    problems.push(`${where}: bad offsets ${span.start}..${span.end}`);
    return;
  }
  const actual = text.slice(span.start, span.end);
  if (actual !== span.text) problems.push(`${where}: text ${JSON.stringify(span.text)} but the document has ${JSON.stringify(actual)} at ${span.start}..${span.end}`);
}

function isGoldValue(value: unknown): value is GoldValue {
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) && value[0] <= value[1];
}

const KINDS = new Set(['money', 'percent', 'percentage_point', 'count', 'measure', 'ratio']);
const COMPARATORS = new Set(['>=', '<=', '>', '<', '~', '=']);

/**
 * Every way a key disagrees with its document or its format: spans that are not the text at their offsets,
 * spans outside the excerpt, unknown kinds, bad values, relation indexes out of range. Empty when the key is sound.
 */
export function validateKey(loaded: LoadedKey): string[] {
  const { key, text, range } = loaded;
  const problems: string[] = [];
  if (key.excerpt && (key.excerpt.start < 0 || key.excerpt.end > text.length || key.excerpt.start >= key.excerpt.end)) {
    problems.push(`excerpt ${key.excerpt.start}..${key.excerpt.end} is not inside the document (${text.length} chars)`);
  }
  const inside = (span: GoldSpan, where: string): void => {
    if (span.start < range.start || span.end > range.end) problems.push(`${where}: ${span.start}..${span.end} lies outside the excerpt`);
  };
  if (!Array.isArray(key.quantities)) problems.push('no "quantities" array');
  (key.quantities ?? []).forEach((q, i) => {
    const where = `quantities[${i}] ${q.text}`;
    checkSpan(text, q, where, problems);
    inside(q, where);
    if (!isGoldValue(q.value)) problems.push(`${where}: value ${JSON.stringify(q.value)} is not a number or [low, high]`);
    if (typeof q.unit !== 'string' || q.unit === '') problems.push(`${where}: no unit`);
    if (!KINDS.has(q.kind)) problems.push(`${where}: unknown kind ${q.kind}`);
    if (q.comparator !== undefined && !COMPARATORS.has(q.comparator)) problems.push(`${where}: unknown comparator ${q.comparator}`);
  });
  (key.dates ?? []).forEach((d, i) => { checkSpan(text, d, `dates[${i}] ${d.text}`, problems); inside(d, `dates[${i}]`); });
  (key.optional ?? []).forEach((o, i) => { checkSpan(text, o, `optional[${i}] ${o.text}`, problems); inside(o, `optional[${i}]`); });
  (key.commitments?.quantified ?? []).forEach((c, i) => {
    const where = `commitments.quantified[${i}] ${c.text}`;
    checkSpan(text, c, where, problems);
    inside(c, where);
    if (!isGoldValue(c.value) && typeof c.value !== 'string') problems.push(`${where}: bad value`);
  });
  (key.commitments?.qualitative_examples ?? []).forEach((c, i) => checkSpan(text, c, `commitments.qualitative_examples[${i}]`, problems));
  (key.bounds ?? []).forEach((b, i) => {
    const where = `bounds[${i}] ${b.text}`;
    checkSpan(text, b, where, problems);
    if (!isGoldValue(b.value)) problems.push(`${where}: value ${JSON.stringify(b.value)} is not a number or [low, high]`);
    if (b.comparator === undefined || b.comparator === '=' || !COMPARATORS.has(b.comparator)) problems.push(`${where}: a bound needs a comparator, not ${b.comparator}`);
  });
  const count = key.quantities?.length ?? 0;
  (key.relations ?? []).forEach((relation, i) => {
    for (const [field, ref] of Object.entries(relation)) {
      if (['id', 'kind', 'verdict', 'explain'].includes(field)) continue;
      const refs = Array.isArray(ref) ? ref : [ref];
      for (const r of refs) {
        if (typeof r === 'number' && (!Number.isInteger(r) || r < 0 || r >= count)) problems.push(`relations[${i}].${field}: index ${r} out of range`);
      }
    }
  });
  return problems;
}

/** The repository root: two levels above this file (scripts/eval). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared folder next to the repository: ../shared. */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');

/**
 * The one line to print when ../shared (corpus and answer keys, kept outside the repository) is missing, else
 * undefined. Only `npm run eval` and `npm run bench` need it; `npm test` reads testdata/ in the repository.
 */
export function missingSharedMessage(sharedDir: string = SHARED_DIR): string | undefined {
  if (existsSync(resolve(sharedDir, 'corpus'))) return undefined;
  return `missing ${resolve(sharedDir, 'corpus')}: eval and bench need the shared corpus beside the repository (../shared); npm test does not`;
}
