/**
 * Round 20b: a count read as a list's total divided by an input number and rounded to a whole one
 * (`Math.floor(sum(numbers) / target)` for "how many pairs add up to the target"), where the
 * description gives no word for dividing nor for rounding. Two examples' quotients can come out
 * right by chance; nothing in the description asks for one. The person is asked about an example
 * with its list one element shorter, where a total moves and a count need not.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Prior } from "./rank.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

const WHOLE = new Set(["floor", "ceil", "round"]);
const TOTALS = new Set(["sum", "mean"]);

/** A whole part of a list's total over an input number, somewhere in `e`. */
export function wholeQuotientOfTotal(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.k !== "op" || !WHOLE.has(n.op)) return;
    const q = n.args[0];
    if (q?.k !== "op" || q.op !== "div") return;
    const [num, den] = q.args;
    let total = false;
    if (num) walk(num, (x) => (total ||= x.k === "op" && TOTALS.has(x.op)));
    found ||= total && den?.k === "in";
  });
  return found;
}

/** Each example with one of its top-level lists one element shorter. */
function shorter(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const i of inputs) {
    if (!isObj(i)) continue;
    for (const [k, v] of Object.entries(i)) if (Array.isArray(v) && v.length > 1) out.push({ ...i, [k]: v.slice(1) });
  }
  return out;
}

/** Where the program is such a quotient and the description speaks neither of dividing nor of rounding. */
export function unaskedQuotient(e: Expr, inputs: readonly Json[], prior: Prior, inputSchema: unknown): Ambiguity | undefined {
  if (["div", "floor", "ceil", "round", "roundTo", "mean"].some((op) => prior.evidence.has(op))) return undefined;
  if (!wholeQuotientOfTotal(e)) return undefined;
  for (const probe of shorter(inputs)) {
    if (!validateInput(inputSchema, probe).ok) continue;
    const out = runOn(e, probe);
    if (out === undefined) continue;
    return toldInWords(e, probe, out, "a count the description asks for, not a total divided and rounded");
  }
  return undefined;
}
