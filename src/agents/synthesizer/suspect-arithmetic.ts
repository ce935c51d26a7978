/**
 * Arithmetic that fits examples by coincidence far more often than by intent: a remainder by
 * something other than a constant (`kg % m > 1` for "BMI above 25", `total % (5 - total % 50)` for a
 * shipping fee). `n % 2` or `minutes % 60` divide by a constant and are left alone, as is any `%`
 * the description asks for ("remainder"). A program holding such a part does not win by rank alone:
 * every other program that fits the examples is a rival reading, however far behind it ranked.
 */
import { jsonEqual } from "../../spec/index.ts";
import { evaluate } from "./evaluate.ts";
import { FAIL } from "./ops.ts";
import { walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

export function coincidentalArithmetic(e: Expr, prior: Prior): boolean {
  if (prior.evidence.has("mod")) return false;
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && n.op === "mod" && n.args[1]?.k !== "const"));
  return found;
}

/**
 * A remainder that changes nothing on any example (`month % 12` when every month is below 12): the
 * examples never ask for it, so a rival holding one is the chosen program with an untried guard,
 * not another reading of them. (Inside a lambda the part is not looked at.)
 */
export function idleRemainder(e: Expr, inputs: readonly Json[]): boolean {
  let found = false;
  walk(e, (n) => {
    if (found || n.k !== "op" || n.op !== "mod") return;
    const dividend = n.args[0] as Expr;
    found = inputs.every((input) => {
      const v = evaluate(n, { input });
      return v !== FAIL && jsonEqual(v, evaluate(dividend, { input }));
    });
  });
  return found;
}
