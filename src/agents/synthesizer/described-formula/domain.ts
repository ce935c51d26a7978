/**
 * Where a written formula has no value (round 24): "the horizontal distance is √(length² - rise²)"
 * has none when the rise is as long as the road. The
 * examples never show such an input (the formula computes a number on each of them), so a program
 * built on the formula says nothing there; the description may ("null when the rise is as long as
 * the road or longer"). Where an input the schema allows leaves the chosen program without an
 * answer, the person is asked for it, not told the plugin's NaN.
 */
import { validateInput } from "../../../spec/index.ts";
import { runOn } from "../evaluate.ts";
import { probeInputs } from "../probes.ts";
import { toldInWords } from "../reading.ts";
import type { Ambiguity } from "../reading.ts";
import { walk } from "../rank.ts";
import { LOGARITHMS } from "../formula-ops.ts";
import type { Expr, Json } from "../types.ts";

function holdsStated(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && n.stated === true));
  return found;
}

/**
 * Whether a root inside a written formula is of a negative number on this input, or a logarithm of a number not above 0. A division by 0 is
 * zero-divisor.ts's question, for every quotient the program holds, written out or found.
 */
function rootOfNegative(e: Expr, input: Json): boolean {
  let found = false;
  walk(e, (n) => {
    if (found || n.k !== "op" || !n.stated) return;
    walk(n, (r) => {
      if (r.k !== "op") return;
      const v = runOn(r.args[0] as Expr, input);
      if (r.op === "sqrt") found ||= typeof v === "number" && v < 0;
      // A logarithm of 0 or a negative number (round 26).
      if (LOGARITHMS.has(r.op)) found ||= typeof v === "number" && v <= 0;
      // A root written as a power (`(l² − r²)^0.5`, `^(1/3)`, `V^0.16`) of a negative number too.
      if (r.op === "pow") {
        const x = runOn(r.args[1] as Expr, input);
        found ||= typeof v === "number" && v < 0 && typeof x === "number" && !Number.isInteger(x);
      }
    });
  });
  return found;
}

/** The first plausible input on which a program built on a written formula has no answer (a root of a negative number, or one written as a power, a logarithm of 0 or less), asked about. */
export function formulaWithoutValue(expr: Expr, inputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  if (!holdsStated(expr)) return undefined;
  for (const p of probeInputs(inputs)) {
    if (!validateInput(inputSchema, p).ok || runOn(expr, p) !== undefined || !rootOfNegative(expr, p)) continue;
    return toldInWords(expr, p, null, "the answer the description gives where its formula has no value");
  }
  return undefined;
}
