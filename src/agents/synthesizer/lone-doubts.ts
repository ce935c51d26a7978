/**
 * Doubts about the chosen program alone, when no rival program fits the examples: the examples'
 * order decided the answer, a constant may be a field, a branch or a term rests on one example, a
 * threshold the description never asked for. Each is told as the rival reading it stands for
 * (reading.ts), asked about on an input where the two part.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { walk } from "./rank.ts";
import { everywhere, numbersIn, replaceConstant } from "./rival-readings.ts";
import { withoutThinTerms } from "./thin-terms.ts";
import { disagreeOn, toldInWords } from "./reading.ts";
import { guardedDivisor } from "./zero-divisor.ts";
import type { Ambiguity } from "./reading.ts";
import type { Prior } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

const POSITIONAL = new Set(["sliceFrom", "sliceTo", "slice2", "at", "tokPos", "indexOf"]);

/** A sort by a key cut out of the elements by position (a prefix, a character): ties by coincidence. */
function sortsByPosition(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.k === "lam" && (n.op === "sortAsc" || n.op === "sortDesc")) walk(n.body, (b) => (found ||= b.k === "op" && POSITIONAL.has(b.op)));
  });
  return found;
}

/** Each array of `v` (not inside another array) reversed, one at a time. */
function reversals(v: Json): Json[] {
  if (Array.isArray(v)) return v.length > 1 ? [[...v].reverse()] : [];
  if (v === null || typeof v !== "object") return [];
  const out: Json[] = [];
  for (const [k, e] of Object.entries(v)) for (const r of reversals(e)) out.push({ ...v, [k]: r });
  return out;
}

/**
 * A sort by a positional key whose answer changes when an example's array comes in the other
 * order: its key ties on elements the example tells apart, and the examples' order came from where
 * they stood (a stable sort by the first character for dates). Which order the tied ones take is for the person to say.
 */
export function orderDependent(e: Expr, inputs: readonly Json[], outputs: readonly Json[], allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  if (!sortsByPosition(e)) return undefined;
  for (const [r, inp] of inputs.entries()) {
    for (const p of reversals(inp).filter(allowed)) {
      const got = runOn(e, p);
      if (got === undefined || jsonEqual(got, outputs[r] as Json)) continue;
      return toldInWords(e, p, got, "the same order as the example, whatever order the input comes in", outputs[r] as Json);
    }
  }
  return undefined;
}

/** Words that say where in a list something stands: with them, order may decide the answer. */
const ORDER_WORDS = new Set(["first", "last", "second", "third", "next", "previous", "prior", "recent", "latest", "earliest", "newest", "order", "ordered", "position", "final", "preceding", "following", "consecutive", "rising", "falling", "streak", "running", "cumulative", "tie", "ties", "sequence", "middle"]);

/** A leaf of `v` equal to `s` (an answer picked out of the input, not built). */
function holds(v: Json, s: Json): boolean {
  if (Array.isArray(v)) return v.some((e) => holds(e, s));
  if (v !== null && typeof v === "object") return Object.values(v).some((e) => holds(e, s));
  return v === s;
}

/**
 * A number, a truth value or an element picked out of a list whose answer changes when an
 * example's list comes in the other order, though the description says nothing about order or
 * position: the examples' order decided it (the driver of the longest trip read as "the second
 * trip's driver"). The rival reading is the answer the example gave, whatever the order.
 */
export function orderMatters(e: Expr, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  if ([...(prior.words ?? [])].some((w) => ORDER_WORDS.has(w))) return undefined;
  // An example's list reversed may be another example (already answered): no question then.
  const given = new Set(inputs.map((i) => JSON.stringify(i)));
  for (const [r, inp] of inputs.entries()) {
    const out = outputs[r] as Json;
    if (!(typeof out === "number" || typeof out === "boolean" || (typeof out === "string" && holds(inp, out)))) continue;
    for (const p of reversals(inp).filter((q) => !given.has(JSON.stringify(q)) && allowed(q))) {
      const got = runOn(e, p);
      if (got === undefined || jsonEqual(got, out)) continue;
      return toldInWords(e, p, got, "the same answer as the example's, whatever order the elements come in", out);
    }
  }
  return undefined;
}

/**
 * A constant equal to an input field that the program never reads (`x >= 18` where every example
 * with readings that low has `low: 18`): the examples cannot say whether it is the number or the
 * field. The program reading the field instead is the rival, asked about where the field changes.
 */
export function constantForField(e: Expr, inputs: readonly Json[], allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  const first = inputs[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) return undefined;
  const read = new Set<string>();
  walk(e, (n) => {
    if (n.k === "in" && n.path[0] !== undefined) read.add(n.path[0]);
  });
  const fields = Object.keys(first).filter((k) => !read.has(k) && inputs.every((i) => typeof (i as Record<string, Json>)[k] === "number"));
  for (const c of new Set(numbersIn(e).filter((c) => Math.abs(c) > 1))) {
    for (const k of fields) {
      const r = inputs.findIndex((i) => (i as Record<string, Json>)[k] === c);
      if (r < 0) continue;
      const rival = replaceConstant(e, c, { k: "in", path: [k] });
      const others = inputs.map((i) => (i as Record<string, Json>)[k] as number).filter((v) => v !== c);
      for (const v of [...others, c + 1, c - 1, c * 2]) {
        const p = { ...(inputs[r] as Record<string, Json>), [k]: v };
        // An example's own input is answered already (round 24's attacker: "price 38?" asked six times).
        if (inputs.some((i) => jsonEqual(i, p)) || !allowed(p)) continue;
        const found = disagreeOn(e, rival, p, runOn(e, p));
        if (found) return found;
      }
    }
  }
  return undefined;
}

const COMPARISON_OPS = new Set(["lt", "le", "gt", "ge"]);

/**
 * A comparison with a number the description never mentions (nor one next to it: `<= 74` is
 * "from 75"), in a description that asks for no
 * comparison ("sum of the even numbers" read as the sum of those up to 3): the threshold came from
 * the examples' values. The program with that comparison always true is the rival reading.
 */
export function unaskedThreshold(e: Expr, probes: readonly Json[], mine: readonly (Json | undefined)[], prior: Prior): Ambiguity | undefined {
  if (["lt", "le", "gt", "ge"].some((c) => prior.evidence.has(c))) return undefined;
  const unasked = (n: Expr): boolean =>
    n.k === "op" && COMPARISON_OPS.has(n.op) && n.args.some((a) => a.k === "const" && typeof a.value === "number" && !a.solved && Math.abs(a.value) > 1 && !prior.mentioned.some((m) => Math.abs(m - (a.value as number)) <= 1));
  for (const rival of everywhere(e, (n) => (unasked(n) ? [{ k: "const", value: true }] : []))) {
    for (const [i, p] of probes.entries()) {
      const found = disagreeOn(e, rival, p, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * An if/else whose branch rests on one example only: the condition was picked to split the
 * examples, so nothing says it is the right test. The branches as whole programs are the rival
 * readings. A condition the description states word for word (a rung of a stated ladder, "A from
 * 90": stated-ladder.ts) was not picked by the examples, however few of them stand on its side.
 */
export function thinBranch(e: Expr, inputs: readonly Json[], probes: readonly Json[], order: readonly number[], mine: readonly (Json | undefined)[]): Ambiguity | undefined {
  // A guard where the program's divisor is 0 is no test picked to split the examples (round 25).
  if (e.k !== "if" || guardedDivisor(e) !== undefined || (e.cond.k === "op" && e.cond.stated === true)) return undefined;
  const taken = inputs.map((inp) => runOn(e.cond, inp));
  const yes = taken.filter((t) => t === true).length;
  const no = taken.filter((t) => t === false).length;
  if (yes !== 1 && no !== 1) return undefined;
  for (const rival of [e.then, e.else]) {
    for (const i of order) {
      const found = disagreeOn(e, rival, probes[i] as Json, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A term that only one example asks for (thin-terms.ts): the program without it is the rival
 * reading, though it misses that example, since the term could as well be any other.
 */
export function thinTerm(e: Expr, inputs: readonly Json[], probes: readonly Json[], mine: readonly (Json | undefined)[]): Ambiguity | undefined {
  for (const rival of withoutThinTerms(e, inputs)) {
    for (const [i, p] of probes.entries()) {
      const found = disagreeOn(e, rival, p, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}
