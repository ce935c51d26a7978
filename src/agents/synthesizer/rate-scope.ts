/**
 * A rate past a bound added to a program that reads other fields (round 31): "Late return
 * fine/book: 5, plus 0.5 for each day over 7" beside `books` is `books × 5 + 0.5 × (days − 7)`,
 * or the rate is per book too, `books × (5 + 0.5 × (days − 7))`. Examples below the bound cannot
 * tell the two apart, and the rate's words do not say. Asked about once, on an example moved past
 * the bound (its other numbers at 0 or 1 made 2, where both readings would agree), until an example
 * past it shows which.
 */
import { runOn } from "./evaluate.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { inRange, ratesAlone } from "./stated-range.ts";
import type { StatedGuard } from "./stated-range.ts";
import type { Expr, Json } from "./types.ts";

/** The top-level fields `e` reads. */
function topFields(e: Expr): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => n.k === "in" && n.path.length > 0 && out.add(n.path[0] as string));
  return out;
}

/**
 * The question, if one is due: `program` is the search's (the ordinary case), `asStated` puts it
 * behind the guards; `allowed` says which inputs may be asked about.
 */
export function rateScope(program: Expr, guards: readonly StatedGuard[], inputs: readonly Json[], description: string, asStated: (e: Expr) => Expr, allowed: (input: Json) => boolean): Ambiguity | undefined {
  // A formula written out beside the rate ("1.5 per mile, plus 2 for every kg over 10") says how it
  // adds; and only where the rates are all it says can an answer past the bound be fitted (`ratesAlone`).
  if (!ratesAlone(description)) return undefined;
  for (const g of guards) {
    const { field, range } = g;
    if (!range.per || field === undefined || inputs.some((i) => inRange(g.at, range, i))) continue;
    const others = [...topFields(program)].filter((f) => f !== field);
    if (others.length === 0) continue;
    const past = range.above ? range.bound + 3 : range.bound - 3;
    const stated = asStated(program);
    for (const input of inputs) {
      if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
      // The other fields at 0 or 1 would answer alike either way: 2 of each there.
      const probe: Record<string, Json> = { ...input, [field]: past };
      for (const f of others) if (probe[f] === 0 || probe[f] === 1) probe[f] = 2;
      const out = runOn(stated, probe);
      if (out === undefined || !allowed(probe)) continue;
      return toldInWords(stated, probe, out, `the rate past ${range.bound} counted per ${others.join(" and ")} too`);
    }
  }
  return undefined;
}
