/**
 * Where a written formula has no value (round 24): "the horizontal distance is √(length² - rise²)"
 * has none when the rise is as long as the road, and 1 / (273.15 + Td) none at -273.15. The
 * examples never show such an input (the formula computes a number on each of them), so a program
 * built on the formula says nothing there; the description may ("null when the rise is as long as
 * the road or longer"). Where an input the schema allows leaves the chosen program without an
 * answer, the person is asked for it, not told the plugin's NaN.
 */
import { validateInput } from "../../../spec/index.ts";
import { runOn } from "../evaluate.ts";
import { probeInputs } from "../probes.ts";
import { body } from "../reading.ts";
import type { Ambiguity } from "../reading.ts";
import { walk } from "../rank.ts";
import type { Expr, Json } from "../types.ts";

function holdsStated(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && n.stated === true));
  return found;
}

/** The first plausible input on which a program built on a written formula has no answer, asked about. */
export function formulaWithoutValue(expr: Expr, inputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  if (!holdsStated(expr)) return undefined;
  for (const p of probeInputs(inputs)) {
    if (!validateInput(inputSchema, p).ok || runOn(expr, p) !== undefined) continue;
    return {
      input: p,
      readings: [{ program: body(expr), output: null }, { program: "(the answer the description gives where its formula has no value)", output: null }],
      reason: "programs_disagree",
      programs: [expr],
    };
  }
  return undefined;
}
