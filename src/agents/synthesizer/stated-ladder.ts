/**
 * A ladder of answers the description states by thresholds: "A from 90, B from 80, C from 70,
 * otherwise F", "\"high\" above 30, \"medium\" above 10, else \"low\"", "under 10: small; under 50:
 * medium; otherwise large". Each rung is an answer and a bound on one number; the default is the
 * answer "otherwise". The bottom-up search would need every rung's constant and answer at once (a
 * program of size 13 for three rungs), which four examples cannot pay for; read from the words, the
 * whole ladder is one term (as a written formula is: described-formula/), tried on each numeric
 * field and kept only where it gives every example's answer. The ranking and every check of
 * ambiguity apply to it as to any other program: the words are evidence, never a licence.
 */
import { jsonEqual } from "../../spec/index.ts";
import { evaluate } from "./evaluate.ts";
import { konst } from "./expr.ts";
import { kindOf } from "./kinds.ts";
import { FAIL } from "./ops.ts";
import { numericFields } from "./described-formula/index.ts";
import type { Entry, Expr, Json } from "./types.ts";

type Cmp = "ge" | "gt" | "le" | "lt";

interface Rung {
  readonly answer: string;
  readonly cmp: Cmp;
  readonly bound: number;
}

/** An answer as written: quoted text, a number, or one short word (a grade, a size). */
const ANSWER = String.raw`"([^"]{1,40})"|'([^']{1,40})'|(-?\d+(?:\.\d+)?(?!\d|\.\d)|[A-Za-z][\w+-]{0,11})`;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
/** Words of a bound before its number, each with its comparison. */
const BEFORE: ReadonlyArray<readonly [string, Cmp]> = [
  ["from", "ge"], ["at least", "ge"], ["starting at", "ge"], ["above", "gt"], ["over", "gt"], ["more than", "gt"], ["greater than", "gt"],
  ["below", "lt"], ["under", "lt"], ["less than", "lt"], ["at most", "le"], ["up to", "le"],
  [">=", "ge"], ["≥", "ge"], [">", "gt"], ["<=", "le"], ["≤", "le"], ["<", "lt"],
];
/** Words of a bound after its number ("90 or more"), each with its comparison. */
const AFTER: ReadonlyArray<readonly [string, Cmp]> = [
  ["or more", "ge"], ["or above", "ge"], ["and above", "ge"], ["and up", "ge"], ["and over", "ge"], ["or higher", "ge"], ["\\+", "ge"],
  ["or less", "le"], ["or below", "le"], ["and below", "le"], ["and under", "le"], ["or lower", "le"], ["or fewer", "le"],
];
const escape = (s: string): string => s.replace(/[.*?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
const BEFORE_WORDS = BEFORE.map(([w]) => escape(w)).join("|");
const AFTER_WORDS = AFTER.map(([w]) => w.replace(/\s+/g, "\\s+")).join("|");
/** What may stand between an answer and its bound: "when the score is", "for a weight", "if". */
const BETWEEN = String.raw`(?:\s+(?:(?:when|if|for|with)(?:\s+(?:the|a|an|its|it|is|are|of))*(?:\s+[a-z_]+){0,2}?(?:\s+(?:is|are))?))?`;
/** "A from 90", "\"high\" when the reading is above 30", "B for 80 or more". */
const ANSWER_FIRST = new RegExp(String.raw`(?<![\w"'])(?:${ANSWER})${BETWEEN}\s*(?:(${BEFORE_WORDS})\s*${NUMBER}|(?:for\s+|at\s+)?${NUMBER}\s*(${AFTER_WORDS}))(?![\w.]*\d)`, "gi");
/** "under 10: small", "above 30 → high", "90 or more gives A". */
const BOUND_FIRST = new RegExp(String.raw`(?:(${BEFORE_WORDS})\s*${NUMBER}|${NUMBER}\s*(${AFTER_WORDS}))(?:\s+[a-z]+){0,1}\s*(?::|→|->|=>|=|\bgives\b|\bis\b|\bmeans\b)\s*(?:${ANSWER})`, "gi");
/** "otherwise F", "else \"low\"", "F otherwise", "anything else is C". */
const DEFAULT_AFTER = new RegExp(String.raw`\b(?:otherwise|else|anything else|everything else|all others?)\b[,:]?\s*(?:(?:it\s+is|is|gives|get|gets)\s+)?(?:${ANSWER})`, "gi");
const DEFAULT_BEFORE = new RegExp(String.raw`(?<![\w"'])(?:${ANSWER})\s+(?:otherwise|for (?:anything|everything) else|for all others?)\b`, "gi");

/** Most ladders tried per spec (fields × readings). */
const MAX_LADDERS = 4;
/** Words a bare answer never is: they begin the clause, not answer it. */
const NOT_ANSWERS = new Set(["and", "or", "the", "a", "an", "is", "it", "be", "then", "to", "of", "if", "when", "for", "with", "from", "at", "by", "in", "on", "score", "value", "number", "otherwise", "else"]);

const cmpOf = (words: string, table: ReadonlyArray<readonly [string, Cmp]>): Cmp | undefined =>
  table.find(([w]) => new RegExp(`^${w.includes("\\") ? w : escape(w)}$`, "i").test(words.trim().replace(/\s+/g, " ")))?.[1];

const answerOf = (m: RegExpMatchArray, from: number): string | undefined => {
  const text = m[from] ?? m[from + 1] ?? m[from + 2];
  if (text === undefined) return undefined;
  // "a" is an article and "A" a grade; "The" or "If" begin a sentence.
  const word = text.length > 1 ? text.toLowerCase() : text;
  return m[from + 2] !== undefined && NOT_ANSWERS.has(word) ? undefined : text;
};

/** The rungs and the default the description states, or undefined where it states no ladder. */
export function statedLadder(description: string): { rungs: Rung[]; otherwise: string } | undefined {
  const rungs: Rung[] = [];
  for (const m of description.matchAll(ANSWER_FIRST)) {
    const answer = answerOf(m, 1);
    const cmp = m[4] !== undefined ? cmpOf(m[4], BEFORE) : cmpOf(m[7] ?? "", AFTER);
    const bound = Number(m[5] ?? m[6]);
    if (answer !== undefined && cmp !== undefined && Number.isFinite(bound)) rungs.push({ answer, cmp, bound });
  }
  if (rungs.length === 0) {
    for (const m of description.matchAll(BOUND_FIRST)) {
      const answer = answerOf(m, 5);
      const cmp = m[1] !== undefined ? cmpOf(m[1], BEFORE) : cmpOf(m[4] ?? "", AFTER);
      const bound = Number(m[2] ?? m[3]);
      if (answer !== undefined && cmp !== undefined && Number.isFinite(bound)) rungs.push({ answer, cmp, bound });
    }
  }
  const fallback = [...description.matchAll(DEFAULT_AFTER)].map((m) => answerOf(m, 1)).find((a) => a !== undefined)
    ?? [...description.matchAll(DEFAULT_BEFORE)].map((m) => answerOf(m, 1)).find((a) => a !== undefined);
  if (rungs.length === 0 || fallback === undefined) return undefined;
  return { rungs: ordered(rungs), otherwise: fallback };
}

/**
 * Rungs in the order they are tried: lower bounds from the highest down and upper bounds from the
 * lowest up, so "C from 70, B from 80, A from 90" reads as the person means; a ladder that mixes
 * both keeps the order it was written in.
 */
function ordered(rungs: readonly Rung[]): Rung[] {
  const lower = rungs.every((r) => r.cmp === "ge" || r.cmp === "gt");
  const upper = rungs.every((r) => r.cmp === "le" || r.cmp === "lt");
  if (lower) return [...rungs].sort((a, b) => b.bound - a.bound);
  if (upper) return [...rungs].sort((a, b) => a.bound - b.bound);
  return [...rungs];
}

/** The answer as the examples write theirs: a number where they are numbers, else the text. */
function written(answer: string, outputs: readonly Json[]): Json {
  return outputs.every((o) => typeof o === "number") && /^-?\d+(?:\.\d+)?$/.test(answer) ? Number(answer) : answer;
}

function ladderExpr(field: string, rungs: readonly Rung[], otherwise: string, outputs: readonly Json[]): Expr {
  const subject: Expr = { k: "in", path: [field] };
  // Each rung's comparison is `stated`: the words fix its bound and its side (rival-readings.ts).
  const stated = (r: Rung): Expr => ({ k: "op", op: r.cmp, args: [subject, konst(r.bound)], stated: true });
  return rungs.reduceRight<Expr>((rest, r) => ({ k: "if", cond: stated(r), then: konst(written(r.answer, outputs)), else: rest }), konst(written(otherwise, outputs)));
}

/**
 * The stated ladder on each numeric field where it gives every example's answer (the first
 * `exampleRows` rows), as a term of the top-level search with its values on every row.
 */
export function ladderTerminals(description: string, inputs: readonly Json[], outputs: readonly Json[], exampleRows = inputs.length): Entry[] {
  const ladder = statedLadder(description);
  if (ladder === undefined || outputs.length === 0) return [];
  const out: Entry[] = [];
  for (const field of numericFields(inputs.slice(0, exampleRows))) {
    const expr = ladderExpr(field, ladder.rungs, ladder.otherwise, outputs);
    const vals = inputs.map((input) => {
      const v = evaluate(expr, { input });
      return v === FAIL ? null : v;
    });
    if (!outputs.every((o, i) => i >= exampleRows || jsonEqual(vals[i] as Json, o))) continue;
    out.push({ expr, size: 1, vals, kind: kindOf(vals).kind });
    if (out.length >= MAX_LADDERS) break;
  }
  return out;
}
