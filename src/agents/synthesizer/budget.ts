/**
 * The search's time and size budget. The clock is injected (a deadline function), so the search
 * itself stays deterministic: the same spec and the same budget decisions give the same program.
 * The example backend's clock is the thread's CPU time, or with `clock: "work"` the work the search
 * did (`workClock`), not the time it took, so that a loaded machine meets the same program as an idle one.
 */
export class OutOfBudget extends Error {
  override name = "OutOfBudget";
}

export interface Budget {
  /**
   * Counts one candidate that cost `work` units (the values it computed); throws `OutOfBudget` once
   * the deadline has passed.
   */
  tick(work?: number): void;
  /**
   * Counts work done beside the candidates (scanning a text for a piece, keying a long value,
   * sorting an array) without counting a candidate; throws `OutOfBudget` once the deadline has passed.
   */
  charge(work: number): void;
  readonly candidates: number;
  expired(): boolean;
  /** A budget that ends at `fraction` of the remaining time but shares the candidate count. */
  slice(fraction: number): Budget;
  /** A budget that ends after `n` more candidates (or at this one's end, if sooner): deterministic. */
  sliceCandidates(n: number): Budget;
  /** Time spent since the whole search started. */
  spent(): number;
}

/** The work every budget of this thread has ticked: a module's count, as a thread runs one search at a time. */
let worked = 0;

/**
 * Work units per millisecond of a budget: about what an idle two-core machine of ours does in a
 * millisecond of search CPU (the median over the development sets' searches longer than a second,
 * which range from 380 to 1,500).
 */
export const WORK_PER_MS = 800;

/**
 * A guard on the work clock: where work costs far more CPU than the pace (work no tick counts), the
 * search's CPU time ends the budget, at this many times its length plus `CPU_GRACE_MS` (a first
 * search in a fresh process spends that much compiling the searcher itself).
 */
export const CPU_CEILING = 3;
export const CPU_GRACE_MS = 1_000;

/**
 * A clock that reads the work done since it was made, in budget milliseconds, or this thread's CPU
 * time less `CPU_GRACE_MS` over `CPU_CEILING` if that is later: the same spec and budget meet the
 * same program on any machine under any load, unless the CPU guard ends the search first.
 */
export function workClock(cpuMs: () => number): () => number {
  const w0 = worked;
  const c0 = cpuMs();
  return () => Math.max((worked - w0) / WORK_PER_MS, (cpuMs() - c0 - CPU_GRACE_MS) / CPU_CEILING);
}

export function createBudget(now: () => number, deadline: number): Budget {
  const counter = { candidates: 0, start: now() };
  return makeBudget(now, deadline, counter);
}

function makeBudget(now: () => number, deadline: number, counter: { candidates: number; start: number }, maxCandidates = Number.POSITIVE_INFINITY): Budget {
  let sinceCheck = 0;
  let expired = false;
  const budget: Budget = {
    tick(work = 1) {
      counter.candidates++;
      if (counter.candidates > maxCandidates) {
        expired = true;
        throw new OutOfBudget("search budget exhausted");
      }
      budget.charge(work);
    },
    charge(work) {
      worked += work;
      if (++sinceCheck < 256) return;
      sinceCheck = 0;
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
