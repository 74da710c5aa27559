/**
 * The common-sense checks' section of `npm run eval`: a mutation score (change one number so that a direction,
 * threshold, enumeration, part of a whole or unit relation breaks, and count how often the verifier catches it) on
 * our own passages (fixtures/sense-relations.fixture.ts) and on the answer keys' relations, plus every inconsistent
 * finding of these checks on the unchanged answer-key documents and on ../shared/corpus.
 * Example: "城镇化率由58.2%提高到60.5%" → "由58.2%提高到46.6%" must give an inconsistent finding on 46.6%.
 * Run alone with `npx tsx scripts/eval/sense.eval.ts [--list]` to print the corpus findings in full.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checks, extract, verify, type Extraction, type Finding } from '@duixian/core';
import type { EvalContext, SectionResult } from './eval-section.ts';
import { readDocumentText, type LoadedKey, SHARED_DIR } from './gold-key.ts';
import { SENSE_PASSAGES, type SenseRelation } from './fixtures/sense-relations.fixture.ts';

/** The ids of the common-sense checks (issue 9). */
export const SENSE_CHECK_IDS: readonly string[] = ['direction', 'threshold', 'enumeration', 'part-of-whole', 'unit-logic'];
/** The share of mutations the verifier must catch. */
export const MUTATION_GATE = 0.9;

/** One changed number: where, what it was, what it became, and which relation it breaks. */
export interface Mutation {
  readonly source: string;
  readonly family: string;
  readonly start: number;
  readonly before: string;
  readonly after: string;
  readonly describe: string;
}

const FIGURE = /^([^\d-]*)(-?\d+(?:\.\d+)?)(万亿|亿|万|千)?(.*)$/s;
const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
const CHINESE_DIGITS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The value a figure's text writes, in its base unit: '28.6万件' → 286000. Floats are fine here: only for rewriting. */
export function figureValue(figure: string): number | undefined {
  const match = FIGURE.exec(figure);
  if (!match) return undefined;
  return Number(match[2]) * (MAGNITUDE[match[3] ?? ''] ?? 1);
}

/**
 * Rewrites a figure's number to `target` (in the base unit), keeping its magnitude word, unit and written decimals:
 * rewriteFigure('60.5%', 46.64) → '46.6%'; rewriteFigure('27.9万件', 371800) → '37.2万件'.
 */
export function rewriteFigure(figure: string, target: number): string | undefined {
  const match = FIGURE.exec(figure);
  if (!match) return undefined;
  const [, head = '', number = '', magnitude = '', tail = ''] = match;
  const decimals = number.includes('.') ? number.split('.')[1]!.length : 0;
  const scaled = target / (MAGNITUDE[magnitude] ?? 1);
  let written = scaled.toFixed(decimals);
  if (written === number) written = scaled.toFixed(decimals + 1);
  return `${head}${written}${magnitude}${tail}`;
}

function locate(text: string, figure: string, source: string): number {
  const at = text.indexOf(figure);
  if (at < 0 || text.indexOf(figure, at + 1) >= 0) throw new Error(`${source}: '${figure}' must occur exactly once`);
  return at;
}

/**
 * The number changes that break a relation of our passages: one for each side of it where a change can break it
 * (the later level and the earlier one; the figure reached and the threshold; the part and the whole; the count
 * one up and one down).
 */
export function mutateRelation(text: string, relation: SenseRelation, source: string): Mutation[] {
  const change = (family: string, figure: string, target: number, describe: string): Mutation[] => {
    const after = Number.isFinite(target) ? rewriteFigure(figure, target) : undefined;
    return after === undefined ? [] : [{ source, family, start: locate(text, figure, source), before: figure, after, describe }];
  };
  const value = (figure: string) => figureValue(figure) ?? Number.NaN;
  switch (relation.kind) {
    case 'direction': {
      const up = relation.sense === 'up';
      const describe = `${relation.from} → ${relation.to}`;
      return [
        ...change('direction', relation.to, value(relation.from) * (up ? 0.8 : 1.25), describe),
        ...change('direction', relation.from, value(relation.to) * (up ? 1.25 : 0.8), describe),
      ];
    }
    case 'sign': {
      const start = locate(text, relation.figure, source);
      return [{ source, family: 'direction', start, before: relation.figure, after: `-${relation.figure}`, describe: `sign of ${relation.figure}` }];
    }
    case 'threshold': {
      const atLeast = relation.sense === 'at-least';
      const describe = `${relation.threshold} vs ${relation.reached}`;
      return [
        ...change('threshold', relation.reached, value(relation.threshold) * (atLeast ? 0.85 : 1.2), describe),
        ...change('threshold', relation.threshold, value(relation.reached) * (atLeast ? 1.2 : 0.85), describe),
      ];
    }
    case 'part-of-whole': {
      const describe = `${relation.part} of ${relation.whole}`;
      return [
        ...change('part-of-whole', relation.part, value(relation.whole) * 1.3, describe),
        ...change('part-of-whole', relation.whole, value(relation.part) * 0.7, describe),
      ];
    }
    case 'people-households': {
      const describe = `${relation.people} in ${relation.households}`;
      return [
        ...change('unit-logic', relation.people, value(relation.households) * 0.6, describe),
        ...change('unit-logic', relation.households, value(relation.people) * 1.5, describe),
      ];
    }
    case 'share':
      return change('unit-logic', relation.share, 100 + value(relation.share) / 4, `share ${relation.share}`);
    case 'enumeration': {
      const numeral = relation.count.slice(0, 1);
      if (!CHINESE_DIGITS.includes(numeral)) return [];
      const start = locate(text, relation.count, source);
      return [relation.items + 1, relation.items - 1]
        .filter((n) => n >= 2 && n <= 10)
        .map((n) => ({
          source,
          family: 'enumeration',
          start,
          before: relation.count,
          after: `${CHINESE_DIGITS[n] ?? ''}${relation.count.slice(1)}`,
          describe: `${relation.count} for ${relation.items} items`,
        }));
    }
  }
}

interface GoldRelation {
  readonly kind?: string;
  readonly claim?: number;
  readonly current?: number;
  readonly previous?: number;
  readonly part?: number;
  readonly total?: number;
  readonly parts?: readonly number[];
}

/**
 * The number changes that break the answer keys' relations in ways these checks judge: a level that turns a stated
 * 增长 into a fall (growth, difference), a share past 100% (share), a part larger than its whole (sum).
 */
export function mutateGoldKey(key: LoadedKey): Mutation[] {
  const mutations: Mutation[] = [];
  const quantities = key.key.quantities;
  const seen = new Set<string>();
  for (const raw of key.key.relations ?? []) {
    const relation = raw as GoldRelation;
    const source = `${key.name}#${String((raw as { id?: unknown }).id ?? relation.kind)}`;
    const q = (index: number | undefined) => (index === undefined ? undefined : quantities[index]);
    let figure: { start: number; text: string } | undefined;
    let target: number | undefined;
    let family = '';
    if ((relation.kind === 'growth' || relation.kind === 'difference') && q(relation.current) && q(relation.previous)) {
      const claim = q(relation.claim);
      const previous = figureValue(q(relation.previous)!.text);
      if (!claim || previous === undefined || typeof claim.value !== 'number' || claim.value <= 0) continue;
      figure = q(relation.current);
      target = previous * 0.8;
      family = 'direction';
    } else if (relation.kind === 'share' && q(relation.claim)) {
      figure = q(relation.claim);
      target = 100 + (figureValue(figure!.text) ?? 0) / 4;
      family = 'unit-logic';
    } else if (relation.kind === 'sum' && q(relation.claim) && relation.parts) {
      const whole = figureValue(q(relation.claim)!.text);
      figure = q(relation.parts[0]);
      target = whole === undefined ? undefined : whole * 1.3;
      family = 'part-of-whole';
    }
    if (!figure || target === undefined || seen.has(`${figure.start}`)) continue;
    seen.add(`${figure.start}`);
    const after = rewriteFigure(figure.text, target);
    if (after) mutations.push({ source, family, start: figure.start, before: figure.text, after, describe: `${relation.kind} ${figure.text}` });
  }
  return mutations;
}

function overlaps(extraction: Extraction, id: string, start: number, end: number): boolean {
  const span = /^span:(\d+)-(\d+)$/.exec(id);
  if (span) return Number(span[1]) < end && start < Number(span[2]);
  const q = extraction.quantities.find((x) => x.id === id);
  return q !== undefined && q.start < end && start < q.end;
}

/** The inconsistent findings that point at the changed figure, and the checks that gave them. */
export function catchMutation(text: string, mutation: Mutation): { caughtBy: string[]; findings: Finding[] } {
  if (text.slice(mutation.start, mutation.start + mutation.before.length) !== mutation.before) {
    throw new Error(`${mutation.source}: '${mutation.before}' is not at ${mutation.start}`);
  }
  const changed = text.slice(0, mutation.start) + mutation.after + text.slice(mutation.start + mutation.before.length);
  const end = mutation.start + mutation.after.length;
  const extraction = extract(changed);
  const findings = verify(changed, extraction, checks).filter(
    (f) => f.verdict === 'inconsistent' && [f.stated, ...f.quantities].some((id) => overlaps(extraction, id, mutation.start, end)),
  );
  return { caughtBy: [...new Set(findings.map((f) => f.check))], findings };
}

/** The inconsistent findings of the common-sense checks on one unchanged text. */
export function senseFindings(text: string, context?: { reportYear?: number }): { findings: Finding[]; extraction: Extraction } {
  const extraction = extract(text, context);
  const selected = checks.filter((c) => SENSE_CHECK_IDS.includes(c.id));
  return { findings: verify(text, extraction, selected).filter((f) => f.verdict === 'inconsistent'), extraction };
}

/** Spans of the figures an answer key's relations judge inconsistent: errors in the publication itself. */
function knownErrorSpans(key: LoadedKey): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const relation of key.key.relations ?? []) {
    if (relation['verdict'] !== 'inconsistent' || typeof relation['claim'] !== 'number') continue;
    const claim = key.key.quantities[relation['claim']];
    if (claim) spans.push({ start: claim.start, end: claim.end });
  }
  return spans;
}

function where(text: string, extraction: Extraction, finding: Finding): string {
  const span = /^span:(\d+)-/.exec(finding.stated);
  const start = span ? Number(span[1]) : (extraction.quantities.find((q) => q.id === finding.stated)?.start ?? 0);
  return text.slice(Math.max(0, start - 40), start + 20).replace(/\s+/g, ' ');
}

interface Tally {
  caught: number;
  total: number;
}

/**
 * The section: mutation score by family and by source, false alarms on the unchanged passages and answer keys,
 * and the corpus's inconsistent findings. Gate: score ≥ 90% and no inconsistent finding on an unchanged answer key.
 */
export function evaluateSense(context: EvalContext): SectionResult {
  const lines: string[] = [];
  const byFamily = new Map<string, Tally>();
  const bySource = { passages: { caught: 0, total: 0 }, keys: { caught: 0, total: 0 } };
  const bySenseCheck = { caught: 0 };
  const missed: string[] = [];
  const count = (family: string, caught: boolean, source: Tally) => {
    const tally = byFamily.get(family) ?? { caught: 0, total: 0 };
    tally.total++;
    source.total++;
    if (caught) {
      tally.caught++;
      source.caught++;
    }
    byFamily.set(family, tally);
  };

  let passageAlarms = 0;
  for (const passage of SENSE_PASSAGES) {
    passageAlarms += senseFindings(passage.text).findings.length;
    for (const relation of passage.relations) {
      for (const mutation of mutateRelation(passage.text, relation, passage.name)) {
        const { caughtBy } = catchMutation(passage.text, mutation);
        if (caughtBy.some((id) => SENSE_CHECK_IDS.includes(id))) bySenseCheck.caught++;
        count(mutation.family, caughtBy.length > 0, bySource.passages);
        if (caughtBy.length === 0) missed.push(`${mutation.source}: ${mutation.before} → ${mutation.after} (${mutation.describe})`);
      }
    }
  }

  let keyAlarms = 0;
  let keyKnownErrors = 0;
  const keyAlarmLines: string[] = [];
  for (const key of context.keys) {
    const { findings, extraction } = senseFindings(key.text, key.reportYear === undefined ? {} : { reportYear: key.reportYear });
    // A finding on a figure the key itself records as a published error is a catch, not a false alarm.
    const known = knownErrorSpans(key);
    for (const f of findings) {
      if (known.some((span) => overlaps(extraction, f.stated, span.start, span.end))) {
        keyKnownErrors++;
        continue;
      }
      keyAlarms++;
      keyAlarmLines.push(`  ${key.name} [${f.check}] ${f.message} …${where(key.text, extraction, f)}`);
    }
    for (const mutation of mutateGoldKey(key)) {
      const { caughtBy } = catchMutation(key.text, mutation);
      if (caughtBy.some((id) => SENSE_CHECK_IDS.includes(id))) bySenseCheck.caught++;
      count(mutation.family, caughtBy.length > 0, bySource.keys);
      if (caughtBy.length === 0) missed.push(`${mutation.source}: ${mutation.before} → ${mutation.after} (${mutation.describe})`);
    }
  }

  const total = bySource.passages.total + bySource.keys.total;
  const caught = bySource.passages.caught + bySource.keys.caught;
  const score = total === 0 ? 0 : caught / total;
  const percent = (t: Tally) => (t.total === 0 ? '—' : `${((100 * t.caught) / t.total).toFixed(1)}%`);
  lines.push(`mutation score ${caught}/${total} = ${(100 * score).toFixed(1)}% (gate ${MUTATION_GATE * 100}%); ${bySenseCheck.caught} of them caught by a common-sense check itself`);
  lines.push(`  own passages ${bySource.passages.caught}/${bySource.passages.total} (${percent(bySource.passages)}), answer keys ${bySource.keys.caught}/${bySource.keys.total} (${percent(bySource.keys)})`);
  for (const [family, tally] of [...byFamily].sort()) lines.push(`  ${family.padEnd(14)} ${tally.caught}/${tally.total} (${percent(tally)})`);
  for (const line of missed.slice(0, context.listLimit)) lines.push(`  missed ${line}`);
  lines.push(`false alarms on unchanged text: own passages ${passageAlarms}, answer keys ${keyAlarms} (and ${keyKnownErrors} published errors the keys record, caught)`);
  lines.push(...keyAlarmLines.slice(0, context.listLimit));

  const corpus = corpusFindings(context.corpusDir);
  lines.push(`corpus: ${corpus.length} inconsistent common-sense findings in ${corpusFiles(context.corpusDir).length} documents (judged in docs/corpus-findings.md)`);
  for (const line of corpus.slice(0, context.listLimit)) lines.push(`  ${line}`);

  return {
    title: '常识 Sense checks',
    lines,
    gateFailed: score < MUTATION_GATE || keyAlarms > 0 || passageAlarms > 0,
    metrics: { senseMutationScore: score, senseMutations: total, senseKeyFalseAlarms: keyAlarms, senseCorpusFindings: corpus.length },
  };
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
}

/** Every inconsistent common-sense finding on the corpus, one line each: file, check, message, context. */
export function corpusFindings(dir: string): string[] {
  const lines: string[] = [];
  for (const name of corpusFiles(dir)) {
    const text = readDocumentText(join(dir, name));
    const year = /-(\d{4})\.txt$/.exec(name)?.[1];
    const { findings, extraction } = senseFindings(text, year ? { reportYear: Number(year) } : {});
    for (const f of findings) lines.push(`${name} [${f.check}] ${f.message} …${where(text, extraction, f)}`);
  }
  return lines;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
  const { loadKey, findKeyFiles, REPO_ROOT } = await import('./gold-key.ts');
  const keys = findKeyFiles([resolve(SHARED_DIR, 'gold'), resolve(REPO_ROOT, 'eval', 'gold')]).map((file) => loadKey(file, SHARED_DIR));
  const result = evaluateSense({
    keys,
    predictor: { name: 'duixian', predict: () => ({ quantities: [], dates: [], nonQuantities: [], commitments: [] }) },
    predictionFor: () => ({ quantities: [], dates: [], nonQuantities: [], commitments: [] }),
    corpusDir: resolve(SHARED_DIR, 'corpus'),
    sharedDir: SHARED_DIR,
    listLimit: process.argv.includes('--list') ? 1000 : 40,
  });
  for (const line of result.lines) console.log(line);
  if (result.gateFailed) console.log('>> gate failed');
}
