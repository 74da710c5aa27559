/**
 * Follow-up on import (issue 8): a region's report for year Y+1 is matched against its report for year Y (core's
 * followUp), the pairs are kept, and each reported result goes into the progress of the year-Y commitment that
 * stated the target, as a new progress update by the system with the result's sentence as evidence. A target met by
 * a completion statement ("12件民生实事全部完成") keeps the basis 'statement' and feeds 'done', labelled 按陈述完成.
 * Example: importing 北京 2025 beside 北京 2024 → 地区生产总值增长 5%左右 ↔ 5.2% (met): a 'done' update with amount 5.2.
 */
import { formatDecimal, rankLeagueTable, type FollowUpFigure, type FollowUpPair, type LeagueTable, type QuantityValue, type Span } from '@duixian/core';
import type { CommitmentRow, DatabaseHandle, DocumentSummary, FollowUpPairRecord, NewProgressUpdate, Page, PageRequest, Repositories } from '@duixian/storage';
import type { FollowUpCounterpart, PreparedFollowUp } from './follow-up-match.ts';
import { figureSentence, type FigureSentence } from './follow-up-sentence.ts';
import { todayInChina } from './schedule.service.ts';

/** A stored pair as the service lists it (routes present it without reaching into storage). */
export type { FollowUpPairRecord };

/** What an import added: pairs kept and progress updates appended. */
export interface FollowUpRecorded {
  readonly pairs: number;
  readonly progressUpdates: number;
}

/** A pair with the sentences its target and result stand in. */
export interface FollowUpPairWithSentences extends FollowUpPairRecord {
  readonly target_sentence: FigureSentence;
  readonly result_sentence: FigureSentence | null;
}

/** The league table of one year's targets, with the years that have one. */
export interface FollowUpLeague {
  /** The year of the targets; null when no region has two years imported. */
  readonly lastYear: number | null;
  /** Every year whose targets have been followed up, latest first. */
  readonly years: readonly number[];
  /**
   * Rows carry the region code; regions with one of the two reports only are listed as unpaired, and regions with
   * both but no target followed as failures.
   */
  readonly table: LeagueTable;
}

/** Most documents of one region and year matched on an import. */
const MAX_DOCUMENTS_PER_YEAR = 50;
/** Longest evidence label the API accepts. */
const MAX_LABEL = 200;

export class FollowUpService {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, now: () => Date) {
    this.#database = database;
    this.#now = now;
  }

  /**
   * The region's documents of the year before and of the year after a new report: what its text is matched against.
   * Read before the import's transaction; the matching itself (matchFollowUps) is text work and runs off the event loop.
   */
  async counterparts(regionCode: string, year: number): Promise<FollowUpCounterpart[]> {
    const { documents } = this.#database.repositories;
    const found: FollowUpCounterpart[] = [];
    for (const [otherYear, newIs] of [[year - 1, 'this'], [year + 1, 'last']] as const) {
      const page = await documents.list({ regionCode, year: otherYear, pageSize: MAX_DOCUMENTS_PER_YEAR });
      for (const summary of [...page.items].sort((a, b) => a.id - b.id)) {
        const other = await documents.get(summary.id);
        found.push({ documentId: other.id, title: other.title, year: otherYear, newIs, text: other.text });
      }
    }
    return found;
  }

  /**
   * Inside the import's transaction, once the new document is stored (and its candidates accepted when asked): keeps
   * every pair and appends one progress update per reported result to the commitment that stated the target.
   * Nothing existing is changed: pairs and progress updates only grow.
   */
  async record(repositories: Repositories, document: DocumentSummary, prepared: readonly PreparedFollowUp[]): Promise<FollowUpRecorded> {
    let pairs = 0;
    let progressUpdates = 0;
    const reportedOn = todayInChina(this.#now());
    for (const match of prepared) {
      const last = match.newIs === 'last' ? { id: document.id, title: document.title } : { id: match.otherDocumentId, title: match.otherTitle };
      const current = match.newIs === 'this' ? { id: document.id, title: document.title } : { id: match.otherDocumentId, title: match.otherTitle };
      if (await repositories.followUps.hasDocuments(last.id, current.id)) continue;
      const { lastYear, thisYear } = match.report;
      // The later report's text gives each answer's sentence, kept as the evidence of the progress it feeds.
      const currentText = match.report.pairs.some((pair) => answerOf(pair)) ? await repositories.documents.getText(current.id) : '';
      for (const [position, pair] of match.report.pairs.entries()) {
        const answer = answerOf(pair);
        const commitment = answer ? await this.#statingCommitment(repositories, document.region_code, lastYear, last.id, pair.target) : undefined;
        const sentence = answer ? figureSentence(currentText, answer.start, answer.end).text : '';
        const update = commitment && answer ? toProgressUpdate(pair, answer, sentence, commitment, current, thisYear, reportedOn) : undefined;
        const row = update ? await repositories.progressUpdates.append(update) : undefined;
        if (row) {
          progressUpdates += 1;
          await repositories.auditEvents.record({ actorId: null, action: 'report_progress', entityType: 'commitment', entityId: row.commitment_id, after: row });
          // A result stated in an official report the 督查室 imported needs no unit review: public at once.
          await repositories.progressUpdates.decide(row.id, { decision: 'approved', reviewerId: null });
        }
        await repositories.followUps.add({
          region_code: document.region_code,
          last_year: lastYear,
          this_year: thisYear,
          last_document_id: last.id,
          this_document_id: current.id,
          position,
          source: pair.source,
          metric: pair.target.metric,
          target_start: pair.target.start,
          target_end: pair.target.end,
          target_text: pair.target.text,
          ...valueColumns('target', pair.target.value),
          target_unit: pair.target.unit,
          target_comparator: pair.target.comparator ?? null,
          // A target met by a completion statement ("12件民生实事全部完成") keeps the statement as its result, without a value.
          result_start: pair.result?.start ?? pair.statement?.start ?? null,
          result_end: pair.result?.end ?? pair.statement?.end ?? null,
          result_text: pair.result?.text ?? pair.statement?.text ?? null,
          result_metric: pair.result?.metric ?? null,
          ...(pair.result ? valueColumns('result', pair.result.value) : { result_value: null, result_value_high: null }),
          result_unit: pair.result?.unit ?? null,
          verdict: pair.verdict,
          basis: pair.basis,
          confidence: String(pair.confidence),
          polarity: pair.polarity,
          explanation: pair.explanation,
          commitment_id: commitment?.id ?? null,
          progress_update_id: row?.id ?? null,
        });
        pairs += 1;
      }
    }
    return { pairs, progressUpdates };
  }

  /** A region's pairs for the targets of `lastYear`, in report order, each with the sentences of its two figures. */
  async list(filter: { regionCode: string; lastYear: number } & PageRequest): Promise<Page<FollowUpPairWithSentences>> {
    const { regions, followUps, documents } = this.#database.repositories;
    await regions.get(filter.regionCode);
    const page = await followUps.listByRegionYear(filter);
    const texts = new Map<number, string>();
    const textOf = async (id: number) => texts.get(id) ?? texts.set(id, await documents.getText(id)).get(id)!;
    const items: FollowUpPairWithSentences[] = [];
    for (const row of page.items) {
      const lastText = await textOf(row.last_document_id);
      const thisText = await textOf(row.this_document_id);
      items.push({
        ...row,
        target_sentence: figureSentence(lastText, row.target_start, row.target_end),
        result_sentence: row.result_start !== null && row.result_end !== null ? figureSentence(thisText, row.result_start, row.result_end) : null,
      });
    }
    return { ...page, items };
  }

  /**
   * The league table of promises kept for the targets of `lastYear` (default: the latest year with any): per region
   * with both reports imported, its targets met, missed and not reported, ranked by core's rankLeagueTable.
   * @example await followUps.league(2025) // { lastYear: 2025, years: [2025, 2024], table: { rows: [{ rank: 1, region: '北京市', regionCode: '110000', met: 30, … }], … } }
   */
  async league(lastYear?: number): Promise<FollowUpLeague> {
    const { followUps } = this.#database.repositories;
    const years = await followUps.listTargetYears();
    const year = lastYear ?? years[0];
    if (year === undefined) return { lastYear: null, years, table: rankLeagueTable([]) };
    const [tallies, regionYears] = await Promise.all([followUps.tallyByRegion(year), followUps.listRegionYears(year)]);
    const tallied = new Set(tallies.map((row) => row.region_code));
    const table = rankLeagueTable(
      tallies.map((row) => ({
        region: row.region_name,
        regionCode: row.region_code,
        lastYear: row.last_year,
        thisYear: row.this_year,
        met: row.met,
        metByStatement: row.met_by_statement,
        missed: row.missed,
        notReported: row.not_reported,
      })),
      {
        unpaired: regionYears
          .filter((row) => row.has_last !== row.has_this)
          .map((row) => ({ region: row.region_name, regionCode: row.region_code, missing: row.has_last ? ('this' as const) : ('last' as const) })),
        // Both reports imported and still no pair: the plan gave no target to follow (no 主要预期目标 found in it).
        failures: regionYears
          .filter((row) => row.has_last && row.has_this && !tallied.has(row.region_code))
          .map((row) => ({ region: row.region_name, regionCode: row.region_code, reason: `${year}年报告中没有找到可以对照的目标` })),
      },
    );
    return { lastYear: year, years, table };
  }

  /**
   * The commitment of the region's plan for `year`, read from the earlier document, whose source span holds the
   * target; among several, the one whose own target is the same figure (value and unit), else the narrowest.
   */
  async #statingCommitment(
    repositories: Repositories,
    regionCode: string,
    year: number,
    documentId: number,
    target: FollowUpFigure,
  ): Promise<CommitmentRow | undefined> {
    const found = await repositories.followUps.findCommitmentsAt({ regionCode, year, documentId, start: target.start, end: target.end });
    const value = target.value.type === 'exact' ? formatDecimal(target.value.value) : formatDecimal(target.value.low);
    return found.find((row) => row.target_unit === target.unit && row.target_value !== null && sameNumber(row.target_value, value)) ?? found[0];
  }
}

/** '5.0' and '5' are the same number (NUMERIC may come back with trailing zeros). */
function sameNumber(a: string, b: string): boolean {
  const strip = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
  return strip(a) === strip(b);
}

function valueColumns<P extends 'target' | 'result'>(prefix: P, value: QuantityValue): Record<`${P}_value` | `${P}_value_high`, string | null> {
  const low = value.type === 'exact' ? formatDecimal(value.value) : formatDecimal(value.low);
  const high = value.type === 'range' ? formatDecimal(value.high) : null;
  return { [`${prefix}_value`]: low, [`${prefix}_value_high`]: high } as Record<`${P}_value` | `${P}_value_high`, string | null>;
}

/** What the later report states for a target: its result's figure, or the completion statement that met it. */
function answerOf(pair: FollowUpPair): Span | undefined {
  return pair.result ?? (pair.basis === 'statement' ? pair.statement : undefined);
}

/**
 * The progress update a reported result makes: 'done' when the target was met; the result as an amount when it is
 * one exact, non-negative figure in the commitment's unit, moving the same way as the target, for a target where
 * more is better (a result under a ceiling — 失业率4.1% against 5%以内 — is not progress towards 5). A missed
 * target without such an amount gets no update: the pair itself records the miss. A target met by a completion
 * statement is 'done' without an amount, and its evidence says 按陈述完成: no figure of its own was reported. The
 * evidence links to the answer in the later report and is labelled with the sentence it stands in.
 */
function toProgressUpdate(
  pair: FollowUpPair,
  answer: Span,
  sentence: string,
  commitment: CommitmentRow,
  current: { id: number; title: string },
  thisYear: number,
  reportedOn: string,
): NewProgressUpdate | undefined {
  const { result } = pair;
  const isCeiling = pair.polarity === 'lower_is_better' || pair.target.comparator === '<=' || pair.target.comparator === '<' || commitment.target_comparator === '<=' || commitment.target_comparator === '<';
  const amount =
    result &&
    !isCeiling &&
    commitment.target_value !== null &&
    commitment.target_unit === result.unit &&
    result.value.type === 'exact' &&
    result.value.value.mantissa >= 0n &&
    result.direction === pair.target.direction
      ? formatDecimal(result.value.value)
      : null;
  const status = pair.verdict === 'met' ? ('done' as const) : null;
  if (amount === null && status === null) return undefined;
  const label = `${thisYear}年《${current.title}》${pair.basis === 'statement' ? '（按陈述完成）' : ''}：${sentence || answer.text}`;
  return {
    commitment_id: commitment.id,
    reported_on: reportedOn,
    amount,
    reported_status: status,
    note: pair.explanation,
    evidence: [
      {
        kind: 'link',
        ref: `#/documents/${current.id}?at=${answer.start}-${answer.end}`,
        label: label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label,
      },
    ],
    author_id: null,
  };
}
