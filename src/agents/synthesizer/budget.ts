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
}

export function createBudget(now: () => number, deadline: number): Budget {
  const counter = { candidates: 0 };
  return makeBudget(now, deadline, counter);
}

function makeBudget(now: () => number, deadline: number, counter: { candidates: number }): Budget {
  let sinceCheck = 0;
  let expired = false;
  const budget: Budget = {
    tick() {
      counter.candidates++;
      if (++sinceCheck < 256) return;
      sinceCheck = 0;
      if (now() >= deadline) expired = true;
      if (expired) throw new OutOfBudget("search budget exhausted");
    },
    get candidates() {
      return counter.candidates;
    },
    expired() {
      if (!expired && now() >= deadline) expired = true;
      return expired;
    },
    slice(fraction) {
      const t = now();
      return makeBudget(now, Math.min(deadline, t + Math.max(0, deadline - t) * fraction), counter);
    },
  };
  return budget;
}
