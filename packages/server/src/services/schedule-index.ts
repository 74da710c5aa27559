/**
 * Keeps every plan's computed schedule statuses in memory, built once per plan and day and then updated one
 * commitment at a time (with its ancestors, which roll up from it) after each write — so lists and the dashboard
 * never recompute 100,000 statuses for one progress report. Statuses are still computed by core, never entered by
 * hand; each build also saves the plan's colour tally for the day (a cache the database itself marks stale on any
 * change it counts), so a server that has just started answers the dashboard without building first.
 * Example: `await index.forPlan(1)` → { schedules: Map { 7 → { code: 'ahead', colour: 'green', … } }, … }.
 */
import type { DatabaseHandle, ScheduleFacts } from '@duixian/storage';
import { msUntilNextChinaMidnight } from './china-midnight.ts';
import { computeSchedule, computeSchedules, groupMilestones, todayInChina, type CommitmentSchedule } from './schedule.service.ts';

/** Top-level commitments of one theme by warning colour. */
export interface ColourCounts {
  total: number;
  red: number;
  yellow: number;
  green: number;
  unknown: number;
}

export interface PlanSchedules {
  readonly planId: number;
  readonly today: string;
  readonly facts: Map<number, ScheduleFacts>;
  readonly schedules: Map<number, CommitmentSchedule>;
  /** Colour counts of the plan's own commitments (work items count through their parent), by theme name. */
  readonly tally: Map<string | null, ColourCounts>;
}

/** Adds (sign 1) or removes (sign -1) one commitment's colour from the tally; work items do not count. */
function count(tally: Map<string | null, ColourCounts>, fact: ScheduleFacts | undefined, schedule: CommitmentSchedule | undefined, sign: 1 | -1): void {
  if (!fact || fact.parent_id !== null) return;
  const entry = tally.get(fact.theme) ?? { total: 0, red: 0, yellow: 0, green: 0, unknown: 0 };
  entry.total += sign;
  entry[schedule?.colour ?? 'unknown'] += sign;
  tally.set(fact.theme, entry);
}

/** How long after midnight the new day's builds start: the clock of the database and this server may differ a little. */
const AFTER_MIDNIGHT_MS = 5_000;

/** Commitments read per query when building a plan: about a tenth of a second of PGlite's one connection. */
const FACTS_PER_READ = 10_000;

/** How long after a plan's last write its statuses are built and saved again. */
const SAVE_AFTER_QUIET_MS = 10_000;

interface Entry {
  today: string;
  state: Promise<PlanSchedules>;
  built?: PlanSchedules;
  /** Wall-clock time the build finished (for `maxAgeMs`). */
  builtAt: number;
  milestones: Map<number, { due: string; expectedPercent: string }[]>;
  /** A newer build is running in the background; the commitments this process wrote meanwhile. */
  refreshing?: Set<number>;
}

export class ScheduleIndex {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;
  readonly #plans = new Map<number, Entry>();
  readonly #maxAgeMs: number | undefined;
  readonly #saveTimers = new Map<number, NodeJS.Timeout>();
  #dayTimer: NodeJS.Timeout | undefined;

  /**
   * `maxAgeMs`: rebuild a plan in the background once its build is this old, serving the old one meanwhile — for
   * PostgreSQL, where other server processes write too. Without it a build lasts the day (one process, PGlite).
   */
  constructor(database: DatabaseHandle, now: () => Date, options: { maxAgeMs?: number } = {}) {
    this.#database = database;
    this.#now = now;
    this.#maxAgeMs = options.maxAgeMs;
  }

  /** The plan's statuses as of today, built when missing or when the day has changed. */
  forPlan(planId: number): Promise<PlanSchedules> {
    const today = todayInChina(this.#now());
    const entry = this.#plans.get(planId);
    if (entry && entry.today === today) {
      const isOld = this.#maxAgeMs !== undefined && entry.built !== undefined && Date.now() - entry.builtAt > this.#maxAgeMs;
      if (isOld && !entry.refreshing) this.#rebuildInBackground(planId, entry);
      return entry.state;
    }
    const fresh = this.#start(planId, today);
    fresh.state.catch(() => {
      if (this.#plans.get(planId) === fresh) this.#plans.delete(planId);
    });
    this.#plans.set(planId, fresh);
    this.#armDayChange();
    return fresh.state;
  }

  /**
   * Every status moves a day at midnight in China: a few seconds after it, the plans held here are built for the
   * new day in the background (one at a time), so the day's first reader does not wait seconds for a large plan.
   */
  #armDayChange(): void {
    if (this.#dayTimer) return;
    this.#dayTimer = setTimeout(() => {
      this.#dayTimer = undefined;
      const planIds = [...this.#plans.keys()];
      void (async () => {
        for (const planId of planIds) await this.forPlan(planId).catch(() => undefined);
      })();
    }, msUntilNextChinaMidnight(this.#now()) + AFTER_MIDNIGHT_MS);
    this.#dayTimer.unref();
  }

  #start(planId: number, today: string): Entry {
    const entry: Entry = { today, builtAt: 0, milestones: new Map(), state: Promise.resolve(undefined as unknown as PlanSchedules) };
    entry.state = this.#build(planId, today, entry).then((built) => {
      entry.built = built;
      entry.builtAt = Date.now();
      return built;
    });
    return entry;
  }

  #rebuildInBackground(planId: number, stale: Entry): void {
    stale.refreshing = new Set();
    const next = this.#start(planId, stale.today);
    next.state.then(
      async () => {
        if (this.#plans.get(planId) !== stale) return;
        this.#plans.set(planId, next);
        // This process's writes during the rebuild may have been read before they committed: apply them again.
        for (const id of stale.refreshing ?? []) await this.refreshCommitment(planId, id);
      },
      () => {
        stale.refreshing = undefined;
      },
    );
  }

  /**
   * A plan's colour counts by theme: from memory when built today, else from the tally a build saved today — unless
   * anything counted has changed since — else built now. A saved tally starts no build: the lists build when asked
   * (and the server warms every plan at start), and on PGlite's one connection a build would hold up this answer.
   */
  async tally(planId: number): Promise<Map<string | null, ColourCounts>> {
    const today = todayInChina(this.#now());
    const entry = this.#plans.get(planId);
    if (entry?.built && entry.today === today) return entry.built.tally;
    const saved = await this.#database.repositories.scheduleTallies.findValid(planId, today);
    if (!saved) return (await this.forPlan(planId)).tally;
    // Keys in the built tally's order (jsonb keeps its own), so both answers read the same.
    return new Map(saved.map(({ theme, total, red, yellow, green, unknown }) => [theme, { total, red, yellow, green, unknown }]));
  }

  /** Recomputes one commitment after a write, and every commitment above it (old and new parents alike). */
  async refreshCommitment(planId: number, commitmentId: number): Promise<void> {
    await this.refreshCommitments(planId, [commitmentId]);
  }

  /**
   * refreshCommitment for many commitments of one plan (a bulk assignment): their facts and milestones read in one
   * query each, not two per commitment — 450 commitments took 9 s on PGlite one by one.
   */
  async refreshCommitments(planId: number, commitmentIds: readonly number[]): Promise<void> {
    const entry = this.#plans.get(planId);
    if (!entry || commitmentIds.length === 0) return;
    this.#saveSoon(planId);
    for (const commitmentId of commitmentIds) entry.refreshing?.add(commitmentId);
    const built = entry.built;
    if (!built) {
      // A build is still running from before this write: start again rather than patch a stale build.
      this.#plans.delete(planId);
      return;
    }
    const { commitments } = this.#database.repositories;
    const facts = new Map((await commitments.listScheduleFacts({ ids: commitmentIds, includeUnpublished: true })).map((fact) => [fact.id, fact]));
    const milestones = groupMilestones(await commitments.listMilestones(commitmentIds));
    for (const commitmentId of commitmentIds) {
      const fact = facts.get(commitmentId);
      const oldFact = built.facts.get(commitmentId);
      const oldParent = oldFact?.parent_id ?? null;
      count(built.tally, oldFact, built.schedules.get(commitmentId), -1);
      if (fact) built.facts.set(commitmentId, fact);
      else built.facts.delete(commitmentId);
      entry.milestones.set(commitmentId, milestones.get(commitmentId) ?? []);
      if (fact) this.#recompute(built, entry, commitmentId, true);
      else built.schedules.delete(commitmentId);
      if (oldParent !== null && oldParent !== fact?.parent_id) this.#recompute(built, entry, oldParent);
    }
  }

  /** Forgets every plan: after imports and review decisions, which may add many commitments at once. */
  clear(): void {
    this.#plans.clear();
  }

  /** Stops the pending saves (the server is closing). */
  stop(): void {
    for (const timer of this.#saveTimers.values()) clearTimeout(timer);
    this.#saveTimers.clear();
    clearTimeout(this.#dayTimer);
    this.#dayTimer = undefined;
  }

  /**
   * A write patched the statuses in memory but made the saved tally stale: a quiet while after the last write, a
   * background build saves a fresh one, so the next process to start finds it. Builds, not patches, are saved: only
   * a build knows the revision its facts were read at.
   */
  #saveSoon(planId: number): void {
    clearTimeout(this.#saveTimers.get(planId));
    const timer = setTimeout(() => {
      this.#saveTimers.delete(planId);
      const entry = this.#plans.get(planId);
      if (entry?.built && !entry.refreshing && entry.today === todayInChina(this.#now())) this.#rebuildInBackground(planId, entry);
    }, SAVE_AFTER_QUIET_MS);
    timer.unref();
    this.#saveTimers.set(planId, timer);
  }

  async #build(planId: number, today: string, entry: Entry): Promise<PlanSchedules> {
    const { commitments, scheduleTallies } = this.#database.repositories;
    // Read before the facts: a write meanwhile leaves the saved tally stale rather than a stale one looking fresh.
    const revision = await scheduleTallies.revision(planId);
    const readFacts = (afterId: number) => commitments.listScheduleFacts({ planId, includeUnpublished: true }, { afterId, limit: FACTS_PER_READ });
    const facts: ScheduleFacts[] = [];
    for (let slice = await readFacts(0); ; slice = await readFacts(slice.at(-1)?.id ?? 0)) {
      for (const fact of slice) facts.push(fact);
      if (slice.length < FACTS_PER_READ) break;
    }
    const milestones = await commitments.listPlanMilestones(planId);
    for (const [id, list] of groupMilestones(milestones)) entry.milestones.set(id, list);
    const schedules = await computeSchedules(facts, milestones, today);
    const tally = new Map<string | null, ColourCounts>();
    for (const fact of facts) count(tally, fact, schedules.get(fact.id), 1);
    // Saved for the next process to start from; a failure to save costs only that.
    await scheduleTallies.save(planId, today, revision, [...tally].map(([theme, counts]) => ({ theme, ...counts }))).catch(() => undefined);
    return { planId, today, facts: new Map(facts.map((fact) => [fact.id, fact])), schedules, tally };
  }

  /**
   * Recomputes `id` from its children's current statuses, then walks up to the root, keeping the tally in step.
   * `isUncounted`: the first commitment's old colour was already taken out of the tally.
   */
  #recompute(built: PlanSchedules, entry: Entry, id: number, isUncounted = false): void {
    const seen = new Set<number>();
    let cursor: number | null = id;
    while (cursor !== null && !seen.has(cursor)) {
      seen.add(cursor);
      const fact = built.facts.get(cursor);
      if (!fact) return;
      const children: { weight: string; schedule: CommitmentSchedule }[] = [];
      for (const child of built.facts.values()) {
        if (child.parent_id !== cursor) continue;
        const schedule = built.schedules.get(child.id);
        if (schedule) children.push({ weight: child.weight, schedule });
      }
      if (!(isUncounted && cursor === id)) count(built.tally, fact, built.schedules.get(cursor), -1);
      const schedule = computeSchedule(fact, children, entry.milestones.get(cursor), built.today);
      built.schedules.set(cursor, schedule);
      count(built.tally, fact, schedule, 1);
      cursor = fact.parent_id;
    }
  }
}
