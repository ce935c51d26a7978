/**
 * An order no word asks for (round 35). A list answer keeps its input's order unless the description
 * says otherwise; a program that sorts where no word speaks of an order fits its examples only
 * because they happened to come in order, or because the sort moves something out of the way ("the
 * comma-separated names that are not empty", two examples with one empty name each, fitted as the
 * names sorted with the first, the empty one, dropped). Such a program is asked about on an
 * example with its items reversed, beside the answer that keeps their order: the examples' answer
 * reversed. Once an example shows what reversing its items does, nothing more is asked. Only words
 * that ask for the answer sorted silence the question (stop 49), and where they do and the program
 * sorts nothing, the examples' answers all in order, it is asked the other way (`unshownSort`).
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

/** The ends of a scale an order runs along ("from low to high", "smallest to largest"). */
const SCALE = "low|lowest|high|highest|small|smallest|big|biggest|large|largest|cheap|cheapest|dear|dearest|expensive|short|shortest|long|longest|old|oldest|new|newest|young|youngest|fast|fastest|slow|slowest|near|nearest|far|farthest|furthest|light|lightest|heavy|heaviest|least|most|min|max|minimum|maximum|first|last|early|earliest|late|latest";

/**
 * Words that ask for the answer in an order of its values: sorting, "ascending", "alphabetised", "in
 * alphabetical order", "ordered by", "ranked by", "from low to high", "A to Z", "newest first"; none of
 * them the first half of a compound ("top-level", "best-before"), nor "in order to". Not a superlative
 * alone ("the three cheapest" chooses items, it says nothing of their order; "the most recent post"),
 * not "rank" (a noun: "whatever their rank"), "reverse" ("the reverse side"), "top" or "bottom": those
 * leave the question to be asked (stop 49).
 */
const SORT_WORDS = new RegExp(
  [
    "\\b(sort\\w*|alphabetic\\w*|alphabeti[sz]\\w*|ascending|descending|chronological\\w*|increasing|decreasing|reorder\\w*|first to last|last to first|[az] ?(to|-) ?[az])\\b(?!-\\w)",
    "\\b(rank(ed|ing)|order(ed|ing)?) (by|of|from)\\b",
    // "Order the prices of the products by size", "arrange them by date" (stop 49's attacker).
    "\\b(order|sort|arrange|rank)(ed|ing|s)? (the|them|these|those|its|their|all|each) ([\\w-]+ ){0,5}?by\\b",
    // "newest first", "most valuable stock first", "the cheapest items last".
    `\\b(${SUPERLATIVES})( [\\w-]+){0,3}? (first|last)\\b`,
    `\\b(from )?(${SCALE}) to (the )?(${SCALE})\\b`,
    // Not "in reverse order": a reversal keeps no order of the values.
    "\\b(in|into) (?!([\\w-]+ ){0,3}?(reverse|reversed|opposite|backwards?) )([\\w-]+ ){0,3}order\\b(?! to\\b)",
  ].join("|"),
  "gi",
);

/**
 * A word of a sort said of the input, not asked of the answer: "in the sorted list", "on the
 * alphabetical roster", "given a sorted, comma-separated list" (stop 49's attacker: the question was
 * silenced there) — a container the words take from, not "return a sorted list".
 */
const TAKEN_FROM = /\b(in|on|from|of|given|into|through|within|across|over)\s+(the|a|an|this|that|its|their|each)?\s*$/i;
const OF_A_CONTAINER = /^(,? [\w-]+){0,2}? (list|lists|roster|array|table|file|sheet|catalog|catalogue|register|index|directory|inventory|column|sequence|series|queue|stack|deck)\b/i;

/** Words that keep the input's order: "in the order given", "in the same order", "as listed". */
const KEEP_WORDS = /\bin (the |their |its )?(same|original|given|input|listed|received) order\b|\bin the order (given|listed|received|(they|it) (come|comes|appear|appears|are given|were given|arrive))\b|\bas (given|listed|they (come|appear))\b/i;

/** Whether the description asks for its answer sorted (and does not say to keep the input's order). */
export function asksSorted(description: string): boolean {
  if (KEEP_WORDS.test(description)) return false;
  for (const m of description.matchAll(SORT_WORDS)) {
    const ofInput = TAKEN_FROM.test(description.slice(0, m.index)) && OF_A_CONTAINER.test(description.slice(m.index + m[0].length));
    if (!ofInput) return true;
  }
  return false;
}

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
  if (!outputs.every((o) => Array.isArray(o))) return undefined;
  if (asksSorted(description)) return unshownSort(expr, inputs, outputs, allowed);
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

/** Whether `xs` is in order (ascending or descending), numbers or texts of one kind only. */
function inOrder(xs: readonly Json[]): boolean {
  const kind = typeof xs[0];
  if ((kind !== "number" && kind !== "string") || xs.some((x) => typeof x !== kind)) return false;
  const cmp = (a: Json, b: Json): number => (kind === "number" ? (a as number) - (b as number) : (a as string).localeCompare(b as string));
  const up = xs.every((x, i) => i === 0 || cmp(xs[i - 1] as Json, x) <= 0);
  const down = xs.every((x, i) => i === 0 || cmp(xs[i - 1] as Json, x) >= 0);
  return up || down;
}

/**
 * The converse (round 36's lowToHigh): the words ask for the answer sorted, the program sorts
 * nothing, and every example's answer is already in order, as its input was: it fits only because
 * the examples came sorted. Asked on an example with its items reversed, beside the answer the words
 * give there: the example's own (a sort does not see the order its items come in).
 */
function unshownSort(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], allowed: (input: Json) => boolean): Ambiguity | undefined {
  let sorts = false;
  walk(withoutBlindSorts(expr), (n) => (sorts ||= sortedArray(n) !== undefined));
  if (sorts || !outputs.every((o) => inOrder(o as Json[]))) return undefined;
  const reverse = reverser(expr);
  if (!reverse) return undefined;
  for (const [k, input] of inputs.entries()) {
    const probe = reverse(input);
    const answer = outputs[k] as Json[];
    if (probe === undefined || jsonEqual(probe, input) || answer.length < 2 || !allowed(probe)) continue;
    const got = runOn(expr, probe);
    if (got !== undefined && !jsonEqual(got, answer)) return toldInWords(expr, probe, got, "sorted as the description says", answer);
  }
  return undefined;
}
