/**
 * If/else chains (a decision list): while enumerating, remember for each set of rows the smallest
 * expression that is right on exactly those rows and the smallest predicate true on exactly those
 * rows; then greedily cover all rows with `if (p1) e1 else if (p2) e2 else e3`.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { Entry, Expr, Json } from "./types.ts";

const MAX_BRANCHES = 3;
/** Branches and tests stay small: a chain of big expressions is a fit by accident, not a rule. */
const MAX_BRANCH_SIZE = 4;
const MAX_TEST_SIZE = 5;

export interface CoverTracker {
  observe(e: Entry): void;
  /** The smallest decision list found over what was observed, if any covers every row. */
  solve(): { expr: Expr; size: number } | undefined;
  /** The small expression right on the most rows (for "what was close" when nothing fits). */
  closest(): { expr: Expr; size: number; right: number[] } | undefined;
}

function popcount(m: bigint): number {
  let n = 0;
  for (let v = m; v > 0n; v >>= 1n) if (v & 1n) n++;
  return n;
}

export function createCoverTracker(targets: readonly Json[]): CoverTracker {
  const rows = targets.length;
  const all = (1n << BigInt(rows)) - 1n;
  const exprs = new Map<bigint, Entry>();
  const preds = new Map<bigint, Entry>();

  function right(e: Entry): bigint {
    let m = 0n;
    for (let r = 0; r < rows; r++) if (jsonEqual(e.vals[r], targets[r])) m |= 1n << BigInt(r);
    return m;
  }

  function smallestCovering(need: bigint): Entry | undefined {
    let best: Entry | undefined;
    for (const [m, e] of exprs) if ((m & need) === need && (!best || e.size < best.size)) best = e;
    return best;
  }

  return {
    observe(e) {
      if (e.kind === "bool" && !e.isConst && e.size <= MAX_TEST_SIZE) {
        let m = 0n;
        for (let r = 0; r < rows; r++) if (e.vals[r] === true) m |= 1n << BigInt(r);
        if (m !== 0n && m !== all && !preds.has(m)) preds.set(m, e);
      }
      if (e.size > MAX_BRANCH_SIZE) return;
      const m = right(e);
      if (m !== 0n && !exprs.has(m)) exprs.set(m, e);
    },
    closest() {
      let best: [bigint, Entry] | undefined;
      for (const [m, e] of exprs) if (e.expr.k !== "const" && (!best || popcount(m) > popcount(best[0]) || (popcount(m) === popcount(best[0]) && e.size < best[1].size))) best = [m, e];
      if (!best) return undefined;
      const [m, e] = best;
      const right = [...Array(rows).keys()].filter((r) => (m >> BigInt(r)) & 1n);
      return { expr: e.expr, size: e.size, right };
    },
    solve() {
      if (rows < 3) return undefined;
      let rem = all;
      const branches: { cond: Entry; then: Entry }[] = [];
      for (let depth = 0; depth <= MAX_BRANCHES; depth++) {
        const last = smallestCovering(rem);
        if (last && branches.length > 0) return build(branches, last);
        if (depth === MAX_BRANCHES || rows < 2 * (depth + 2)) return undefined;
        let best: { cond: Entry; then: Entry; covered: number; size: number; mask: bigint } | undefined;
        for (const [pm, p] of preds) {
          const cov = pm & rem;
          if (cov === 0n || cov === rem) continue;
          const e = smallestCovering(cov);
          if (!e) continue;
          const covered = popcount(cov);
          const size = p.size + e.size;
          if (!best || covered > best.covered || (covered === best.covered && size < best.size)) best = { cond: p, then: e, covered, size, mask: pm };
        }
        if (!best) return undefined;
        branches.push({ cond: best.cond, then: best.then });
        rem &= ~best.mask;
      }
      return undefined;
    },
  };
}

function build(branches: readonly { cond: Entry; then: Entry }[], last: Entry): { expr: Expr; size: number } {
  let expr: Expr = last.expr;
  let size = last.size;
  for (let i = branches.length - 1; i >= 0; i--) {
    const b = branches[i] as { cond: Entry; then: Entry };
    expr = { k: "if", cond: b.cond.expr, then: b.then.expr, else: expr };
    size += 1 + b.cond.size + b.then.size;
  }
  return { expr, size };
}
