/**
 * Two measures of the same value compared (round 14). `x === x` is never built, but its cousins
 * are: "the letters of the name are at least as many as its letters and digits" compares two
 * counts of one text, and on clean examples two such measures go together by coincidence (every
 * name with no digit has as many of one as of the other). A truth value read that way fitted
 * "only letters, spaces, hyphens and apostrophes, and at least one letter" from two answers, and it
 * is true of "" and "@mila". Such a comparison may be the meaning ("a palindrome": a text equal to
 * itself reversed), so it is not refused: it is published only once the person has answered on
 * inputs at the edges of that value's type (an empty text, one of punctuation only, one of digits
 * only…), where two measures of a clean value part. Until then the person is asked, one edge at a
 * time, with the program's answer offered; an answer that differs is a surprise (unconfirmed.ts).
 */
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { firstEdgeOfEachKind } from "./edge-probes.ts";
import { runOn } from "./evaluate.ts";
import { walk } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

const COMPARISONS = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
/** Kinds of edge (edge-probes.ts order) the compared value must have been answered at before such a comparison is taken as meant. */
export const CONFIRMING_EDGES = 3;

/** The input paths `e` reads (only `input…`, not the lambda parameter), as JSON keys. */
function inputPaths(e: Expr): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.k === "in") out.add(JSON.stringify(n.path));
    if (n.k === "x") out.add(`x${JSON.stringify(n.path)}`);
  });
  return out;
}

/**
 * The input path of a comparison in `e` whose two sides are both computed from that one path of
 * the input and from nothing else (neither side a constant): two measures of the same value.
 */
export function comparedMeasuresPath(e: Expr): readonly string[] | undefined {
  let found: readonly string[] | undefined;
  walk(e, (n) => {
    if (found || n.k !== "op" || !COMPARISONS.has(n.op) || n.args.length !== 2) return;
    const [a, b] = n.args as [Expr, Expr];
    const pa = inputPaths(a);
    const pb = inputPaths(b);
    if (pa.size !== 1 || pb.size !== 1) return;
    const [key] = [...pa];
    if (key === undefined || !pb.has(key) || key.startsWith("x")) return;
    found = JSON.parse(key) as string[];
  });
  return found;
}

/**
 * The question to ask about a program with a boolean answer that compares two measures of one
 * value, until the examples hold that value at the first CONFIRMING_EDGES kinds of edge
 * (edge-probes.ts: empty, the example's text with a stray mark, punctuation only): its answer on
 * the first of them not yet answered, beside the reading that the comparison is a coincidence.
 * Undefined for other programs, once confirmed, or when no edge input can be made.
 */
export function sameValueComparison(e: Expr, inputs: readonly Json[], outputs: readonly Json[], allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  if (!outputs.every((o) => typeof o === "boolean")) return undefined;
  const path = comparedMeasuresPath(e);
  if (!path) return undefined;
  const at = (input: Json): string => JSON.stringify(runOn({ k: "in", path }, input) ?? null);
  const answered = new Set(inputs.map(at));
  for (const p of firstEdgeOfEachKind(inputs, path, CONFIRMING_EDGES).filter(allowed)) {
    if (answered.has(at(p))) continue;
    const out = runOn(e, p);
    if (out === undefined) continue;
    return toldInWords(e, p, out, `${path.join(".")} measured two ways and compared: on clean examples the two measures go together by coincidence, and at an edge (an empty text, a stray mark, punctuation only) they may part`);
  }
  return undefined;
}
