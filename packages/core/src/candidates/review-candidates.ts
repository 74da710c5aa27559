/**
 * Reads the review candidates out of one analysed document: commitments under their themes, indicators with a
 * target, budget lines (totals, the livelihood figure and its categories) and the livelihood programme.
 * Rules are about the language, not one document: "一般公共预算支出21.98亿元" is a total; a figure whose metric
 * names 民生 is the livelihood total; money levels after it with a spending verb (投入 / 支出 / 用于 / 安排) are its
 * categories; a money figure in a sentence about 实事 is the programme's budget.
 * Example: the seed page → 31 commitments under 4 themes, 1 indicator, 9 budget lines, 1 programme.
 */
import type { Commitment } from '../model/commitment.ts';
import type { Extraction, Section } from '../model/extraction.ts';
import type { Quantity, QuantityValue } from '../model/quantity.ts';
import type { BudgetPhase, BudgetScope, TargetComparator } from '../model/vocabulary.ts';
import { fullSentenceAround, MAX_LOOK_BACK } from '../extract/clauses.ts';
import { formatDecimal } from '../numbers/decimal.ts';
import { mapFunctionalClass } from './functional-class.mapping.ts';

export interface SpanRef {
  start: number;
  end: number;
}

export interface CommitmentCandidate {
  plan_year: number;
  theme: string | null;
  theme_heading: string | null;
  theme_span: SpanRef | null;
  title: string;
  original_text: string;
  action: string | null;
  indicator: string | null;
  target_value: string | null;
  target_value_high: string | null;
  target_unit: string | null;
  target_comparator: TargetComparator | null;
  target_grade: string | null;
  /** The part of the report it sits in: "2024年重点工作", "2023年工作回顾". */
  section: string | null;
  /**
   * Read under a review heading (工作回顾, 过去一年, an earlier year): a result of the previous year, not a commitment;
   * its plan_year is that year, so accepting it never adds to this year's commitments.
   */
  retrospective: boolean;
  span: SpanRef;
}

export interface IndicatorCandidate {
  plan_year: number;
  name: string;
  unit: string;
  target_value: string | null;
  target_comparator: TargetComparator | null;
  theme: string | null;
  /** The commitment candidate stating the target. */
  commitment_key: string;
  section: string | null;
  retrospective: boolean;
  span: SpanRef;
}

export interface BudgetLineCandidate {
  year: number;
  phase: BudgetPhase;
  scope: BudgetScope;
  label: string;
  definition: string | null;
  functional_code: string | null;
  mapping_confidence: string | null;
  amount_yuan: string;
  quantity_id: string;
  /** The candidate of the total this line is part of. */
  parent_key: string | null;
  span: SpanRef;
}

export interface ProgrammeCandidate {
  year: number;
  title: string;
  area_count: number | null;
  project_count: number | null;
  delivered_count: number | null;
  budget_yuan: string | null;
  span: SpanRef;
}

export type Candidate =
  | { kind: 'commitment'; candidate_key: string; payload: CommitmentCandidate }
  | { kind: 'indicator'; candidate_key: string; payload: IndicatorCandidate }
  | { kind: 'budget_line'; candidate_key: string; payload: BudgetLineCandidate }
  | { kind: 'livelihood_programme'; candidate_key: string; payload: ProgrammeCandidate };

const TOTAL_METRIC = /(一般公共预算支出|财政总支出|财政支出|公共财政支出)$/;
const SPENDING_WORD = /投入|支出|用于|安排|拨付|下达|投资/;
const PROGRAMME_WORD = /实事/;
const DELIVERED_ALL = /全部(?:兑现|完成|办结|落实)/;

function valueText(value: QuantityValue): { low: string; high: string | null } {
  return value.type === 'exact'
    ? { low: formatDecimal(value.value), high: null }
    : { low: formatDecimal(value.low), high: formatDecimal(value.high) };
}

/** The sentence around a span, as the reviewer is shown it (clauses.ts's full sentence). */
export function sentenceAround(text: string, start: number, end: number): SpanRef & { text: string } {
  return fullSentenceAround(text, start, end);
}

/** The line a span sits on (at most MAX_LOOK_BACK each way). */
function lineAround(text: string, start: number): string {
  let from = start;
  while (from > 0 && from > start - MAX_LOOK_BACK && text[from - 1] !== '\n') from -= 1;
  let to = start;
  while (to < text.length && to < start + MAX_LOOK_BACK && text[to] !== '\n') to += 1;
  return text.slice(from, to);
}

/** The quantities (sorted by start) that lie within [start, end): found from a binary search, not a scan of all. */
function quantitiesWithin(sorted: readonly Quantity[], start: number, end: number): Quantity[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.start ?? Infinity) < start) low = middle + 1;
    else high = middle;
  }
  const within: Quantity[] = [];
  for (let i = low; i < sorted.length && (sorted[i]?.start ?? Infinity) <= end; i++) {
    const q = sorted[i];
    if (q && q.end <= end) within.push(q);
  }
  return within;
}

/** 预算草案 → proposed, 调整预算 → adjusted, 年初预算 / 预算安排 → approved; spending stated as done → executed. */
function phaseOf(line: string): BudgetPhase {
  if (/草案/.test(line)) return 'proposed';
  if (/调整预算|调整后/.test(line)) return 'adjusted';
  if (/年初预算|预算安排|预算数|安排预算/.test(line)) return 'approved';
  return 'executed';
}

/** The year of the nearest heading before `offset` that names one: "2023年用于民生领域支出" → 2023. */
function sectionYear(sections: readonly Section[], offset: number): number | undefined {
  let year: number | undefined;
  for (const section of sections) {
    if (section.start > offset) break;
    const match = /((?:19|20)\d{2})年/.exec(section.title);
    if (match) year = Number(match[1]);
  }
  return year;
}

/** A heading that names a part of the report: a year, a review, the year's work ("2024年重点工作"), not a topic within it. */
const PART_HEADING = /(?:19|20)\d{2}年|回顾|过去|重点工作|工作任务/u;
const REVIEW_HEADING = /回顾|过去(?:的)?(?:一年|五年)|一年来/u;

/** The nearest part heading before `offset`, and whether it reviews (a review word, or a year before the plan's). */
function partAt(sections: readonly Section[], offset: number, planYear: number): { title: string; isReview: boolean } | undefined {
  let part: Section | undefined;
  for (const section of sections) {
    if (section.start > offset) break;
    if (PART_HEADING.test(section.title)) part = section;
  }
  if (!part) return undefined;
  const year = /((?:19|20)\d{2})年/u.exec(part.title);
  return { title: part.title, isReview: REVIEW_HEADING.test(part.title) || (year !== null && Number(year[1]) < planYear) };
}

function themeSection(sections: readonly Section[], commitment: Commitment): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.start > commitment.start) break;
    if (section.theme === commitment.theme) found = section;
  }
  return found ?? sections.find((section) => section.theme === commitment.theme);
}

/**
 * A commitment's text as one line: core reads a commitment across a line break only where the break cut a sentence
 * (core/src/extract/line-join.ts), so every break inside one is the layout's: "固\n定资产投资增长10%" → "固定资产投资增长10%".
 */
function withoutLineBreaks(text: string): string {
  return text.replace(/[ \t\u3000]*\r?\n[\s\u3000]*/gu, '');
}

function toComparator(comparator: string | undefined, hasValue: boolean): TargetComparator | null {
  if (comparator === undefined) return hasValue ? '=' : null;
  return comparator as TargetComparator;
}

function commitmentCandidates(extraction: Extraction, planYear: number): Candidate[] {
  const sections = [...extraction.sections].sort((a, b) => a.start - b.start);
  const result: Candidate[] = [];
  for (const commitment of extraction.commitments) {
    const section = commitment.theme ? themeSection(sections, commitment) : undefined;
    const target = commitment.target;
    let value: { low: string; high: string | null } | null = null;
    let grade: string | null = null;
    if (target) {
      if (target.value.type === 'grade') grade = target.value.grade;
      else value = valueText(target.value);
    }
    const key = `commitment:${commitment.start}-${commitment.end}`;
    const part = partAt(sections, commitment.start, planYear);
    const retrospective = part?.isReview ?? false;
    const year = retrospective ? planYear - 1 : planYear;
    result.push({
      kind: 'commitment',
      candidate_key: key,
      payload: {
        plan_year: year,
        theme: commitment.theme ?? null,
        theme_heading: section?.title ?? null,
        theme_span: section ? { start: section.start, end: section.end } : null,
        title: withoutLineBreaks(commitment.text),
        original_text: commitment.text,
        action: commitment.action ?? null,
        indicator: commitment.indicator ?? null,
        target_value: value?.low ?? null,
        target_value_high: value?.high ?? null,
        target_unit: target?.unit ?? null,
        target_comparator: target ? toComparator(target.comparator, true) : null,
        target_grade: grade,
        section: part?.title ?? null,
        retrospective,
        span: { start: commitment.start, end: commitment.end },
      },
    });
    if (commitment.indicator && target) {
      result.push({
        kind: 'indicator',
        candidate_key: `indicator:${commitment.start}-${commitment.end}`,
        payload: {
          plan_year: year,
          name: commitment.indicator,
          unit: target.unit,
          target_value: value?.low ?? null,
          target_comparator: toComparator(target.comparator, value !== null),
          theme: commitment.theme ?? null,
          commitment_key: key,
          section: part?.title ?? null,
          retrospective,
          span: { start: commitment.start, end: commitment.end },
        },
      });
    }
  }
  return result;
}

function isMoneyLevel(quantity: Quantity): boolean {
  return quantity.kind === 'money' && quantity.unit === '元' && (quantity.role === undefined || quantity.role === 'level');
}

function budgetCandidates(text: string, extraction: Extraction, reportYear: number): Candidate[] {
  const sections = [...extraction.sections].sort((a, b) => a.start - b.start);
  const result: Candidate[] = [];
  let parent: { key: string; year: number; scope: BudgetScope } | undefined;
  const programmeDone = new Set<string>();
  const quantities = [...extraction.quantities].sort((a, b) => a.start - b.start);
  for (const quantity of quantities) {
    if (!isMoneyLevel(quantity) || quantity.value.type !== 'exact') continue;
    const sentence = sentenceAround(text, quantity.start, quantity.end);
    const metric = quantity.metric?.replace(/\*/g, '').trim() ?? '';
    const amount = formatDecimal(quantity.value.value);
    const span = { start: quantity.start, end: quantity.end };

    if (PROGRAMME_WORD.test(sentence.text)) {
      const key = `livelihood_programme:${sentence.start}-${sentence.end}`;
      if (programmeDone.has(key)) continue;
      programmeDone.add(key);
      const inSentence = quantitiesWithin(quantities, sentence.start, sentence.end);
      const count = (predicate: (other: Quantity) => boolean) => {
        const found = inSentence.find(predicate);
        return found && found.value.type === 'exact' ? Number(formatDecimal(found.value.value)) : null;
      };
      const projectCount = count((other) => other.unit === '项');
      const areaCount = count((other) => other.unit === '个' && text.startsWith('方面', other.end));
      const deliveredMatch = /(?:兑现|完成|办结)(\d+)项/.exec(sentence.text);
      const title = /([^，。、；\d*]*实事(?:项目)?)/.exec(sentence.text)?.[1] ?? '民生实事';
      result.push({
        kind: 'livelihood_programme',
        candidate_key: key,
        payload: {
          year: quantity.period?.year ?? sectionYear(sections, quantity.start) ?? parent?.year ?? reportYear,
          title: title.replace(/^[个项]/, ''),
          area_count: areaCount,
          project_count: projectCount,
          delivered_count: DELIVERED_ALL.test(sentence.text) ? projectCount : deliveredMatch ? Number(deliveredMatch[1]) : null,
          budget_yuan: amount,
          span: { start: sentence.start, end: sentence.end },
        },
      });
      continue;
    }
    if (/收入/.test(metric)) continue;

    let scope: BudgetScope | undefined;
    if (/民生/.test(metric)) scope = 'livelihood';
    else if (TOTAL_METRIC.test(metric)) scope = 'total';
    else if (parent && metric !== '' && SPENDING_WORD.test(sentence.text)) scope = 'category';
    if (!scope) continue;

    const year = quantity.period?.year ?? (scope === 'category' ? parent?.year : undefined) ?? sectionYear(sections, quantity.start) ?? reportYear;
    const label = metric.replace(/方面$/, '');
    const mapping = scope === 'category' ? mapFunctionalClass(label) : undefined;
    const key = `budget_line:${quantity.start}-${quantity.end}`;
    result.push({
      kind: 'budget_line',
      candidate_key: key,
      payload: {
        year,
        phase: phaseOf(lineAround(text, quantity.start)),
        scope,
        label,
        definition: scope === 'livelihood' ? sentence.text.replace(/\*/g, '').trim() : null,
        functional_code: mapping?.code ?? null,
        mapping_confidence: mapping ? String(mapping.confidence) : null,
        amount_yuan: amount,
        quantity_id: quantity.id,
        parent_key: scope === 'category' ? (parent?.key ?? null) : null,
        span,
      },
    });
    if (scope === 'livelihood' || (scope === 'total' && parent?.scope !== 'livelihood')) {
      parent = { key, year, scope };
    }
  }
  return result;
}

/** Every candidate of a document, in text order within each kind. */
export function buildCandidates(text: string, extraction: Extraction, planYear: number): Candidate[] {
  return [...commitmentCandidates(extraction, planYear), ...budgetCandidates(text, extraction, extraction.reportYear ?? planYear)];
}
