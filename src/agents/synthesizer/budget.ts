/**
 * The search's time and size budget. The clock is injected (a deadline function), so the search
 * itself stays deterministic: the same spec and the same budget decisions give the same program.
 * The example backend's clock is the work the search did (`workClock`: each kind of work at what it
 * costs an idle machine), not the time it took, so that a loaded machine meets the same program as an
 * idle one; `clock: "cpu"` counts the thread's CPU time instead.
 */
export class OutOfBudget extends Error {
  override name = "OutOfBudget";
}

export interface Budget {
  /**
   * Counts one candidate that cost `work` units of `kind` (the values it computed); throws
   * `OutOfBudget` once the deadline has passed.
   */
  tick(work: number, kind: WorkKind): void;
  /**
   * Counts work done beside the candidates (scanning a text for a piece, keying a long value,
   * sorting an array) without counting a candidate; throws `OutOfBudget` once the deadline has passed.
   */
  charge(work: number, kind: WorkKind): void;
  readonly candidates: number;
  expired(): boolean;
  /** A budget that ends at `fraction` of the remaining time but shares the candidate count. */
  slice(fraction: number): Budget;
  /** A budget that ends after `n` more candidates (or at this one's end, if sooner): deterministic. */
  sliceCandidates(n: number): Budget;
  /** Time spent since the whole search started. */
  spent(): number;
}

/**
 * The kinds of work the search counts, each a unit of its own size: a candidate tried; a row an op
 * computed or a field read; a lambda's row or element; a string search's scan of a text, a position
 * tried or resolved; 256 characters of a bank key; an element sorted, or compared after a sort; a
 * row of a number fitted against the target (its residuals looked up); a new value the bank keeps.
 */
export const WORK_KINDS = ["candidate", "opRow", "fieldRow", "lambdaElement", "textScan", "textPosition", "keyChars", "sortElement", "numberFit", "entry"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
const KIND: Readonly<Record<WorkKind, number>> = Object.fromEntries(WORK_KINDS.map((k, i) => [k, i])) as Record<WorkKind, number>;

/** The work every budget of this thread has counted, by kind: a module's count, as a thread runs one search at a time. */
const worked = new Float64Array(WORK_KINDS.length);

function count(kind: number, work: number): void {
  worked[kind] = (worked[kind] as number) + work;
}

/** What this thread's searches have counted so far, by kind (for fitting `WORK_COST_US`). */
export function workDone(): Record<WorkKind, number> {
  return Object.fromEntries(WORK_KINDS.map((k, i) => [k, worked[i] as number])) as Record<WorkKind, number>;
}

/**
 * Microseconds of search CPU a unit of each kind costs an idle two-core machine of ours: a least-squares
 * fit of CPU time on the counts over the development sets' searches (docs/synthesis.md, "How it decides").
 */
export const WORK_COST_US: Readonly<Record<WorkKind, number>> = {
  candidate: 0.23,
  opRow: 0.12,
  fieldRow: 6.2,
  lambdaElement: 0.12,
  textScan: 0.55,
  textPosition: 0.43,
  keyChars: 2.1,
  sortElement: 0.43,
  numberFit: 2.6,
  entry: 2.0,
};
const COST = Float64Array.from(WORK_KINDS, (k) => WORK_COST_US[k] / 1000);

/** The work counted since `from`, in idle CPU milliseconds. */
function workMs(from: Float64Array): number {
  let ms = 0;
  for (let i = 0; i < COST.length; i++) ms += ((worked[i] as number) - (from[i] as number)) * (COST[i] as number);
  return ms;
}

/**
 * A guard on the work clock: where work costs far more CPU than its kinds' costs say (work no tick
 * counts), the search's CPU time ends the budget, at this many times its length plus `CPU_GRACE_MS`
 * (a first search in a fresh process spends that much compiling the searcher itself).
 */
export const CPU_CEILING = 3;
export const CPU_GRACE_MS = 1_000;

/**
 * A clock that reads the work done since it was made, in the milliseconds an idle machine would have
 * spent on it, or this thread's CPU time less `CPU_GRACE_MS` over `CPU_CEILING` if that is later: the
 * same spec and budget meet the same program on any machine under any load, unless the CPU guard
 * ends the search first.
 */
export function workClock(cpuMs: () => number): () => number {
  const w0 = worked.slice();
  const c0 = cpuMs();
  return () => Math.max(workMs(w0), (cpuMs() - c0 - CPU_GRACE_MS) / CPU_CEILING);
}

export function createBudget(now: () => number, deadline: number): Budget {
  const counter = { candidates: 0, start: now() };
  return makeBudget(now, deadline, counter);
}

/** Work units between reads of the clock, at most: a charge of a lambda over 75,000 elements is one call but many milliseconds. */
const UNITS_PER_CHECK = 4_096;

function makeBudget(now: () => number, deadline: number, counter: { candidates: number; start: number }, maxCandidates = Number.POSITIVE_INFINITY): Budget {
  let sinceCheck = 0;
  let unitsSinceCheck = 0;
  let expired = false;
  const budget: Budget = {
    tick(work, kind) {
      counter.candidates++;
      count(KIND.candidate, 1);
      if (counter.candidates > maxCandidates) {
        expired = true;
        throw new OutOfBudget("search budget exhausted");
      }
      budget.charge(work, kind);
    },
    charge(work, kind) {
      count(KIND[kind], work);
      unitsSinceCheck += work;
      if (++sinceCheck < 256 && unitsSinceCheck < UNITS_PER_CHECK) return;
      sinceCheck = 0;
      unitsSinceCheck = 0;
      if (now() >= deadline) expired = true;
      if (expired) throw new OutOfBudget("search budget exhausted");
    },
    get candidates() {
      return counter.candidates;
    },
    expired() {
      if (!expired && (now() >= deadline || counter.candidates > maxCandidates)) expired = true;
      return expired;
    },
    slice(fraction) {
      const t = now();
      return makeBudget(now, Math.min(deadline, t + Math.max(0, deadline - t) * fraction), counter, maxCandidates);
    },
    sliceCandidates(n) {
      return makeBudget(now, deadline, counter, Math.min(maxCandidates, counter.candidates + n));
    },
    spent() {
      return now() - counter.start;
    },
  };
  return budget;
}

/** Runs a sub-search on a slice of the budget: running out of the slice is a miss, not the end. */
export function within<T>(run: () => T | undefined): T | undefined {
  try {
    return run();
  } catch (err) {
    if (err instanceof OutOfBudget) return undefined;
    throw err;
  }
}
