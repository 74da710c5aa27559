/**
 * Planted-error recall on the unseen corpus (issue 15), by the rule of eval/verifier-split.md ("Planted errors"):
 * one figure misprinted at a time in a copy of a DEV report, read and verified from scratch; recall per check for
 * plants on relations the verifier finds, and per kind of sentence for plants found by wording alone.
 * Example line: "sentence plants: share 0.62 (31/50), 其中 parts 0.90 (9/10) …".
 * Run alone: `npx tsx scripts/eval/planted.eval.ts [--full | --test] [--list]` (the section of `npm run eval` takes
 * every third DEV report).
 */
import { analyze, type Extraction, type Finding } from '@duixian/core';
import type { SectionResult } from './eval-section.ts';
import { readDocumentText } from './gold-key.ts';
import { ARITHMETIC_CHECK_IDS } from './relations.eval.ts';
import { applyPlant, misprintLeadingDigit, planSentencePlants, PLANT_KINDS, type Plant } from './planted-errors.ts';
import { splitDocuments, type SplitDocument } from './verifier-split.ts';

/** The checks whose consistent findings get a relation plant: the arithmetic checks and the 三次产业 ratio. */
export const RELATION_CHECKS: readonly string[] = [...ARITHMETIC_CHECK_IDS, 'structure-ratio'];

const PER_KIND = 3;
/** The tally of plants that move a one-sided bound the safe way: no contradiction by construction, shown apart. */
const ONE_SIDED = 'one-sided bound moved the safe way (cannot contradict)';

interface Count {
  total: number;
  caught: number;
  questionable: number;
}

export interface PlantedScore {
  readonly reports: number;
  readonly relations: Record<string, Count>;
  readonly sentences: Record<string, Count>;
  readonly missed: string[];
}

type Range = { start: number; end: number };

/** Where a finding's stated figure is: a quantity's span, or the "span:start-end" a sense check gives. */
function statedRange(finding: Finding, extraction: Extraction): Range | undefined {
  const quantity = extraction.quantities.find((q) => q.id === finding.stated);
  if (quantity) return quantity;
  const match = /^span:(\d+)-(\d+)$/.exec(finding.stated);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : undefined;
}

/** Every range a finding rests on: its stated figure and the figures it used. */
function rangesOf(finding: Finding, extraction: Extraction): Range[] {
  const byId = new Map(extraction.quantities.map((q) => [q.id, q]));
  const ranges = finding.quantities.map((id) => byId.get(id)).filter((q): q is NonNullable<typeof q> => q !== undefined) as Range[];
  const stated = statedRange(finding, extraction);
  return stated ? [stated, ...ranges] : ranges;
}

const within = (range: Range, outer: Range): boolean => range.start >= outer.start && range.end <= outer.end;
const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/** A range of the original text moved to where it sits after a plant changed the length of [at, at + length). */
function shifted(range: Range, at: number, shift: number): Range {
  return { start: range.start > at ? range.start + shift : range.start, end: range.end > at ? range.end + shift : range.end };
}

function count(table: Record<string, Count>, key: string): Count {
  return (table[key] ??= { total: 0, caught: 0, questionable: 0 });
}

/** Plants every error the rule allows in one report and tallies which the verifier calls inconsistent. */
export function scorePlantedErrors(document: SplitDocument, text: string, score: PlantedScore): void {
  const context = document.reportYear === undefined ? {} : { reportYear: document.reportYear };
  const original = analyze(text, context);
  const cache = new Map<string, Extraction>();
  const run = (plant: Pick<Plant, 'start' | 'end' | 'replacement'>): Extraction => {
    const key = `${plant.start}:${plant.replacement}`;
    let result = cache.get(key);
    if (!result) {
      result = analyze(applyPlant(text, plant), context);
      cache.set(key, result);
    }
    return result;
  };

  // 1. relations the verifier finds: the stated figure misprinted
  const perCheck = new Map<string, number>();
  for (const finding of original.findings) {
    if (finding.verdict !== 'consistent' || !RELATION_CHECKS.includes(finding.check)) continue;
    if ((perCheck.get(finding.check) ?? 0) >= PER_KIND) continue;
    const stated = statedRange(finding, original);
    if (!stated) continue;
    const figureText = text.slice(stated.start, stated.end);
    const number = /\d+(?:\.\d+)?/.exec(figureText);
    const replacement = number ? misprintLeadingDigit(number[0]) : undefined;
    if (!number || replacement === undefined) continue;
    perCheck.set(finding.check, (perCheck.get(finding.check) ?? 0) + 1);
    const start = stated.start + number.index;
    const mutant = run({ start, end: start + number[0].length, replacement });
    const target = shifted(stated, start, replacement.length - number[0].length);
    // the same check, resting on the misprinted figure (a restatement may state either of its two figures)
    const on = (f: Finding): boolean => f.check === finding.check && rangesOf(f, mutant).some((r) => overlaps(r, target));
    // a bound moved the safe way contradicts nothing, tallied apart: a 其中 list may leave parts out, so its whole
    // may be raised; a 新增 may not subtract what left, so the growth it bounds from above may be lowered
    const raised = Number(replacement) > Number(number[0]);
    const oneSided =
      (finding.check === 'parts-sum' && /不超过总数|略大于总数/.test(finding.message) && raised) ||
      (finding.check === 'growth-from-increase' && /未扣除退出/.test(finding.reading ?? '') && !raised);
    const entry = count(score.relations, oneSided ? ONE_SIDED : finding.check);
    entry.total += 1;
    if (mutant.findings.some((f) => f.verdict === 'inconsistent' && on(f))) entry.caught += 1;
    else {
      if (mutant.findings.some((f) => f.verdict === 'questionable' && on(f))) entry.questionable += 1;
      score.missed.push(`${document.name}\trelation ${finding.check}\t${figureText} → ${replacement}\t${finding.message.replace(/\s+/g, ' ')}`);
    }
  }

  // 2. sentences by their wording
  const flaggedIn = (extraction: Extraction, sentence: Range, verdict: Finding['verdict']): boolean =>
    extraction.findings.some((f) => f.verdict === verdict && rangesOf(f, extraction).some((r) => within(r, sentence)));
  for (const plant of planSentencePlants(text, PER_KIND)) {
    if (flaggedIn(original, plant.sentence, 'inconsistent')) continue; // the rule plants only where nothing is flagged yet
    const mutant = run(plant);
    const shift = plant.replacement.length - plant.original.length;
    const sentence = { start: plant.sentence.start, end: plant.sentence.end + shift };
    const entry = count(score.sentences, plant.kind);
    entry.total += 1;
    if (flaggedIn(mutant, sentence, 'inconsistent')) entry.caught += 1;
    else {
      if (flaggedIn(mutant, sentence, 'questionable')) entry.questionable += 1;
      const line = text.slice(plant.sentence.start, plant.sentence.end).replace(/\s+/g, ' ');
      score.missed.push(`${document.name}\t${plant.kind}\t${plant.original} → ${plant.replacement}\t${line.length > 120 ? `${line.slice(0, 120)}…` : line}`);
    }
  }
}

/** The reports of a side; the section of `npm run eval` samples every third DEV report by its index. */
export function plantedDocuments(side: 'dev' | 'test' | 'sample'): SplitDocument[] {
  if (side === 'test') return splitDocuments('test');
  const dev = splitDocuments('dev');
  return side === 'dev' ? dev : dev.filter((_, index) => index % 3 === 0);
}

export function scorePlanted(documents: readonly SplitDocument[]): PlantedScore {
  const score: PlantedScore = { reports: documents.length, relations: {}, sentences: {}, missed: [] };
  for (const document of documents) scorePlantedErrors(document, readDocumentText(document.path), score);
  return score;
}

function ratio(entry: Count): string {
  const value = entry.total === 0 ? '—' : (entry.caught / entry.total).toFixed(2);
  return `${value} (${entry.caught}/${entry.total}${entry.questionable > 0 ? `, ${entry.questionable} 需复核` : ''})`;
}

function total(table: Record<string, Count>): Count {
  return Object.values(table).reduce((sum, c) => ({ total: sum.total + c.total, caught: sum.caught + c.caught, questionable: sum.questionable + c.questionable }), { total: 0, caught: 0, questionable: 0 });
}

export function describePlanted(side: string, score: PlantedScore): string[] {
  const detectable = Object.fromEntries(Object.entries(score.relations).filter(([check]) => check !== ONE_SIDED));
  const lines = [`${side} ${score.reports} reports: relation plants ${ratio(total(detectable))} (besides ${score.relations[ONE_SIDED]?.total ?? 0} that cannot contradict), sentence plants ${ratio(total(score.sentences))}`];
  for (const check of [...RELATION_CHECKS, ONE_SIDED]) if (score.relations[check]) lines.push(`    relation ${check.padEnd(36)} ${ratio(score.relations[check]!)}`);
  for (const kind of PLANT_KINDS) lines.push(`    sentence ${kind.padEnd(36)} ${score.sentences[kind] ? ratio(score.sentences[kind]!) : '— (0 plants)'}`);
  return lines;
}

/** The section of `npm run eval`: every third DEV report (the TEST split is scored once, with --test). */
export function evaluatePlanted(): SectionResult {
  const score = scorePlanted(plantedDocuments('sample'));
  const relations = total(Object.fromEntries(Object.entries(score.relations).filter(([check]) => check !== ONE_SIDED)));
  const sentences = total(score.sentences);
  return {
    title: '埋错 Planted-error recall',
    lines: describePlanted('dev sample (every third)', score),
    metrics: {
      plantedRelationRecall: relations.total === 0 ? 0 : relations.caught / relations.total,
      plantedSentenceRecall: sentences.total === 0 ? 0 : sentences.caught / sentences.total,
    },
  };
}

if (process.argv[1]?.endsWith('planted.eval.ts')) {
  const side = process.argv.includes('--test') ? 'test' : process.argv.includes('--full') ? 'dev' : 'sample';
  const score = scorePlanted(plantedDocuments(side));
  for (const line of describePlanted(side, score)) console.log(line);
  if (process.argv.includes('--list')) for (const missed of score.missed) console.log(missed);
}
