/**
 * The arithmetic checks' section of `npm run eval`: relation recall against the answer keys' `relations`, the
 * inconsistent findings on documents that have none, a mutation score, and every inconsistent finding on the corpus.
 * Mutation: each number that takes part in a relation the verifier found (and judged consistent) is changed, one at
 * a time, by more than its rounding — its leading digit misprinted one up and one down (44.4% → 54.4% / 34.4%) for
 * relations that must hold exactly; for a 其中 list, whose parts may leave some out, a part gets a digit too many
 * (×10, the Wanzai misprint) and the whole one too few (÷10). The text is rewritten, extracted and verified again, and the mutant
 * counts as caught when the same relation is then reported inconsistent.
 * Example: seed "同比增长44.4%" → "同比增长54.4%" must give an inconsistent 'growth' finding.
 * Run alone: `npx tsx scripts/eval/relations.eval.ts [--list]`.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract, verify, type Extraction, type Finding, type Quantity } from '@duixian/core';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { findKeyFiles, loadKey, readDocumentText, REPO_ROOT, SHARED_DIR, type GoldQuantity, type LoadedKey } from './gold-key.ts';

/** The ids of the arithmetic checks (issue 3). */
export const ARITHMETIC_CHECK_IDS: readonly string[] = [
  'growth',
  'difference',
  'growth-from-increase',
  'share',
  'percentage-point-change',
  'parts-sum',
  'restatement',
  'average-annual-growth',
  'multiple',
];
/** The share of mutants the verifier must catch on the seed and our own keys. */
export const MUTATION_GATE = 0.95;

/** The check that judges each kind of relation the answer keys name. */
export const CHECK_OF_RELATION_KIND: Readonly<Record<string, string>> = {
  growth: 'growth',
  difference: 'difference',
  share: 'share',
  growth_from_increase: 'growth-from-increase',
  percentage_point_change: 'percentage-point-change',
  sum: 'parts-sum',
  same_fact: 'restatement',
  average_annual_growth: 'average-annual-growth',
  multiple: 'multiple',
};

type GoldRelation = { readonly id?: string; readonly kind: string; readonly claim: number; readonly verdict?: string } & Record<string, unknown>;

const isArithmetic = (f: Finding): boolean => ARITHMETIC_CHECK_IDS.includes(f.check);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The key quantities a relation names besides its claim: current, previous, part, total, parts … */
function otherIndexes(relation: GoldRelation): number[] {
  return Object.entries(relation)
    .filter(([field]) => !['id', 'kind', 'claim', 'verdict', 'explain'].includes(field))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((v): v is number => typeof v === 'number');
}

/**
 * The finding that states a key relation: same check, its stated figure on the key's claim (either side for a
 * restatement), and every other figure of the relation among the figures it used.
 */
export function matchRelation(relation: GoldRelation, goldQuantities: readonly GoldQuantity[], findings: readonly Finding[], quantities: ReadonlyMap<string, Quantity>): Finding | undefined {
  const check = CHECK_OF_RELATION_KIND[relation.kind];
  const claim = goldQuantities[relation.claim];
  if (!check || !claim) return undefined;
  const others = otherIndexes(relation).map((i) => goldQuantities[i]).filter((g): g is GoldQuantity => g !== undefined);
  const at = (id: string, gold: GoldQuantity): boolean => {
    const q = quantities.get(id);
    return q !== undefined && overlaps(q, gold);
  };
  return findings.find((f) => {
    if (f.check !== check) return false;
    const ids = [f.stated, ...f.quantities];
    const claimed = at(f.stated, claim) || (relation.kind === 'same_fact' && ids.some((id) => at(id, claim)));
    return claimed && others.every((g) => ids.some((id) => at(id, g)));
  });
}

const NUMBER = /\d+(?:\.\d+)?/;

/** How a mutant changes a figure. */
export type MutationKind = 'up' | 'down' | 'times10' | 'div10';

/**
 * Rewrites the Arabic number inside a figure: up / down change its leading digit by one (a misprinted digit:
 * '44.4%' → '54.4%', '19.3亿元' → '9.3亿元'); times10 / div10 add or drop a digit ('130577万元' → '1305770万元').
 * Undefined for a figure written in Chinese numerals or one that would reach 0.
 */
export function mutateFigureText(figure: string, kind: MutationKind): string | undefined {
  const match = NUMBER.exec(figure);
  if (!match) return undefined;
  const number = match[0];
  const decimals = number.includes('.') ? (number.split('.')[1] ?? '').length : 0;
  const mantissa = BigInt(number.replace('.', ''));
  const lead = 10n ** BigInt(Math.max(0, mantissa.toString().length - 1));
  const next = kind === 'up' ? mantissa + lead : kind === 'down' ? mantissa - lead : kind === 'times10' ? mantissa * 10n : (mantissa + 5n) / 10n;
  if (next <= 0n || next === mantissa) return undefined;
  const digits = next.toString().padStart(decimals + 1, '0');
  const written = decimals > 0 ? `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}` : digits;
  return figure.slice(0, match.index) + written + figure.slice(match.index + number.length);
}

/** True for a parts-sum finding over a 其中 list, which only bounds the parts from above. */
function isOneSided(finding: Finding): boolean {
  // a 其中 list that leaves parts out: its sum may not exceed the whole ("不超过总数", or "略大于总数…书写精度之内")
  return finding.check === 'parts-sum' && /不超过总数|略大于总数/.test(finding.message);
}

export interface MutationTally {
  total: number;
  caught: number;
  readonly byCheck: Record<string, { total: number; caught: number }>;
  readonly missed: string[];
}

function newTally(): MutationTally {
  return { total: 0, caught: 0, byCheck: {}, missed: [] };
}

type Run = (text: string) => { extraction: Extraction; findings: Finding[] };

function runner(reportYear: number | undefined): Run {
  return (text) => {
    const extraction = extract(text, reportYear === undefined ? {} : { reportYear });
    return { extraction, findings: verify(text, extraction) };
  };
}

/**
 * Mutates every number of every consistent arithmetic relation found in [range.start, range.end) and tallies how
 * many mutants the verifier reports inconsistent on the same relation.
 */
export function scoreMutations(name: string, text: string, range: { start: number; end: number }, run: Run, tally: MutationTally = newTally()): MutationTally {
  const original = run(text);
  const byId = new Map(original.extraction.quantities.map((q) => [q.id, q]));
  const relations = original.findings.filter((f) => isArithmetic(f) && f.verdict === 'consistent' && byId.has(f.stated));
  const cache = new Map<string, { findings: Finding[]; byId: Map<string, Quantity>; at: number; shift: number; length: number } | null>();
  for (const relation of relations) {
    const stated = byId.get(relation.stated);
    if (!stated || stated.start < range.start || stated.end > range.end) continue;
    for (const id of new Set([relation.stated, ...relation.quantities])) {
      const figure = byId.get(id);
      if (!figure) continue;
      const kinds: MutationKind[] = isOneSided(relation) ? [id === relation.stated ? 'div10' : 'times10'] : ['up', 'down'];
      for (const kind of kinds) {
        const cacheKey = `${id}:${kind}`;
        if (!cache.has(cacheKey)) {
          const rewritten = mutateFigureText(figure.text, kind);
          if (!rewritten) cache.set(cacheKey, null);
          else {
            const mutated = text.slice(0, figure.start) + rewritten + text.slice(figure.end);
            const result = run(mutated);
            cache.set(cacheKey, {
              findings: result.findings,
              byId: new Map(result.extraction.quantities.map((q) => [q.id, q])),
              at: figure.start,
              shift: rewritten.length - figure.text.length,
              length: rewritten.length,
            });
          }
        }
        const mutant = cache.get(cacheKey);
        if (!mutant) continue;
        // where the stated figure sits in the mutated text
        const start = stated.start > mutant.at ? stated.start + mutant.shift : stated.start;
        const end = stated.start === mutant.at ? stated.start + mutant.length : stated.end > mutant.at ? stated.end + mutant.shift : stated.end;
        const caught = mutant.findings.some((f) => {
          const q = mutant.byId.get(f.stated);
          return f.check === relation.check && f.verdict === 'inconsistent' && q !== undefined && overlaps(q, { start, end });
        });
        const entry = (tally.byCheck[relation.check] ??= { total: 0, caught: 0 });
        entry.total += 1;
        tally.total += 1;
        if (caught) {
          entry.caught += 1;
          tally.caught += 1;
        } else {
          tally.missed.push(`${name} ${relation.check} ${stated.text}: ${figure.text} ${kind} → ${mutateFigureText(figure.text, kind)} not caught`);
        }
      }
    }
  }
  return tally;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '—' : `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

function context(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 40), Math.min(text.length, end + 12)).replace(/\s+/g, ' ');
}

/** One inconsistent finding on the corpus, for docs/corpus-findings.md. */
export interface CorpusFinding {
  readonly document: string;
  readonly check: string;
  readonly start: number;
  readonly message: string;
  readonly context: string;
}

/** Every inconsistent arithmetic finding on the corpus documents. */
export function corpusFindings(corpusDir: string): { documents: number; findings: CorpusFinding[]; relations: number } {
  const names = readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).sort();
  const findings: CorpusFinding[] = [];
  let relations = 0;
  for (const name of names) {
    const text = readDocumentText(join(corpusDir, name));
    const year = /gwr-(\d{4})/.exec(name)?.[1];
    const { extraction, findings: all } = runner(year ? Number(year) : undefined)(text);
    const byId = new Map(extraction.quantities.map((q) => [q.id, q]));
    for (const f of all.filter(isArithmetic)) {
      relations += 1;
      if (f.verdict !== 'inconsistent') continue;
      const q = byId.get(f.stated);
      findings.push({ document: name, check: f.check, start: q?.start ?? -1, message: f.message, context: q ? context(text, q.start, q.end) : '' });
    }
  }
  return { documents: names.length, findings, relations };
}

/**
 * The section: recall of the keys' relations, verdict agreement, false alarms on keyed documents, mutation score
 * on the seed and our own keys, and the corpus's inconsistent findings.
 * @example evaluateRelations(context) // { lines: ['关系召回 recall 1.000 (9/9)', …], metrics: { relationRecall: 1, … } }
 */
export async function evaluateRelations(input: EvalContext | readonly string[], sharedDir: string = SHARED_DIR): Promise<SectionResult> {
  const keys: readonly LoadedKey[] = Array.isArray(input)
    ? findKeyFiles(input as readonly string[]).map((file) => loadKey(file, sharedDir))
    : (input as EvalContext).keys;
  const corpusDir = Array.isArray(input) ? resolve(sharedDir, 'corpus') : (input as EvalContext).corpusDir;
  const listLimit = Array.isArray(input) ? 40 : (input as EvalContext).listLimit;
  const lines: string[] = [];
  let goldTotal = 0;
  let found = 0;
  let agreed = 0;
  let falseAlarms = 0;
  let seedFound = 0;
  let seedTotal = 0;
  const misses: string[] = [];
  const alarms: string[] = [];
  const tally = newTally();
  for (const key of keys) {
    // only the kinds of relation the arithmetic checks judge (direction, threshold … belong to the sense checks)
    const relations = ((key.key.relations ?? []) as unknown as GoldRelation[]).filter((r) => CHECK_OF_RELATION_KIND[r.kind] !== undefined);
    const run = runner(key.reportYear);
    const { extraction, findings } = run(key.text);
    const byId = new Map(extraction.quantities.map((q) => [q.id, q]));
    const matched = new Set<Finding>();
    for (const relation of relations) {
      goldTotal += 1;
      const isSeed = key.key.document.startsWith('seed/');
      if (isSeed) seedTotal += 1;
      const finding = matchRelation(relation, key.key.quantities, findings, byId);
      if (!finding) {
        misses.push(`${key.name} ${relation.id ?? relation.kind} (${relation.kind}${relation.verdict ? `, ${relation.verdict}` : ''}) not found`);
        continue;
      }
      matched.add(finding);
      found += 1;
      if (isSeed) seedFound += 1;
      if (finding.verdict === (relation.verdict ?? 'consistent')) agreed += 1;
      else misses.push(`${key.name} ${relation.id ?? relation.kind}: key says ${relation.verdict}, verifier ${finding.verdict} — ${finding.message}`);
    }
    // an inconsistent finding inside the keyed range that no inconsistent key relation backs is a false alarm
    for (const f of findings.filter(isArithmetic)) {
      const q = byId.get(f.stated);
      if (f.verdict !== 'inconsistent' || !q || q.start < key.range.start || q.end > key.range.end) continue;
      const backed = relations.some((r) => r.verdict === 'inconsistent' && matchRelation(r, key.key.quantities, [f], byId) === f);
      if (!backed) {
        falseAlarms += 1;
        alarms.push(`${key.name} ${f.check}: ${f.message}`);
      }
    }
    scoreMutations(key.name, key.text, key.range, run, tally);
  }
  const corpus = corpusFindings(corpusDir);
  const wanzai = corpus.findings.some((f) => f.document.includes('wanzai-tjgb-2015') && f.check === 'parts-sum' && f.message.includes('1130577'));
  const recall = goldTotal === 0 ? 0 : found / goldTotal;
  const mutationScore = tally.total === 0 ? 0 : tally.caught / tally.total;
  lines.push(`关系召回 relation recall        ${ratio(found, goldTotal)}   seed ${ratio(seedFound, seedTotal)}`);
  lines.push(`判定一致 verdict agreement      ${ratio(agreed, found)}`);
  lines.push(`误报 inconsistent, unbacked     ${falseAlarms} on ${keys.length} keyed documents`);
  lines.push(`变异得分 mutation score         ${ratio(tally.caught, tally.total)}   gate ≥ ${MUTATION_GATE}`);
  for (const [check, entry] of Object.entries(tally.byCheck)) lines.push(`    ${check.padEnd(26)} ${ratio(entry.caught, entry.total)}`);
  lines.push(`语料 corpus: ${corpus.relations} arithmetic findings on ${corpus.documents} documents, ${corpus.findings.length} inconsistent; Wanzai 2015 种植业 error ${wanzai ? 'found' : 'MISSED'}`);
  for (const f of corpus.findings.slice(0, listLimit)) lines.push(`    ✗ ${f.document} @${f.start} ${f.check}: ${f.message}`);
  for (const miss of misses.slice(0, listLimit)) lines.push(`    miss: ${miss}`);
  for (const alarm of alarms.slice(0, listLimit)) lines.push(`    alarm: ${alarm}`);
  for (const missed of tally.missed.slice(0, listLimit)) lines.push(`    mutant: ${missed}`);
  const gateFailed = seedFound < seedTotal || falseAlarms > 0 || mutationScore < MUTATION_GATE || !wanzai;
  return {
    title: '关系 Relations',
    lines,
    gateFailed,
    metrics: {
      relationRecall: recall,
      seedRelationRecall: seedTotal === 0 ? 0 : seedFound / seedTotal,
      verdictAgreement: found === 0 ? 0 : agreed / found,
      falseInconsistent: falseAlarms,
      mutationScore,
      mutants: tally.total,
      corpusInconsistent: corpus.findings.length,
      corpusArithmeticFindings: corpus.relations,
    },
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const list = process.argv.includes('--list');
  evaluateRelations([resolve(SHARED_DIR, 'gold'), resolve(REPO_ROOT, 'eval', 'gold')]).then((result) => {
    for (const line of list ? result.lines : result.lines.filter((l) => !l.startsWith('    '))) console.log(line);
    console.log(JSON.stringify(result.metrics));
  });
}
