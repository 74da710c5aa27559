/**
 * The league table of promises kept (issue 16): per region, how many of last year's targets this year's report shows
 * met, missed or not reported, and the share met, best first.
 * Example: 北京市 { met: 30, missed: 2, notReported: 8 } and 上海市 { met: 20, missed: 5, notReported: 3 } → 北京市
 * first (30 of 32 with a result, 93.8%), 上海市 second (20 of 25, 80.0%).
 */
import type { FollowUpPair } from './follow-up-pair.ts';

/** How many targets of one region's plan ended with each verdict. */
export interface LeagueTally {
  /** Met, including those met by a statement ("十件民生实事全部完成"). */
  readonly met: number;
  /** Of `met`, those met by a qualitative statement rather than a figure. */
  readonly metByStatement: number;
  readonly missed: number;
  readonly notReported: number;
}

/** A share as the two counts it is made of; `percent` is written with one decimal ("93.8"), or null when `of` is 0. */
export interface LeagueShare {
  readonly met: number;
  readonly of: number;
  readonly percent: string | null;
}

/** One region of the table. */
export interface LeagueRow extends LeagueTally {
  /** 1 for the best; regions with the same shares share a rank. */
  readonly rank: number;
  readonly region: string;
  /** The region's code where the caller knows it (the server: '110000'). */
  readonly regionCode?: string;
  /** The year of the targets. */
  readonly lastYear: number;
  /** The year of the report stating the results. */
  readonly thisYear: number;
  readonly targets: number;
  /** Met among the targets with a result (met or missed). */
  readonly shareOfReported: LeagueShare;
  /** Met among all targets. */
  readonly shareOfAll: LeagueShare;
}

/** A region read for one year only: its other report is missing. */
export interface UnpairedRegion {
  readonly region: string;
  readonly regionCode?: string;
  /** Which report is missing: the plan ('last') or the review ('this'). */
  readonly missing: 'last' | 'this';
}

/** A region whose reports could not be read or matched, with why. */
export interface LeagueFailure {
  readonly region: string;
  readonly regionCode?: string;
  readonly reason: string;
}

export interface LeagueTable {
  readonly rows: readonly LeagueRow[];
  readonly unpaired: readonly UnpairedRegion[];
  readonly failures: readonly LeagueFailure[];
}

/** A region's tally before ranking. */
export interface LeagueEntry extends LeagueTally {
  readonly region: string;
  readonly regionCode?: string;
  readonly lastYear: number;
  readonly thisYear: number;
}

/** The field the matcher sets on a pair met by a qualitative statement: `basis: 'statement'`. */
interface StatementBasis {
  readonly basis?: string;
}

/**
 * Counts the verdicts of one region's pairs. A pair labelled `basis: 'statement'` counts as met and also apart.
 * @example tallyFollowUp(followUp(plan2025, review2026, { lastYear: 2025, thisYear: 2026 }).pairs)
 * // { met: 30, metByStatement: 0, missed: 2, notReported: 8 }
 */
export function tallyFollowUp(pairs: readonly Pick<FollowUpPair, 'verdict'>[]): LeagueTally {
  let met = 0;
  let metByStatement = 0;
  let missed = 0;
  let notReported = 0;
  for (const pair of pairs) {
    if (pair.verdict === 'met') {
      met += 1;
      if ((pair as StatementBasis).basis === 'statement') metByStatement += 1;
    } else if (pair.verdict === 'missed') missed += 1;
    else notReported += 1;
  }
  return { met, metByStatement, missed, notReported };
}

/**
 * Ranks regions by the share met of the targets with a result, then by the share met of all targets, then by the
 * number met; a region with no result at all comes last. Ties share a rank and are listed by region name.
 * @example rankLeagueTable([{ region: '上海市', lastYear: 2025, thisYear: 2026, met: 20, metByStatement: 0, missed: 5,
 *   notReported: 3 }, { region: '北京市', …, met: 30, metByStatement: 0, missed: 2, notReported: 8 }]).rows.map((row) => row.region)
 * // ['北京市', '上海市']
 */
export function rankLeagueTable(
  entries: readonly LeagueEntry[],
  extra: { readonly unpaired?: readonly UnpairedRegion[]; readonly failures?: readonly LeagueFailure[] } = {},
): LeagueTable {
  const sorted = [...entries].sort(compareEntries);
  const rows: LeagueRow[] = [];
  for (const [index, entry] of sorted.entries()) {
    const previous = sorted[index - 1];
    const rank = previous && isTie(previous, entry) ? rows[index - 1]!.rank : index + 1;
    rows.push({
      rank,
      region: entry.region,
      ...(entry.regionCode === undefined ? {} : { regionCode: entry.regionCode }),
      lastYear: entry.lastYear,
      thisYear: entry.thisYear,
      targets: entry.met + entry.missed + entry.notReported,
      met: entry.met,
      metByStatement: entry.metByStatement,
      missed: entry.missed,
      notReported: entry.notReported,
      shareOfReported: toShare(entry.met, entry.met + entry.missed),
      shareOfAll: toShare(entry.met, entry.met + entry.missed + entry.notReported),
    });
  }
  const byRegion = (a: { region: string }, b: { region: string }) => compareText(a.region, b.region);
  return { rows, unpaired: [...(extra.unpaired ?? [])].sort(byRegion), failures: [...(extra.failures ?? [])].sort(byRegion) };
}

/** met / of as a percent with one decimal, rounded half up in integers: 30 / 32 → "93.8". */
function toShare(met: number, of: number): LeagueShare {
  if (of === 0) return { met, of, percent: null };
  const tenths = Math.floor((met * 2000 + of) / (2 * of));
  return { met, of, percent: `${Math.floor(tenths / 10)}.${tenths % 10}` };
}

/** Compares a/b with c/d without division: a·d against c·b (both denominators positive). */
function compareFractions(a: number, b: number, c: number, d: number): number {
  return a * d - c * b;
}

function compareShares(left: LeagueEntry, right: LeagueEntry, withNotReported: boolean): number {
  const leftOf = left.met + left.missed + (withNotReported ? left.notReported : 0);
  const rightOf = right.met + right.missed + (withNotReported ? right.notReported : 0);
  if (leftOf === 0 || rightOf === 0) return (leftOf === 0 ? 1 : 0) - (rightOf === 0 ? 1 : 0);
  return compareFractions(right.met, rightOf, left.met, leftOf);
}

function isTie(left: LeagueEntry, right: LeagueEntry): boolean {
  return compareShares(left, right, false) === 0 && compareShares(left, right, true) === 0 && left.met === right.met;
}

function compareEntries(left: LeagueEntry, right: LeagueEntry): number {
  return compareShares(left, right, false) || compareShares(left, right, true) || right.met - left.met || compareText(left.region, right.region);
}

/** Code-point order: the same on every machine, unlike a locale's collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
