/**
 * The search's time and size budget. The clock is injected (a deadline function), so the search
 * itself stays deterministic: the same spec and the same budget decisions give the same program.
 */
export class OutOfBudget extends Error {
  override name = "OutOfBudget";
}

export interface Budget {
  /** Counts one candidate; throws `OutOfBudget` once the deadline has passed. */
  tick(): void;
  readonly candidates: number;
  expired(): boolean;
  /** A budget that ends at `fraction` of the remaining time but shares the candidate count. */
  slice(fraction: number): Budget;
  /** A budget that ends after `n` more candidates (or at this one's end, if sooner): deterministic. */
  sliceCandidates(n: number): Budget;
  /** Time spent since the whole search started. */
  spent(): number;
}

export function createBudget(now: () => number, deadline: number): Budget {
  const counter = { candidates: 0, start: now() };
  return makeBudget(now, deadline, counter);
}

function makeBudget(now: () => number, deadline: number, counter: { candidates: number; start: number }, maxCandidates = Number.POSITIVE_INFINITY): Budget {
  let sinceCheck = 0;
  let expired = false;
  const budget: Budget = {
    tick() {
      counter.candidates++;
      if (counter.candidates > maxCandidates) {
        expired = true;
        throw new OutOfBudget("search budget exhausted");
      }
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
