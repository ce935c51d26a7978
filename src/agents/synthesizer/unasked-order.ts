/**
 * An order no word asks for (round 35). A list answer keeps its input's order unless the description
 * says otherwise; a program that sorts where no word speaks of an order fits its examples only
 * because they happened to come in order, or because the sort moves something out of the way ("the
 * comma-separated names that are not empty", two examples with one empty name each, fitted as the
 * names sorted with the first, the empty one, dropped). Such a program is asked about on an
 * example with its items reversed, beside the answer that keeps their order: the examples' answer
 * reversed. Once an example shows what reversing its items does, nothing more is asked.
 */
import { jsonEqual } from "../../spec/index.ts";
import { withoutBlindSorts } from "./blind-sorts.ts";
import { runOn } from "./evaluate.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/**
 * Superlatives of the adjectives an order is told by ("the three cheapest", "newest first"). A list,
 * not `\w+est`: "guest", "request", "the rest" are no order, and a word of order read where there is
 * none silences the question (round 36); a superlative missing here costs a question, not a wrong program.
 */
const SUPERLATIVES = "best|worst|most|least|oldest|newest|youngest|latest|earliest|biggest|smallest|largest|longest|shortest|highest|lowest|cheapest|dearest|fastest|slowest|quickest|nearest|closest|furthest|farthest|tallest|greatest|heaviest|lightest|hottest|coldest|warmest|coolest|richest|poorest|busiest|easiest|hardest|strongest|weakest|widest|narrowest|deepest|thickest|thinnest|fullest|freshest|loudest|quietest|brightest|darkest|safest";

/**
 * Words of an order: sorting, ranking, superlatives (not "at least", "at most"), reversal, "in ...
 * order" and "ordered by" (not an order a customer placed, nor "in order to"), "A to Z"; none of them
 * the first half of a compound ("top-level", "best-before").
 */
const ORDER_WORDS = new RegExp(
  [
    "\\b(sort\\w*|alphabetic\\w*|ascending|descending|chronological\\w*|rank\\w*|increasing|decreasing|revers\\w*|backwards?|reorder\\w*|top|bottom|first to last|last to first|[az] ?(to|-) ?[az])\\b(?!-\\w)",
    `(?<!\\bat )\\b(${SUPERLATIVES})\\b(?!-\\w)`,
    "\\b(in|into) ([\\w-]+ ){0,3}order\\b(?! to\\b)|\\border(ed|ing)? (by|of)\\b",
  ].join("|"),
  "i",
);

const SORT_OPS = new Set(["sortAsc", "sortDesc", "sortNatural"]);

/** The array `e` orders, where it is a sort. */
function sortedArray(e: Expr): Expr | undefined {
  if (e.k === "op" && SORT_OPS.has(e.op)) return e.args[0];
  if (e.k === "lam" && SORT_OPS.has(e.op)) return e.arr;
  return undefined;
}

/** The input with the items of `arr` reversed, where they are an input array or the pieces of an input text. */
function reverser(arr: Expr): ((input: Json) => Json | undefined) | undefined {
  if (arr.k === "lam" && (arr.op === "filter" || arr.op === "map")) return reverser(arr.arr);
  if (arr.k === "in") return (input) => withAt(input, arr.path, (v) => (Array.isArray(v) ? [...v].reverse() : undefined));
  if (arr.k !== "op") return undefined;
  const [text, sep] = arr.args;
  if (text?.k !== "in") return undefined;
  if (arr.op === "words") return (input) => withAt(input, text.path, (v) => (typeof v === "string" ? v.trim().split(/\s+/).reverse().join(" ") : undefined));
  if (arr.op === "split" && sep?.k === "const" && typeof sep.value === "string" && sep.value !== "") {
    const by = sep.value;
    return (input) => withAt(input, text.path, (v) => (typeof v === "string" ? v.split(by).reverse().join(by) : undefined));
  }
  return undefined;
}

/** `input` with the value at `path` changed by `change` (undefined where it cannot be). */
function withAt(input: Json, path: readonly string[], change: (v: Json) => Json | undefined): Json | undefined {
  if (path.length === 0) return change(input);
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const [key, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(input, key)) return undefined;
  const inner = withAt(input[key] as Json, rest, change);
  return inner === undefined ? undefined : { ...input, [key]: inner };
}

export function unaskedOrder(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, allowed: (input: Json) => boolean): Ambiguity | undefined {
  if (ORDER_WORDS.test(description) || !outputs.every((o) => Array.isArray(o))) return undefined;
  const arrays: Expr[] = [];
  walk(withoutBlindSorts(expr), (n) => {
    const arr = sortedArray(n);
    if (arr) arrays.push(arr);
  });
  for (const arr of arrays) {
    const reverse = reverser(arr);
    if (!reverse) continue;
    const probes = inputs.map(reverse);
    // An example already shows what reversing the items does: the examples settle the order.
    if (probes.some((p, k) => p !== undefined && !jsonEqual(p, inputs[k]) && inputs.some((i) => jsonEqual(i, p)))) continue;
    for (const [k, probe] of probes.entries()) {
      const answer = outputs[k] as Json[];
      const kept = [...answer].reverse();
      if (probe === undefined || jsonEqual(probe, inputs[k]) || jsonEqual(kept, answer) || !allowed(probe)) continue;
      const got = runOn(expr, probe);
      if (got !== undefined && !jsonEqual(got, kept)) return toldInWords(expr, probe, got, "the items in the order they come", kept);
    }
  }
  return undefined;
}
